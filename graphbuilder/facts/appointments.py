"""Appointments and removals: every 任命 / 免去 / 不再担任 / 提名 / 聘任 clause.

A clause opens a line with an action cue (or `A不再担任`); lines that do not open
a clause continue the one before it, so page breaks and wrapped lines are read
as printed. One Appointment per person × post × action.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from graphbuilder.documents.normalize import NormalText, concat
from graphbuilder.facts.common import (document_text, make_source, split_outside_brackets,
                                       squashed_lines, trailing_qualifiers, unread)
from graphbuilder.facts.coverage import document_genre
from graphbuilder.facts.tasks import OPENERS as MARKER_OPENERS, marker
from graphbuilder.mentions.find import Mentions, find_mentions
from graphbuilder.mentions.nlp import bare_name
from graphbuilder.records import Action, Appointment, Diagnostic, Document, Extraction, Severity
from graphbuilder.vocab import Vocab

RE_PERSON_NOTE = re.compile(r"（(?P<note>[^（）]{1,12})）")     # （女） / （女，回族） after a name
MAX_NAME_RUN = 7             # a name with 同志 and （女） before a following cue: 欧阳春花（女）
RE_TITLE_COUNT = re.compile(r"关于(?P<first>[\u4e00-\u9fff]{2,4}?)等(?P<count>\d+)(?:人|名同志)")
SELF_REMOVAL = r"[，,]?免去其"          # 其: the person of the clause still open
RE_SELF = re.compile(SELF_REMOVAL + r"(?P<posts>.+?)(?:职务)?$")
RE_SELF_OPENING = re.compile(SELF_REMOVAL)
RE_ITEM_OPENING = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?:同志)?(?:（女）)?(?:为|的)")
RE_CO_NAME = re.compile(r"、(?P<name>[\u4e00-\u9fff]{2,4}?)(?=、|为|的|同志|（)")


def extract_appointments(document: Document, vocab: Vocab) -> Extraction:
    text = document_text(document, vocab)
    facts: list[Appointment] = []
    diagnostics: list[Diagnostic] = []
    consumed: list[tuple[int, int]] = []
    genre = document_genre(document, vocab)
    for clause, heading in _clauses(text, vocab, genre):
        found = _read_clause(document, clause, vocab, genre, heading)
        if found:
            facts.extend(found)
            consumed += [view.span(0, len(view.text)) for view in (clause, heading) if view is not None]
        else:
            diagnostics.append(unread(document, clause, "GB301",
                                      "personnel clause not understood: no person or post found"))
    diagnostics.extend(_check_count(document, facts))
    return Extraction(tuple(facts), tuple(diagnostics), tuple(consumed))


def _opens_clause(flat: str, vocab: Vocab, genre: str) -> bool:
    """Whether ``flat`` opens a clause: with a cue (任命…), or with names and then a cue that
    follows its person and comes before a post (张三不再担任…, 张三同志任…; not 副主任… continuing
    a post, nor the document number 石政任〔2018〕1号)."""
    leading, following = _cues(vocab)
    if flat.startswith(leading):
        return True
    return any(_names_then_cue(flat, match.start(), match[0], vocab, genre)
               for match in following.pattern.finditer(flat, 1, MAX_NAME_RUN + 1 + following.longest))


def _names_then_cue(flat: str, at: int, cue: str, vocab: Vocab, genre: str) -> bool:
    after = flat[at + len(cue):at + len(cue) + 1]
    return at <= MAX_NAME_RUN and "\u4e00" <= after <= "\u9fff" and _read_in(cue, genre, vocab) \
        and not vocab.inside_title(flat, at, cue) \
        and all(map(vocab.could_be_name, bare_name(flat[:at]).split("、")))


def _read_in(cue: str, genre: str, vocab: Vocab) -> bool:
    """Whether ``cue`` is read in a document of ``genre`` (the bare 任 only in personnel notices)."""
    return vocab.cue_genres.get(cue, genre) == genre


_last_cues: tuple = (None, ((), None))   # (vocab.actions, its cues): asked for on every line


class _FollowingCues(NamedTuple):
    pattern: re.Pattern           # the cues that follow their person (…不再担任, …任), longest first
    longest: int


def _cues(vocab: Vocab) -> tuple[tuple[str, ...], _FollowingCues]:
    """Cues that open a clause (任命…), and the cues that follow its person (…不再担任)."""
    global _last_cues
    if _last_cues[0] is not vocab.actions:
        actions = vocab.actions.items()
        following = sorted((cue for cue, (_, form) in actions if form == "person_verb_post"), key=len, reverse=True)
        _last_cues = (vocab.actions, (tuple(cue for cue, (_, form) in actions if form != "person_verb_post"),
                                      _FollowingCues(re.compile("|".join(map(re.escape, following))),
                                                     len(following[0]))))
    return _last_cues[1]


def _clauses(text: NormalText, vocab: Vocab, genre: str) -> list[tuple[NormalText, NormalText | None]]:
    """Squashed clauses: lines opening with a cue, plus their continuation lines; each with
    the cue heading it stands under (``任命：`` over ``A为X；`` lines), None for the others."""
    groups: list[tuple[list[NormalText], NormalText | None]] = []
    heading: NormalText | None = None         # the cue heading in force (until a 。 ends its list)
    open_group = False                        # the last group's clause runs on (no ； or 。 yet)
    for _, flat in squashed_lines(text):
        if not flat.text:
            continue
        if flat.text[:1] in MARKER_OPENERS or "决定" in flat.text[:60]:      # few lines: test first
            flat = _after_lead(flat, vocab, genre)
        cue = _cue_heading(flat.text, vocab)
        if cue is not None:
            heading, rest = flat.slice(*cue.span("cue")), flat.slice(cue.end(), len(flat.text))
            if rest.text:
                groups.append(([rest], heading))
            open_group = bool(rest.text) and not rest.text.endswith(("；", "。"))
            continue
        if _opens_clause(flat.text, vocab, genre) and not (open_group and RE_SELF_OPENING.match(flat.text)):
            heading = None
            groups.append(([flat], None))
        elif vocab.patterns["closing_formula"].match(flat.text) or vocab.patterns["date"].fullmatch(flat.text) \
                or (heading is not None and vocab.patterns["signature_line"].fullmatch(flat.text)):
            heading, open_group = None, False   # the list is over: nothing after it continues a clause
            continue
        elif heading is not None and _opens_item(flat.text, vocab):
            groups.append(([flat], heading))   # the next clause under the heading (张三为X), ； or not
        elif open_group:
            groups[-1][0].append(flat)     # a wrapped line, or 免去其… of the person before the comma
        elif heading is not None:
            groups.append(([flat], heading))
        else:
            continue
        open_group = bool(groups) and not groups[-1][0][-1].text.endswith(("；", "。"))
        if heading is not None and groups and groups[-1][0][-1].text.endswith("。"):
            heading = None
    clauses = []
    for lines, above in groups:
        joined = concat(lines)
        for i, j in split_outside_brackets(joined.text, "；。"):
            piece = joined.slice(i, j)
            if piece.text.strip("，, "):
                clauses += _items(piece, above, vocab, genre)
    return clauses


def _items(piece: NormalText, above: NormalText | None, vocab: Vocab,
           genre: str) -> list[tuple[NormalText, NormalText | None]]:
    """``piece`` cut where a comma opens another person's item: one under the same cue (任命A为X，
    B为Y / 免去A的X职务，B的Y职务), read as if under a cue heading, or a clause of its own
    (A任X，B任Y / A不再担任X，B不再担任Y); not 免去其, which goes on with the same person."""
    if "，" not in piece.text:
        return [(piece, above)]
    cue = next((c for c in _cues(vocab)[0] if piece.text.startswith(c)), None)
    cuts: list[tuple[int, bool]] = []          # (comma, whether the item after it is a clause of its own)
    for _, j in split_outside_brackets(piece.text, "，")[:-1]:
        rest = piece.text[j + 1:]
        if _opens_clause(rest, vocab, genre) and not RE_SELF_OPENING.match(rest):
            cuts.append((j, True))
        elif cue is not None and _opens_item(rest, vocab):
            cuts.append((j, False))
    if not cuts:
        return [(piece, above)]
    heading = piece.slice(0, len(cue)) if cue else None
    starts = [(0, above), *((j + 1, None if own else heading) for j, own in cuts)]
    ends = [j for j, _ in cuts] + [len(piece.text)]
    return [(piece.slice(a, b), under) for (a, under), b in zip(starts, ends)]


def _after_lead(flat: NormalText, vocab: Vocab, genre: str) -> NormalText:
    """``flat`` from its clause when an item number (一、 1. （三）) or a decision formula
    (…研究，决定任命A为X) comes before it."""
    numbered = marker(flat.text)
    rest = flat.text[numbered.length:] if numbered is not None else ""
    if rest and (_opens_clause(rest, vocab, genre) or _opens_item(rest, vocab)):    # 1.张三为X under 任命：
        return flat.slice(numbered.length, len(flat.text))
    if "决定" not in flat.text[:60]:
        return flat
    lead = vocab.patterns["decision_lead"].match(flat.text)
    if lead is None or not flat.text.startswith(_cues(vocab)[0], lead.end()):
        return flat
    return flat.slice(lead.end(), len(flat.text))


def _opens_item(flat: str, vocab: Vocab) -> bool:
    """Whether ``flat`` opens a clause under a cue heading: a person's name, then 为 or 的
    (lists printed one clause a line without ；)."""
    match = RE_ITEM_OPENING.match(flat)
    return match is not None and vocab.opens_with_surname(match["name"])


def _cue_heading(flat: str, vocab: Vocab) -> re.Match | None:
    """The match of a cue heading (``任命：``, ``免去以下同志职务：``) opening ``flat``, when its cue
    is an action that comes before its person."""
    if "：" not in flat[:40]:                  # a heading's colon comes within its first words
        return None
    match = vocab.patterns["cue_heading"].match(flat)
    if match is None or vocab.actions.get(match["cue"], ("", "person_verb_post"))[1] == "person_verb_post":
        return None
    return match


def _read_clause(document: Document, clause: NormalText, vocab: Vocab, genre: str,
                 heading: NormalText | None = None) -> list[Appointment]:
    """The appointments of one clause; under a cue ``heading`` it is read as if it began with
    the cue, and sourced to its own text."""
    source = make_source(document, clause)
    if heading is not None:
        clause = concat([heading, clause])
    mentions = find_mentions(clause)
    person = _person(clause.text, mentions, vocab, genre)
    if person is None:
        return []
    name_start, name_end, cue, action = person
    names = [clause.text[name_start:name_end]]
    if cue not in clause.text[:name_start]:                                    # A、B不再担任X
        names = _listed_before(clause.text[:name_start], vocab) + names
    while (other := _co_named(clause.text, name_end, vocab)) is not None:      # 任命A、B为X
        names.append(clause.text[other[0]:other[1]])
        name_end = other[1]
    rest, gender, noted = _after_name(clause.text[name_end:], vocab)
    if cue in clause.text[:name_start]:
        rest = rest[1:] if rest[:1] in "为的" else rest
    else:                                            # A不再担任X
        rest = rest[rest.find(cue) + len(cue):] if cue in rest else ""
    removal = RE_SELF.search(rest)
    own = rest[:removal.start()] if removal else rest
    groups = [(action, own)]
    if removal:
        groups.append((Action.REMOVE, removal["posts"]))
    facts = []
    for name in names:
        for act, posts in groups:
            for post, qualifiers in _posts(posts, act, vocab):
                organization, title = split_post(post, vocab)
                facts.append(Appointment(name, act, post, organization, title, noted + qualifiers,
                                         gender if len(names) == 1 else "", source))
    return facts


def _after_name(rest: str, vocab: Vocab) -> tuple[str, str, tuple[str, ...]]:
    """``rest`` past the 同志 and the bracketed note printed after a name (（女）, （女，回族）,
    （挂职）): (what follows, gender, the note's words that qualify the posts, not the person)."""
    rest = rest.removeprefix("同志")
    note = RE_PERSON_NOTE.match(rest)
    if note is None:
        return rest, "", ()
    words = tuple(word for word in re.split("[，,、]", note["note"]) if word)
    gender = "female" if "女" in words else ""
    person = vocab.patterns["person_attribute"]
    return rest[note.end():].removeprefix("同志"), gender, tuple(w for w in words if not person.fullmatch(w))


def _co_named(text: str, at: int, vocab: Vocab) -> tuple[int, int] | None:
    """(start, end) of another person's name after ``、`` at ``at`` (任命张三、李四为X), when it
    opens with a surname and 、, 为, 的, 同志 or a bracket follows it."""
    match = RE_CO_NAME.match(text, at)
    if match is None or not vocab.opens_with_surname(match["name"]):
        return None
    return match.span("name")


def _listed_before(prefix: str, vocab: Vocab) -> list[str]:
    """The names listed before the last one of ``A、B不再担任X`` (``prefix`` is ``A、``)."""
    if not prefix.endswith("、"):
        return []
    names = []
    for piece in reversed(prefix[:-1].split("、")):
        name = bare_name(piece)
        if not vocab.could_be_name(name):
            break
        names.insert(0, name)
    return names


def _person(text: str, mentions: Mentions, vocab: Vocab, genre: str) -> tuple[int, int, str, Action] | None:
    """(name start, name end, cue, action) from the PERSON mention next to the clause's cue."""
    for start, end, cue_mention in mentions.local("CUE"):
        if not _read_in(cue_mention.text, genre, vocab):
            continue
        action, form = vocab.actions[cue_mention.text]
        if form == "person_verb_post":
            names = [(i, j) for i, j, _ in mentions.local("PERSON") if j <= start]
        else:
            if start != 0:
                continue
            names = [(i, j) for i, j, _ in mentions.local("PERSON") if i == end]
        if names:
            i, j = names[-1] if form == "person_verb_post" else names[0]
            return i, j, cue_mention.text, Action(action)
    return None


def _posts(text: str, action: Action, vocab: Vocab) -> list[tuple[str, tuple[str, ...]]]:
    text = text.rstrip("，,")
    for tail in ("职务", "人选"):
        if text.endswith(tail):
            text = text[:-len(tail)].removesuffix("的")          # …局长的职务
    posts, previous_org = [], ""
    for i, j in split_outside_brackets(text, "、，,"):
        post, qualifiers = trailing_qualifiers(text[i:j])
        for tail in ("职务", "人选"):
            post = post.removesuffix(tail)
        if not post or vocab.patterns["appointment_remark"].fullmatch(post):      # ，另有任用
            continue
        organization, title = split_post(post, vocab)
        if not organization and previous_org:      # 局长、副书记: the organisation is implicit
            post = previous_org + post
        else:
            previous_org = organization
        posts.append((post, qualifiers))
    return posts


def split_post(post: str, vocab: Vocab) -> tuple[str, str]:
    """Organisation and title of a post, by the longest title in the lexicon."""
    for title in vocab.titles_longest_first:
        if post.endswith(title):
            return post[:-len(title)], title
    return post, ""


def _check_count(document: Document, facts: list[Appointment]) -> list[Diagnostic]:
    match = RE_TITLE_COUNT.search(document.title)
    if not match:
        return []
    persons = {f.person for f in facts}
    if len(persons) == int(match["count"]):
        return []
    return [Diagnostic(document.path, document.first_line, "GB311",
                       f"title counts {match['count']} persons but {len(persons)} were extracted",
                       Severity.WARNING, excerpt=document.title, doc=document.number)]
