"""The list markers read without their patterns give what the patterns give."""
from __future__ import annotations

import re
import sys

import pytest

from jdparse.extract import lists


def _chars():
    return "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_odd_characters_are_all_the_characters_the_word_reading_misses():
    every = _chars()
    letters = "abcdefghijklmnopqrstuvwxyz"
    # matched to an ASCII letter by re.IGNORECASE
    want = {c for ch in letters for c in re.compile(ch, re.IGNORECASE).findall(every)}
    # casefolded to text holding an ASCII letter
    want |= {c for c in every if any(x in letters for x in c.casefold())}
    assert {c for c in every if lists._ODD.match(c)} == want
    assert {c for c in every if lists._has_odd(c)} == want


ITEMS = [
    "Python is a plus", "PYTHON IS A PLUS.", "Ideally, you know Go", "... Ideally you know Go",
    "Go (nice to have)", "Go (Nice-To-Have).", "Must know Go; Rust is a plus", "a plus1",
    "_a plus", "Kubernetes appréciée", "Kubernetes APPRÉCIÉE", "MySQL (Redis appréciée)",
    "有Docker经验者优先", "Docker 加分", "OPTİONAL", "optıonal", "Kubernetes is a pluſ",
    "Pluspunkt: Scala", "Scala wäre schön", "Rust. Go is a plus", "Go is a plus.\n",
    "idéalement Scala", "Ein Plus sind Kenntnisse", "Conhecimento em Go é um plus",
    "Σ optional", "ﬁne optional", "déjà optional", "straße is a plus",
    "Fluent English; Dutch is a plus", "Rust; a plus", "Kafka is a plus, not required",
    "Kafka ist von Vorteil, nicht erforderlich", "Kafka (must); Flink is a plus",
    "Reach truck licence (desirable but not essential)", "Forklift licence (preferred, not required)",
    "SQL (advanced, not basic)",
]


@pytest.mark.parametrize("item,strength", [
    # Markers joined in one pair of parentheses are all they hold.
    ("Reach truck licence (desirable but not essential)", "strong"),
    ("Forklift licence (preferred, not required)", "strong"),
    ("SQL (advanced, not basic)", None),
    ("MySQL (Redis appréciée)", None),
])
def test_markers_joined_in_parentheses(item, strength):
    assert lists.optional_strength(item) == strength


@pytest.mark.parametrize("item", ITEMS)
def test_optional_strength_as_the_patterns_read_it(item):
    m = lists._markers()
    got = lists.optional_strength(item)
    if not m["guard"].may_match(item):
        assert got is None
    else:
        assert got == lists._strength(item, m)


@pytest.mark.parametrize("item", ITEMS + ["Please apply now", "Égalité des chances", "envía tu CV"])
def test_phrases_found_as_the_patterns_find_them(item):
    m = lists._markers()
    if lists._ODD.search(item):
        return
    for key in ("nice", "lead", "strong", "must", "negated_must", "not_item"):
        p = m[key]
        assert p.fast
        want = (p.rx.match(item) if p.anchored else p.rx.search(item)) is not None
        assert p.found(item, lists._words(item), item.isascii()) == want, key
        assert p.whole_of(item) == (p.rx.fullmatch(item) is not None), key
