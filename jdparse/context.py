"""What every field extractor reads: the document, its blocks and its outline."""
from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from ._frozen import value_class
from .blocks import BOILERPLATE, HEADING, LABEL, TEXT, Block
from .document import Document, tidy
from .model import Span, Value, _fast_maker
from .sections import Outline

EDGE = " \t\u00a0\u200b\ufeff-\u2013\u2014\u2022*\u00b7|,;:"
"""The characters ``Context.value`` trims from both ends of a value."""
ITEM_TAIL = EDGE.replace(",", "").replace(";", "")
"""What a list item loses at its end: ``EDGE`` but the comma and semicolon that end
an item of a list written as one sentence ("... financial assets;"), which are its text."""

# Span(...) and Value(...) without the frozen classes' __init__ (the same objects)
new_span = _fast_maker(Span, ("start", "end", "line", "col"))
new_value = _fast_maker(Value, ("value", "span", "rule"))


def trimmed(text: str, start: int, end: int, strip: str = EDGE, tail: str | None = None) -> tuple[int, str, str] | None:
    """Return (where, core, reported) for ``text[start:end]`` trimmed of ``strip`` at both ends
    (of ``tail`` at its end, when given); None if empty.

    The one rule of a reported string: ``core`` is the trimmed text, starting
    at ``where``; ``reported`` is ``core`` with white space tidied (``tidy``),
    told at once for a printable string with no double space.  Context.value
    and the list readers use it.
    """
    left = text[start:end].lstrip(strip)
    if not left:
        return None
    core = left.rstrip(strip if tail is None else tail)  # (not empty: left[0] is in neither set)
    if core.isprintable() and "  " not in core and core[0] != " " and core[-1] != " ":
        return end - len(left), core, core
    return end - len(left), core, " ".join(core.split())


@value_class(init=False)
class Context:
    """A parsed document's structure, shared read-only by the extractors."""

    doc: Document
    blocks: tuple[Block, ...]
    outline: Outline

    def __init__(self, doc: Document, blocks: tuple[Block, ...], outline: Outline):
        # the fields written straight into the instance (the frozen setattr is a call per field)
        d = self.__dict__
        d["doc"] = doc
        d["blocks"] = blocks
        d["outline"] = outline
        d["_text"] = doc.text  # read by value(), called a few dozen times per posting
        d["_memos"] = {}

    def memo(self, fn):
        """Return ``fn(self)``, computed on the first call only.

        For what several extractors derive from the same posting (the
        header's segments, the folded text): each asks, the first computes.
        Kept with the Context, so it lasts one posting.
        """
        memos = self._memos
        try:
            return memos[fn]
        except KeyError:
            value = memos[fn] = fn(self)
            return value

    @property
    def text(self) -> str:
        return self.doc.text

    def block_text(self, b: Block) -> str:
        """Return the block's content, white space tidied."""
        return tidy(self.doc.text[b.start:b.end])

    def label_value(self, b: Block) -> tuple[int, int]:
        """Return (start, end) of a label's value (empty range when it has none)."""
        if b.value_start < 0:
            return b.end, b.end
        return b.value_start, b.end

    def value(self, start: int, end: int, rule: str, value=None, strip: str = EDGE) -> Value | None:
        """Return a Value for ``text[start:end]`` trimmed of edge punctuation; None if empty.

        The reported string is the posting's own text with white space tidied;
        ``value`` overrides it for typed values (a number, a level name).
        """
        got = trimmed(self._text, start, end, strip)
        if got is None:
            return None
        start, core, reported = got
        # Document.span, inlined (this runs for every heading and label)
        starts = self._starts
        i = bisect_right(starts, start) - 1
        return new_value(reported if value is None else value,
                         new_span(start, start + len(core), i + 1, start - starts[i] + 1), rule)

    @cached_property
    def _starts(self) -> list[int]:
        """The offset of each line's start (the document's line table)."""
        return self.doc.line_starts

    @cached_property
    def header(self) -> tuple[Block, ...]:
        """Return the blocks before the first section: title, company and tag lines."""
        first = self.outline.sections[0] if self.outline.sections else None
        out = list(first.blocks) if first is not None and first.kind == "header" else []
        return tuple(b for b in out if b.type in (TEXT, HEADING))

    @cached_property
    def lead(self) -> tuple[Block, ...]:
        """Return the first few content blocks of the posting, boilerplate left out."""
        out = []
        for b in self.blocks:
            if b.type == BOILERPLATE:
                continue
            if b.type == LABEL and b.kind not in ("company",):
                continue
            out.append(b)
            if len(out) >= 5:
                break
        return tuple(out)

    def labels(self, kind: str) -> list[Block]:
        """Return the ``LABEL: value`` blocks that name the field ``kind``."""
        return [b for b in self.outline.labels if b.kind == kind]

    def sections(self, *kinds: str):
        """Return the sections of the given kinds, in order."""
        return [s for s in self.outline.sections if s.kind in kinds]


