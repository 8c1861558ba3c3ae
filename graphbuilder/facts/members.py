"""How a roster line prints its members: `安 伟（市长）`, `张  三  市长`, `市长 张三`,
`市财政局局长王五`, several on a line (、，, side by side, wide gaps), each a (name, post).

Squashed lines lose their spaces; their offsets still show where the spaces were, and
those gaps part a name from its post.
"""
from __future__ import annotations

import re

from graphbuilder.documents.normalize import NormalText
from graphbuilder.facts.common import split_outside_brackets
from graphbuilder.vocab import Vocab

NAME = r"[\u4e00-\u9fff]{2,4}"
RE_MEMBER = re.compile(rf"(?P<name>{NAME})(?:（(?P<post>[^（）]*)）)?")
# Members side by side without a separator (李四（副市长）    王五（秘书长）, squashed): one a match
RE_BRACKETED_MEMBER = re.compile(rf"{NAME}（[^（）]*）")
# A line of members only: members with their brackets, separated by 、 or ， (or not at all).
# Written so that a run of characters splits into members one way only: the obvious
# `(?:{RE_MEMBER}[、，]?)+` backtracks exponentially on a long line that fails at its end.
_RUN = r"(?:[\u4e00-\u9fff]{2,}（[^（）]*）)*[\u4e00-\u9fff]{2,}(?:（[^（）]*）)?"
RE_MEMBER_LINE = re.compile(rf"{_RUN}(?:[、，]{_RUN})*[、，]?")


class MemberForms:
    """The member forms of roster lines, by the lexicons' titles and surnames."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def only_members(self, text: str) -> bool:
        """Whether ``text`` is bracketed members and nothing else (a continuation line)."""
        body = text.lstrip("-•·")
        return "（" in body and RE_MEMBER_LINE.fullmatch(body) is not None

    def member(self, flat: NormalText, i: int, j: int) -> tuple[str, str] | None:
        """(name, post) of one member printed as ``flat.text[i:j]``, in any of the forms; None
        when it is none."""
        spaced = self.spaced(flat, i, j) or self.post_then_name(flat, i, j)
        if spaced:
            return spaced
        match = RE_MEMBER.fullmatch(flat.text[i:j])
        if match and self.is_person(match["name"]):                  # 市财政局 is no name
            return match["name"], match["post"] or ""
        if not gaps_within(flat, i, j) and (named := self.post_and_name(flat.text[i:j])):
            return named[1], named[0]                                 # 成员：市财政局局长王五、…
        return None

    def read(self, flat: NormalText, at: int) -> list[tuple[int, int, str, str]]:
        """(start, end, name, post) of each member on ``flat`` from ``at``: one spaced member
        whose post holds a 、 (张  三  市委常委、常务副市长), else each part of the line."""
        whole = self.spaced(flat, at, len(flat.text))
        if whole and not _gaps_after(flat, at + len(whole[0]) + 1):
            return [(at, len(flat.text), *whole)]
        whole = self.post_then_name(flat, at, len(flat.text))      # 市委副书记、市长 张三
        if whole:
            return [(at, len(flat.text), *whole)]
        out = []
        for i, j in _member_parts(flat.text[at:]):
            pieces = _wide_gap_pieces(flat, at + i, at + j)       # 王五　市财政局局长　　　钱七　市公安局局长
            members = [self.member(flat, a, b) for a, b in pieces]
            if len(pieces) > 1 and None in members:
                pieces, members = [(at + i, at + j)], [self.member(flat, at + i, at + j)]
            out += [(a, b, *member) for (a, b), member in zip(pieces, members) if member]
        return out

    def side_by_side(self, flat: NormalText) -> bool:
        """Whether ``flat`` is members set side by side with wide gaps, each a member."""
        pieces = _wide_gap_pieces(flat, 0, len(flat.text))
        return len(pieces) > 1 and all(self.member(flat, a, b) for a, b in pieces)

    def spaced(self, flat: NormalText, i: int, j: int) -> tuple[str, str] | None:
        """(name, post) of ``flat.text[i:j]`` printed as a name, spaces, then the post without
        brackets (`张  三  市长`, `王小明　市政府秘书长`): the name ends at the last space within
        its first four characters, opens with a surname, and a title ends the post. The spaces
        are gone from a squashed line; its offsets still show where they were."""
        part = flat.text[i:j]
        if "（" in part:
            return None
        for k in range(min(4, len(part) - 1), 1, -1):
            if space_before(flat, i + k):
                name, post = part[:k], part[k:]
                if self.is_person(name) and post.endswith(self.vocab.titles_longest_first):
                    return name, post
                return None
        return None

    def post_then_name(self, flat: NormalText, i: int, j: int) -> tuple[str, str] | None:
        """(name, post) of ``flat.text[i:j]`` printed as the post, spaces, then the name
        (`市长 张三`, `市市场监管局局长　赵六`): a title ends the post, and no other gap is in it."""
        part = flat.text[i:j]
        for k in (3, 2, 4):
            if len(part) > k + 1 and space_before(flat, j - k) and not gaps_within(flat, i, j - k):
                name, post = part[-k:], part[:-k]
                if self.is_person(name) and post.endswith(self.vocab.titles_longest_first):
                    return name, post
        return None

    def posts_and_names(self, holder: str) -> list[tuple[str, str]]:
        """(post, name) of each of ``holder``'s 、-separated parts when every part is a post
        closed by a title and then a person's name (市长张三、副市长李四); [] otherwise."""
        out = [self.post_and_name(part) for part in holder.split("、")]
        return [] if None in out else out

    def post_and_name(self, part: str) -> tuple[str, str] | None:
        """(post, name) of `市长张三`: a title closes the post, a person's name follows (three
        characters tried first, as most names are)."""
        for k in (3, 2, 4):
            post, name = part[:-k], part[-k:]
            if len(post) > 1 and post.endswith(self.vocab.titles_longest_first) and self.is_person(name):
                return post, name
        return None

    def is_person(self, text: str) -> bool:
        """A name, not a position: 2–4 characters, no title word, opening with a surname."""
        if not re.fullmatch(NAME, text) or text.endswith(self.vocab.titles_longest_first):
            return False
        return self.vocab.opens_with_surname(text)


def space_before(flat: NormalText, k: int) -> bool:
    """Whether whitespace was squashed out of ``flat`` just before its character ``k`` (its
    offsets jump there)."""
    return flat.origin[k] > flat.origin[k - 1] + 1


def gaps_within(flat: NormalText, i: int, j: int) -> bool:
    """Whether whitespace was squashed out of ``flat.text[i:j]`` (between its characters)."""
    return any(space_before(flat, k) for k in range(i + 1, j))


def _gaps_after(flat: NormalText, start: int) -> bool:
    """Whether whitespace was squashed out of ``flat`` anywhere after ``start``."""
    return gaps_within(flat, start - 1, len(flat.text))


def _wide_gap_pieces(flat: NormalText, i: int, j: int) -> list[tuple[int, int]]:
    """``flat.text[i:j]`` cut where two or more whitespace characters were squashed out."""
    cuts = [k for k in range(i + 1, j) if flat.origin[k] - flat.origin[k - 1] > 2]
    return list(zip([i, *cuts], [*cuts, j]))


def _member_parts(text: str) -> list[tuple[int, int]]:
    """(start, end) of each member of a roster line: parts between 、 and ，, and a part of
    several bracketed members printed side by side split into each of them."""
    out = []
    for i, j in split_outside_brackets(text, "、，"):
        runs = list(RE_BRACKETED_MEMBER.finditer(text, i, j))
        if len(runs) > 1 and runs[0].start() == i and runs[-1].end() == j \
                and all(a.end() == b.start() for a, b in zip(runs, runs[1:])):
            out += [(run.start(), run.end()) for run in runs]
        else:
            out.append((i, j))
    return out
