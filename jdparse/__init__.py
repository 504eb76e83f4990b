"""jdparse: read a job posting's raw text by rules, give back structured fields.

>>> import jdparse
>>> posting = jdparse.parse("Backend Engineer\\nAcme\\nBerlin, Germany\\n")
>>> posting.to_dict()["title"]
'Backend Engineer'
"""
from __future__ import annotations

__version__ = "1.0.0"
__all__ = ["parse", "parse_bytes", "__version__"]


def parse(text: str, **options):
    """Return the :class:`~jdparse.model.Posting` read from ``text``."""
    from .pipeline import parse as _parse

    return _parse(text, **options)


def parse_bytes(data: bytes, **options):
    """Return the Posting read from raw bytes (encoding detected, binary refused)."""
    from .pipeline import parse_bytes as _parse_bytes

    return _parse_bytes(data, **options)
