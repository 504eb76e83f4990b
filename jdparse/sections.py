"""Blocks to sections: which part of the posting each block belongs to."""
from __future__ import annotations

from ._frozen import value_class

from .blocks import BOILERPLATE, BULLET, HEADING, LABEL, LIST_KINDS, TEXT, Block, _block, _label_match
from .model import _fast_maker

# LIST_KINDS (the section kinds whose items become the four list fields) is
# defined beside the heading vocabulary in blocks.py, which reads it too.
PROSE_KINDS = frozenset({"about_company", "about_role", "apply", "eeo", "other", "location", "salary"})
"""Section kinds read by field extractors but never listed."""
SECTION_KINDS = LIST_KINDS | PROSE_KINDS


@value_class(slots=True)
class Section:
    """A heading and the blocks under it, up to the next section heading."""

    kind: str
    """A section kind, or ``header`` for what comes before the first heading."""
    heading: Block | None
    blocks: tuple[Block, ...]
    """Content: bullets, prose, sub-headings (headings of unknown kind), label values."""
    rule: str
    """How the kind was decided (the heading's rule, or a section rule)."""

    @property
    def bullets(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.type == BULLET)

    @property
    def prose(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.type in (TEXT, LABEL))


@value_class(slots=True)
class Outline:
    """The sections of a posting, its field labels and its boilerplate lines."""

    sections: tuple[Section, ...]
    labels: tuple[Block, ...]
    """Every ``LABEL: value`` line ("LOCATION: Yerevan"), wherever it stands."""
    boilerplate: tuple[Block, ...]


# Sections and outlines made without the frozen setattr (see blocks._block).
_section = _fast_maker(Section, ("kind", "heading", "blocks", "rule"))
_outline = _fast_maker(Outline, ("sections", "labels", "boilerplate"))


def build(blocks: list[Block], text: str) -> Outline:
    """Return the outline of a posting from its blocks and the document's text."""
    cur = ["header", None, [], "section.header"]
    sections: list[list] = [cur]
    content = cur[2]  # the blocks of the current section
    in_list = False  # whether the current section is of a list kind
    labels: list[Block] = []
    boiler: list[Block] = []
    i = -1
    for b in blocks:
        i += 1
        t = b.type
        if t == TEXT or t == BULLET:
            if (t == TEXT and in_list and content and content[-1] is cur[1] and cur[1].type == LABEL
                    and (b.blank_before or _field_line(text, cur[1], b))):
                # A paragraph of its own after a section's label that held its
                # value ("Nice to have: Kafka, Rust." over "We offer 30 days
                # PTO ..."), or a field of a name we do not know right under it
                # ("Experience: 6+ years" over "Notice period: 30 days"): the
                # label said all of its section.
                cur = ["other", None, [], "section.after_label"]
                sections.append(cur)
                content = cur[2]
                in_list = False
            content.append(b)
        elif t == BOILERPLATE:
            boiler.append(b)
        elif t == HEADING:
            kind = b.kind
            if kind == "about_company" and cur[0] == "header" and _facts_follow(blocks, i, text):
                # A board's "O firmie" link between the employer's line and the job's facts
                # ("Gdańsk, pomorskie" / "umowa o pracę" / "6 500–7 800 zł"): the header goes on.
                content.append(b)
                continue
            if kind in SECTION_KINDS:
                cur = [kind, b, [], b.rule]
            elif kind is not None:
                # A field named as a heading ("Location(s)" over "Atlanta, GA").
                cur = [_field_section(kind), b, [], b.rule]
                labels.append(b)
            elif b.rule == "heading.numbered":
                # "7. Employment conditions" after "6. Qualifications": a peer of the
                # numbered heading above, never its sub-heading; a topic of its own.
                cur = ["other", b, [], "section.unknown_heading"]
            elif cur[0] == "location" and not content and b.rule == "heading.colon":
                # "Location(s)" over "2 vacancies in the following locations:" over the places:
                # the field's lead-in, not a topic of its own.
                content.append(b)
                continue
            elif in_list and not content and b.rule != "heading.standalone":
                # A heading of unknown kind right under a list heading, before
                # any of its content ("Minimum Qualifications" over
                # "Employment Standards:" over the paragraphs): its sub-heading.
                # (A short line standing alone there may be the list's first
                # item: see below.)
                content.append(b)
                continue
            elif in_list and b.rule != "heading.colon" and b.rule != "heading.question" and _opens_list(blocks, i):
                # A sub-heading inside a list section.  One that ends with a
                # colon and names nothing we know ("Technologies used:"), or
                # asks a question ("Why Hartwell?"), opens a topic of its own
                # instead.
                content.append(b)
                continue
            elif (in_list and b.rule == "heading.standalone" and _in_run(blocks, i)
                  and not any(x.type == BULLET for x in content)):
                # Short lines set apart by blank lines, one after another under
                # a list heading ("Unlimited time off", "Training budget"):
                # the items of a list written without glyphs.
                content.append(_block(TEXT, b.start, b.end, b.first_line, b.last_line,
                                      "block.standalone_item", None, -1, b.blank_before))
                continue
            else:
                cur = ["other", b, [], "section.unknown_heading"]
            sections.append(cur)
            content = cur[2]
            in_list = cur[0] in LIST_KINDS
        elif t == LABEL:
            labels.append(b)  # every label is a field fact ("LOCATION: x", "SALARY: y")
            if in_list and b.rule == "label.bullet":
                # A field written as one of a list's bullets ("- Location: Lyon"
                # among the details): the list goes on.  Pay among the perks
                # ("- Salary range: ...") is what the company gives: one of them.
                if cur[0] == "benefits" and b.kind == "salary":
                    content.append(_block(BULLET, b.start, b.end, b.first_line, b.last_line, "block.label_bullet",
                                          None, -1, b.blank_before, b.indent))
                continue
            if (cur[0] == "benefits" and b.kind == "salary" and b.value_start >= 0 and i + 1 < len(blocks)
                    and blocks[i + 1].type == BULLET):
                # "Pay: €18.50 per hour" among the perks, over more of them ("Pay & perks"): the
                # pay is a fact of its own, and the perks' list goes on under it (its bullets).
                continue
            if b.kind in SECTION_KINDS:
                cur = [b.kind, b, [b], b.rule]
            elif in_list:
                cur = ["other", None, [], "section.after_label"]
            else:
                continue
            sections.append(cur)
            content = cur[2]
            in_list = cur[0] in LIST_KINDS
        else:
            content.append(b)
    _adopt_siblings(sections)
    return _outline(
        tuple([_section(k, h, tuple(bs), r) for k, h, bs, r in sections if h is not None or bs]),
        tuple(labels), tuple(boiler),
    )


_FIELD_NAME_WORDS = 4
"""The most words of a field's name on a line under a label ("Notice period", "Start date")."""


def _field_line(text: str, label: Block, b: Block) -> bool:
    """Return whether the one-line block ``b`` under ``label`` (which holds a value) is a field
    of its own: a short capitalised name, a colon, a value ("://" opens no label)."""
    if label.value_start < 0 or label.value_start >= label.end or b.first_line != b.last_line:
        return False
    m = _label_match(text[b.start:b.end])
    if m is None:
        return False
    name, _, value_at = m
    return name[:1].isupper() and len(name.split()) <= _FIELD_NAME_WORDS and value_at < b.end - b.start


def _in_run(blocks: list[Block], i: int) -> bool:
    """Return whether the heading at ``i`` neighbours another short standalone line."""
    near = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
    return any(n.type == HEADING and n.kind is None and n.rule == "heading.standalone"
               or n.type == TEXT and n.blank_before and n.end - n.start <= 80 for n in near)


def _opens_list(blocks: list[Block], i: int) -> bool:
    """Return whether the heading at ``i`` is followed by bullets (a sub-heading of a list).

    A heading of unknown kind inside a list section that is followed by prose
    ("Our offices and way of working" over a paragraph) starts a new topic.
    """
    for b in blocks[i + 1:i + 3]:
        if b.type == BOILERPLATE:
            continue
        if b.type == HEADING and b.kind is None and b.rule == "heading.standalone":
            return _opens_list(blocks, i + 1)  # a run of short lines: see _in_run
        return b.type in (BULLET, HEADING)
    return False


def _field_section(kind: str) -> str:
    return kind if kind in SECTION_KINDS else "other"


def _adopt_siblings(sections: list[list]) -> None:
    """Give unknown sibling sub-sections the kind of the known heading they sit with.

    "Work & Life" and "Growth" over bullets, followed by "Benefits" over
    bullets in the same run of short headings, are benefits too.  The run is
    bounded by prose or by a known heading before it: only a run that starts
    after prose (not right after a heading of its own) is adopted, so a
    sub-heading inside "Requirements" stays there.
    """
    for idx, sec in enumerate(sections):
        kind, head, blocks, _ = sec
        if kind not in LIST_KINDS or head is None or head.type != HEADING or idx == 0:
            continue
        prev = sections[idx - 1]
        if prev[0] not in LIST_KINDS or prev[0] == kind:
            continue
        # Walk back over the previous section's tail: [sub-heading, bullets+]*
        pblocks = prev[2]
        j = len(pblocks)
        cut = None
        while j > 0:
            k = j
            while k > 0 and pblocks[k - 1].type == BULLET:
                k -= 1
            if k == j or k == 0 or pblocks[k - 1].type != HEADING:
                break
            cut = k - 1
            j = k - 1
        if cut is None or cut == 0:
            continue
        if pblocks[cut - 1].type not in (TEXT,):
            continue
        moved = pblocks[cut:]
        del pblocks[cut:]
        sec[2][:0] = moved


_FACT_WORDS = 8
"""The most words of a line of facts under a heading (``_facts_follow``)."""


def _facts_follow(blocks: list[Block], i: int, text: str) -> bool:
    """Return whether the two blocks after ``blocks[i]`` (boilerplate aside) are short lines of
    facts, no prose: one line of a few words each, with no stop at its end."""
    seen = 0
    for b in blocks[i + 1:]:
        if b.type == BOILERPLATE:
            continue
        if b.type != TEXT or b.first_line != b.last_line or text[b.end - 1] in ".!?:" or len(
                text[b.start:b.end].split()) > _FACT_WORDS:
            return False
        seen += 1
        if seen == 2:
            return True
    return False
