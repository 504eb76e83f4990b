"""Dates written in a posting, as ISO dates with their offsets."""
from __future__ import annotations

import datetime as _dt
import re

from .._frozen import value_class
from .. import rules
from .._cache import compile as _rx


@value_class(slots=True)
class DateMatch:
    """A date found in a string: offsets into it, and the ISO date."""

    start: int
    end: int
    iso: str
    rule: str


_YEAR = _rx(r"(?:19|20)\d\d")


@rules.derived
def _patterns() -> tuple[re.Pattern, dict[str, int]]:
    months: dict[str, int] = {}
    for table in rules.load("dates")["months"].values():
        months.update({k.casefold(): int(v) for k, v in table.items()})
    names = "|".join(sorted(map(re.escape, months), key=lambda w: (-len(w), w)))
    pat = _rx(
        rf"""
        (?P<iso>(?<![\w/.-])(?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})(?![\d/.-]\d|\d))  # 2025-10-29, 2025/10/29
      | (?P<cjk>(?P<cy>(?:19|20)\d\d)\s*[年년]\s*(?P<cm>\d{{1,2}})\s*[月월]\s*(?P<cd>\d{{1,2}})\s*[日号일])  # 2025年10月29日, 2025년 10월 29일
      | (?P<ko>(?<![\w/.-])(?P<ky>(?:19|20)\d\d)\.[ ](?P<km>\d{{1,2}})\.[ ](?P<kd>\d{{1,2}})(?![\d/-]|\.\d))  # 2025. 10. 29. (Korean)
      | (?P<num>(?<![\d/.-])(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d-]))  # 10/29/2025, 29.10.2025, 29-10-2025
      | (?P<dsp>(?<![\d/.])(?P<sa>\d{{1,2}})\.[ ](?P<sb>\d{{1,2}})\.[ ](?P<sy>(?:19|20)\d\d)(?!\d))  # 29. 10. 2025 (cs, sk, de)
      | (?P<mdy>\b(?P<m1>{names})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)\b)  # May 23, 2023
      | (?P<dmy>\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(?P<m2>{names})\.?,?\s+(?:de\s+)?(?P<y2>(?:19|20)\d\d)\b)  # 13 July 2004, 29 de octubre de 2025
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    return pat, months


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str, day_first: bool = False) -> list[DateMatch]:
    """Return the valid dates written in ``text``, in order; a slashed date that reads both
    ways ("03/11/2026") is month first, or day first with ``day_first`` (the job's country
    writes dates so: rule suffix ``date.day_first_by_place``)."""
    if ("19" not in text and "20" not in text) or _YEAR.search(text) is None:
        return []  # every date we read names its year; most lines name none
    pat, months = _patterns()
    out = []
    for m in pat.finditer(text):
        iso = None
        if m.group("iso"):
            iso, rule = _iso(int(m["iy"]), int(m["im"]), int(m["id"])), "date.iso"
        elif m.group("cjk"):
            iso, rule = _iso(int(m["cy"]), int(m["cm"]), int(m["cd"])), "date.iso"
        elif m.group("ko"):
            iso, rule = _iso(int(m["ky"]), int(m["km"]), int(m["kd"])), "date.iso"
        elif m.group("num"):
            a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
            if m["sep"] == "." or a > 12:
                iso, rule = _iso(y, b, a), "date.day_first"
            elif day_first and b <= 12 and a != b:
                iso, rule = _iso(y, b, a), "date.day_first+date.day_first_by_place"
            else:
                iso, rule = _iso(y, a, b), "date.month_first"
        elif m.group("dsp"):
            iso, rule = _iso(int(m["sy"]), int(m["sb"]), int(m["sa"])), "date.day_first"
        elif m.group("mdy"):
            iso, rule = _iso(int(m["y1"]), months[m["m1"].casefold()], int(m["d1"])), "date.month_name"
        else:
            iso, rule = _iso(int(m["y2"]), months[m["m2"].casefold()], int(m["d2"])), "date.month_name"
        if iso:
            out.append(DateMatch(m.start(), m.end(), iso, rule))
    return out
