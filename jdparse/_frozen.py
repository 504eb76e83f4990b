"""Value classes as ``dataclasses.dataclass`` makes them, at a fraction of its start-up cost.

Why: ``dataclass`` compiles each generated method (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__`` ...) with an exec of
its own, about 4 M instructions for a frozen slotted class; jdparse's two
dozen value classes took about a quarter of a one-file run.  ``value_class``
writes one source per class, and the compiled code is kept in the start-up
cache, keyed by that source, so a later run execs it without compiling.

The classes keep the dataclass protocol: ``dataclasses.fields``, ``asdict``,
``astuple``, ``replace`` and ``is_dataclass`` work, and assigning to a field
of a frozen one raises ``dataclasses.FrozenInstanceError``.  The protocol's
field records are made on first use, by ``dataclass`` itself (on a twin
class of the same fields), so ``dataclasses`` is imported only when they are
asked for.

Supported: fields in annotation order; plain defaults, ``field(default=,
default_factory=, repr=)``; ``frozen``, ``slots``, ``init``, ``eq`` (a frozen
class with ``eq`` hashes by its fields, as dataclass's does).  Not supported
(a TypeError says so): inheritance between value classes, ``ClassVar`` and
``InitVar`` fields, ``__post_init__``.
"""
from __future__ import annotations

MISSING = type("MISSING", (), {"__repr__": lambda self: "MISSING"})()
"""No default was given."""


class field:  # noqa: N801  (named as dataclasses.field, which it stands for)
    """A field's options: its default, or the factory that makes one; whether repr shows it."""

    __slots__ = ("default", "default_factory", "repr")

    def __init__(self, *, default=MISSING, default_factory=MISSING, repr: bool = True):  # noqa: A002
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.default = default
        self.default_factory = default_factory
        self.repr = repr


class Field:
    """One field of a value class: its name, type text, default or factory, and whether repr shows it."""

    __slots__ = ("name", "type", "default", "default_factory", "repr")

    def __init__(self, name, type, default, default_factory, repr):  # noqa: A002
        self.name = name
        self.type = type
        self.default = default
        self.default_factory = default_factory
        self.repr = repr


def fields(cls) -> tuple[Field, ...]:
    """Return the fields of a value class (or of one of its objects), in order."""
    return (cls if isinstance(cls, type) else type(cls)).__dict__["__value_fields__"]


def _frozen_error(message: str) -> Exception:
    from dataclasses import FrozenInstanceError

    return FrozenInstanceError(message)


class _Protocol:
    """``__dataclass_fields__`` / ``__dataclass_params__`` of a value class, made on first use.

    ``dataclass`` is run on a twin class of the same fields and options; its
    records then replace this descriptor on the class.
    """

    def __init__(self, attr: str):
        self.attr = attr

    def __get__(self, obj, owner):
        import dataclasses

        spec = owner.__dict__["__value_fields__"]
        opts = owner.__dict__["__value_options__"]
        ns: dict = {"__annotations__": {f.name: f.type for f in spec},
                    "__module__": owner.__module__, "__qualname__": owner.__qualname__}
        for f in spec:
            if f.default is not MISSING or f.default_factory is not MISSING or not f.repr:
                kw: dict = {"repr": f.repr}
                if f.default is not MISSING:
                    kw["default"] = f.default
                if f.default_factory is not MISSING:
                    kw["default_factory"] = f.default_factory
                ns[f.name] = dataclasses.field(**kw)
        twin = dataclasses.dataclass(**opts)(type(owner.__name__, (), ns))
        for attr in ("__dataclass_fields__", "__dataclass_params__"):
            type.__setattr__(owner, attr, twin.__dict__[attr])
        return owner.__dict__[self.attr]


def value_class(cls=None, /, *, frozen: bool = True, slots: bool = False, init: bool = True, eq: bool = True):
    """Make ``cls`` a value class (decorator; the options are dataclass's)."""

    def wrap(cls):
        return _make(cls, frozen, slots, init, eq)

    return wrap if cls is None else wrap(cls)


def _make(cls, frozen: bool, slots: bool, init: bool, eq: bool):
    if any("__value_fields__" in b.__dict__ or "__dataclass_fields__" in b.__dict__ for b in cls.__mro__[1:]):
        raise TypeError(f"{cls.__qualname__}: a value class cannot inherit another's fields")
    if "__post_init__" in cls.__dict__:
        raise TypeError(f"{cls.__qualname__}: __post_init__ is not supported")
    spec: list[Field] = []
    for name, ann in cls.__dict__.get("__annotations__", {}).items():
        text = ann if isinstance(ann, str) else getattr(ann, "__name__", repr(ann))
        if text.startswith(("ClassVar", "InitVar", "typing.ClassVar", "dataclasses.InitVar")):
            raise TypeError(f"{cls.__qualname__}.{name}: ClassVar and InitVar fields are not supported")
        d = cls.__dict__.get(name, MISSING)
        if isinstance(d, field):
            spec.append(Field(name, ann, d.default, d.default_factory, d.repr))
        else:
            spec.append(Field(name, ann, d, MISSING, True))
    names = [f.name for f in spec]
    seen_default = False
    for f in spec:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default and init:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    if slots:
        body = {k: v for k, v in cls.__dict__.items() if k not in names and k not in ("__dict__", "__weakref__")}
        body["__slots__"] = tuple(names)
        qualname = cls.__qualname__
        cls = type(cls)(cls.__name__, cls.__bases__, body)
        cls.__qualname__ = qualname
    else:
        for f in spec:  # the class attribute is the plain default, as dataclass leaves it
            if isinstance(cls.__dict__.get(f.name), field):
                if f.default is MISSING:
                    delattr(cls, f.name)
                else:
                    setattr(cls, f.name, f.default)
    methods = _methods(cls, spec, frozen, slots, init, eq)
    for k, fn in methods.items():
        if k in cls.__dict__:  # the class's own method stays, as with dataclass
            if k in ("__setattr__", "__delattr__"):
                raise TypeError(f"cannot overwrite attribute {k} in class {cls.__name__}")
            continue
        fn.__qualname__ = f"{cls.__qualname__}.{k}"
        type.__setattr__(cls, k, fn)
    if eq and not frozen and "__hash__" not in cls.__dict__:
        type.__setattr__(cls, "__hash__", None)  # mutable and compared by value: unhashable, as with dataclass
    type.__setattr__(cls, "__value_fields__", tuple(spec))
    type.__setattr__(cls, "__value_options__", {"frozen": frozen, "init": init, "eq": eq})
    type.__setattr__(cls, "__match_args__", tuple(names))
    type.__setattr__(cls, "__dataclass_fields__", _Protocol("__dataclass_fields__"))
    type.__setattr__(cls, "__dataclass_params__", _Protocol("__dataclass_params__"))
    return cls


def _methods(cls, spec: list[Field], frozen: bool, slots: bool, init: bool, eq: bool) -> dict:
    """Return the generated methods of ``cls``, from one source compiled once (and then cached)."""
    names = [f.name for f in spec]
    params = ["__cls", "__MISSING", "__frozen_error", "__object_setattr"]
    args: list = [cls, MISSING, _frozen_error, object.__setattr__]
    lines = []
    if init:
        sig = []
        sets = []
        for i, f in enumerate(spec):
            if f.default_factory is not MISSING:
                params.append(f"__factory_{i}")
                args.append(f.default_factory)
                sig.append(f"{f.name}=__MISSING")
                val = f"__factory_{i}() if {f.name} is __MISSING else {f.name}"
            elif f.default is not MISSING:
                params.append(f"__default_{i}")
                args.append(f.default)
                sig.append(f"{f.name}=__default_{i}")
                val = f.name
            else:
                sig.append(f.name)
                val = f.name
            sets.append(f"        __object_setattr(self, {f.name!r}, {val})" if frozen
                        else f"        self.{f.name} = {val}")
        lines.append(f"    def __init__(self, {', '.join(sig)}):")
        lines.extend(sets or ["        pass"])
    shown = [f.name for f in spec if f.repr]
    inner = ", ".join(f"{n}={{self.{n}!r}}" for n in shown)
    lines.append("    def __repr__(self):")
    lines.append(f"        return f'{{self.__class__.__qualname__}}({inner})'")
    tup = "(" + "".join(f"self.{n}, " for n in names) + ")"
    if eq:
        other = "(" + "".join(f"other.{n}, " for n in names) + ")"
        lines.append("    def __eq__(self, other):")
        lines.append("        if other.__class__ is self.__class__:")
        lines.append(f"            return {tup} == {other}")
        lines.append("        return NotImplemented")
    if frozen and eq:
        lines.append("    def __hash__(self):")
        lines.append(f"        return hash({tup})")
    if frozen:
        fieldset = "{" + ", ".join(map(repr, names)) + "}" if names else "set()"
        lines.append("    def __setattr__(self, name, value):")
        lines.append(f"        if type(self) is __cls or name in {fieldset}:")
        lines.append("            raise __frozen_error(f'cannot assign to field {name!r}')")
        lines.append("        super(__cls, self).__setattr__(name, value)")
        lines.append("    def __delattr__(self, name):")
        lines.append(f"        if type(self) is __cls or name in {fieldset}:")
        lines.append("            raise __frozen_error(f'cannot delete field {name!r}')")
        lines.append("        super(__cls, self).__delattr__(name)")
        if slots:
            lines.append("    def __getstate__(self):")
            lines.append(f"        return [{', '.join(f'self.{n}' for n in names)}]")
            lines.append("    def __setstate__(self, state):")
            lines.append(f"        for name, v in zip({tuple(names)!r}, state):")
            lines.append("            __object_setattr(self, name, v)")
    made = [ln.split("(")[0].split()[-1] for ln in lines if ln.startswith("    def ")]
    lines.append(f"    return {{{', '.join(f'{m!r}: {m}' for m in made)}}}")
    src = f"def __create__({', '.join(params)}):\n" + "\n".join(lines) + "\n"
    from ._cache import code

    env: dict = {}
    exec(code(src, f"<value class {cls.__qualname__}>"), env)  # noqa: S102 (source built from field names)
    return env["__create__"](*args)
