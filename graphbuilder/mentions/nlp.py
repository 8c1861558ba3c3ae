"""The spaCy pipeline: spacy.blank("zh") with a SpanRuler fed from the lexicons
and a component that marks person names from their cues.

Labels written to ``doc.spans["mentions"]``:
ORG (lexicon organisations), PLACE (words that open an organisation name),
TITLE (post titles), ROLE (roster role labels), BODY (group-name suffixes),
CUE (appointment verbs), PERSON (names found from cues).
This is the only module (with find.py) that imports spaCy.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuilder.vocab import Vocab, load_vocab

SPANS_KEY = "mentions"
NAME_LENGTHS = (2, 3, 4)
# What may follow a person's name in a clause: 的 (免去A的X), 为 (任命A为X),
# a bracket (（女）, （市长）), 、 before another name (任命A、B为X), or the start of an
# organisation / place / cue.
NAME_STOPS = ("的", "为", "（", "不再担任", "同志", "、")


@lru_cache(maxsize=2)
def build_nlp(ontology_root: str | None = None) -> Language:
    vocab = load_vocab(ontology_root)
    nlp = spacy.blank("zh")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": SPANS_KEY, "overwrite": False,
                                               "validate": False})
    ruler.add_patterns(_phrase_patterns(vocab))
    nlp.add_pipe("gb_person_names", config={"ontology_root": ontology_root or ""})
    return nlp


def _phrase_patterns(vocab: Vocab) -> list[dict]:
    patterns = []
    for agency in vocab.agencies:
        for name in {agency.name, *agency.aliases}:
            patterns.append({"label": "ORG", "pattern": name, "id": agency.id})
    groups = (("PLACE", vocab.places), ("TITLE", vocab.titles), ("ROLE", vocab.roles),
              ("BODY", vocab.bodies), ("CUE", vocab.actions))
    for label, words in groups:
        patterns.extend({"label": label, "pattern": word} for word in words)
    return patterns


@Language.factory("gb_person_names", default_config={"ontology_root": ""})
def make_person_names(nlp: Language, name: str, ontology_root: str) -> "PersonNames":
    return PersonNames(load_vocab(ontology_root or None))


class PersonNames:
    """Marks PERSON spans next to appointment cues.

    After 任命/免去/提名… the name runs to 为, 的, a bracket, or the start of an
    organisation or of a county-level place (新安县…); before 不再担任 or 任 it is the characters
    that precede the cue on its clause, less 同志 and （女）. Candidate lengths are 2–4 characters, and a name must open with
    a listed surname (compound surnames such as 呼延 allow four characters).
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.actions = vocab.actions
        self.county_opening = vocab.patterns["county_opening"]

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(SPANS_KEY, []))
        read = [(span.label_, span.start_char, span.end_char) for span in spans]   # each attribute read once
        starts = {i for label, i, _ in read if label in ("ORG", "PLACE", "CUE")}
        text = doc.text                   # spaCy joins the tokens again on every access
        found = []
        for label, start, end in read:
            if label != "CUE":
                continue
            form = self.actions.get(text[start:end], ("", ""))[1]
            if form == "person_verb_post":
                candidate = None if self.vocab.inside_title(text, start, text[start:end]) \
                    else self._name_before(text, start)
            else:
                candidate = self._name_after(text, end, starts)
            if candidate:
                span = doc.char_span(*candidate, label="PERSON")
                if span is not None:
                    found.append(span)
        doc.spans[SPANS_KEY] = spans + found
        return doc

    def _name_after(self, text: str, at: int, starts: set[int]) -> tuple[int, int] | None:
        if text.startswith("其", at):       # 免去其X职务 refers back to the clause's person
            return None
        ranked = []
        for length in NAME_LENGTHS:
            name = text[at:at + length]
            rest = text[at + length:]
            if len(name) < length or not self.vocab.could_be_name(name):
                continue
            if rest.startswith(NAME_STOPS):
                ranked.append((0, length))
            elif at + length in starts:
                ranked.append((1, length))
            elif self.county_opening.match(rest):      # weaker: the lexicon's places come first
                ranked.append((2, length))
        if not ranked:
            return None
        best = min(ranked, key=lambda r: (r[0], r[1] != 3, r[1]))
        return at, at + best[1]

    def _name_before(self, text: str, at: int) -> tuple[int, int] | None:
        begin = at
        while begin > 0 and begin > at - 7 and text[begin - 1] not in "；。，：、\n":
            begin -= 1
        name = bare_name(text[begin:at])
        if self.vocab.could_be_name(name):
            return begin, begin + len(name)
        return None


def bare_name(text: str) -> str:
    """A name without the 同志 and （女） printed after it, in either order."""
    for _ in range(2):
        text = text.removesuffix("（女）").removesuffix("同志")
    return text


def spans(doc: Doc, label: str | None = None) -> list[Span]:
    return [s for s in doc.spans.get(SPANS_KEY, []) if label is None or s.label_ == label]
