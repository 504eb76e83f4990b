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
from bisect import bisect_right
from operator import itemgetter

from .. import rules, sentences
from ..blocks import LABEL, TEXT, _fast_maker
from ..context import _EDGE
from ..model import Span, Value
from ._guard import _NO_SPACES, _WORD, WordGuard
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
    data = rules.load("lists")
    optional = [w for key in ("nice", "lead", "strong") for ws in (data.get(key) or {}).values() for w in ws]
    guard = WordGuard(optional)
    out = {
        "guard": guard,
        "guard_ascii": None if any(w.isdigit() for w in guard.firsts) else
        frozenset(w.encode() for w in guard.firsts if w.isascii()),
        "nice": _Phrases(data["nice"]),
        "lead": _Phrases(data.get("lead", {}), anchored=True),
        "strong": _Phrases(data.get("strong", {})),
        "must": _Phrases(data.get("must", {})),
        "not_item": _Phrases(data.get("not_items", {})),
    }
    # Whether optional_strength can read ASCII items without the patterns.
    out["ascii"] = all(out[k].by_first is not None for k in ("nice", "lead", "strong", "must"))
    return out


# The words of a text, for the cheap tests before a search: runs of letters
# (or of digits) of the casefolded text; ASCII text is split on bytes, in one
# pass: letters lowercased, every other byte a space.
_ASCII_LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
# Text where words cannot be split so (``_guard``'s scripts without spaces), or
# where a case-insensitive match need not be a casefolded one (dotted and
# dotless i; the Greek iota sign, no word character, whose casefold is one).
_UNSPLIT = _rx("[\u0130\u0131\u0345" + _NO_SPACES.pattern[1:])
_ASCII = "".join(map(chr, range(128)))
# Word characters of ASCII text (the patterns' \w).
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_FIRST_RUN = re.compile(r"[a-z]+")


def _text_words(s: str):
    """Return the words of ``s`` (bytes for ASCII text), or None where they cannot tell."""
    if s.isascii():
        return s.encode().translate(_ASCII_LETTERS).split()
    if _UNSPLIT.search(s):
        return None
    return _WORD.findall(s.casefold())


class _Phrases:
    """The phrases of a {language: [phrase]} table, found as ``_pattern`` finds them.

    ``rx`` is that pattern.  Two cheaper ways come before it:

    ASCII text (``ascii_search``, ``ascii_lead``, ``ascii_whole``): there a
    case-insensitive match of a phrase is its lower-case form found in the
    lower-cased text with no word character either side, and only the ASCII
    phrases can match (no character of the others matches an ASCII one
    case-insensitively, as the Kelvin sign matches "k": checked here, else
    this way is off).  The phrases are filed under their first run of
    letters, which a match leaves as a word of the text, so a text is tried
    only for the phrases whose first word it holds.  Off (``by_first`` None)
    when a phrase does not start with a letter.

    Other text (``search``): the pattern, unless the text lacks one word of
    each phrase (``_guard.WordGuard``'s word: the longest).  A match leaves
    that word as a word of the casefolded text; so does a CJK phrase,
    matched anywhere, as long as ``_text_words`` can split the text.  Where
    no such word can be picked (a phrase with a number, a dotted or dotless
    i, nothing but CJK signs) the test is off.
    """

    __slots__ = ("rx", "anchored", "by_first", "whole", "other")

    def __init__(self, table: dict, anchored: bool = False):
        self.rx = _pattern(table, anchored)
        self.anchored = anchored
        phrases = sorted({w for ws in table.values() for w in ws})
        self.by_first = self.whole = None
        ascii_ = [p.lower() for p in phrases if p.isascii()]
        others = "".join(sorted({c for p in phrases if not p.isascii() for c in p if not c.isascii()}))
        if all(_FIRST_RUN.match(p) for p in ascii_) and not (
                others and _rx("[" + re.escape(others) + "]", re.IGNORECASE).search(_ASCII)):
            by_first: dict[bytes, list[str]] = {}
            for p in sorted(set(ascii_), key=lambda p: (-len(p), p)):
                by_first.setdefault(_FIRST_RUN.match(p).group().encode(), []).append(p)
            self.by_first = {k: tuple(v) for k, v in by_first.items()}
            self.whole = frozenset(ascii_)
        self.other = None
        for p in phrases:
            parts = _WORD.findall(str(p).casefold())
            if not parts or any(x.isdigit() for x in parts) or "\u0130" in p or "\u0131" in p:
                return
            if any("\u3000" <= c <= "\u9fff" for c in p) and not _UNSPLIT.search(p):
                return
        self.other = WordGuard(phrases).firsts

    def search(self, text: str, words) -> bool:
        """Return whether the pattern finds a phrase in ``text`` (``words``: ``_text_words`` of it or of
        a text holding it)."""
        other = self.other
        if words is not None and other is not None:
            if words and type(words[0]) is bytes:
                if other.isdisjoint(w.decode() for w in words):
                    return False
            elif other.isdisjoint(words):
                return False
        rx = self.rx
        return (rx.match(text) if self.anchored else rx.search(text)) is not None

    def ascii_search(self, low: str, words) -> bool:
        """Return whether a phrase occurs in ASCII text, given lower-cased as ``low``;
        ``words``: ``_text_words`` of it or of a text holding it."""
        by_first = self.by_first
        n = len(low)
        find = low.find
        for k in by_first.keys() & set(words):
            for p in by_first[k]:
                e = len(p)
                i = find(p)
                while i >= 0:
                    if (i == 0 or low[i - 1] not in _ASCII_WORD) and (i + e == n or low[i + e] not in _ASCII_WORD):
                        return True
                    i = find(p, i + 1)
        return False

    def ascii_lead(self, low: str, words) -> bool:
        """Return whether ASCII text (lower-cased: ``low``) opens with a phrase, after at most
        three other characters than letters, digits and "_"."""
        by_first = self.by_first
        n = len(low)
        keys = by_first.keys() & set(words)
        if not keys:
            return False
        for q in range(min(4, n)):
            if q and low[q - 1] in _ASCII_WORD:
                break
            for k in keys:
                for p in by_first[k]:
                    e = q + len(p)
                    if low.startswith(p, q) and (e == n or low[e] not in _ASCII_WORD):
                        return True
        return False

    def ascii_whole(self, s: str) -> bool:
        """Return whether ASCII text ``s`` is one of the phrases, all of it."""
        return s.lower() in self.whole


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
    if item.isascii():
        words = item.encode().translate(_ASCII_LETTERS).split()
        if guard_ascii is not None:
            if guard_ascii.isdisjoint(words):
                return None
        elif not m["guard"].may_match(item):
            return None
        if m["ascii"]:
            return _ascii_strength(item, words, m)
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
            hit = m["nice"].rx.fullmatch(inner) or m["strong"].rx.fullmatch(inner)
            if hit:
                whole_parens = True
        outside = _PARENS.sub(" ", first)
    else:
        outside = first
    # The words of the item are tested before each search: what the first
    # sentence holds outside parentheses, the item holds.
    if m["must"].search(outside, words):
        return None
    nice = None
    if whole_parens:
        return "strong"
    if m["strong"].search(outside, words):
        nice = m["nice"].search(outside, words)
        if nice:
            return "strong"
    if nice is None:
        nice = m["nice"].search(outside, words)
    if nice or m["lead"].search(outside, words):
        return "weak"
    return None


def _ascii_strength(item: str, words, m: dict) -> str | None:
    """``optional_strength`` of an ASCII item (``words``: its ``_text_words``), without the patterns."""
    first = _FIRST_SENTENCE.match(item).group()
    whole_parens = False
    if "(" in first:
        nice, strong = m["nice"], m["strong"]
        for p in _PARENS.finditer(first):
            inner = p.group(1).strip(" .,;:!")
            if nice.ascii_whole(inner) or strong.ascii_whole(inner):
                whole_parens = True
        first = _PARENS.sub(" ", first)
    low = first.lower()
    if m["must"].ascii_search(low, words):
        return None
    if whole_parens:
        return "strong"
    nice = m["nice"].ascii_search(low, words)
    if nice and m["strong"].ascii_search(low, words):
        return "strong"
    if nice or m["lead"].ascii_lead(low, words):
        return "weak"
    return None


def is_optional(item: str) -> bool:
    """Return whether a requirement says it is optional (and does not say it is a must)."""
    return optional_strength(item) is not None


_span = _fast_maker(Span, ("start", "end", "line", "col"))
_value = _fast_maker(Value, ("value", "span", "rule"))


def _bullet_values(ctx, bullets, rule: str, out: list) -> None:
    """Append a Value per bullet, long ones left out (``Context.value`` of each, inlined)."""
    doc = ctx.doc
    text = doc.text
    starts = doc._starts
    if starts is None:
        starts = doc._line_starts()
    for b in bullets:
        e = b.end
        left = text[b.start:e].lstrip(_EDGE)
        if not left:
            continue
        core = left.rstrip(_EDGE)
        if core.isprintable() and "  " not in core and core[:1] != " " and core[-1:] != " ":
            if len(core) > _MAX_ITEM:
                continue
            val = core
        else:
            val = " ".join(core.split())
            if len(val) > _MAX_ITEM:
                continue
        a = e - len(left)
        i = bisect_right(starts, a) - 1
        out.append(_value(val, _span(a, a + len(core), i + 1, a - starts[i] + 1), rule))


def _prose_values(ctx, blocks, out: list) -> None:
    """Append a Value per sentence of the prose and label blocks worth listing."""
    not_item = _markers()["not_item"]
    ascii_ok = not_item.by_first is not None
    split = sentences.split
    doc = ctx.doc
    text = doc.text
    starts = doc._starts
    if starts is None:
        starts = doc._line_starts()
    for b in blocks:
        t = b.type
        if t == LABEL:
            a, e = ctx.label_value(b)
            rule = "list.label"
        elif t == TEXT:
            a, e, rule = b.start, b.end, "list.sentence"
        else:
            continue
        for sa, se in split(text[a:e], a):
            # Context.value, inlined
            left = text[sa:se].lstrip(_EDGE)
            if not left:
                continue
            core = left.rstrip(_EDGE)
            if core.isprintable() and "  " not in core and core[:1] != " " and core[-1:] != " ":
                val = core
            else:
                val = " ".join(core.split())
            # Worth listing: not a lone word or a lead-in ("In detail:").
            if len(val) > _MAX_ITEM or len(val) < 3 or val[-1] == ":":
                continue
            if val.isascii() and ascii_ok:
                if not_item.ascii_search(val.lower(), val.encode().translate(_ASCII_LETTERS).split()):
                    continue
            elif not_item.search(val, _text_words(val)):
                continue
            sa = se - len(left)
            i = bisect_right(starts, sa) - 1
            out.append(_value(val, _span(sa, sa + len(core), i + 1, sa - starts[i] + 1), rule))


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
                moved.append(_value(v.value, v.span, "list.nice_moved"))
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
