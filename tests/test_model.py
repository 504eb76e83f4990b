"""The value types: plain frozen dataclasses, whatever their constructors do inside."""
from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from jdparse import parse
from jdparse.model import FIELDS, Posting, Span, Value


def test_span_and_value_construct_as_dataclasses():
    s = Span(3, 9, line=2, col=1)
    assert (s.start, s.end, s.line, s.col) == (3, 9, 2, 1)
    assert s == Span(3, 9, 2, 1) and hash(s) == hash(Span(3, 9, 2, 1))
    assert repr(s) == "Span(start=3, end=9, line=2, col=1)"
    v = Value("x", s, rule="r")
    assert dataclasses.astuple(v) == ("x", (3, 9, 2, 1), "r")
    assert dataclasses.replace(v, rule="q") == Value("x", s, "q")
    assert pickle.loads(pickle.dumps(v)) == v
    assert list(inspect.signature(Span).parameters) == ["start", "end", "line", "col"]
    with pytest.raises(TypeError):
        Span(1, 2, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 4  # type: ignore[misc]


def test_posting_keeps_its_defaults_and_stays_frozen():
    p = Posting(text="t")
    assert p == Posting(None, None, (), None, (), None, None, None, (), (), (), (), None, (), (), "t")
    params = inspect.signature(Posting).parameters
    assert {n: prm.default for n, prm in params.items()} == {f.name: f.default for f in dataclasses.fields(Posting)}
    assert "text" not in repr(p)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.title = None  # type: ignore[misc]


def test_to_dict_keys_are_the_contract_in_order():
    d = parse("Backend Engineer\nAcme\nBerlin\n\nRequirements\n- Python\n").to_dict(evidence=True)
    assert list(d) == [*FIELDS, "sections", "evidence"]
    assert list(Posting().to_dict()) == [*FIELDS, "sections"]


def test_context_memo_computes_once_per_context():
    from jdparse import blocks, sections
    from jdparse.context import Context
    from jdparse.document import Document

    def make(text):
        doc = Document(text)
        bl = blocks.classify(doc)
        return Context(doc, tuple(bl), sections.build(bl, doc.text))

    calls = []

    def words(ctx):
        calls.append(ctx)
        return ctx.text.split()

    a, b = make("Engineer\nAcme\n"), make("Designer\n")
    assert a.memo(words) == ["Engineer", "Acme"]
    assert a.memo(words) is a.memo(words)
    assert b.memo(words) == ["Designer"]  # another posting: computed again
    assert calls == [a, b]
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.doc = None
