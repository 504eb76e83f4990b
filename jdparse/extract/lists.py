"""The four list fields: requirements, nice_to_have, responsibilities, benefits.

Rules:
  list.bullet     one item per bullet of a list section (sub-headings and the
                  prose around the bullets are not items)
  list.sentence   one item per sentence of a list section written as prose
  list.label      the inline text of "RESPONSIBILITIES: text" when no bullets follow
  list.nice_moved a requirement that says it is optional ("Python is a plus")
                  moved to nice_to_have; a "must" in the item keeps it
  list.content_*  the bullets of a section whose heading names nothing known,
                  read by their words (data/content.yaml), used only where no
                  heading gave that list
  list.role_bullets the bullets of a "Job description" section, as duties,
                  used only where no heading named the duties
When the same kind has bulleted sections and prose-only sections, the prose
under a loosely named heading ("Your mission: make an impact") is left out:
a posting that lists its duties as bullets uses prose for introductions.
Prose under a heading that names the list outright ("Qualifications") stays.
"""
from __future__ import annotations

import re

from .. import rules, sentences
from ..blocks import LABEL, TEXT
from ..model import Value
from ..sections import LIST_KINDS
from .._cache import compile as _rx

_MAX_ITEM = 1200  # longer "items" are page dumps, not list entries


def _pattern(table: dict, anchored: bool = False) -> re.Pattern:
    """Return one pattern for a {language: [phrase]} table: whole words (CJK anywhere)."""
    words = sorted({w for ws in table.values() for w in ws}, key=lambda w: (-len(w), w))
    latin = [re.escape(w) for w in words if not any("\u3000" <= c <= "\u9fff" for c in w)]
    cjk = [re.escape(w) for w in words if any("\u3000" <= c <= "\u9fff" for c in w)]
    alts = []
    if latin:
        alts.append(r"(?<!\w)(?:" + "|".join(latin) + r")(?!\w)")
    if cjk:
        alts.append("|".join(cjk))
    body = "|".join(alts) or r"(?!)"
    if anchored:
        body = r"\W{0,3}(?:" + body + ")"
    return _rx(body, re.IGNORECASE)


@rules.derived
def _markers() -> dict[str, re.Pattern]:
    from ._guard import WordGuard

    data = rules.load("lists")
    optional = [w for key in ("nice", "lead", "strong") for ws in (data.get(key) or {}).values() for w in ws]
    return {
        "guard": WordGuard(optional),
        "nice": _pattern(data["nice"]),
        "lead": _pattern(data.get("lead", {}), anchored=True),
        "strong": _pattern(data.get("strong", {})),
        "must": _pattern(data.get("must", {})),
        "not_item": _pattern(data.get("not_items", {})),
    }


_PARENS = _rx(r"\(([^()]{0,80})\)")
_FIRST_SENTENCE = _rx(r"^.*?(?:[.!?](?=\s+[A-Z])|$)", re.DOTALL)


def optional_strength(item: str) -> str | None:
    """Return "strong" or "weak" when an item says it is optional, else None.

    Strong: a marker that can only mean optional ("nice to have", "(a plus)"),
    which moves the item out of any list.  Weak: other markers ("Python is a
    plus", "preferred"), which move a requirement.  A "must" keeps it.
    """
    m = _markers()
    if not m["guard"].may_match(item):
        return None  # no word of any optional marker: most items
    first = _FIRST_SENTENCE.match(item).group()
    # Parentheses count only when a marker is all they hold.
    whole_parens = False
    for p in _PARENS.finditer(first):
        inner = p.group(1).strip(" .,;:!")
        hit = m["nice"].fullmatch(inner) or m["strong"].fullmatch(inner)
        if hit:
            whole_parens = True
    outside = _PARENS.sub(" ", first)
    if m["must"].search(outside):
        return None
    if whole_parens or m["strong"].search(outside) and m["nice"].search(outside):
        return "strong"
    if m["nice"].search(outside) or m["lead"].match(outside):
        return "weak"
    return None


def is_optional(item: str) -> bool:
    """Return whether a requirement says it is optional (and does not say it is a must)."""
    return optional_strength(item) is not None


def extract(ctx) -> dict[str, tuple[Value, ...]]:
    """Return the four list fields, each a tuple of Values in document order."""
    text = ctx.text
    # Per list kind: (how the section was written, its items); "prose" under a
    # loosely named heading is dropped when the same list also has bullets.
    per_kind: dict[str, list[tuple[str, list[Value]]]] = {k: [] for k in LIST_KINDS}
    by_content: dict[str, list[tuple[str, list[Value]]]] = {k: [] for k in LIST_KINDS}
    for sec in ctx.outline.sections:
        kind, rule, target = sec.kind, "list.bullet", per_kind
        if kind == "other" and sec.heading is not None:
            # A list under a heading that names nothing known: read by its
            # words, and used only where no heading gave that list at all.
            kind = _content_kind(text, sec.bullets)
            rule, target = f"list.content_{kind}", by_content
        elif kind == "about_role" and sec.bullets:
            # "Job Description" over bullets: the duties, where no heading
            # names them ("Description / You will: - ...").
            kind, rule, target = "responsibilities", "list.role_bullets", by_content
        if kind not in LIST_KINDS:
            continue
        items: list[Value] = []
        bullets = sec.bullets
        if bullets:
            for b in bullets:
                v = ctx.value(b.start, b.end, rule)
                if v and len(v.value) <= _MAX_ITEM:
                    items.append(v)
        else:
            for b in sec.blocks:
                if b.type == LABEL:
                    a, e = ctx.label_value(b)
                    rule = "list.label"
                elif b.type == TEXT:
                    a, e, rule = b.start, b.end, "list.sentence"
                else:
                    continue
                not_item = _markers()["not_item"]
                for sa, se in sentences.split(text[a:e], a):
                    v = ctx.value(sa, se, rule)
                    if v and len(v.value) <= _MAX_ITEM and _is_item(v.value) and not not_item.search(v.value):
                        items.append(v)
        # A prose section under a heading that names its list outright
        # ("Qualifications", "REQUIREMENTS:") is kept beside bulleted ones;
        # one named only by a keyword ("Your mission: ...") is an intro.
        keep = "bullets" if bullets else ("sure" if sec.rule in _SURE_HEADINGS else "prose")
        target[kind].append((keep, items))
    for kind, groups in by_content.items():
        if groups and not any(items for _, items in per_kind[kind]):
            per_kind[kind].extend(groups)

    out: dict[str, list[Value]] = {k: [] for k in LIST_KINDS}
    for kind, groups in per_kind.items():
        any_bullets = any(keep == "bullets" for keep, _ in groups)
        for keep, items in groups:
            if any_bullets and keep == "prose":
                continue
            out[kind].extend(items)
    moved = []
    for kind, needed in (("requirements", ("strong", "weak")), ("responsibilities", ("strong",))):
        keep = []
        for v in out[kind]:
            if optional_strength(v.value) in needed:
                moved.append(Value(v.value, v.span, "list.nice_moved"))
            else:
                keep.append(v)
        out[kind] = keep
    out["nice_to_have"] = sorted(out["nice_to_have"] + moved, key=lambda v: v.span.start)
    return {k: tuple(_dedupe(vs)) for k, vs in out.items()}


_SURE_HEADINGS = frozenset({"heading.exact", "heading.label", "label.known"})
_MIN_CONTENT_ITEMS = 3


@rules.derived
def _content_words() -> tuple[float, dict[str, tuple[str, ...]]]:
    data = rules.load("content")
    kinds = {}
    for kind in ("benefits", "requirements"):
        words = {str(w).casefold() for ws in (data.get(kind) or {}).values() for w in ws}
        kinds[kind] = tuple(sorted(words))
    return float(data.get("share", 0.5)), kinds


def _content_kind(text: str, bullets) -> str | None:
    """Return the list kind a section's bullets are about, when its heading does not say.

    Each bullet counts for a kind when one of its words starts with that
    kind's cue words (data/content.yaml); the kind most bullets count for wins
    if it holds at least ``share`` of them and the other kind at most half as many.
    """
    if len(bullets) < _MIN_CONTENT_ITEMS:
        return None
    share, kinds = _content_words()
    counts = dict.fromkeys(kinds, 0)
    for b in bullets:
        low = text[b.start:b.end].casefold()
        words = low.split()
        for kind, cues in kinds.items():
            if any(w.startswith(cues) for w in words) or any(" " in c and c in low for c in cues):
                counts[kind] += 1
    best = max(counts, key=counts.get)
    others = max((v for k, v in counts.items() if k != best), default=0)
    if counts[best] >= share * len(bullets) and others <= counts[best] / 2:
        return best
    return None


def _is_item(s: str) -> bool:
    """Return whether a sentence is worth listing (not a lone word or a lead-in)."""
    t = s.strip()
    return len(t) >= 3 and not t.endswith(":")


def _dedupe(vals: list[Value]) -> list[Value]:
    seen, out = set(), []
    for v in vals:
        if v.value not in seen:
            seen.add(v.value)
            out.append(v)
    return out
