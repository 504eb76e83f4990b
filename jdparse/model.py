"""Frozen values passed between the pipeline's stages.

Every value a user sees carries the span of decoded text it was read from and
the id of the rule that produced it, so ``text[span.start:span.end]`` is what
the field reports (white space aside) and a user who disagrees can find the
rule to change.
"""
from __future__ import annotations

from dataclasses import dataclass, field

FIELDS = (
    "title", "company", "locations", "work_mode", "seniority", "employment_type",
    "experience_years_min", "salary", "requirements", "nice_to_have",
    "responsibilities", "benefits", "posted_date",
)
"""The output contract: keys in this order, meanings as in the gold schema."""

LIST_FIELDS = ("requirements", "nice_to_have", "responsibilities", "benefits")


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Value:
    """One extracted value: what is reported, where it came from, and why."""

    value: object
    """The typed value (a string, a number, an ISO date, a level name ...)."""
    span: Span
    """The source text the value was read from."""
    rule: str
    """Id of the rule that produced it, e.g. ``title.first_line``."""


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Candidate:
    """A value that lost to another, kept so ``explain`` can say why."""

    field: str
    value: object
    span: Span
    rule: str
    why: str


@dataclass(frozen=True)
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
        d: dict = {}
        for name in FIELDS:
            v = getattr(self, name)
            if name == "locations":
                d[name] = [loc.to_dict() for loc in v]
            elif name == "salary":
                d[name] = v.to_dict() if v else None
            elif isinstance(v, tuple):
                d[name] = [x.value for x in v]
            else:
                d[name] = None if v is None else v.value
        d["sections"] = [
            {"kind": kind, "heading": None if h is None else h.value} for kind, h in self.sections
        ]
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
