"""Bytes to text: encodings, mojibake, white space kept, binary refused; and through the command."""
from __future__ import annotations

import codecs
import json

import pytest

from jdparse.decode import InputError, decode, repair_mojibake

from conftest import run_cli

POSTING = "Développeur Senior – Zürich\n“Great” team, naïve café, €90k\n"
CJK = "高级后端工程师\n岗位职责：负责系统设计与开发\n任职要求：五年以上经验\n"
CYRILLIC = "Старший разработчик\nМосква, Россия\nТребования: опыт работы от 5 лет\n"

# (name, bytes, decoded text)
CASES = [
    ("utf-8", POSTING.encode("utf-8"), POSTING),
    ("utf-8 with BOM", codecs.BOM_UTF8 + POSTING.encode("utf-8"), POSTING),
    ("utf-16 le with BOM", codecs.BOM_UTF16_LE + POSTING.encode("utf-16-le"), POSTING),
    ("utf-16 be with BOM", codecs.BOM_UTF16_BE + POSTING.encode("utf-16-be"), POSTING),
    ("utf-16 le without BOM", "Senior Engineer\nBerlin\n".encode("utf-16-le"), "Senior Engineer\nBerlin\n"),
    ("utf-16 be without BOM", "Senior Engineer\nBerlin\n".encode("utf-16-be"), "Senior Engineer\nBerlin\n"),
    ("utf-32 with BOM", codecs.BOM_UTF32_LE + POSTING.encode("utf-32-le"), POSTING),
    ("windows-1252", POSTING.encode("cp1252"), POSTING),
    ("latin-1", "Développeur à Montréal, 5 ans d'expérience\n".encode("latin-1"),
     "Développeur à Montréal, 5 ans d'expérience\n"),
    ("one latin-1 byte", b"Caf\xe9\n", "Café\n"),
    ("undefined cp1252 byte kept as latin-1", b"A\x81B caf\xe9\n", "A\x81B café\n"),
    ("gbk", CJK.encode("gbk"), CJK),
    ("cp1251", CYRILLIC.encode("cp1251"), CYRILLIC),
    ("mojibake repaired", "We’re hiring – café “now".encode("utf-8").decode("cp1252").encode("utf-8"),
     "We’re hiring – café “now"),
    ("mojibake read as latin-1", "We’re hiring".encode("utf-8").decode("latin-1").encode("utf-8"), "We’re hiring"),
    ("mojibake of CJK and emoji", "café 招聘 🚀".encode("utf-8").decode("latin-1").encode("utf-8"), "café 招聘 🚀"),
    ("double mojibake", "Ã¢â‚¬â„¢s".encode("utf-8"), "’s"),
    ("German quotes are not mojibake", "„STRAßE“ in MÜNCHEN»\n".encode("utf-8"), "„STRAßE“ in MÜNCHEN»\n"),
    ("crlf to lf", b"Title\r\nBody\rEnd\r\n", "Title\nBody\nEnd\n"),
    ("tabs nbsp zero-width kept", "A\tB\u00a0C\u200bD\n".encode("utf-8"), "A\tB\u00a0C\u200bD\n"),
]


@pytest.mark.parametrize("name,data,text", CASES, ids=[c[0] for c in CASES])
def test_decode(name, data, text):
    assert decode(data) == text


BINARY = [
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    ("docx", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20, "a ZIP archive"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    ("gzip", b"\x1f\x8b\x08\x00" + b"\x00" * 10, "a gzip archive"),
]


@pytest.mark.parametrize("name,data,what", BINARY, ids=[c[0] for c in BINARY])
def test_binary_refused(name, data, what):
    with pytest.raises(InputError) as e:
        decode(data)
    assert str(e.value) == f"binary file: looks like {what}, not text; convert it to text first" or what in str(e.value)


def test_pdf_message_exact():
    with pytest.raises(InputError, match=r"^binary file: looks like a PDF document, not text; convert it to text first$"):
        decode(b"%PDF-1.4 x")


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"\x00\x01\x02\x03" * 50, b"\x01\x02\x03\x04\x05\x06 a" * 40],
                         ids=["empty", "white space", "nul bytes", "control characters"])
def test_no_text_refused(data):
    with pytest.raises(InputError):
        decode(data)


def test_text_starting_with_mz_is_text():
    assert decode(b"MZ Logistics is hiring\n") == "MZ Logistics is hiring\n"


def test_repair_only_with_proof():
    assert repair_mojibake("plain ASCII") == "plain ASCII"
    assert repair_mojibake("STRAßE“") == "STRAßE“"
    assert repair_mojibake("cafÃ©") == "café"


@pytest.mark.parametrize("name,encoded", [
    ("cp1252.txt", "Senior Data Engineer\nZürich\n\nRequirements\n• 5+ years’ experience with Python\n• Fluent German\n".encode("cp1252")),
    ("utf16.txt", codecs.BOM_UTF16_LE + "Senior Data Engineer\nZürich\n\nRequirements\n• 5+ years’ experience with Python\n• Fluent German\n".encode("utf-16-le")),
])
def test_command_reads_other_encodings(tmp_path, name, encoded):
    path = tmp_path / name
    path.write_bytes(encoded)
    proc = run_cli("parse", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    assert record["title"] == "Senior Data Engineer"
    assert "5+ years’ experience with Python" in record["requirements"]


def test_command_refuses_pdf(tmp_path):
    path = tmp_path / "posting.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n")
    proc = run_cli("parse", str(path), "--format", "json")
    assert proc.returncode == 1
    assert b"binary file: looks like a PDF document, not text; convert it to text first" in proc.stderr
