"""Value classes behave as the dataclasses they stand for (the protocol included)."""
from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys

import pytest

from jdparse._frozen import field, fields, value_class


def _point(made, fld, **opts):
    """A class of four fields (one hidden from repr) and a method, made by ``made``."""

    class Point:
        x: int
        y: int = 2
        tags: tuple = ()
        note: str = fld(default="n", repr=False)

        def norm(self):
            return abs(self.x) + abs(self.y)

    return made(**opts)(Point)


def _pair(**opts):
    """The same class made by value_class and by dataclass, with ``opts``."""
    return _point(value_class, field, **opts), _point(dataclasses.dataclass, dataclasses.field, **opts)


@pytest.mark.parametrize("slots", [False, True])
def test_frozen_class_matches_dataclass(slots):
    ours, theirs = _pair(frozen=True, slots=slots)
    a, b = ours(1), theirs(1)
    assert repr(a) == repr(b)
    assert repr(a).endswith("Point(x=1, y=2, tags=())")
    assert a == ours(1, 2) and a != ours(1, 3) and a != b
    assert hash(a) == hash(ours(1)) == hash(b)  # both hash the tuple of fields
    assert ours.__match_args__ == theirs.__match_args__ == ("x", "y", "tags", "note")
    assert a.norm() == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 5
    with pytest.raises(dataclasses.FrozenInstanceError):
        del a.y
    assert hasattr(a, "__dict__") == hasattr(b, "__dict__") == (not slots)
    with pytest.raises(TypeError):
        ours()  # x is required


def test_dataclass_protocol_works_on_value_classes():
    P, _ = _pair(frozen=True, slots=True)
    p = P(1, 4, ("a",))
    assert dataclasses.is_dataclass(p)
    assert [f.name for f in dataclasses.fields(P)] == ["x", "y", "tags", "note"]
    assert [f.name for f in fields(p)] == ["x", "y", "tags", "note"]
    assert dataclasses.astuple(p) == (1, 4, ("a",), "n")
    assert dataclasses.asdict(p) == {"x": 1, "y": 4, "tags": ("a",), "note": "n"}
    q = dataclasses.replace(p, y=9)
    assert type(q) is P and (q.x, q.y) == (1, 9)


def test_slotted_frozen_objects_pickle():
    P, _ = _pair(frozen=True, slots=True)
    globals()["Point"] = P  # pickle finds a class by its module and name
    P.__qualname__ = "Point"
    try:
        p = P(7, 8)
        assert pickle.loads(pickle.dumps(p)) == p
    finally:
        del globals()["Point"]


def test_mutable_class_with_factory():
    @value_class(frozen=False)
    class Tally:
        n: int = 0
        seen: list = field(default_factory=list)

    a, b = Tally(), Tally()
    a.seen.append(1)
    a.n += 1
    assert (a.n, a.seen, b.seen) == (1, [1], [])
    assert Tally(2, [3]) == Tally(2, [3])
    with pytest.raises(TypeError):
        hash(a)  # compared by value and mutable: unhashable, as a dataclass


def test_own_init_is_kept():
    @value_class(init=False)
    class C:
        a: int

        def __init__(self, a):
            object.__setattr__(self, "a", a * 2)

    assert C(2).a == 4
    assert repr(C(2)).endswith("C(a=4)")


def test_unsupported_shapes_are_refused():
    @value_class
    class Base:
        a: int

    with pytest.raises(TypeError):
        value_class(type("Sub", (Base,), {"__annotations__": {"b": "int"}}))
    with pytest.raises(TypeError):
        value_class(type("Bad", (), {"__annotations__": {"a": "int", "b": "int"}, "a": 1}))  # default then none


def test_the_package_does_not_import_dataclasses_to_parse():
    code = ("import sys, jdparse\n"
            "jdparse.parse('Data Engineer\\nAcme\\nRemote\\n')\n"
            "print('dataclasses' in sys.modules, 'inspect' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
