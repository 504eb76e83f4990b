"""A start-up cache: compiled regular expressions, loaded data files and derived tables, on disk.

Why: jdparse's matchers are built from vocabulary at run time, and Python's
``re`` compiles patterns in pure Python: the salary matcher alone takes
~100-300 ms to compile, far more than parsing a posting.  A one-file call
(``jdparse parse FILE``) would pay that on every run.  ``re`` cannot pickle a
compiled pattern, but what it compiles to (the code list handed to ``_sre``)
is plain integers; this module keeps those, keyed by (pattern, flags), and
rebuilds the pattern object with ``_sre.compile`` in microseconds.  Data
files are kept the same way, keyed by path, size and modification time.

Derived tables (what ``rules.derived`` functions build from the data: pattern
texts, word sets, tries) are kept pickled, keyed by the function's name; a
pattern in them is stored as its ``compile`` arguments, so loading one costs
a cache lookup.  They are valid while the package's files are unchanged: the
whole table is dropped when the size or modification time of any of its
source or data files differs from when it was written.  The compiled code of
the value classes' generated methods (``_frozen``) is kept by its source.

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
from builtins import compile as builtins_compile  # this module's compile() is the pattern one

_MAX_BYTES = 4 * 1024 * 1024
"""Past this size a save keeps only what this process used: reading the file
is on every call's path, so it must stay small (a few ms)."""

_state: dict | None = None
_made: dict[int, tuple] = {}
"""id of each pattern ``compile`` returned -> (pattern object, pattern, flags): how a
derived table's patterns are pickled (the object is held, so its id is not reused)."""
_stamp_checked = False
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
        _state = {"re": {}, "data": {}, "derived": {}, "code": {}}
        if _enabled():
            try:
                import marshal

                # One read, then loads: marshal.load(f) reads the file object by
                # object, through Python calls (about six times the cost).
                with open(_path(), "rb") as f:
                    loaded = marshal.loads(f.read())
                if isinstance(loaded, dict) and isinstance(loaded.get("re"), dict):
                    loaded.setdefault("data", {})
                    loaded.setdefault("derived", {})
                    loaded.setdefault("code", {})
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
            compiled = _sre.compile(pattern, hit[0], code.tolist(), *hit[2:])
            _made[id(compiled)] = (compiled, pattern, flags)
            return compiled
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
    _made[id(compiled)] = (compiled, pattern, flags)
    return compiled


def code(source: str, filename: str):
    """Return ``compile(source, filename, "exec")``, from the disk cache when it holds it."""
    global _dirty
    if not _enabled():
        return builtins_compile(source, filename, "exec")
    import marshal

    table = _load()["code"]
    hit = table.get((source, filename))
    if hit is not None:
        try:
            return marshal.loads(hit)
        except Exception:  # an unreadable entry: compiled anew
            pass
    compiled = builtins_compile(source, filename, "exec")
    table[(source, filename)] = marshal.dumps(compiled)
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


def _package_stamp() -> list:
    """Return (folder, name, size, mtime) of every source and data file of the package, sorted."""
    root = os.path.dirname(os.path.abspath(__file__))
    out = []
    todo = [""]
    while todo:
        sub = todo.pop()
        with os.scandir(os.path.join(root, sub)) as entries:
            for e in entries:
                if e.is_dir():
                    if not e.name.startswith((".", "__")):
                        todo.append(os.path.join(sub, e.name))
                elif e.name.endswith((".py", ".yaml", ".tsv")):
                    st = e.stat()
                    out.append((sub, e.name, st.st_size, st.st_mtime_ns))
    out.sort()
    return out


_pickling: dict = {}
"""The Pickler and the Unpickler class of the derived tables, each made on first use
(not per table; a start that only loads never imports the ``pickle`` module)."""


def _dump(value) -> bytes | None:
    """Return ``value`` pickled, its patterns as ``compile`` calls; None when it cannot be."""
    import io
    import pickle

    Pickler = _pickling.get("dump")
    if Pickler is None:
        class Pickler(pickle.Pickler):
            def reducer_override(self, obj):
                if type(obj) is re.Pattern:
                    made = _made.get(id(obj))
                    if made is not None and made[0] is obj:
                        return compile, made[1:]
                return NotImplemented

        _pickling["dump"] = Pickler
    buf = io.BytesIO()
    try:
        Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    except Exception:  # a function, a closure, an open file: built on every run instead
        return None
    return buf.getvalue()


def _loads(blob: bytes):
    """Return the table pickled in ``blob``, refusing any global but jdparse's classes and ``compile``.

    A pickle can name any function to call; the cache file is the user's
    own, but a table never needs more than these, so nothing else is run.
    """
    import io

    Loader = _pickling.get("load")
    if Loader is None:
        from _pickle import Unpickler, UnpicklingError

        class Loader(Unpickler):
            def find_class(self, module, name):
                if module == __name__ and name == "compile":
                    return compile
                if module.startswith("jdparse."):
                    __import__(module)
                    found = getattr(sys.modules[module], name, None)
                    if isinstance(found, type):
                        return found
                raise UnpicklingError(f"{module}.{name} is not a jdparse table's class")

        _pickling["load"] = Loader
    return Loader(io.BytesIO(blob)).load()


def derived(name: str, build):
    """Return ``build()``, a table derived from the package's data, from the cache while
    the package's files are unchanged (``name`` names the builder)."""
    global _dirty, _stamp_checked
    if not _enabled():
        return build()
    state = _load()
    table = state["derived"]
    if not _stamp_checked:
        try:
            stamp = _package_stamp()
        except OSError:  # the package's files cannot be listed: no table can be trusted
            return build()
        _stamp_checked = True
        if state.get("stamp") != stamp:
            table.clear()
            state["stamp"] = stamp
            _dirty = True
    hit = table.get(name)
    if hit:
        try:
            return _loads(hit)
        except Exception:  # a class or module changed shape, or a foreign entry: build anew
            pass
    elif hit is not None:
        return build()      # known not to pickle
    value = build()
    table[name] = _dump(value) or b""
    _dirty = True
    return value
