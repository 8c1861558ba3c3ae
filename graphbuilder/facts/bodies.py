"""Names and kinds of bodies (领导小组, 指挥部, 委员会 …): from a notice's title, a founding
phrase, or a name's ending (``lexicon/bodies.tsv``)."""
from __future__ import annotations

import re

from graphbuilder.vocab import Vocab


def body_kind(name: str, vocab: Vocab) -> str:
    for suffix in vocab.bodies_longest_first:
        if name.endswith(suffix) and len(name) > len(suffix):
            return vocab.bodies[suffix]
    return ""


def body_name(text: str, vocab: Vocab) -> str:
    """The group name a founding phrase introduces (after the last 的 of `由…为成员的X`)."""
    best = ""
    for suffix in vocab.bodies_longest_first:
        at = text.find(suffix)
        if at > 0 and vocab.bodies[suffix] != "office":
            candidate = text[:at + len(suffix)]
            if len(candidate) > len(best):
                best = candidate
    best = best.rsplit("的", 1)[-1] if "由" in best or best.startswith("以") else best
    best = re.sub(r"^相应的?", "", best)
    return best if len(best) >= 5 else ""


def group_from_title(title: str, vocab: Vocab) -> str:
    match = re.search(r"关于(?:成立|调整|组建|设立|建立)(?P<name>.+?)(?:制度)?(?:组成人员|成员)?的(?:通知|决定)$", title)
    if match and body_kind(match["name"], vocab):
        return match["name"]
    return ""
