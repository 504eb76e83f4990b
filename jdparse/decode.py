"""Bytes to text: encodings detected, binary files refused with a reason.

The decoded text keeps every character of the posting; only newlines are
normalised (``\\r\\n`` and ``\\r`` become ``\\n``), so offsets into it are
stable and every reported string can be found in it.
"""
from __future__ import annotations

import codecs
import re
from functools import cache

from .document import normalise_newlines


class InputError(ValueError):
    """An input that cannot be read as a posting; the message is one line for users."""


# File signatures: what a binary file is, so the error can say so.  Longest
# signatures first where one is a prefix of another.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX and ODT files are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (DOC/XLS)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "a Windows executable"),
    (b"RIFF", "a RIFF media file (WAV/AVI/WEBP)"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# The first bytes of the signatures: most text starts with none of them, and
# is then told apart with one set lookup.
_MAGIC_FIRST = frozenset(sig[0] for sig, _ in _MAGIC)

_BOM_FIRST = frozenset(bom[:1] for bom, _ in _BOMS)


def sniff_binary(data: bytes) -> str | None:
    """Return what a binary input looks like ("a PDF document"), or None for text."""
    head = data[:16]
    if not head or (head[0] not in _MAGIC_FIRST and head[4:8] != b"ftyp"):
        return None
    for sig, what in _MAGIC:
        if head.startswith(sig):
            if sig == b"MZ" and b"\x00" not in data[:512]:
                continue  # a text file that starts with "MZ"
            return what
    if head[4:12] in (b"ftypisom", b"ftypmp42", b"ftypheic") or head[4:8] == b"ftyp":
        return "an MP4/HEIC media file"
    return None


def decode(data: bytes) -> str:
    """Return the text of ``data``, or raise InputError saying why it is not a posting."""
    if data[:1] in _BOM_FIRST:
        for bom, enc in _BOMS:
            if data.startswith(bom):
                text = data[len(bom):].decode(enc, errors="replace")
                return _checked(text)
    what = sniff_binary(data)
    if what:
        raise InputError(f"binary file: looks like {what}, not text; convert it to text first")
    sample = data[:4096]
    if b"\x00" in sample:
        # UTF-16 without a BOM shows a NUL in every other byte of ASCII text.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even <= len(sample) // 50:
            return _checked(data.decode("utf-16-le", errors="replace"))
        if even > len(sample) // 4 and odd <= len(sample) // 50:
            return _checked(data.decode("utf-16-be", errors="replace"))
        raise InputError("binary file: it contains NUL bytes, not text; convert it to text first")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data)
    return _checked(text)


# Byte -> character of "sloppy" Windows-1252: what a program that read UTF-8
# bytes as Windows-1252 (or Latin-1) shows, so mojibake can be turned back.
# 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in cp1252: Latin-1's then.
_SLOPPY = "".join(chr(i) if c == "\ufffd" else c for i, c in enumerate(bytes(range(256)).decode("cp1252", errors="replace")))
# Read back, Latin-1's C1 controls count too: a program that used Latin-1
# shows byte 0x92 as U+0092 where Windows-1252 shows "’".
_UNSLOPPY = {**{chr(i): i for i in range(0x80, 0xA0)}, **{c: i for i, c in enumerate(_SLOPPY)}}


def _decode_legacy(data: bytes) -> str:
    """Return ``data`` (not UTF-8) decoded: Windows-1252 for Western text, else the detected encoding.

    Windows-1252 is a superset of Latin-1's printable range, and bytes it
    leaves undefined fall back to Latin-1, so no input is refused and nothing
    is lost.  charset-normalizer (imported here only, ~35 ms) is asked only
    when the Windows-1252 reading does not look like a Western language:
    most of its letters outside ASCII, as Cyrillic, Greek or CJK bytes read
    that way are.  It is not asked for Western text because it reads short
    French or German text as cp1250 ("naïve" -> "naďve").
    """
    text = data.decode("latin-1").translate(_LATIN1_TO_SLOPPY)
    if _looks_western(text):
        return text
    guess = _detect_encoding(data)
    return guess if guess is not None else text


_LATIN1_TO_SLOPPY = {i: c for i, c in enumerate(_SLOPPY) if chr(i) != c}


def _looks_western(text: str) -> bool:
    """Return whether at most a third of the letters of ``text`` are outside ASCII.

    Western languages write a few accented letters among ASCII ones;
    Cyrillic, Greek or CJK bytes read as Windows-1252 are nearly all outside.
    """
    sample = text[:20000]
    letters = non_ascii = 0
    for c in sample:
        if c.isalpha():
            letters += 1
            if c > "\x7f":
                non_ascii += 1
        elif "\x80" <= c <= "\x9f":
            # An undefined byte: rare in cp1252 text, common in CJK bytes.
            letters += 1
            non_ascii += 1
    return non_ascii * 3 <= letters


def _detect_encoding(data: bytes) -> str | None:
    """Return ``data`` decoded in the encoding charset-normalizer finds, or None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional at run time: Windows-1252 is the fallback
        return None
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding, errors="replace")
    except LookupError:
        return None


@cache
def _mojibake() -> re.Pattern:
    """Return the pattern of one UTF-8 sequence read as Windows-1252 (compiled on first use)."""
    def cls(first: int, last: int) -> str:
        return "".join(re.escape(_SLOPPY[b]) for b in range(first, last + 1))

    # A lead byte's character, then one to three continuation bytes'
    # characters (0x80-0xBF, as cp1252 or as Latin-1's C1 controls).
    cont = f"[{cls(0x80, 0xBF)}\\x80-\\x9f]"
    return re.compile(
        f"[{cls(0xC2, 0xDF)}]{cont}"  # 2 bytes: Latin-1 letters, symbols ("Ã©" = é)
        f"|[{cls(0xE0, 0xEF)}]{cont}{{2}}"  # 3 bytes: punctuation ("â€™" = ’), CJK
        f"|[{cls(0xF0, 0xF4)}]{cont}{{3}}"  # 4 bytes: emoji
    )


# What proves a text is mojibake rather than, say, "STRAßE“" (ß then a
# quote, also a valid sequence): "Ã" or "Â" then a continuation character,
# or "â€" (the start of every curly quote and dash).  Real text has neither.
_PROOF_CONT = "".join(_SLOPPY[b] for b in range(0x80, 0xC0)) + "".join(map(chr, range(0x80, 0xA0)))


def _is_mojibake(text: str) -> bool:
    """Return whether ``text`` shows the typical signs of UTF-8 read as Windows-1252."""
    if text.isascii():
        return False  # every sign below is a character outside ASCII
    # "\u00e2\u20ac" or "\u00e2\x80" in the text: found from each "â" (a
    # one-character search is much faster than a two-character one).
    i = text.find("\u00e2")
    while i >= 0:
        if text[i + 1: i + 2] in ("\u20ac", "\x80"):
            return True
        i = text.find("\u00e2", i + 1)
    for lead in ("\u00c3", "\u00c2"):
        i = text.find(lead)
        while i >= 0:
            if i + 1 < len(text) and text[i + 1] in _PROOF_CONT:
                return True
            i = text.find(lead, i + 1)
    return False


def repair_mojibake(text: str) -> str:
    """Return ``text`` with UTF-8 that was read as Windows-1252 ("â€™", "Ã©") turned back.

    Only texts that show the typical signs are touched, and each sequence is
    replaced only when its bytes are valid UTF-8.  Text read wrongly twice
    ("Ã¢â‚¬â„¢") is repaired twice.
    """
    for _ in range(3):
        if not _is_mojibake(text):
            return text
        fixed = _mojibake().sub(_unmojibake, text)
        if fixed == text:
            return text
        text = fixed
    return text


def _unmojibake(m: re.Match) -> str:
    s = m.group(0)
    try:
        return bytes(_UNSLOPPY[c] for c in s).decode("utf-8")
    except (UnicodeDecodeError, KeyError):
        return s


def _checked(text: str) -> str:
    """Return decoded text with newlines normalised and mojibake repaired; raise InputError if it is no posting."""
    text = normalise_newlines(repair_mojibake(text))
    if not text or text.isspace():
        raise InputError("no text: the input is empty or only white space")
    if _control_ratio(text) > 0.1:
        raise InputError("binary file: mostly control characters, not text; convert it to text first")
    return text


# The control characters that count against a text: below U+0020, except
# newline, tab, form feed, vertical tab and escape.  They are all ASCII, and
# UTF-8 writes every other character with bytes >= 0x80, so they are counted
# in the text's UTF-8 bytes by one C loop.
_CONTROL = bytes(c for c in range(0x20) if chr(c) not in "\n\t\f\v\x1b")


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    if not sample:
        return 0.0
    b = sample.encode("utf-8", "surrogatepass")
    bad = len(b) - len(b.translate(None, _CONTROL))
    return bad / len(sample)
