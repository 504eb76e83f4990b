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
  list.duty_sentence a sentence of the description that says what the job
                  does ("You will ..."), where no section lists the duties
  list.offer_sentence a sentence outside the lists that offers two perks or
                  more ("We offer medical and dental cover ..."), where no
                  section lists the benefits
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
from ..blocks import LABEL, TEXT
from ..context import ITEM_TAIL, EDGE, new_span as _span, new_value as _value, trimmed
from ..model import Value
from ._guard import _NO_SPACES, WordGuard
from . import seniority as _seniority
from ._vocab import FOLDS_TO_ASCII, LETTER_BYTES, SPACELESS as _CJK_TEXT, anywhere as _is_cjk
from ..sections import LIST_KINDS
from .._cache import compile as _rx

_MAX_ITEM = 2500  # longer "items" are page dumps, not list entries (a sentence of 2,100 characters listing duties is one)


def _pattern(table: dict, anchored: bool = False) -> re.Pattern:
    """Return one pattern for a {language: [phrase]} table: whole words (CJK and Korean anywhere)."""
    words = sorted({w for ws in table.values() for w in ws}, key=lambda w: (-len(w), w))
    latin = [re.escape(w) for w in words if not _is_cjk(w)]
    cjk = [re.escape(w) for w in words if _is_cjk(w)]
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
        "guard_keys": _guard_keys(guard.firsts),
        "nice": _Phrases(data["nice"]),
        "lead": _Phrases(data.get("lead", {}), anchored=True),
        "strong": _Phrases(data.get("strong", {})),
        "must": _Phrases(data.get("must", {})),
        "negated_must": _Phrases(data.get("negated_must", {})),
        "not_item": _Phrases(data.get("not_items", {})),
        "not_paragraph": _Phrases(data.get("not_item_paragraphs", {})),
        "duty": _Phrases(data.get("duty_cues", {})),
        "not_duty": _Phrases(data.get("not_duty_cues", {})),
        "offer": _Phrases(data.get("offer_cues", {})),
        "offer_opens": _Phrases(data.get("offer_cues", {}), anchored=True),
        "need": _Phrases(data.get("need_cues", {})),
    }
    # Whether optional_strength may read items without the patterns.
    out["fast"] = all(out[k].fast for k in ("nice", "lead", "strong", "must", "negated_must"))
    # Every word that ``_Phrases.found`` looks up (see ``_reading``).
    out["keys"] = frozenset().union(*(p.keys | p.other_keys for p in out.values() if isinstance(p, _Phrases)))
    return out


# The words of a text for the cheap tests before a search, in one pass over
# its UTF-8 bytes (translated by LETTER_BYTES): the runs of ASCII letters,
# lowercased (every other byte, those of other characters included, a space).
_LETTERS = _rx(r"[a-z]+")
# The characters for which that reading does not hold: those re.IGNORECASE
# matches to an ASCII letter (dotted and dotless i, long s, Kelvin sign), and
# those whose casefold holds an ASCII letter (sharp s, ligatures ...).
_ODD = _rx("[" + FOLDS_TO_ASCII + "]")
_ODD_CHARS = tuple(FOLDS_TO_ASCII)


def _has_odd(s: str) -> bool:
    """Return whether ``s`` holds an ``_ODD`` character, as ``_ODD.search`` tells.

    By one str search per character, for a whole posting: the pattern's wide
    character set costs some 50 instructions per character of the text, while
    a search for a character wider than any of the text (all but sharp s, in
    Latin-1 text) returns at once.
    """
    return any(map(s.__contains__, _ODD_CHARS))


_ASCII = "".join(map(chr, range(128)))


_HANGUL_TEXT = _rx(r"[\uac00-\ud7a3]")
CJK_WORD = b"\x00cjk"
"""A word no text has: the words a text is read by hold it when the text holds a ``_CJK_TEXT``
character, so that its CJK and Korean phrases are searched for only then."""


def _key(p: str, bounded_ends: bool) -> bytes | None:
    """Return the longest run of ASCII letters of ``p`` (lower-cased) that a match of ``p``
    leaves as a word of the text (None: there is none).

    A run ends where the phrase has another character, which the text then
    has too (or one it matches, not an ASCII letter); at an end of the
    phrase only when the pattern wants no word character there
    (``bounded_ends``).
    """
    low = p.lower()
    best = None
    for m in _LETTERS.finditer(low):
        if not bounded_ends and (m.start() == 0 or m.end() == len(low)):
            continue
        if best is None or len(m.group()) > len(best):
            best = m.group()
    return None if best is None else best.encode()


def _guard_keys(firsts) -> frozenset | None:
    """Return, for a WordGuard's words, one run of ASCII letters of each (see ``_key``);
    None when a word has none and is not of a script without spaces."""
    keys = set()
    for w in firsts:
        k = _key(w, True)
        if k is None:
            if not all(_NO_SPACES.match(c) for c in w):
                return None
        else:
            keys.add(k)
    return frozenset(keys)


class _Phrases:
    """The phrases of a {language: [phrase]} table, found as ``_pattern`` finds them.

    ``rx`` is that pattern.  Where ``fast``, the cheaper ways below give
    what ``rx`` gives, for a text without ``_ODD`` characters; words are
    the runs of ASCII letters of the text's bytes (``_words``):

    - An ASCII phrase matches, case-insensitively, where its lower case is
      found in the lower-cased text with no word character either side.  It
      is filed under one run of its letters (``_key``), which a match leaves
      as a word of the text: a text is tried only for the phrases filed
      under its words.
    - The other phrases cannot match ASCII text: none of their characters
      matches an ASCII one case-insensitively (checked here; else ``fast``
      is off).  Those with a key are searched, by their own pattern
      (``rx_keyed``), in the other texts that hold one of their keys; those
      without one by theirs in every other text: the CJK and Korean ones
      (``rx_cjk``) where the words show a CJK or Hangul character
      (``CJK_WORD``), the rest (``rx_keyless``) in each.
    """

    __slots__ = ("rx", "anchored", "fast", "by_key", "keys", "whole", "other_keys", "rx_keyed", "rx_keyless",
                 "rx_cjk", "keyless_ascii")

    def __init__(self, table: dict, anchored: bool = False):
        self.rx = _pattern(table, anchored)
        self.anchored = anchored
        phrases = sorted({w for ws in table.values() for w in ws})
        others = "".join(sorted({c for p in phrases for c in p if not c.isascii()}))
        self.fast = not (others and _rx("[" + re.escape(others) + "]", re.IGNORECASE).search(_ASCII))
        by_key: dict[bytes, list[str]] = {}
        other_keys, keyed, keyless = set(), [], []
        for p in phrases:
            k = _key(p, not _is_cjk(p))
            if k is None:
                keyless.append(p)
            elif p.isascii():
                by_key.setdefault(k, []).append(p.lower())
            else:
                other_keys.add(k)
                keyed.append(p)
        self.by_key = {k: tuple(sorted(set(v))) for k, v in by_key.items()}
        self.keys = frozenset(by_key)
        self.whole = frozenset(p.lower() for p in phrases if p.isascii())
        self.other_keys = frozenset(other_keys)
        self.rx_keyed = _pattern({"": keyed}, anchored) if keyed else None
        cjk = [p for p in keyless if _is_cjk(p)]
        keyless = [p for p in keyless if not _is_cjk(p)]
        self.rx_keyless = _pattern({"": keyless}, anchored) if keyless else None
        self.rx_cjk = _pattern({"": cjk}, anchored) if cjk else None
        self.keyless_ascii = any(p.isascii() for p in keyless)

    def found(self, s: str, words, plain: bool) -> bool:
        """Return whether ``rx`` finds a phrase in ``s`` (matches at its start, when anchored).

        ``words`` are the ``_words`` of ``s`` or of a text holding it,
        ``plain`` whether ``s`` is ASCII; ``fast`` must hold and ``s`` have
        no ``_ODD`` character.
        """
        if not self.keys.isdisjoint(words):
            by_key = self.by_key
            keys = self.keys.intersection(words)
            low = s.lower()  # as long as s: no dotted capital I
            n = len(low)
            if self.anchored:
                # at most three characters before the phrase, none of them a word character
                for q in range(min(4, n)):
                    if q and ((c := s[q - 1]).isalnum() or c == "_"):
                        break
                    for k in keys:
                        for p in by_key[k]:
                            e = q + len(p)
                            if low.startswith(p, q) and (e == n or not ((c := s[e]).isalnum() or c == "_")):
                                return True
            else:
                find = low.find
                for k in keys:
                    for p in by_key[k]:
                        i = find(p)
                        while i >= 0:
                            e = i + len(p)
                            if (i == 0 or not ((c := s[i - 1]).isalnum() or c == "_")) and (
                                    e == n or not ((c := s[e]).isalnum() or c == "_")):
                                return True
                            i = find(p, i + 1)
        if not plain:
            rx = self.rx_keyed
            if rx is not None and not self.other_keys.isdisjoint(words):
                if (rx.match(s) if self.anchored else rx.search(s)) is not None:
                    return True
        elif not self.keyless_ascii:
            return False
        rx = self.rx_keyless
        if rx is not None and (rx.match(s) if self.anchored else rx.search(s)) is not None:
            return True
        rx = self.rx_cjk
        return rx is not None and CJK_WORD in words and (rx.match(s) if self.anchored else rx.search(s)) is not None

    def in_part(self, s: str, reading) -> bool:
        """Return whether ``rx`` finds a phrase in ``s``, a text or a sentence of a text whose
        ``_reading`` is given: by the cheap tests of ``found`` where they hold (the
        text's words stand for the sentence's, which they hold), else by the pattern."""
        if self.fast and reading is not None:
            return self.found(s, reading, s.isascii())
        return (self.rx.match(s) if self.anchored else self.rx.search(s)) is not None

    def whole_of(self, s: str) -> bool:
        """Return whether ``s`` is one of the phrases, all of it (``rx.fullmatch``)."""
        if s.isascii():
            return s.lower() in self.whole
        return self.rx.fullmatch(s) is not None


def _words(s: str) -> list:
    """Return the runs of ASCII letters of ``s``, lower-cased, as bytes, and last ``CJK_WORD``
    when ``s`` holds a CJK or Hangul character."""
    words = s.encode().translate(LETTER_BYTES).split()
    if not s.isascii() and _CJK_TEXT.search(s):
        words.append(CJK_WORD)
    return words


def _reading(s: str, odd: bool = True) -> frozenset | None:
    """Return the ``_words`` of ``s`` that some marker files phrases under, for
    ``_Phrases.in_part`` on ``s`` and its sentences; None when it has an ``_ODD``
    character (only the patterns read it then).  ``odd`` False: ``s`` is part of
    a text known to have none.

    A prose block is read by several markers, and so are its sentences: its
    words are made once.  A sentence's words are words of its block (it is cut
    at white space or a stop, never inside a word), so they may stand for them.
    ``found`` reads words only by its key sets, so the few that are keys do,
    and ``CJK_WORD`` when ``s`` holds a CJK or Hangul character.
    """
    if s.isascii() or not (odd and _ODD.search(s)):
        words = _words(s)
        keys = _markers()["keys"].intersection(words)
        return keys | _CJK_READING if words and words[-1] == CJK_WORD else keys
    return None


_CJK_READING = frozenset((CJK_WORD,))


def _block_reading(text: str, b, readings: dict, odd: bool):
    """Return the ``_reading`` of the block ``b`` of ``text``, made once per posting (``readings``)."""
    try:
        return readings[b.start]
    except KeyError:
        r = readings[b.start] = _reading(text[b.start:b.end], odd)
        return r


_PARENS = _rx(r"\(([^()]{0,80})\)")
# Where an item's first sentence ends: a stop before white space and a capital.
_STOP = _rx(r"[.!?](?=\s+[A-Z])")


def _first_sentence(item: str) -> str:
    """Return ``item`` up to the end of its first sentence (its end, or a last newline)."""
    m = _STOP.search(item)
    if m is not None:
        return item[:m.start() + 1]
    return item[:-1] if item[-1:] == "\n" else item


def optional_strength(item: str) -> str | None:
    """Return "strong" or "weak" when an item says it is optional, else None.

    Strong: a marker that can only mean optional ("nice to have", "(a plus)"),
    which moves the item out of any list.  Weak: other markers ("Python is a
    plus", "preferred"), which move a requirement.  A "must" keeps it.
    """
    return _optional(item, _markers())


def _optional(item: str, m: dict, odd: bool = True) -> str | None:
    """``optional_strength``, given ``_markers()`` (``odd`` False: ``item`` is part of a posting
    known to hold no ``_ODD`` character, as for ``_reading``)."""
    # No word of any optional marker: most items.  (ASCII items are split on
    # bytes, giving the words the guard reads; other items are told to have
    # none of them by their runs of ASCII letters, where that can tell.)
    plain = item.isascii()
    if plain:
        words = item.encode().translate(LETTER_BYTES).split()
        guard_ascii = m["guard_ascii"]
        if guard_ascii is not None:
            if guard_ascii.isdisjoint(words):
                return None
        elif not m["guard"].may_match(item):
            return None
        if not m["fast"]:
            return _strength(item, m)
    else:
        if not m["fast"] or (odd and _ODD.search(item)):
            return _strength(item, m) if m["guard"].may_match(item) else None
        words = item.encode().translate(LETTER_BYTES).split()
        keys = m["guard_keys"]
        if keys is not None and keys.isdisjoint(words) and not _NO_SPACES.search(item):
            return None
        if not m["guard"].may_match(item):
            return None
        if _CJK_TEXT.search(item):
            words.append(CJK_WORD)
    return _strength(item, m, words, plain)


_MARKER_JOINS = _rx(r"[ \t]*(?:[,;/]|[ \t](?:but|and|or|aber|mais|pero|ma|maar|men)(?=[ \t]))[ \t]*", re.IGNORECASE)
"""What joins two optional markers in one pair of parentheses ("desirable but not essential")."""


def _strength(item: str, m: dict, words: list | None = None, plain: bool = False) -> str | None:
    """``optional_strength`` of an item the guard let through.

    The markers are tested by their word tables when the item's ``words``
    are given (the fast path of ``_optional``; the item's words stand for
    those of its first sentence, which holds them), else by their patterns.
    Both give the same answers.
    """
    if words is None:
        def whole(mk, s):
            return mk.rx.fullmatch(s) is not None

        def found(mk, s):
            return mk.rx.search(s) is not None

        def opens(mk, s):
            return mk.rx.match(s) is not None
    else:
        def whole(mk, s):
            return mk.whole_of(s)

        def found(mk, s):
            return mk.found(s, words, plain)

        opens = found
    first = _first_sentence(item)
    # Parentheses count only when a marker is all they hold.
    whole_parens = False
    if "(" in first:
        nice, strong = m["nice"], m["strong"]
        for p in _PARENS.finditer(first):
            inner = p.group(1).strip(" .,;:!")
            if whole(nice, inner) or whole(strong, inner):
                whole_parens = True
            elif " " in inner and all(x and (whole(nice, x) or whole(strong, x)) for x in _MARKER_JOINS.split(inner)):
                whole_parens = True  # markers joined: "(desirable but not essential)", "(preferred, not required)"
        first = _PARENS.sub(" ", first)
    if found(m["must"], first) and not (
            found(m["negated_must"], first) and not found(m["must"], m["negated_must"].rx.sub(" ", first))):
        return None  # a must, unless every one is negated ("a plus, not required")
    if ";" in first and not whole_parens:
        # "Fluent English; Dutch is a plus": a requirement, then a wish of its own
        # (a clause with words besides its marker); "Rust; a plus" is one wish.
        head, _, rest = first.partition(";")
        if (head.strip() and not found(m["nice"], head) and not opens(m["lead"], head.strip())
                and not whole(m["nice"], rest.strip(" .,;:!")) and not whole(m["strong"], rest.strip(" .,;:!"))):
            return None
    if whole_parens:
        return "strong"
    nice = found(m["nice"], first)
    if nice and found(m["strong"], first):
        return "strong"
    if nice or opens(m["lead"], first):
        return "weak"
    return None


def is_optional(item: str) -> bool:
    """Return whether a requirement says it is optional (and does not say it is a must)."""
    return optional_strength(item) is not None


def _bullet_values(ctx, bullets, rule: str, out: list) -> None:
    """Append a Value per bullet, long ones left out (``Context.value`` of each, its span inlined)."""
    doc = ctx.doc
    text = doc.text
    starts = doc.line_starts
    for b in bullets:
        got = trimmed(text, b.start, b.end, EDGE, ITEM_TAIL)
        if got is None:
            continue
        a, core, val = got
        if len(val) > _MAX_ITEM:
            continue
        i = bisect_right(starts, a) - 1
        out.append(_value(val, _span(a, a + len(core), i + 1, a - starts[i] + 1), rule))


_STOPS = ".!?\u3002\uff01\uff1f"
"""What a sentence ends with."""
_DUTY_KINDS = ("header", "about_role", "salary", "location")
"""Sections whose prose is read for duties when no section lists them (a
label such as "Salary: ..." opens a section that runs on over the prose after it)."""
_OFFER_KINDS = ("header", "about_role", "about_company", "salary", "location", "other")
"""Sections whose prose is read for what the job offers when no section lists it."""
_OFFER_CUES = 2
"""The fewest perks (content.yaml benefits words) an offer sentence names:
"We offer medical and dental cover" is one, "We offer software to clinics" is not."""
_NEED_SPACES = 5
"""The fewest spaces of a need sentence (six words): "Must be able to lift 50 pounds" is one."""


def _cued_sentences(ctx, blocks, cue: str, readings: dict, odd: bool):
    """Yield (start, core, value) of each sentence of the prose ``blocks`` that holds a phrase of
    the markers' ``cue`` kind and no not-item phrase (a paragraph without the cue is not split)."""
    markers = _markers()
    cues, not_item = markers[cue], markers["not_item"]
    text = ctx.doc.text
    for b in blocks:
        if b.type != TEXT:
            continue
        block = text[b.start:b.end]
        r = _block_reading(text, b, readings, odd)
        if not cues.in_part(block, r):
            continue
        for sa, core, val in _sentences(text, sentences.split(block, b.start)):
            if len(val) <= _MAX_ITEM and cues.in_part(val, r) and not not_item.in_part(val, r):
                yield sa, core, val


def _offer_values(ctx, blocks, out: list, readings: dict, odd: bool) -> None:
    """Append a Value per sentence of the prose ``blocks`` that offers perks
    ("We offer medical, dental and vision coverage, a 401(k) match ...")."""
    starts = ctx.doc.line_starts
    for sa, core, val in _cued_sentences(ctx, blocks, "offer", readings, odd):
        if sum(1 for kind, _ in _cues(val) if kind == "benefits") >= _OFFER_CUES:
            out.append(_sentence_value(starts, sa, core, val, "list.offer_sentence"))


def _need_values(ctx, blocks, out: list, taken, readings: dict, odd: bool, cue: str = "need") -> None:
    """Append a Value per sentence of the prose ``blocks`` that says what one must have
    ("These are the skills we expect you to have: ..."), but not one at a start in ``taken``;
    with ``cue`` "nice", what one may have ("Experience with WebGL or D3 is a plus.")."""
    starts = ctx.doc.line_starts
    rule = "list.need_sentence" if cue == "need" else "list.nice_sentence"
    markers = _markers()
    for sa, core, val in _cued_sentences(ctx, blocks, cue, readings, odd):
        # (a short one is a lead-in: "The ideal candidate should have")
        # (what is a plus is said in a whole sentence, with its stop: not a
        # heading's words alone, "It would be a plus if"; and not what one must
        # have beside it: "Need Drupal experience and Python is a plus")
        if sa not in taken and val.count(" ") >= _NEED_SPACES and (
                cue == "need" or val[-1] in ".\u3002" and _optional(val, markers, odd) is not None):
            out.append(_sentence_value(starts, sa, core, val, rule))


def _sentences(text: str, parts):
    """Yield (start, core, value) of each sentence span of ``parts`` with text left once trimmed."""
    for sa, se in parts:
        got = trimmed(text, sa, se)
        if got is not None:
            yield got


def _sentence_value(starts: list, sa: int, core: str, val: str, rule: str) -> Value:
    """Return the Value of a sentence item at ``sa`` (its span made here, as ``Context.value`` would)."""
    i = bisect_right(starts, sa) - 1
    return _value(val, _span(sa, sa + len(core), i + 1, sa - starts[i] + 1), rule)


def _prose_values(ctx, blocks, out: list, readings: dict, odd: bool, cue: str | None = None,
                  duty: bool = False, offers: list | None = None) -> None:
    """Append a Value per sentence of the prose and label blocks worth listing.

    With ``cue`` (a list kind), a sentence of a paragraph of several counts
    only when it holds one of that kind's cue words (data/content.yaml): the
    paragraphs under "Why join us?" pitch the company ("We take pride in our
    strong local roots"); the perks among them name themselves.  A paragraph
    of one sentence is one item of a list written without glyphs.

    With ``offers``, a paragraph that opens with an offer cue ("We offer 0.1% equity, ...")
    under another list's heading is what the company gives: its sentences go there (the
    paragraphs of a post written without headings after the first).
    """
    markers = _markers()
    not_item, not_paragraph = markers["not_item"], markers["not_paragraph"]
    duty_cue, not_duty_cue = markers["duty"], markers["not_duty"]
    split = sentences.split
    doc = ctx.doc
    text = doc.text
    starts = doc.line_starts
    for b in blocks:
        t = b.type
        if t == LABEL:
            a, e = ctx.label_value(b)
            if b.kind == "requirements" and _seniority.level_value(text[a:e]):
                continue  # a level field ("Experience: Entry level"): seniority reads it
            rule = "list.label"
            r = _reading(text[a:e], odd)
        elif t == TEXT:
            a, e, rule = b.start, b.end, "list.duty_sentence" if duty else "list.sentence"
            r = _block_reading(text, b, readings, odd)
            if not_paragraph.in_part(text[a:e], r):
                continue  # an equal-opportunity, privacy or hiring-process paragraph
        else:
            continue
        if duty and (t != TEXT or not duty_cue.in_part(text[a:e], r)):
            continue  # (read for duties: only paragraphs that name one)
        into = out
        if offers is not None and t == TEXT and markers["offer_opens"].in_part(text[a:e], r):
            into = offers
        parts = split(text[a:e], a)
        pitch = cue is not None and t == TEXT and len(parts) > 1
        for sa, core, val in _sentences(text, parts):
            # Worth listing: not a lone word or a lead-in ("In detail:").
            if len(val) > _MAX_ITEM or len(val) < 3 or val[-1] == ":":
                continue
            if pitch and cue not in _cue_kinds(val):
                continue
            if duty and (val[-1] not in _STOPS or not duty_cue.in_part(val, r) or not_duty_cue.in_part(val, r)):
                continue
            if not_item.in_part(val, r):
                continue
            into.append(_sentence_value(starts, sa, core, val, rule))


def _trailing_nice(ctx, sec, last, per_kind: dict, odd: bool) -> None:
    """Add the sentences of the prose after a bulleted requirements list that say they are a
    plus ("It's a plus if you know Rust ...") to the nice-to-haves: no item of the list, but
    what the posting would like besides."""
    text = ctx.text
    m = _markers()
    nices = []
    starts = ctx.doc.line_starts
    for b in sec.blocks:
        if b.type != TEXT or b.start < last.end:
            continue
        for sa, core, val in _sentences(text, sentences.split(text[b.start:b.end], b.start)):
            if len(val) <= _MAX_ITEM and _optional(val, m, odd) == "strong":
                nices.append(_sentence_value(starts, sa, core, val, "list.sentence"))
    if nices:
        per_kind["nice_to_have"].append(("prose", nices))


def _holds(span, inner) -> bool:
    """Return whether ``span`` holds the whole of ``inner``."""
    return span.start <= inner.start and inner.end <= span.end


def extract(ctx, pay=None) -> dict[str, tuple[Value, ...]]:
    """Return the four list fields, each a tuple of Values in document order (``pay``: the span
    of the salary the posting reports, or None)."""
    text = ctx.text
    # Whether the posting has an _ODD character: most have none, and then none
    # of the texts read below (its parts, white space tidied) has one.
    odd = not text.isascii() and _has_odd(text)
    readings: dict = {}  # the prose blocks' words, by start (see _block_reading)
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
                if kind == "requirements":
                    _trailing_nice(ctx, sec, bullets[-1], per_kind, odd)
            else:
                offers: list[Value] | None = None if kind == "benefits" else []
                _prose_values(ctx, sec.blocks, items, readings, odd, "benefits" if kind == "benefits" else None,
                              offers=offers)
                # A prose section under a heading that names its list outright
                # ("Qualifications", "REQUIREMENTS:") is kept beside bulleted
                # ones; one named only by a keyword ("Your mission: ...") is an intro.
                keep = "sure" if sec.rule in _SURE_HEADINGS else "prose"
                if offers:
                    per_kind["benefits"].append(("prose", offers))
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

    if not any(items for _, items in per_kind["responsibilities"]):
        duties: list[Value] = []
        for sec in ctx.outline.sections:
            if sec.kind in _DUTY_KINDS:
                _prose_values(ctx, sec.blocks, duties, readings, odd, duty=True)
        if duties:
            per_kind["responsibilities"].append(("prose", duties))
    if not any(items for _, items in per_kind["requirements"]):
        taken = {v.span.start for _, items in per_kind["responsibilities"] for v in items}
        needs: list[Value] = []
        for sec in ctx.outline.sections:
            if sec.kind in _DUTY_KINDS:
                _need_values(ctx, sec.blocks, needs, taken, readings, odd)
        if needs:
            per_kind["requirements"].append(("prose", needs))
        if not any(items for _, items in per_kind["nice_to_have"]):
            # (a posting written as prose says what is a plus in a sentence too)
            taken |= {v.span.start for v in needs}
            nices: list[Value] = []
            for sec in ctx.outline.sections:
                if sec.kind in _DUTY_KINDS:
                    _need_values(ctx, sec.blocks, nices, taken, readings, odd, cue="nice")
            if nices:
                per_kind["nice_to_have"].append(("prose", nices))
    if not any(items for _, items in per_kind["benefits"]):
        offers: list[Value] = []
        for sec in ctx.outline.sections:
            # (and the prose beside a bulleted list, which is no item of it:
            # "Must have: - ... We offer health insurance and paid holidays.")
            if sec.kind in _OFFER_KINDS or (sec.kind in LIST_KINDS and sec.bullets):
                _offer_values(ctx, sec.blocks, offers, readings, odd)
        if offers:
            per_kind["benefits"].append(("prose", offers))

    out: dict[str, list[Value]] = {}
    for kind, groups in per_kind.items():
        if len(groups) == 1:
            out[kind] = groups[0][1]
            continue
        # (a bulleted section whose every bullet was left out lists nothing:
        # the prose beside it, or the duties read for it, stands)
        any_bullets = any(keep == "bullets" and items for keep, items in groups)
        vals = out[kind] = []
        for keep, items in groups:
            if any_bullets and keep == "prose":
                continue
            vals.extend(items)
    for kind in ("requirements", "responsibilities", "nice_to_have"):
        # A pay line after a list, read as its last item ("$150,000 - $185,000 a year"), is none
        # of it; nor is a sentence there that states the pay the posting reports ("The OTE
        # range for this role is $220,000 - $260,000 ...").
        vals = out[kind]
        if vals and (_pay_only(vals[-1].value) or pay is not None and _holds(vals[-1].span, pay)):
            out[kind] = vals[:-1]
    moved = []
    m = _markers()
    for kind, needed in (("requirements", ("strong", "weak")), ("responsibilities", ("strong",))):
        keep = []
        for v in out[kind]:
            if _optional(v.value, m, odd) in needed:
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


_PAY_ITEM = 60
"""The longest item read as a pay line alone (``_pay_only``)."""


def _pay_only(s: str) -> bool:
    """Return whether a list item is an amount of pay and nothing else ("$150,000 - $185,000 a year")."""
    if len(s) > _PAY_ITEM or not any(c.isdigit() for c in s):
        return False
    from .tags import pay_only  # (tags reads the extractors: imported when first needed)

    return pay_only(s)


_SURE_HEADINGS = frozenset({"heading.exact", "heading.label", "label.known"})
_MIN_CONTENT_ITEMS = 3
_CONTENT_KINDS = frozenset({"benefits", "requirements", "responsibilities"})


@rules.derived
def _content_words():
    """Return (share, kinds, key length, buckets, keys, always) for ``_content_kind``.

    A cue matches a bullet when one of its words starts with the cue; a cue
    of several words ("paid time off") when the bullet holds it.  Cues are
    filed under their first ``klen`` characters (a cue of several words
    under its last word's: the bullet then has a word starting with it), so
    a bullet's words are looked up, not tested against every cue.  ``always``
    holds the cues of several words that cannot be filed so.  Korean cues are
    filed apart (``korean``, under their first two syllables, the shortest
    being two), read only in a bullet with Hangul: filed with the others they
    would shorten ``klen`` for every bullet.
    """
    data = rules.load("content")
    kinds = {}
    for kind in ("benefits", "requirements"):
        words = {str(w).casefold() for ws in (data.get(kind) or {}).values() for w in ws}
        kinds[kind] = tuple(sorted(words))
    filed, always, korean = [], [], {}
    for kind, cues in kinds.items():
        for c in cues:
            if " " in c:
                last = c.split(" ")[-1]
                if last and last == "".join(last.split()):
                    head = (last, kind, c, True)
                else:
                    always.append((kind, c))
                    continue
            else:
                head = (c, kind, c, False)
            if _HANGUL_TEXT.match(head[0]) and len(head[0]) >= 2:
                korean.setdefault(head[0][:2], []).append(head[1:])
            else:
                filed.append(head)
    klen = min((len(f[0]) for f in filed), default=0)
    buckets: dict[str, list] = {}
    for head, kind, c, multi in filed:
        buckets.setdefault(head[:klen], []).append((kind, c, multi))
    keys = frozenset(buckets)
    return float(data.get("share", 0.5)), kinds, klen, buckets, keys, tuple(always), korean


@rules.derived
def _duty_openers() -> frozenset:
    """Return the words a duty opens with (data/content.yaml duty_openers, casefolded), English ones with -s/-es/-ies."""
    data = rules.load("content").get("duty_openers") or {}
    out = set()
    for lang, words in data.items():
        for w in words:
            w = str(w).casefold()
            out.add(w)
            if lang == "en":
                out.update((w + "s", w + "es"))
                if w.endswith("y"):
                    out.add(w[:-1] + "ies")
    return frozenset(out)


def _content_kind(text: str, bullets) -> str | None:
    """Return the list kind a section's bullets are about, when its heading does not say.

    Each bullet counts for a kind when one of its words starts with that
    kind's cue words (data/content.yaml); the kind most bullets count for wins
    if it holds at least ``share`` of them and the other kind at most half as many.
    """
    if len(bullets) < _MIN_CONTENT_ITEMS:
        return None
    share, kinds = _content_words()[:2]
    counts = dict.fromkeys(kinds, 0)
    counts["responsibilities"] = 0
    openers = _duty_openers()
    for b in bullets:
        item = text[b.start:b.end]
        for kind in _cue_kinds(item):
            counts[kind] += 1
        first = item.split(None, 1)[0].casefold().strip(",;:.") if item.strip() else ""
        if first in openers:
            counts["responsibilities"] += 1
    best = max(counts, key=counts.get)
    others = max((v for k, v in counts.items() if k != best), default=0)
    if counts[best] >= share * len(bullets) and others <= counts[best] / 2:
        return best
    return None


def _cue_kinds(s: str) -> set[str]:
    """Return the list kinds whose cue words (data/content.yaml) the item ``s`` holds."""
    return {kind for kind, _ in _cues(s)}


def _cues(s: str) -> set[tuple[str, str]]:
    """Return the (list kind, cue word) pairs of data/content.yaml that the item ``s`` holds."""
    _, _, klen, buckets, keys, always, korean = _content_words()
    low = s.lower() if s.isascii() else s.casefold()  # (the same, for ASCII)
    words = low.split()
    hit = set()
    if not keys.isdisjoint(map(itemgetter(slice(0, klen)), words)):
        for w in words:
            for kind, c, multi in buckets.get(w[:klen], ()):
                if c in low if multi else w.startswith(c):
                    hit.add((kind, c))
    if korean and not s.isascii() and _HANGUL_TEXT.search(low) is not None:
        for w in words:
            for kind, c, multi in korean.get(w[:2], ()):
                if c in low if multi else w.startswith(c):
                    hit.add((kind, c))
    for kind, c in always:
        if c in low:
            hit.add((kind, c))
    return hit


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
