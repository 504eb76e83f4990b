"""Bytes to text: encodings detected, binary files refused with a reason.

The decoded text keeps every character of the posting; only newlines are
normalised (``\\r\\n`` and ``\\r`` become ``\\n``), so offsets into it are
stable and every reported string can be found in it.
"""
from __future__ import annotations

import codecs

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


def sniff_binary(data: bytes) -> str | None:
    """Return what a binary input looks like ("a PDF document"), or None for text."""
    head = data[:16]
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
        if odd > len(sample) // 4 and even < len(sample) // 50:
            return _checked(data.decode("utf-16-le", errors="replace"))
        if even > len(sample) // 4 and odd < len(sample) // 50:
            return _checked(data.decode("utf-16-be", errors="replace"))
        raise InputError("binary file: it contains NUL bytes, not text; convert it to text first")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data)
    return _checked(text)


def _decode_legacy(data: bytes) -> str:
    """Return ``data`` decoded as Windows-1252 (a superset of Latin-1's printable range).

    Bytes that are undefined in Windows-1252 fall back to Latin-1, so no
    input is refused and nothing is lost.
    """
    out = []
    for ch in data.decode("cp1252", errors="surrogateescape"):
        if "\udc80" <= ch <= "\udcff":
            out.append(chr(ord(ch) - 0xDC00))
        else:
            out.append(ch)
    return "".join(out)


def _checked(text: str) -> str:
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError("no text: the input is empty or only white space")
    if _control_ratio(text) > 0.1:
        raise InputError("binary file: mostly control characters, not text; convert it to text first")
    return text


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if c < " " and c not in "\n\t\f\v\x1b")
    return bad / len(sample)
