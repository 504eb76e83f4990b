"""Frozen values passed between the pipeline's stages.

Every value a user sees carries the span of decoded text it was read from and
the id of the rule that produced it, so ``text[span.start:span.end]`` is what
the field reports (white space aside) and a user who disagrees can find the
rule to change.
"""
from __future__ import annotations

from ._frozen import MISSING, field, fields, value_class

FIELDS = (
    "title", "company", "locations", "work_mode", "seniority", "employment_type",
    "experience_years_min", "salary", "requirements", "nice_to_have",
    "responsibilities", "benefits", "posted_date",
)
"""The output contract: keys in this order, meanings as in the gold schema."""

LIST_FIELDS = ("requirements", "nice_to_have", "responsibilities", "benefits")


def _fast_init(cls, doc: str):
    """Give a frozen dataclass an ``__init__`` that stores its fields directly.

    The generated one calls ``object.__setattr__`` per field, several times
    slower; these objects are made dozens of times per posting.  The same
    parameters, in the same order, with the same defaults (immutable ones
    only); a slotted class's fields go through their slot descriptors, another
    class's into its ``__dict__``.
    """
    names = [f.name for f in fields(cls)]
    defaults = _plain_defaults(cls)
    if defaults is None:
        raise TypeError(f"{cls.__name__}: only plain defaults, after the required fields")
    slotted = "__slots__" in cls.__dict__
    if slotted:
        body = "".join(f"        _set_{n}(self, {n})\n" for n in names)
        args = [cls.__dict__[n].__set__ for n in names]
        params = ", ".join(f"_set_{n}" for n in names)
    else:
        body = "        d = self.__dict__\n" + "".join(f"        d[{n!r}] = {n}\n" for n in names)
        args, params = [], ""
    src = f"def make({params}):\n    def __init__(self, {', '.join(names)}):\n{body}    return __init__\n"
    env: dict = {}
    exec(src, env)  # noqa: S102 (source built from the field names above)
    init = env["make"](*args)
    init.__defaults__ = tuple(defaults) or None
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = doc
    cls.__init__ = init


def _plain_defaults(cls) -> list | None:
    """Return the defaults of a dataclass's fields, in order; None when one is a factory or
    stands before a field without one (what neither fast constructor can copy)."""
    defaults = []
    for f in fields(cls):
        if f.default is not MISSING:
            defaults.append(f.default)
        elif f.default_factory is not MISSING or defaults:
            return None
    return defaults


def _fast_maker(cls, names: tuple[str, ...]):
    """Return a callable that makes ``cls(*args)`` from positional arguments; ``cls`` itself if it cannot.

    For a slotted frozen dataclass whose slots are ``names``: an object of a
    plain twin class (the same slots, so the same layout) is given its fields
    by ordinary attribute stores and then becomes a ``cls``.  Faster still
    than ``_fast_init``'s ``__init__``; for the values made in the
    pipeline's inner loops (blocks, spans, values), never for the public
    constructor.
    """
    defaults = _plain_defaults(cls)
    if getattr(cls, "__slots__", None) != names or tuple(f.name for f in fields(cls)) != names or defaults is None:
        return cls
    body = "".join(f"    self.{f} = {f}\n" for f in names)
    ns: dict = {}
    exec(f"def __init__(self, {', '.join(names)}):\n{body}    self.__class__ = cls\n", {"cls": cls}, ns)  # noqa: S102
    init = ns["__init__"]
    init.__defaults__ = tuple(defaults) or None
    maker = type(f"_New{cls.__name__}", (), {"__slots__": names, "__init__": init})
    try:
        probe = object.__new__(maker)
        probe.__class__ = cls  # the layouts must agree
    except TypeError:
        return cls
    return maker


@value_class(slots=True)
class Span:
    """A range of the decoded text: offsets, and where it starts for people."""

    start: int
    """Offset of the first character (0-based, into the decoded text)."""
    end: int
    """Offset just past the last character."""
    line: int
    """1-based line of ``start``."""
    col: int
    """1-based column of ``start``."""

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "line": self.line, "col": self.col}


@value_class(slots=True)
class Value:
    """One extracted value: what is reported, where it came from, and why."""

    value: object
    """The typed value (a string, a number, an ISO date, a level name ...)."""
    span: Span
    """The source text the value was read from."""
    rule: str
    """Id of the rule that produced it, e.g. ``title.first_line``."""


_fast_init(Span, "Set the four fields.")
_fast_init(Value, "Set the three fields.")


@value_class(slots=True)
class Location:
    """A place the job is at, named as the posting names it."""

    name: str
    span: Span
    rule: str
    country: str | None = None
    """ISO 3166-1 alpha-2 code, where known."""
    kind: str | None = None
    """city, region, country or continent, where known."""

    def to_dict(self) -> dict:
        d = {"name": self.name}
        if self.country:
            d["country"] = self.country
        if self.kind:
            d["kind"] = self.kind
        return d


@value_class(slots=True)
class Salary:
    """A pay range as stated, with its verbatim text kept beside the numbers."""

    min: float | None
    max: float | None
    currency: str | None
    """ISO 4217 code."""
    period: str | None
    """hour, day, week, month or year; None when not written and not certain."""
    text: str
    """The verbatim source, e.g. ``$170-230K``."""
    span: Span
    rule: str
    annualized_min: float | None = None
    annualized_max: float | None = None

    def to_dict(self) -> dict:
        d = {
            "min": _num(self.min), "max": _num(self.max), "currency": self.currency,
            "period": self.period, "text": self.text,
        }
        if self.annualized_min is not None or self.annualized_max is not None:
            d["annualized"] = {"min": _num(self.annualized_min), "max": _num(self.annualized_max)}
        return d


def _num(x: float | None):
    """Return ``x`` as an int when it is whole, so 90000.0 prints as 90000."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 2)


@value_class(slots=True)
class Candidate:
    """A value that lost to another, kept so ``explain`` can say why."""

    field: str
    value: object
    span: Span
    rule: str
    why: str


@value_class
class Posting:
    """The result of parsing one posting."""

    title: Value | None = None
    company: Value | None = None
    locations: tuple[Location, ...] = ()
    work_mode: Value | None = None
    seniority: tuple[Value, ...] = ()
    employment_type: Value | None = None
    experience_years_min: Value | None = None
    salary: Salary | None = None
    requirements: tuple[Value, ...] = ()
    nice_to_have: tuple[Value, ...] = ()
    responsibilities: tuple[Value, ...] = ()
    benefits: tuple[Value, ...] = ()
    posted_date: Value | None = None
    sections: tuple = ()
    """The section outline: (kind, heading Value or None) pairs, in order."""
    candidates: tuple[Candidate, ...] = ()
    text: str = field(default="", repr=False)
    """The decoded text every span indexes."""

    def to_dict(self, evidence: bool = False) -> dict:
        """Return the output contract as plain data (JSON- and YAML-ready)."""
        # FIELDS, in order, spelled out (a test checks the keys against FIELDS)
        v = self.title
        title = None if v is None else v.value
        v = self.company
        company = None if v is None else v.value
        v = self.work_mode
        work_mode = None if v is None else v.value
        v = self.employment_type
        employment_type = None if v is None else v.value
        v = self.experience_years_min
        years = None if v is None else v.value
        v = self.salary
        salary = v.to_dict() if v else None
        v = self.posted_date
        d = {
            "title": title,
            "company": company,
            "locations": [loc.to_dict() for loc in self.locations],
            "work_mode": work_mode,
            "seniority": [x.value for x in self.seniority],
            "employment_type": employment_type,
            "experience_years_min": years,
            "salary": salary,
            "requirements": [x.value for x in self.requirements],
            "nice_to_have": [x.value for x in self.nice_to_have],
            "responsibilities": [x.value for x in self.responsibilities],
            "benefits": [x.value for x in self.benefits],
            "posted_date": None if v is None else v.value,
            "sections": [{"kind": kind, "heading": None if h is None else h.value} for kind, h in self.sections],
        }
        if evidence:
            d["evidence"] = self.evidence()
        return d

    def evidence(self) -> dict:
        """Return, per field (and per list item), the span and rule behind it."""
        ev: dict = {}
        for name in FIELDS:
            v = getattr(self, name)
            if isinstance(v, tuple):
                ev[name] = [{**x.span.to_dict(), "rule": x.rule} for x in v]
            elif v is not None:
                ev[name] = {**v.span.to_dict(), "rule": v.rule}
        return ev


_fast_init(Posting, "Set the fields (every one has a default).")
