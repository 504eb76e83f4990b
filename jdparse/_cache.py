"""A start-up cache: compiled regular expressions and loaded data files, on disk.

Why: jdparse's matchers are built from vocabulary at run time, and Python's
``re`` compiles patterns in pure Python: the salary matcher alone takes
~100-300 ms to compile, far more than parsing a posting.  A one-file call
(``jdparse parse FILE``) would pay that on every run.  ``re`` cannot pickle a
compiled pattern, but what it compiles to (the code list handed to ``_sre``)
is plain integers; this module keeps those, keyed by (pattern, flags), and
rebuilds the pattern object with ``_sre.compile`` in microseconds.  Data
files are kept the same way, keyed by path, size and modification time.

Safety: entries are keyed by the exact pattern text and flags, and the file
by the interpreter's version (and by jdparse's own version and folder), so a stale entry cannot be used; anything
unexpected (another Python implementation, a changed ``re`` internals, an
unreadable or unwritable cache folder) falls back to ``re.compile`` and YAML
loading, silently: the cache is only ever an optimisation.
Set ``JDPARSE_NO_CACHE=1`` to turn it off.
"""
from __future__ import annotations

import os
import re
import sys

_MAX_BYTES = 4 * 1024 * 1024
"""Past this size a save keeps only what this process used: reading the file
is on every call's path, so it must stay small (a few ms)."""

_state: dict | None = None
_dirty = False
_used: set = set()
_bypass = False
"""Set while user rules are in effect: their patterns vary from run to run and
are not worth keeping (they would crowd out the package's own)."""


def _enabled() -> bool:
    return not _bypass and not os.environ.get("JDPARSE_NO_CACHE") and sys.implementation.name == "cpython"


def bypass(on: bool) -> None:
    """Turn the pattern cache off (user rules in effect) or back on."""
    global _bypass
    _bypass = on


def _path() -> str:
    """Return the cache file of this interpreter, version and installation.

    The installation's folder is part of the name (a checksum of it): two
    copies of one version (a checkout beside an install, a test clone) each
    keep their own file, so neither fills the other's with patterns and data
    entries it never reads.
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    from zlib import crc32

    from . import __version__

    tag = f"{sys.implementation.cache_tag}-{sys.version_info.releaselevel}{sys.version_info.serial}"
    where = crc32(os.path.dirname(os.path.abspath(__file__)).encode("utf-8", "surrogatepass"))
    return os.path.join(base, "jdparse", f"cache-v2-{__version__}-{tag}-{where:08x}.marshal")


def _load() -> dict:
    global _state
    if _state is None:
        _state = {"re": {}, "data": {}}
        if _enabled():
            try:
                import marshal

                with open(_path(), "rb") as f:
                    loaded = marshal.load(f)
                if isinstance(loaded, dict) and isinstance(loaded.get("re"), dict):
                    _state = loaded
            except (OSError, EOFError, ValueError, TypeError):
                pass
        import atexit

        atexit.register(save)
    return _state


def save() -> None:
    """Write the cache if this process added to it (atomically; errors ignored)."""
    global _dirty
    if not _dirty or not _enabled() or _state is None:
        return
    _dirty = False
    import marshal

    size = sum(len(v[1]) for v in _state["re"].values())
    if size > _MAX_BYTES:
        _state["re"] = {k: v for k, v in _state["re"].items() if k in _used}
    path = _path()
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            marshal.dump(_state, f)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """Return ``re.compile(pattern, flags)``, from the disk cache when it holds it."""
    global _dirty
    flags = int(flags)
    if not _enabled():
        return re.compile(pattern, flags)
    table = _load()["re"]
    k = (pattern, flags)
    _used.add(k)
    hit = table.get(k)
    if hit is not None:
        try:
            import _sre
            from array import array

            code = array("I")
            code.frombytes(hit[1])
            return _sre.compile(pattern, hit[0], code.tolist(), *hit[2:])
        except Exception:  # internals changed: forget the entry, compile normally
            table.pop(k, None)
    try:
        from re import _compiler, _parser

        p = _parser.parse(pattern, flags)
        code = [int(x) for x in _compiler._code(p, flags)]
        groupindex = dict(p.state.groupdict)
        indexgroup = [None] * p.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        final_flags = int(flags | p.state.flags)
        import _sre
        from array import array

        compiled = _sre.compile(pattern, final_flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))
        # The code as 32-bit words: marshal reads one bytes object far faster
        # than a list of thousands of ints.
        packed = array("I", code)
        if packed.itemsize != 4:
            return compiled
        entry = (final_flags, packed.tobytes(), p.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:
        return re.compile(pattern, flags)
    table[k] = entry
    _dirty = True
    return compiled


def data(path: str, loader):
    """Return ``loader(text)`` for a data file, from the cache while the file is unchanged."""
    global _dirty
    st = os.stat(path)
    if not _enabled():
        with open(path, encoding="utf-8") as f:
            return loader(f.read())
    table = _load()["data"]
    stamp = (st.st_size, st.st_mtime_ns)
    hit = table.get(path)
    if hit is not None and tuple(hit[0]) == stamp:
        return hit[1]
    with open(path, encoding="utf-8") as f:
        value = loader(f.read())
    try:
        import marshal

        marshal.dumps(value)  # only plain data is cached
    except ValueError:
        return value
    table[path] = (stamp, value)
    _dirty = True
    return value
