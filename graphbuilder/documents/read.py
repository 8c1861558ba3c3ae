"""Find gazette files and read them into `Issue` records: text, PDF, HTML and DOCX.

What a file is comes from its bytes, not its name (`formats.sniff`): a PDF saved as
``.txt`` is read as PDF, an "HTML" that is plain text as text, with a note (GB110).
Text files have their encoding detected (a UTF-8 file with lines pasted from a GB18030
source is read line by line: `documents/mixed.py`); PDF, HTML and DOCX go through the
readers in `documents/formats/`, which lay their text out as the text gazettes are.

Reading never raises for bad input: every problem becomes a `Diagnostic` (GB1xx)
and the caller decides what to do.  The only change made to decoded text is
line-ending normalisation (``\\r\\n`` and ``\\r`` become ``\\n``) and removal of a
BOM; all later offsets (`Source.start` …) are offsets into that text (for PDF,
HTML and DOCX: into the text the reader extracted).
"""
from __future__ import annotations

import codecs
import dataclasses
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

import charset_normalizer

from graphbuilder.documents.chinese import CJK, looks_cjk, looks_mainland
from graphbuilder.documents.formats import KINDS_BY_SUFFIX, UNREADABLE, reader_for, sniff
from graphbuilder.documents.mixed import FALLBACK, LineDecoding, decode_by_line, decode_replacing, mostly_good
from graphbuilder.records import Diagnostic, Issue, Severity

__all__ = ["find_inputs", "read_issue", "READABLE_SUFFIXES", "UNSUPPORTED_SUFFIXES"]

READABLE_SUFFIXES = frozenset(KINDS_BY_SUFFIX)     # .txt .pdf .html .htm .docx
# Formats gazettes come in that we cannot read; taken from folders all the same, so
# that the content decides (sites serve HTML as .doc) and the message says what to do.
UNSUPPORTED_SUFFIXES = frozenset({".doc", ".wps", ".ofd"})
_KIND_NAMES = {"text": "text", "pdf": "PDF", "html": "HTML", "docx": "Word (.docx)",
               "ole": "legacy Office", "zip": "ZIP"}

# No UTF-32 support, so no BOM here is a prefix of another.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# Legacy encodings a Chinese gazette may plausibly use; charset-normalizer only
# chooses among these, so it cannot wander off to cp1252 & co.
_LEGACY = ["gb18030", "big5", "utf_16"]
# GBK / GB2312 are subsets of GB18030: decode with the superset, report one name.
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "utf-16": "utf-16-le"}

# C0 controls other than \t \n \v \f \r: text files (almost) never contain them.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r")
_CONTROL_CHARS = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "]")

_MAX_CONTROL_RATIO = 0.02  # a few stray form feeds are fine, binary is far above
_GB_BONUS = 0.1            # chaos margin Big5 must win by over GB18030 (real Big5 wins by far more)
_MAX_DAMAGE = 50           # bad spans tolerated before "damaged" becomes "not this encoding" (whole file)


def find_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Expand files and directories (recursively, sorted) into gazette files to read.

    Explicit files are kept whatever their extension (their content decides how they
    are read); in directories ``.txt``, ``.pdf``, ``.html``/``.htm`` and ``.docx`` are
    taken, and ``.doc``/``.wps``/``.ofd`` so that their reading says what to do.
    Each file is returned once, in argument order, directories expanded sorted.
    """
    found: list[Path] = []
    diags: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            _walk(path, found, diags, seen_dirs=set())
        elif not path.exists():
            diags.append(_diag(path, "GB101", "no such file or directory: check the path", Severity.ERROR))
        else:
            found.append(path)
    return _unique(found), diags


def _walk(folder: Path, found: list[Path], diags: list[Diagnostic], seen_dirs: set[Path]) -> None:
    real = folder.resolve()
    if real in seen_dirs:  # symlink loop: each real directory is expanded once
        return
    seen_dirs.add(real)
    for entry in sorted(folder.iterdir()):
        suffix = entry.suffix.lower()
        if entry.name.startswith("."):
            diags.append(_diag(entry, "GB105", "hidden, skipped", Severity.INFO))
        elif entry.is_dir():
            _walk(entry, found, diags, seen_dirs)
        elif suffix in READABLE_SUFFIXES or suffix in UNSUPPORTED_SUFFIXES:
            found.append(entry)
        else:
            diags.append(_diag(entry, "GB105", f"not a gazette file ({suffix or 'no extension'}), skipped;"
                               " name it on the command line to read it as text", Severity.INFO))


def _unique(paths: list[Path]) -> list[Path]:
    """Drop repeats (a file named and also inside a named directory), keeping the first."""
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(path.resolve(), path)
    return list(seen.values())


def read_issue(path: Path) -> tuple[Issue | None, list[Diagnostic]]:
    """Read one gazette file; return the Issue (or None when unreadable) and diagnostics.

    The kind of file is sniffed from its bytes; PDF, HTML and DOCX go to their reader.
    For text the encoding is detected, never assumed: a BOM; else NUL bytes mean UTF-16
    (by their layout) or binary; else strict UTF-8, else mostly UTF-8 read line by line
    (GB18030 lines: GB111, damaged lines and NUL bytes: GB107), then charset-normalizer
    limited to gb18030 / big5 / utf-16.  Guesses are accepted only
    when the text looks Chinese.  Line endings are normalised to ``\\n`` (the only
    change made before offsets are taken) and a BOM is removed.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        why = err.strerror or err
        return None, [_diag(path, "GB101", f"cannot read ({why}): check the path and permissions",
                            Severity.ERROR)]
    if not raw.strip():
        return None, [_diag(path, "GB102", "empty file, nothing to read: skipped")]
    kind = sniff(raw)
    notes = _kind_note(path, kind)
    if kind in UNREADABLE:
        return None, notes + [_diag(path, "GB104", f"format not supported: {UNREADABLE[kind]}")]
    issue, diags = _read_text(path, raw) if kind == "text" else _read_document(path, raw, kind)
    return issue, notes + diags


def _kind_note(path: Path, kind: str) -> list[Diagnostic]:
    """GB110 when the content is not what the file name says (only for names we know)."""
    named = KINDS_BY_SUFFIX.get(path.suffix.lower())
    if named is None or named == kind:
        return []
    return [_diag(path, "GB110", f"content is {_KIND_NAMES[kind]}, not {_KIND_NAMES[named]} as the name"
                                 f" says: read as {_KIND_NAMES[kind]}", Severity.INFO)]


def _read_document(path: Path, raw: bytes, kind: str) -> tuple[Issue | None, list[Diagnostic]]:
    """A PDF, HTML or DOCX file through its reader; the reader's diagnostics get the path."""
    try:
        extracted = reader_for(kind)(raw)
    except Exception as err:  # noqa: BLE001 - third-party parsers on hostile input: never a traceback
        why = " ".join(str(err).split())[:200]       # one line, whatever the parser said
        return None, [_diag(path, "GB109", f"cannot read this {_KIND_NAMES[kind]} file ({type(err).__name__}:"
                                           f" {why}): it may be damaged; open and re-save it", Severity.ERROR)]
    diags = [dataclasses.replace(d, path=str(path)) for d in extracted.problems]
    if not extracted.text.strip():
        if not diags:
            diags.append(_diag(path, "GB102", f"no text in this {_KIND_NAMES[kind]} file: skipped"))
        return None, diags
    issue = Issue(path=str(path), name=path.stem, text=extracted.text, encoding=extracted.encoding,
                  sha256=hashlib.sha256(raw).hexdigest(), page_starts=extracted.page_starts)
    return issue, diags


def _read_text(path: Path, raw: bytes) -> tuple[Issue | None, list[Diagnostic]]:
    decoded = _detect(raw)
    if isinstance(decoded, Diagnostic):  # detection works on bytes only: add the path here
        return None, [dataclasses.replace(decoded, path=str(path))]
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [_diag(path, "GB102", "empty file (whitespace only), nothing to read: skipped")]
    if len(_CONTROL_CHARS.findall(text)) > _MAX_CONTROL_RATIO * len(text):
        return None, [_diag(path, "GB103", "binary file (control characters), not a text gazette: skipped",
                            Severity.ERROR)]
    issue = Issue(path=str(path), name=path.stem, text=text, encoding=decoded.encoding,
                  sha256=hashlib.sha256(raw).hexdigest())
    diags = [_fallback_diag(path, decoded.fallback)] if decoded.fallback else []
    return issue, diags + ([_damage_diag(path, decoded)] if decoded.damaged else [])


Decoded = LineDecoding  # text, encoding, lines read by fallback, lines with replaced bytes


def _detect(raw: bytes) -> Decoded | Diagnostic:
    """Try each detection step in order of evidence strength; path is filled in later."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            body, codec = raw[len(bom):], encoding.removesuffix("-sig")
            whole = _lenient(body, codec, encoding) if codec != "utf-8" else \
                _utf8(body, any_script=True, name=encoding) or decode_by_line(body, encoding)
            return whole or _undecodable(raw, f"{encoding} BOM but too many invalid bytes")
    nul = raw.find(b"\x00")
    if nul >= 0:  # NUL never occurs in UTF-8 / GB text: UTF-8 with stray NULs, UTF-16 or binary
        return _utf8(raw) or _utf16(raw) or _diag(None, "GB103", f"binary file (NUL bytes at offset"
                                                  f" {nul}), not a text gazette: skipped", Severity.ERROR)
    if len(raw) - len(raw.translate(None, _CONTROL_BYTES)) > _MAX_CONTROL_RATIO * len(raw):
        return _diag(None, "GB103", "binary file (many control bytes), not a text gazette: skipped",
                     Severity.ERROR)
    return _utf8(raw) or _legacy(raw) or _utf8(raw, any_script=True) or _undecodable(raw)


def _strict(raw: bytes, codec: str) -> str | None:
    """Decoded text, or None when `raw` is not valid in `codec`."""
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None


def _utf8(raw: bytes, any_script: bool = False, name: str = "utf-8") -> Decoded | None:
    """Strict UTF-8 (ASCII or Chinese; any script only as a last resort), else mostly UTF-8
    read line by line: GB18030 lines by fallback, damaged lines with U+FFFD."""
    text = _strict(raw, "utf-8")
    if text is not None and "\x00" not in text:
        return Decoded(text, name) if any_script or text.isascii() or looks_cjk(text) else None
    return None if any_script else decode_by_line(raw)


def _lenient(data: bytes, codec: str, name: str) -> Decoded | None:
    """Decode with U+FFFD for bad spans; None when damage is more than a cut tail or a few bytes."""
    decoded = decode_replacing(data, codec, limit=_MAX_DAMAGE)
    if decoded is None:
        return None
    text, replaced = decoded
    if replaced and not (mostly_good(text, len(replaced)) and looks_cjk(text)):
        return None
    lines = [_line_of(text[:at]) for at in replaced]
    return Decoded(text, name, damaged=list(dict.fromkeys(lines)), bad_spans=len(lines))


def _utf16(raw: bytes) -> Decoded | None:
    """UTF-16 without BOM: ASCII characters put their NUL byte on one side of each code unit.

    Ideographs like 一 (U+4E00) put NULs on the other side (~10% in gazettes) and can
    even outnumber ASCII, so ask for a clear majority, then read both ways and keep
    the more Chinese reading.
    """
    even = raw[0::2].count(0)
    odd = raw[1::2].count(0)
    if len(raw) % 2 or min(even, odd) * 3 > max(even, odd):
        return None
    readings = [(text, codec) for codec in ("utf-16-le", "utf-16-be")
                if (text := _strict(raw, codec)) is not None and looks_cjk(text)]
    if not readings:
        return None
    text, codec = max(readings, key=lambda reading: len(CJK.findall(reading[0])))
    return Decoded(text, codec)


def _legacy(raw: bytes) -> Decoded | None:
    """GB18030 when it reads as mainland text, else charset-normalizer among plausible encodings."""
    text = _strict(raw, "gb18030")
    if text is not None and looks_mainland(text):
        return Decoded(text, "gb18030")
    matches = charset_normalizer.from_bytes(raw, cp_isolation=_LEGACY)
    # Every Big5 byte pair is also a GB18030 pair, so short texts come out nearly tied
    # (chaos differs by noise); then prefer GB18030, the encoding of mainland gazettes.
    ranked = sorted(matches, key=lambda m: (m.chaos - _GB_BONUS * (_normal(m.encoding) == "gb18030"),
                                            -m.coherence))
    for guess in (m.encoding for m in ranked):
        codec = _normal(guess)
        text = _strict(raw, codec)
        if text is not None and looks_cjk(text):
            return Decoded(text, codec)
    # charset-normalizer gives up on short or damaged texts (a truncated GB18030 download).
    decoded = _lenient(raw, "gb18030", "gb18030")
    return decoded if decoded and looks_cjk(decoded.text) else None


def _undecodable(raw: bytes, reason: str = "") -> Diagnostic:
    """GB106 naming where the two likeliest encodings fail, so the user can look there."""
    where = []
    for codec in ("utf-8", "gb18030"):
        try:
            raw.decode(codec)
        except UnicodeDecodeError as err:
            line = _line_of(raw[:err.start].decode(codec, "replace"))
            where.append(f"not {codec} (byte {err.start}, line {line})")
        else:
            where.append(f"{codec} decodes but is not Chinese text")
    why = reason or "; ".join(where)
    return _diag(None, "GB106", f"undecodable text: {why}: re-save the file as UTF-8", Severity.ERROR)


def _normal(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return _ALIASES.get(name, name)


def _line_of(prefix: str) -> int:
    """1-based line at the end of `prefix`, counting \\r\\n, \\r and \\n as one break each."""
    return prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1


def _damage_diag(path: Path, decoded: Decoded) -> Diagnostic:
    return _diag(path, "GB107", f"{decoded.bad_spans} invalid byte sequence(s) replaced by U+FFFD"
                 f" ({_name_lines(decoded.damaged)}); file may be truncated or pasted from elsewhere:"
                 " check the source", line=decoded.damaged[0])


def _fallback_diag(path: Path, lines: list[int]) -> Diagnostic:
    return _diag(path, "GB111", f"{_name_lines(lines)} not UTF-8 like the rest of the file: read as"
                 f" {FALLBACK.upper()} (pasted text?); re-save the file as UTF-8", line=lines[0])


def _name_lines(lines: list[int]) -> str:
    """Every line, runs shortened: [3, 4, 5, 9] → "lines 3–5, 9"."""
    runs: list[list[int]] = []
    for line in lines:
        if runs and line == runs[-1][-1] + 1:
            runs[-1][-1] = line
        else:
            runs.append([line, line])
    named = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)
    return f"line {named}" if len(lines) == 1 else f"lines {named}"


def _diag(path: Path | None, code: str, message: str, severity: Severity = Severity.WARNING,
          line: int = 0) -> Diagnostic:
    return Diagnostic(path=str(path) if path is not None else "", line=line, code=code,
                      message=message, severity=severity)
