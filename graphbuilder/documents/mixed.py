"""UTF-8 files with foreign lines: decode line by line, and say which lines were not UTF-8.

A common real defect is a UTF-8 gazette with a passage pasted from a GB18030 (GBK)
source. Decoding the whole file one way loses one part: UTF-8 turns the pasted lines
into U+FFFD, GB18030 turns everything else into mojibake. So when most lines are
UTF-8, each line is read on its own: as UTF-8 when it decodes; as GB18030 when it
does not and its GB18030 reading is common mainland text; otherwise with U+FFFD for
the bad bytes.  NUL bytes, which no text gazette holds (a stray one in UTF-8 would
otherwise pass for UTF-16), are bad bytes too.  Neither encoding uses the bytes of
``\\r``, ``\\n`` or NUL inside a character, so splitting the bytes at line breaks never
cuts a character.  Line breaks
are kept as they are, so lines are numbered as in the file (``\\r\\n``, ``\\r`` and
``\\n`` each end one line) and text offsets are those of the decoded text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphbuilder.documents.chinese import looks_cjk, looks_mainland

RE_LINE_BREAK = re.compile(rb"(\r\n|\r|\n)")
FALLBACK = "gb18030"
_GOOD_PER_BAD = 10        # see mostly_good


@dataclass(slots=True)
class LineDecoding:
    """Decoded text with the 1-based lines read by fallback and those with replaced bytes."""
    text: str
    encoding: str
    fallback: list[int] = field(default_factory=list)
    damaged: list[int] = field(default_factory=list)
    bad_spans: int = 0


def decode_replacing(data: bytes, codec: str, limit: int | None = None) -> tuple[str, list[int]] | None:
    """`data` decoded with U+FFFD for each invalid byte sequence, and the text offset of each
    U+FFFD put in; None when there are more than `limit` of them."""
    parts: list[str] = []
    replaced: list[int] = []
    size = pos = 0
    while True:
        try:
            parts.append(data[pos:].decode(codec))
            return "".join(parts), replaced
        except UnicodeDecodeError as err:
            good = data[pos:pos + err.start].decode(codec)
            replaced.append(size + len(good))
            parts += [good, "\ufffd"]
            size += len(good) + 1
            pos += err.end
            if limit is not None and len(replaced) > limit:
                return None


def mostly_good(text: str, bad: int) -> bool:
    """A cut or stray byte leaves far more good multi-byte characters than bad spans; text
    in another encoding read this way (GB18030 as UTF-8) is mostly bad spans."""
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return good >= _GOOD_PER_BAD * bad


def _read_line(line: bytes) -> tuple[str, str, int]:
    """(text, "utf-8" | "utf-8 damaged" | FALLBACK | "neither", bad spans) for one line."""
    try:
        return line.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    as_utf8, bad_utf8 = decode_replacing(line, "utf-8")
    if mostly_good(as_utf8, len(bad_utf8)):
        return as_utf8, "utf-8 damaged", len(bad_utf8)
    as_gb, bad_gb = decode_replacing(line, FALLBACK)
    if len(bad_gb) < len(bad_utf8) and looks_mainland(as_gb):
        return as_gb, FALLBACK, len(bad_gb)
    return as_utf8, "neither", len(bad_utf8)


def decode_by_line(raw: bytes, name: str = "utf-8") -> LineDecoding | None:
    """Line-by-line decoding of a file that strict UTF-8 refused; None when most of its
    non-ASCII lines are not UTF-8 (then the whole file is in some other encoding).
    `name` is the encoding reported (``utf-8-sig`` after a BOM), ``+gb18030`` appended
    when some lines were read by fallback."""
    pieces = RE_LINE_BREAK.split(raw)
    parts: list[str] = []
    decoding = LineDecoding("", name)
    utf8_lines = foreign_lines = 0
    for number, line in enumerate(pieces[0::2], start=1):
        text, how, bad = _read_line(line)
        bad += text.count("\x00")
        parts.append(text.replace("\x00", "\ufffd"))
        if number * 2 - 1 < len(pieces):
            parts.append(pieces[number * 2 - 1].decode("ascii"))
        if how == FALLBACK:
            decoding.fallback.append(number)
        if bad:
            decoding.damaged.append(number)
            decoding.bad_spans += bad
        if how.startswith("utf-8"):
            utf8_lines += not line.isascii()
        else:
            foreign_lines += 1
    decoding.text = "".join(parts)
    if utf8_lines <= foreign_lines or not looks_cjk(decoding.text):
        return None
    if decoding.fallback:
        decoding.encoding = f"{name}+{FALLBACK}"
    return decoding
