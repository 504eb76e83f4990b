"""The pipeline, wired in one place.

decode -> Document (text + line table) -> blocks -> sections (outline)
       -> extractors (title and company first: the others read the title)
       -> Posting
"""
from __future__ import annotations

from . import blocks as _blocks
from . import sections as _sections
from .context import Context
from .document import Document, normalise_newlines
from .model import Posting, Value


def parse(text: str) -> Posting:
    """Return the Posting read from ``text`` (a str; newlines of any kind)."""
    text = normalise_newlines(text)
    doc = Document(text)
    blocks = _blocks.classify(doc)
    outline = _sections.build(blocks, doc.text)
    ctx = Context(doc, tuple(blocks), outline)

    facts, lists, title_ex = _EXTRACTORS or _extractors()

    title, company, candidates = title_ex.extract(ctx)
    salary, salary_losers = facts.salary(ctx, title)
    locations = facts.locations(ctx, title, company)
    salary = facts.currency_by_place(facts.sign_by_place(salary, locations), locations)
    lists_ = lists.extract(ctx, None if salary is None else salary.span)
    value = ctx.value
    outline_values = [
        (sec.kind, None if (h := sec.heading) is None else value(h.start, h.end, sec.rule))
        for sec in outline.sections
    ]
    return Posting(
        title=title,
        company=company,
        locations=locations,
        work_mode=facts.work_mode(ctx, title),
        seniority=facts.seniority(ctx, title),
        employment_type=facts.employment_type(ctx, title),
        experience_years_min=facts.experience(ctx),
        salary=salary,
        requirements=lists_["requirements"],
        nice_to_have=lists_["nice_to_have"],
        responsibilities=lists_["responsibilities"],
        benefits=lists_["benefits"],
        posted_date=facts.posted_date(ctx, locations),
        sections=tuple(outline_values),
        candidates=(*candidates, *salary_losers),
        text=text,
    )


_EXTRACTORS: tuple = ()


def _extractors() -> tuple:
    """Return the extractor modules (facts, lists, title), imported on first use."""
    global _EXTRACTORS
    from .extract import facts, lists, title

    _EXTRACTORS = (facts, lists, title)
    return _EXTRACTORS


def parse_bytes(data: bytes) -> Posting:
    """Return the Posting read from raw bytes; raises InputError for binary or empty input."""
    from .decode import decode

    return parse(decode(data))


__all__ = ["parse", "parse_bytes", "Value"]
