"""What the facts of a build say about persons and posts: the input of person resolution.

A post as printed (三门峡市水利局局长, 市政府副秘书长、市信访局局长, 副市长) is split into
(organisation, title) pairs: on 、 first, then by the longest title of ``titles.tsv``; a
bare title takes the body ``titles.tsv`` implies for it (副市长 → 市人民政府), so 副市长 in a
roster and 三门峡市人民政府副市长 in an appointment name the same post.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from graphbuilder.entities.persons import PersonMention
from graphbuilder.entities.places import clean
from graphbuilder.facts.appointments import split_post
from graphbuilder.records import Appointment, Commendation, DocumentResult, Membership
from graphbuilder.vocab import Vocab

HOLDING_ACTIONS = frozenset({"appoint"})     # a removal ends a holding: not evidence of a second post
SEPARATORS = "、，,；;"


@dataclass(frozen=True, slots=True)
class PostText:
    organization: str     # as printed (or implied by the title), "" when unknown
    title: str


def stated_posts(text: str, vocab: Vocab) -> list[PostText]:
    """The posts of a stated-post text: 市政府副秘书长、市信访局局长 → two posts."""
    posts = []
    for part in split_parts(clean(text)):
        organization, title = split_post(part, vocab)
        if title and not organization:
            organization = dict(vocab.title_bodies).get(title, "")
        if title:
            posts.append(PostText(organization, title))
    return posts


def split_parts(text: str) -> list[str]:
    parts, current = [], ""
    for char in text:
        if char in SEPARATORS:
            parts.append(current)
            current = ""
        else:
            current += char
    return [p for p in [*parts, current] if p]


def appointment_post(fact: Appointment, vocab: Vocab) -> PostText:
    """The post of an appointment clause, with a bare title's implied body."""
    organization = fact.organization or (dict(vocab.title_bodies).get(fact.title, "") if fact.title else "")
    return PostText(organization, fact.title or ("" if fact.organization else fact.post))


def person_mentions(results: Iterable[DocumentResult], vocab: Vocab, resolver) -> Iterator[PersonMention]:
    """One PersonMention per fact naming a person, with its gender and held posts as evidence."""
    for result in results:
        document = result.document
        jurisdiction = resolver.jurisdiction_of(document.issuer)
        for fact in result.facts:
            for name, gender, posts, holds in facts_evidence(fact, vocab):
                name = clean(name)
                if not name:
                    continue
                base = dict(name=name, jurisdiction=jurisdiction, doc=document.number, date=document.date,
                            start=fact.source.start, gender=gender)
                if not posts:
                    yield PersonMention(**base)
                for post in posts:
                    organization = resolver.resolve(post.organization, document.date, jurisdiction).key \
                        if post.organization else ""
                    yield PersonMention(**base, organization=organization, title=post.title, holds=holds,
                                        exclusive=post.title in vocab.exclusive_titles)


def facts_evidence(fact, vocab: Vocab) -> list[tuple[str, str, list[PostText], bool]]:
    """(name, gender, posts, holds) for the persons a fact names."""
    if isinstance(fact, Appointment):
        action = getattr(fact.action, "value", fact.action)
        return [(fact.person, fact.gender, [appointment_post(fact, vocab)], action in HOLDING_ACTIONS)]
    if isinstance(fact, Membership) and fact.person:
        return [(fact.person, "", stated_posts(fact.stated_post, vocab) if fact.stated_post else [], True)]
    if isinstance(fact, Commendation) and not fact.is_unit:
        return [(fact.recipient, "", [], False)]
    return []
