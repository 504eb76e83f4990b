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
from operator import itemgetter

from .. import rules, sentences
from ..blocks import LABEL, TEXT
from ..model import Value
from ._guard import _NO_SPACES, _WORD
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
def _markers() -> dict:
    from ._guard import WordGuard

    data = rules.load("lists")
    optional = [w for key in ("nice", "lead", "strong") for ws in (data.get(key) or {}).values() for w in ws]
    guard = WordGuard(optional)
    return {
        "guard": guard,
        "guard_ascii": None if any(w.isdigit() for w in guard.firsts) else
        frozenset(w.encode() for w in guard.firsts if w.isascii()),
        "nice": _pattern(data["nice"]),
        "lead": _pattern(data.get("lead", {}), anchored=True),
        "strong": _pattern(data.get("strong", {})),
        "must": _pattern(data.get("must", {})),
        "not_item": _pattern(data.get("not_items", {})),
        "nice_words": _Words(data["nice"]),
        "strong_words": _Words(data.get("strong", {})),
        "must_words": _Words(data.get("must", {})),
        "not_item_words": _Words(data.get("not_items", {})),
    }


# A cheap test before a ``_pattern`` search: the words of the text, looked up
# in a set holding one word of each phrase.  Words are runs of letters (or of
# digits) of the casefolded text; ASCII text is split on bytes, in one pass:
# letters lowercased, every other byte a space.
_ASCII_LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
# Text where words cannot be split so (``_guard``'s scripts without spaces), or
# where a case-insensitive match need not be a casefolded one (dotted and
# dotless i; the Greek iota sign, no word character, whose casefold is one).
_UNSPLIT = _rx("[\u0130\u0131\u0345" + _NO_SPACES.pattern[1:])


def _text_words(s: str):
    """Return the words of ``s`` (bytes for ASCII text), or None where they cannot tell."""
    if s.isascii():
        return s.encode().translate(_ASCII_LETTERS).split()
    if _UNSPLIT.search(s):
        return None
    return _WORD.findall(s.casefold())


class _Words:
    """One word of each phrase of a ``_pattern`` table, to tell the pattern cannot match.

    A phrase matched as a whole word, case-insensitively, leaves each of its
    words as a word of the casefolded text; so does one matched anywhere
    (CJK), as long as the text is one ``_text_words`` cannot split.  Where
    no such word can be picked (a phrase with a number, a dotted or dotless
    i, nothing but CJK signs) the test is off: ``may`` always says yes.
    """

    __slots__ = ("ascii", "other")

    def __init__(self, table: dict):
        self.ascii = self.other = None
        words = set()
        for ws in table.values():
            for w in ws:
                w = str(w)
                parts = _WORD.findall(w.casefold())
                if not parts or any(p.isdigit() for p in parts) or "\u0130" in w or "\u0131" in w:
                    return
                if any("\u3000" <= c <= "\u9fff" for c in w) and not _UNSPLIT.search(w):
                    return
                words.add(max(parts, key=len))
        self.other = frozenset(words)
        self.ascii = frozenset(w.encode() for w in words if w.isascii())

    def may(self, words) -> bool:
        """Return False only when the text of ``words`` (from ``_text_words``) holds no phrase."""
        if words is None or self.other is None:
            return True
        if words and type(words[0]) is bytes:
            return not self.ascii.isdisjoint(words)
        return not self.other.isdisjoint(words)


_PARENS = _rx(r"\(([^()]{0,80})\)")
_FIRST_SENTENCE = _rx(r"^.*?(?:[.!?](?=\s+[A-Z])|$)", re.DOTALL)


def optional_strength(item: str) -> str | None:
    """Return "strong" or "weak" when an item says it is optional, else None.

    Strong: a marker that can only mean optional ("nice to have", "(a plus)"),
    which moves the item out of any list.  Weak: other markers ("Python is a
    plus", "preferred"), which move a requirement.  A "must" keeps it.
    """
    m = _markers()
    # No word of any optional marker: most items.  (ASCII items are split on
    # bytes: the same words the guard reads.)
    guard_ascii = m["guard_ascii"]
    if guard_ascii is not None and item.isascii():
        words = item.encode().translate(_ASCII_LETTERS).split()
        if guard_ascii.isdisjoint(words):
            return None
    elif m["guard"].may_match(item):
        words = _text_words(item)
    else:
        return None
    first = _FIRST_SENTENCE.match(item).group()
    # Parentheses count only when a marker is all they hold.
    whole_parens = False
    if "(" in first:
        for p in _PARENS.finditer(first):
            inner = p.group(1).strip(" .,;:!")
            hit = m["nice"].fullmatch(inner) or m["strong"].fullmatch(inner)
            if hit:
                whole_parens = True
        outside = _PARENS.sub(" ", first)
    else:
        outside = first
    # The words of the item are tested before each search: what the first
    # sentence holds outside parentheses, the item holds.
    if m["must_words"].may(words) and m["must"].search(outside):
        return None
    nice = None
    if whole_parens:
        return "strong"
    if m["strong_words"].may(words) and m["strong"].search(outside):
        nice = m["nice_words"].may(words) and m["nice"].search(outside) is not None
        if nice:
            return "strong"
    if nice is None:
        nice = m["nice_words"].may(words) and m["nice"].search(outside) is not None
    if nice or m["lead"].match(outside):
        return "weak"
    return None


def is_optional(item: str) -> bool:
    """Return whether a requirement says it is optional (and does not say it is a must)."""
    return optional_strength(item) is not None


def _bullet_values(ctx, bullets, rule: str, out: list) -> None:
    """Append a Value per bullet, long ones left out."""
    value = ctx.value
    for b in bullets:
        v = value(b.start, b.end, rule)
        if v is not None and len(v.value) <= _MAX_ITEM:
            out.append(v)


def _prose_values(ctx, blocks, out: list) -> None:
    """Append a Value per sentence of the prose and label blocks worth listing."""
    m = _markers()
    not_item, guard = m["not_item"], m["not_item_words"]
    split = sentences.split
    text = ctx.text
    value = ctx.value
    for b in blocks:
        if b.type == LABEL:
            a, e = ctx.label_value(b)
            rule = "list.label"
        elif b.type == TEXT:
            a, e, rule = b.start, b.end, "list.sentence"
        else:
            continue
        for sa, se in split(text[a:e], a):
            v = value(sa, se, rule)
            if v is None:
                continue
            val = v.value
            # Worth listing: not a lone word or a lead-in ("In detail:").
            if len(val) > _MAX_ITEM or len(val) < 3 or val[-1] == ":":
                continue
            if guard.may(_text_words(val)) and not_item.search(val):
                continue
            out.append(v)


def extract(ctx) -> dict[str, tuple[Value, ...]]:
    """Return the four list fields, each a tuple of Values in document order."""
    text = ctx.text
    # Per list kind: (how the section was written, its items); "prose" under a
    # loosely named heading is dropped when the same list also has bullets.
    per_kind: dict[str, list[tuple[str, list[Value]]]] = {k: [] for k in LIST_KINDS}
    # Sections whose list is read from their bullets' words, or the bullets of
    # a "Job description": used only where no heading gave that list, so read
    # only then (below).
    later = []
    for sec in ctx.outline.sections:
        kind = sec.kind
        if kind in LIST_KINDS:
            items: list[Value] = []
            bullets = sec.bullets
            if bullets:
                _bullet_values(ctx, bullets, "list.bullet", items)
                keep = "bullets"
            else:
                _prose_values(ctx, sec.blocks, items)
                # A prose section under a heading that names its list outright
                # ("Qualifications", "REQUIREMENTS:") is kept beside bulleted
                # ones; one named only by a keyword ("Your mission: ...") is an intro.
                keep = "sure" if sec.rule in _SURE_HEADINGS else "prose"
            per_kind[kind].append((keep, items))
        elif kind == "other":
            if sec.heading is not None:
                later.append(sec)
        elif kind == "about_role":
            later.append(sec)
    if later:
        # A list under a heading that names nothing known: read by its words,
        # and used only where no heading gave that list at all.  "Job
        # Description" over bullets: the duties, where no heading names them
        # ("Description / You will: - ...").
        by_content: dict[str, list[tuple[str, list[Value]]]] = {}
        open_kinds = {k for k, groups in per_kind.items() if not any(items for _, items in groups)}
        content_open = bool(open_kinds & _CONTENT_KINDS)
        for sec in later:
            if sec.kind == "other":
                if not content_open:
                    continue
                bullets = sec.bullets
                kind = _content_kind(text, bullets)
                rule = f"list.content_{kind}"
            else:
                if "responsibilities" not in open_kinds:
                    continue
                bullets = sec.bullets
                kind, rule = "responsibilities", "list.role_bullets"
            if kind not in open_kinds or not bullets:
                continue
            items = []
            _bullet_values(ctx, bullets, rule, items)
            by_content.setdefault(kind, []).append(("bullets", items))
        for kind, groups in by_content.items():
            per_kind[kind].extend(groups)

    out: dict[str, list[Value]] = {}
    for kind, groups in per_kind.items():
        if len(groups) == 1:
            out[kind] = groups[0][1]
            continue
        any_bullets = any(keep == "bullets" for keep, _ in groups)
        vals = out[kind] = []
        for keep, items in groups:
            if any_bullets and keep == "prose":
                continue
            vals.extend(items)
    moved = []
    for kind, needed in (("requirements", ("strong", "weak")), ("responsibilities", ("strong",))):
        keep = []
        for v in out[kind]:
            if optional_strength(v.value) in needed:
                moved.append(Value(v.value, v.span, "list.nice_moved"))
            else:
                keep.append(v)
        out[kind] = keep
    nice = out["nice_to_have"]
    if moved or len(nice) > 1:
        out["nice_to_have"] = sorted(nice + moved, key=_start)
    return {k: _dedupe(vs) for k, vs in out.items()}


def _start(v: Value) -> int:
    return v.span.start


_SURE_HEADINGS = frozenset({"heading.exact", "heading.label", "label.known"})
_MIN_CONTENT_ITEMS = 3
_CONTENT_KINDS = frozenset({"benefits", "requirements"})


@rules.derived
def _content_words():
    """Return (share, kinds, key length, buckets, keys, always) for ``_content_kind``.

    A cue matches a bullet when one of its words starts with the cue; a cue
    of several words ("paid time off") when the bullet holds it.  Cues are
    filed under their first ``klen`` characters (a cue of several words
    under its last word's: the bullet then has a word starting with it), so
    a bullet's words are looked up, not tested against every cue.  ``always``
    holds the cues of several words that cannot be filed so.
    """
    data = rules.load("content")
    kinds = {}
    for kind in ("benefits", "requirements"):
        words = {str(w).casefold() for ws in (data.get(kind) or {}).values() for w in ws}
        kinds[kind] = tuple(sorted(words))
    filed, always = [], []
    for kind, cues in kinds.items():
        for c in cues:
            if " " in c:
                last = c.split(" ")[-1]
                if last and last == "".join(last.split()):
                    filed.append((last, kind, c, True))
                else:
                    always.append((kind, c))
            else:
                filed.append((c, kind, c, False))
    klen = min((len(f[0]) for f in filed), default=0)
    buckets: dict[str, list] = {}
    for head, kind, c, multi in filed:
        buckets.setdefault(head[:klen], []).append((kind, c, multi))
    keys = frozenset(buckets)
    return float(data.get("share", 0.5)), kinds, klen, buckets, keys, tuple(always)


def _content_kind(text: str, bullets) -> str | None:
    """Return the list kind a section's bullets are about, when its heading does not say.

    Each bullet counts for a kind when one of its words starts with that
    kind's cue words (data/content.yaml); the kind most bullets count for wins
    if it holds at least ``share`` of them and the other kind at most half as many.
    """
    if len(bullets) < _MIN_CONTENT_ITEMS:
        return None
    share, kinds, klen, buckets, keys, always = _content_words()
    head = itemgetter(slice(0, klen))
    counts = dict.fromkeys(kinds, 0)
    for b in bullets:
        low = text[b.start:b.end].casefold()
        words = low.split()
        hit = set()
        if not keys.isdisjoint(map(head, words)):
            for w in words:
                for kind, c, multi in buckets.get(w[:klen], ()):
                    if kind not in hit and (c in low if multi else w.startswith(c)):
                        hit.add(kind)
        for kind, c in always:
            if kind not in hit and c in low:
                hit.add(kind)
        for kind in hit:
            counts[kind] += 1
    best = max(counts, key=counts.get)
    others = max((v for k, v in counts.items() if k != best), default=0)
    if counts[best] >= share * len(bullets) and others <= counts[best] / 2:
        return best
    return None


def _dedupe(vals: list[Value]) -> tuple[Value, ...]:
    """Return ``vals`` without the items whose text an earlier one has."""
    seen = {v.value for v in vals}
    if len(seen) == len(vals):
        return tuple(vals)
    seen, out = set(), []
    for v in vals:
        if v.value not in seen:
            seen.add(v.value)
            out.append(v)
    return tuple(out)
