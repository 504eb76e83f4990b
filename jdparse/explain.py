"""How a posting was read, for people: lines with their sections, fields with their spans.

``explain_data(text)`` returns the reading as plain data (what tests check);
``render(text, console)`` prints it to a rich console.  rich is imported
inside ``render`` only, so importing this module stays cheap.

Posting text always goes to the console as ``rich.text.Text`` objects, never
as strings, so ``[Remote]`` or ``:rocket:`` in a posting print as written
instead of being read as console markup or emoji codes.
"""
from __future__ import annotations

import datetime as _dt

from . import blocks as _blocks
from . import sections as _sections
from .document import Document, normalise_newlines
from .model import FIELDS, Location, Salary

_EXCERPT = 160
"""Source lines longer than this are shown as a window around the span."""
_CONTEXT = 60
"""Characters of context kept either side of a span in a windowed line."""
_VALUE_WIDTH = 100
_MARKS = {
    _blocks.HEADING: "#", _blocks.LABEL: ":", _blocks.BULLET: "\u2022",
    _blocks.TEXT: "\u00b6", _blocks.BOILERPLATE: "~",
}
"""One character per block type, beside each line; continuation lines get an arrow."""
_SHOWN = str.maketrans({"\t": " ", "\f": " ", "\v": " ", "\r": " "})
"""Tabs and other control white space printed as one space each: rich would expand a
tab to the next stop, and one character per character keeps highlights aligned."""


def _shown(s: str) -> str:
    return s.translate(_SHOWN)
"""Values longer than this are cut in the field header (the source follows in full)."""


def explain_data(text: str) -> dict:
    """Return how ``text`` was read, as plain data.

    Keys:
      ``lines``      one entry per physical line: ``line`` (1-based), ``text``,
                     ``section`` (kind of the section it belongs to; None before
                     any content), ``block`` (block type, None for a blank line),
                     ``rule`` (the block's rule, for heading, label and
                     boilerplate lines; None otherwise), ``kind`` (what a
                     heading or label names) and ``continued`` (True for a
                     wrapped line joined to the block above it).
      ``sections``   the outline in order: ``kind``, ``rule``, ``heading`` (text
                     or None), ``heading_rule``, ``first_line``/``last_line``
                     (1-based, heading included).
      ``fields``     one entry per value (each list item is one), in output
                     order: ``field``, ``index`` (list position or None),
                     ``value`` (plain data), ``source`` (``text[start:end]``),
                     ``start``, ``end``, ``line``, ``col``, ``end_line``, ``rule``.
      ``candidates`` values that lost: ``field``, ``value``, ``source``,
                     ``start``, ``end``, ``line``, ``col``, ``rule``, ``why``.
      ``text``       the decoded text every offset indexes.
    """
    from .pipeline import parse

    text = normalise_newlines(text)
    posting = parse(text)
    text = posting.text or text
    doc = Document(text)
    blocks = _blocks.classify(doc)
    outline = _sections.build(blocks, doc.text)

    lines = [
        {"line": ln.index + 1, "text": ln.text, "section": None, "block": None, "continued": False,
         "rule": None, "kind": None}
        for ln in doc.lines
    ]
    for b in blocks:
        for i in range(b.first_line, b.last_line + 1):
            entry = lines[i]
            entry["block"] = b.type
            entry["continued"] = i > b.first_line
            if b.type in (_blocks.HEADING, _blocks.LABEL, _blocks.BOILERPLATE):
                entry["rule"] = b.rule
                entry["kind"] = b.kind

    sections = []
    owner: dict[int, str] = {}
    for sec in outline.sections:
        members = ([sec.heading] if sec.heading is not None else []) + list(sec.blocks)
        first = min(b.first_line for b in members)
        last = max(b.last_line for b in members)
        for b in members:
            for i in range(b.first_line, b.last_line + 1):
                owner[i] = sec.kind
        sections.append({
            "kind": sec.kind,
            "rule": sec.rule,
            "heading": None if sec.heading is None else " ".join(text[sec.heading.start:sec.heading.end].split()),
            "heading_rule": None if sec.heading is None else sec.heading.rule,
            "first_line": first + 1,
            "last_line": last + 1,
        })
    # Lines no section holds (field labels, boilerplate, blank lines) belong
    # to the section they stand in: the last one opened above them.
    current = None
    for entry in lines:
        i = entry["line"] - 1
        if i in owner:
            current = owner[i]
        entry["section"] = current

    fields = []
    for name in FIELDS:
        v = getattr(posting, name)
        items = list(enumerate(v)) if isinstance(v, tuple) else ([(None, v)] if v is not None else [])
        for idx, item in items:
            fields.append({"field": name, "index": idx, **_value_entry(item, text)})

    candidates = []
    for c in posting.candidates:
        candidates.append({
            "field": c.field, "value": _plain(c.value), "source": text[c.span.start:c.span.end],
            **c.span.to_dict(), "rule": c.rule, "why": c.why,
        })

    return {"text": text, "lines": lines, "sections": sections, "fields": fields, "candidates": candidates}


def _value_entry(item, text: str) -> dict:
    """Return the plain-data entry of one Value, Location or Salary."""
    span = item.span
    if isinstance(item, Location):
        value = item.to_dict()
    elif isinstance(item, Salary):
        value = item.to_dict()
    else:
        value = _plain(item.value)
    return {
        "value": value,
        "source": text[span.start:span.end],
        **span.to_dict(),
        "end_line": span.line + text.count("\n", span.start, span.end),
        "rule": item.rule,
    }


def _plain(v):
    """Return ``v`` as JSON-ready data (dates as ISO strings)."""
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    return v


def _show_value(entry: dict) -> str:
    """Return one line that shows a field's value to a person."""
    v = entry["value"]
    if entry["field"] == "salary" and isinstance(v, dict):
        lo, hi = v.get("min"), v.get("max")
        amount = f"{lo}" if hi in (None, lo) else (f"{hi}" if lo is None else f"{lo}\u2013{hi}")
        s = " ".join(str(x) for x in (amount, v.get("currency"), v.get("period") and f"per {v['period']}") if x)
    elif entry["field"] == "locations" and isinstance(v, dict):
        extra = ", ".join(str(v[k]) for k in ("kind", "country") if v.get(k))
        s = v["name"] + (f" ({extra})" if extra else "")
    else:
        s = str(v)
    return " ".join(s.split())


def render(text: str, console) -> None:
    """Print how ``text`` was read to ``console`` (a ``rich.console.Console``); return None."""
    from rich.table import Table
    from rich.text import Text

    data = explain_data(text)
    doc_text = data["text"]
    width = max(len(str(len(data["lines"]))), 3)

    def rule_text(title: str) -> Text:
        return Text(title, style="bold underline")

    # --- the outline -------------------------------------------------------
    console.print(rule_text("Sections"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(no_wrap=True, style="cyan")
    grid.add_column(overflow="fold")
    for s in data["sections"]:
        where = f"{s['first_line']}-{s['last_line']}" if s["last_line"] != s["first_line"] else f"{s['first_line']}"
        heading = Text(s["heading"]) if s["heading"] is not None else Text("(no heading)", style="dim")
        grid.add_row(Text(s["kind"]), Text(where), Text(s["rule"]), heading)
    console.print(grid)
    console.print()

    # --- the lines ---------------------------------------------------------
    console.print(rule_text("Lines"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="dim", min_width=width)
    grid.add_column(no_wrap=True, max_width=16, overflow="ellipsis")
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    previous = None
    for ln in data["lines"]:
        mark = Text(_MARKS.get(ln["block"], " ") if not ln["continued"] else "\u21b3")
        body = Text()
        kind = Text()
        if ln["block"] is not None:
            # The kind is written in full where a section starts, dimmed after.
            kind = Text(ln["section"] or "", style="bold magenta" if ln["section"] != previous else "dim magenta")
            previous = ln["section"]
        if ln["block"] == _blocks.BOILERPLATE:
            body.append(_shown(ln["text"]), style="dim")
        elif ln["block"] == _blocks.HEADING:
            body.append(_shown(ln["text"]), style="bold")
        else:
            body.append(_shown(ln["text"]))
        if ln["rule"] is not None:
            note = ln["rule"] if not ln["kind"] else f"{ln['rule']} \u2192 {ln['kind']}"
            body.append("  \u25c2 " + note, style="dim cyan" if ln["block"] == _blocks.BOILERPLATE else "cyan")
        grid.add_row(Text(str(ln["line"])), kind, mark, body)
    console.print(grid)
    console.print()

    # --- the fields --------------------------------------------------------
    console.print(rule_text("Fields"))
    if not data["fields"]:
        console.print(Text("(no field found)", style="dim"))
    # Without colour a reversed span is invisible, so it is bracketed instead.
    marks = ("", "") if console.color_system else ("\u27e6", "\u27e7")
    for f in data["fields"]:
        head = Text("  ")
        name = f["field"] if f["index"] is None else f"{f['field']}[{f['index']}]"
        head.append(name, style="bold green")
        head.append(f"  {f['line']}:{f['col']}", style="yellow")
        head.append("  ")
        head.append(f["rule"], style="cyan")
        shown = _show_value(f)
        if f["index"] is None or f["field"] == "locations" or shown != " ".join(f["source"].split()):
            # A list item that is its own source text is shown once, in the source.
            head.append("  = ", style="dim")
            head.append(shown if len(shown) <= _VALUE_WIDTH else shown[: _VALUE_WIDTH - 1] + "\u2026")
        console.print(head)
        console.print(_source(doc_text, f, width, marks, Table, Text))
    console.print()

    # --- the candidates that lost -------------------------------------------
    console.print(rule_text("Candidates that lost"))
    if not data["candidates"]:
        console.print(Text("(none)", style="dim"))
        return
    table = Table(box=None, padding=(0, 2), show_edge=False, header_style="bold")
    for col in ("field", "value", "line", "rule", "why"):
        table.add_column(col, overflow="fold", no_wrap=col in ("field", "line"))
    for c in data["candidates"]:
        table.add_row(
            Text(c["field"]), Text(" ".join(str(_plain(c["value"])).split())), Text(f"{c['line']}:{c['col']}"),
            Text(c["rule"], style="cyan"), Text(c["why"]),
        )
    console.print(table)


def _source(text: str, f: dict, width: int, marks: tuple[str, str], Table, Text):
    """Return a grid of the source lines of one value, the span highlighted."""
    start, end = f["start"], f["end"]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="dim", min_width=width + 2)
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    line_start = text.rfind("\n", 0, start) + 1
    for n in range(f["line"], f["end_line"] + 1):
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        a, e = max(start, line_start), min(end, line_end)
        lo, hi = line_start, line_end
        if line_end - line_start > _EXCERPT:
            # A long line is shown as a window around its part of the span.
            lo, hi = max(line_start, a - _CONTEXT), min(line_end, e + _CONTEXT)
        body = Text()
        if lo > line_start:
            body.append("\u2026", style="dim")
        body.append(_shown(text[lo:a]))
        if marks[0]:
            body.append(marks[0], style="dim")
        body.append(_shown(text[a:e]), style="reverse bold")
        if marks[1]:
            body.append(marks[1], style="dim")
        body.append(_shown(text[e:hi]))
        if hi < line_end:
            body.append("\u2026", style="dim")
        grid.add_row(Text(str(n)), Text("\u2502"), body)
        line_start = line_end + 1
    return grid
