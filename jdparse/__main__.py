"""``python -m jdparse`` is the ``jdparse`` command."""
from .cli import _entry

_entry()
