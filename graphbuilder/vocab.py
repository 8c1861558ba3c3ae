"""Loads the lexicons and layout patterns under ontology/ once into a typed Vocab.

Vocabulary is data: a new role word is a row in roles.tsv, never an `if`. A broken
lexicon file is a programmer error and raises VocabError naming file and line.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from graphbuilder.paths import ontology_dir


class VocabError(ValueError):
    """A lexicon or pattern file is malformed."""


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str
    type: str
    parent: str
    valid_from: str
    valid_to: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GenreRule:
    """patterns/genres.tsv: a document (title, section) or a part of it (heading) in a genre."""
    genre: str                        # personnel | roster | task_division
    field: str                        # section | title | part
    pattern: re.Pattern


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    """patterns/boilerplate.tsv: a line that carries no fact, and why."""
    name: str                         # salutation, signature, date, page_header …
    scope: str                        # lead | head | tail | any
    genres: frozenset[str]            # the genres it applies to; "*" for all
    pattern: str                      # regex, @layout_pattern_name or document:<field>
    reason: str


@dataclass(frozen=True)
class Vocab:
    titles: dict[str, int]            # post title -> rank
    roles: dict[str, int]             # roster role label -> rank
    role_tiers: dict[str, str]        # role label -> leader/deputy/secretary/member/office
    bodies: dict[str, str]            # group-name suffix -> kind
    actions: dict[str, tuple[str, str]]   # cue -> (action, form)
    awards: dict[str, tuple[str, str]]    # heading -> (award, recipient kind)
    sections: tuple[str, ...]
    places: tuple[str, ...]           # words that open an organisation name
    duty_labels: dict[str, str]       # 牵头单位 -> lead, 配合单位 -> support …
    unit_suffixes: tuple[str, ...]    # endings of organisation names
    surnames: frozenset[str]
    agencies: tuple[Agency, ...]
    patterns: dict[str, re.Pattern]
    genres: tuple[GenreRule, ...] = ()
    boilerplate: tuple[BoilerplateRule, ...] = ()
    exclusive_titles: frozenset[str] = frozenset()   # principal heads: one such post at a time
    title_bodies: tuple[tuple[str, str], ...] = ()   # bare title -> the body it implies (副市长 -> 市人民政府)
    cue_genres: dict[str, str] = field(default_factory=dict)   # cue -> the only genre it is read in (任)
    duty_labels_beside_lead: dict[str, str] = field(default_factory=dict)   # 责任单位 -> support beside 牵头单位

    # Derived once per Vocab (cached_property writes the instance __dict__, which a
    # frozen dataclass allows): extractors consult these for every clause and token.
    @cached_property
    def titles_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted(self.titles, key=len, reverse=True))

    @cached_property
    def bodies_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted(self.bodies, key=len, reverse=True))

    def opens_with_surname(self, name: str) -> bool:
        """Whether ``name`` opens with a listed surname (one character, or two: 欧阳); any name
        does when no surname list is installed."""
        return not self.surnames or name[:1] in self.surnames or name[:2] in self.surnames

    def could_be_name(self, name: str) -> bool:
        """Whether ``name`` could be a person's name: 2–4 Chinese characters opening with a
        listed surname, four only after a two-character surname (欧阳, 呼延)."""
        if not (2 <= len(name) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in name)):
            return False
        if len(name) == 4:
            return name[:2] in self.surnames
        return self.opens_with_surname(name)

    @cached_property
    def titles_holding_cues(self) -> dict[str, tuple[str, ...]]:
        """For each action cue, the titles that hold it as a part (任 → 主任, 副主任 …)."""
        return {cue: tuple(t for t in self.titles if cue in t and t != cue) for cue in self.actions}

    def inside_title(self, text: str, at: int, cue: str) -> bool:
        """Whether the ``cue`` at ``at`` in ``text`` is part of a title word (the 任 of 副主任)."""
        return any(at >= title.find(cue) and text.startswith(title, at - title.find(cue))
                   for title in self.titles_holding_cues.get(cue, ()))

    @cached_property
    def org_names(self) -> frozenset[str]:
        """Every organisation name and alias the lexicon knows."""
        return frozenset(n for a in self.agencies for n in (a.name, *a.aliases) if n)


def _rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.exists():
        raise VocabError(f"{path}: lexicon file missing")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader((line for line in handle if not line.startswith("#")),
                                delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise VocabError(f"{path}:1: header lacks column(s) {missing}")
        rows = []
        for number, row in enumerate(reader, start=2):
            if any(not (row.get(c) or "").strip() for c in columns[:1]):
                raise VocabError(f"{path}:{number}: empty {columns[0]!r}")
            rows.append({k: (v or "").strip() for k, v in row.items() if k})
        return rows


def _int(path: Path, row: dict, key: str) -> int:
    try:
        return int(row[key])
    except ValueError as error:
        raise VocabError(f"{path}: {key} of {row} is not an integer") from error


def _words(path: Path) -> list[str]:
    if not path.exists():
        raise VocabError(f"{path}: word list missing")
    return [w.strip() for w in path.read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")]


def _places(lex: Path) -> tuple[str, ...]:
    """Words that open an organisation name, longest first: ``places.txt``, then the full and
    short names of the country's provinces and prefecture-level divisions (``divisions.tsv``)."""
    words = _words(lex / "places.txt")
    for row in _rows(lex / "divisions.tsv", ("name", "short", "parent")):
        words += [row["name"], row["short"]] if row["short"] else [row["name"]]
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def _patterns(path: Path) -> dict[str, re.Pattern]:
    compiled = {}
    for row in _rows(path, ("name", "regex")):
        try:
            compiled[row["name"]] = re.compile(row["regex"])
        except re.error as error:
            raise VocabError(f"{path}: pattern {row['name']!r} does not compile: {error}") from error
    return compiled


def _agencies(path: Path) -> tuple[Agency, ...]:
    if not path.exists():
        return ()
    return tuple(Agency(r["id"], r["name"], r.get("type", ""), r.get("parent", ""),
                        r.get("valid_from", ""), r.get("valid_to", ""),
                        tuple(a.strip() for a in r.get("aliases", "").split("|") if a.strip()))
                 for r in _rows(path, ("id", "name", "type")))


@lru_cache(maxsize=4)
def load_vocab(root: str | None = None) -> Vocab:
    base = Path(root) if root else ontology_dir()
    lex = base / "lexicon"
    titles = _rows(lex / "titles.tsv", ("title", "rank"))
    roles = _rows(lex / "roles.tsv", ("label", "rank", "tier"))
    actions = _rows(lex / "actions.tsv", ("cue", "action", "form"))
    duty_labels = _rows(lex / "duty_labels.tsv", ("label", "kind"))
    return Vocab(
        titles={r["title"]: _int(lex / "titles.tsv", r, "rank") for r in titles},
        roles={r["label"]: _int(lex / "roles.tsv", r, "rank") for r in roles},
        role_tiers={r["label"]: r["tier"] for r in roles},
        bodies={r["suffix"]: r["kind"] for r in _rows(lex / "bodies.tsv", ("suffix", "kind"))},
        actions={r["cue"]: (r["action"], r["form"]) for r in actions},
        cue_genres={r["cue"]: r["genre"] for r in actions if r.get("genre")},
        awards={r["heading"]: (r["award"], r["recipient_kind"])
                for r in _rows(lex / "awards.tsv", ("heading", "award", "recipient_kind"))},
        sections=tuple(_words(lex / "sections.txt")),
        places=_places(lex),
        duty_labels={r["label"]: r["kind"] for r in duty_labels},
        duty_labels_beside_lead={r["label"]: r["beside_lead"] for r in duty_labels if r.get("beside_lead")},
        unit_suffixes=tuple(_words(lex / "unit_suffixes.txt")),
        surnames=frozenset(_words(lex / "surnames.txt")) if (lex / "surnames.txt").exists()
        else frozenset(),
        agencies=_agencies(lex / "agencies.tsv"),
        patterns=_patterns(base / "patterns" / "layout.tsv"),
        genres=_genres(base / "patterns" / "genres.tsv"),
        boilerplate=_boilerplate(base / "patterns" / "boilerplate.tsv"),
        exclusive_titles=frozenset(r["title"] for r in titles if r.get("exclusive") == "yes"),
        title_bodies=tuple((r["title"], r["body"]) for r in titles if r.get("body")),
    )


def _genres(path: Path) -> tuple[GenreRule, ...]:
    rules = []
    for row in _rows(path, ("genre", "field", "regex")):
        if row["field"] not in ("section", "title", "part"):
            raise VocabError(f"{path}: field {row['field']!r} is not section, title or part")
        try:
            rules.append(GenreRule(row["genre"], row["field"], re.compile(row["regex"])))
        except re.error as error:
            raise VocabError(f"{path}: regex {row['regex']!r} does not compile: {error}") from error
    return tuple(rules)


def _boilerplate(path: Path) -> tuple[BoilerplateRule, ...]:
    rules = []
    for row in _rows(path, ("class", "scope", "genres", "pattern", "reason")):
        if row["scope"] not in ("lead", "head", "tail", "any"):
            raise VocabError(f"{path}: scope {row['scope']!r} of {row['class']!r} is not lead, head, tail or any")
        if not row["reason"]:
            raise VocabError(f"{path}: boilerplate class {row['class']!r} gives no reason")
        pattern = row["pattern"]
        if not pattern.startswith(("@", "document:")):
            try:
                re.compile(pattern)
            except re.error as error:
                raise VocabError(f"{path}: pattern of {row['class']!r} does not compile: {error}") from error
        genres = frozenset(g.strip() for g in row["genres"].split(",") if g.strip())
        rules.append(BoilerplateRule(row["class"], row["scope"], genres, pattern, row["reason"]))
    return tuple(rules)
