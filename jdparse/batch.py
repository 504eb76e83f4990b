"""Inputs to records: expanding paths, parsing each, writing each result.

This is the engine behind ``jdparse parse``: the CLI only turns arguments into
a :class:`Job` and reports.  One bad input never stops the others: each input
gives a record or an error, and the summary counts both.
"""
from __future__ import annotations

import errno
import fnmatch
import json
import os
import re
import sys
import time
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from itertools import chain, islice
from typing import Iterable, Iterator

from ._frozen import field, value_class
from .decode import InputError
from .model import _fast_init

STDIN = "-"


def shown(path: str) -> str:
    """Return a path as it can be printed: bytes that are not UTF-8 in a file name
    (kept by the OS as surrogate escapes) shown as ``\\xNN`` rather than failing."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@value_class
class Item:
    """One input: where it is read from and where its output goes (relative)."""

    source: str
    """The path as the user would name it ("-" for standard input)."""
    rel: str | None
    """The output's path relative to --out-dir, without suffix (None: stdin)."""
    error: str | None = None
    """Set when the input was found broken while expanding (a dangling link ...)."""


_fast_init(Item, "Set the fields (one Item per input file).")


@value_class(frozen=False)
class Job:
    """What to parse and how to write it."""

    paths: list[str]
    fmt: str = "yaml"
    out_dir: str | None = None
    globs: tuple[str, ...] = ("*.txt",)
    evidence: bool = False
    skip_existing: bool = False
    max_bytes: int = 50 * 1024 * 1024
    input_format: str = "auto"
    jobs: int | None = None
    single: bool = False
    """Set by run(): one input to stdout prints a bare record (no source, no stream)."""


@value_class(frozen=False)
class Summary:
    parsed: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False

    def line(self) -> str:
        s = f"parsed {self.parsed}, failed {self.failed}"
        if self.interrupted:
            s = "interrupted: " + s
        if self.skipped:
            s += f", skipped {self.skipped} (output exists)"
        return s + f", {self.seconds:.2f} s"


def expand(paths: list[str], globs: tuple[str, ...]) -> Iterator[Item]:
    """Yield an Item per input: files as given, folders walked recursively in name order."""
    for p in paths:
        if p == STDIN:
            yield Item(STDIN, None)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _walk(path, globs)
        else:
            yield Item(p, path.stem)


def _walk(root: Path, globs: tuple[str, ...]) -> Iterator[Item]:
    # Paths are kept as the strings pathlib would print (folders go through
    # Path once each); a file's output name is its folder's plus its stem,
    # as Path.relative_to(root).with_suffix("") would give, without building
    # Path objects per file.
    matchers = [re.compile(fnmatch.translate(os.path.normcase(g))).match for g in globs]
    normcase = os.path.normcase
    match = matchers[0] if len(matchers) == 1 else None  # (the usual single glob, without a generator)
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, str]] = [(str(root), "")]
    while stack:
        d, rel_dir = stack.pop()
        try:
            st = os.stat(d)
        except OSError as e:
            yield Item(d, None, f"cannot read folder: {e.strerror or e}")
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            continue  # a symlink loop, or a folder reached twice
        seen.add(ident)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            yield Item(d, None, f"cannot read folder: {e.strerror or e}")
            continue
        subdirs = []
        for e in entries:
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            name = e.name
            if is_dir:
                sub = Path(e.path)
                subdirs.append((str(sub), str(sub.relative_to(root))))
            elif (match(normcase(name)) if match else any(m(normcase(name)) for m in matchers)):
                i = name.rfind(".")
                stem = name[:i] if 0 < i < len(name) - 1 else name
                yield Item(os.fsdecode(e.path), rel_dir + os.sep + stem if rel_dir else stem)
        stack.extend(reversed(subdirs))


def read(item: Item, max_bytes: int) -> bytes:
    """Return the bytes of an input; raise InputError with a user-facing reason."""
    if item.error:
        raise InputError(item.error)
    if item.source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            data = _read_file(item.source, max_bytes + 1)
        except FileNotFoundError:
            if os.path.islink(item.source):
                raise InputError("broken symbolic link") from None
            raise InputError("no such file") from None
        except IsADirectoryError:
            raise InputError("is a folder") from None
        except PermissionError:
            raise InputError("permission denied") from None
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise InputError(f"larger than --max-bytes ({max_bytes} bytes); raise the limit to parse it")
    return data


def _read_file(path: str, limit: int) -> bytes:
    """Return up to ``limit`` bytes of a file, read to its end.

    Unbuffered reads sized by the file's length, on a bare descriptor: a
    buffered file's ``read(limit)`` allocates ``limit`` bytes up front, for
    every input, and a file object costs an object and one more ``fstat``.
    Each system call counts (a cold one costs ~10 µs here): a regular file
    takes open, one fstat, one read and close.
    """
    fd = os.open(path, _O_READ)
    try:
        st = os.fstat(fd)
        if S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        size = st.st_size
        want = min(size + 1, limit) if size > 0 else min(65536, limit)
        first = os.read(fd, want)
        if not first or len(first) >= limit:
            return first
        if len(first) == size and S_ISREG(st.st_mode):
            return first  # all a regular file's bytes, short of what was asked: its end, no read to confirm it
        chunks = [first]
        got = len(first)
        while got < limit:
            chunk = os.read(fd, min(limit - got, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


_O_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # (os.open's descriptors are not inherited)


def parse_item(item: Item, job: Job) -> dict:
    """Return the output record of one input; raise InputError when it cannot be parsed."""
    decode, to_text, parse = _STEPS or _steps()
    text = decode(read(item, job.max_bytes))
    if job.input_format != "text":
        text = to_text(text, job.input_format)
    return parse(text).to_dict(evidence=job.evidence)


_STEPS: tuple = ()


def _steps() -> tuple:
    """Return (decode, to_text, parse), imported on first use (the pipeline's import is most of start-up)."""
    global _STEPS
    from .convert import to_text
    from .decode import decode
    from .pipeline import parse

    _STEPS = (decode, to_text, parse)
    return _STEPS


def dump(record: dict, fmt: str) -> str:
    """Return one record serialised: YAML document, pretty JSON or one JSON line."""
    if fmt == "yaml":
        return dump_yaml(record)
    if fmt == "json":
        return _json_pretty(record) + "\n"
    return _json_line(record) + "\n"


# Made once (json.dumps makes an encoder per call); records are trees, so the
# check for circular references is left out.
_json_line = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_json_pretty = json.JSONEncoder(ensure_ascii=False, check_circular=False, indent=2).encode


# --- YAML -------------------------------------------------------------------
#
# Records are plain data (dicts with str keys, lists, str, int, float, bool,
# None), written here in libyaml's block style directly: building the event
# stream of a general YAML dumper costs several times more than the parse's
# own extraction.  Anything else falls back to PyYAML.  Strings are written
# plain when no YAML reader can take them for anything else, else single-
# quoted, else (control characters, line breaks) double-quoted with escapes.

# The implicit types of PyYAML's resolver (bool, null, float, int,
# timestamp, merge, value, and its "yaml" indicators), verbatim: a string one
# of them matches would load as another type, so it is quoted.
_YAML_IMPLICIT = (
    r"""yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF""",
    r""" ~
                    |null|Null|NULL
                    | """,
    r"""[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN)""",
    r"""[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+""",
    r"""[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?""",
    r"<<",
    r"=",
    r"!|&|\*",
)
# The first characters those types can start with.
_YAML_IMPLICIT_FIRST = frozenset("yYnNtTfFoO~-+.0123456789<=!&*")
# A plain scalar cannot start with an indicator or white space (nor "...") ...
_YAML_INDICATOR_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` \t")
# ... nor hold characters a reader would not take as they are (controls, line
# breaks, surrogates, the byte order mark, non-characters): these need the
# escapes of a double-quoted scalar.
_YAML_SPECIAL = r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
_yaml_res: list = []


def _yaml_patterns():
    if not _yaml_res:
        from ._cache import compile

        implicit = compile("^(?:" + "|".join(f"(?:{p})" for p in _YAML_IMPLICIT) + ")$", re.X)
        _yaml_res[:] = [implicit.match, compile(_YAML_SPECIAL).search]
    return _yaml_res


class _NotPlainData(Exception):
    """A record holds something the emitter below does not write (PyYAML does)."""


def _yaml_str(s: str) -> str:
    """Return ``s`` as a YAML scalar: plain, single-quoted or double-quoted."""
    if not s:
        return "''"
    implicit, special = _yaml_res or _yaml_patterns()
    printable = s.isprintable() or special(s) is None
    if printable:
        first = s[0]
        if (first not in _YAML_INDICATOR_FIRST and not first.isspace() and not s[-1].isspace()
                and s[-1] != ":" and ": " not in s and " #" not in s
                and (first not in _YAML_IMPLICIT_FIRST or implicit(s) is None)
                and not s.startswith("...")):  # at the start of a line, the end of a document
            return s
        return "'" + s.replace("'", "''") + "'"
    return '"' + s.translate(_yaml_escapes()) + '"'


_YAML_ESC: dict = {}


def _yaml_escapes() -> dict:
    """Return the translate table of a double-quoted scalar's escapes."""
    if not _YAML_ESC:
        named = {0: "0", 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 27: "e",
                 0x85: "N", 0x2028: "L", 0x2029: "P"}
        codes = [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0xD800, 0xE000), 0xFEFF, 0xFFFE, 0xFFFF]
        for c in codes:
            if c in named:
                _YAML_ESC[c] = "\\" + named[c]
            elif c < 0x100:
                _YAML_ESC[c] = f"\\x{c:02X}"
            else:
                _YAML_ESC[c] = f"\\u{c:04X}"
        _YAML_ESC[ord("\\")] = "\\\\"
        _YAML_ESC[ord('"')] = '\\"'
    return _YAML_ESC


def _yaml_scalar(v) -> str:
    t = type(v)
    if t is str:
        return _yaml_str(v)
    if v is None:
        return "null"
    if t is bool:
        return "true" if v else "false"
    if t is int:
        return str(v)
    if t is float:
        return _yaml_float(v)
    if t is list:
        return "[]"  # only empty ones come here
    if t is dict:
        return "{}"
    raise _NotPlainData(t.__name__)


def _yaml_float(v: float) -> str:
    """Return a float as PyYAML's SafeRepresenter writes it."""
    if v != v:
        return ".nan"
    if v == float("inf"):
        return ".inf"
    if v == float("-inf"):
        return "-.inf"
    r = repr(v).lower()
    if "." not in r and "e" in r:
        r = r.replace("e", ".0e", 1)
    return r


def _yaml_key(k) -> str:
    if type(k) is not str or len(k) > 128:
        raise _NotPlainData("key")  # not a simple key: left to PyYAML
    return _yaml_str(k)


def _yaml_map(d: dict, pad: str, out: list, inline: bool) -> None:
    """Append the lines of a block mapping, each indented by ``pad`` (the first not, if ``inline``)."""
    for k, v in d.items():
        key = _yaml_key(k)
        lead = "" if inline else pad
        inline = False
        t = type(v)
        if t is dict and v:
            out.append(f"{lead}{key}:\n")
            _yaml_map(v, pad + "  ", out, False)
        elif t is list and v:
            out.append(f"{lead}{key}:\n")
            _yaml_seq(v, pad, out, False)
        elif t is str:
            out.append(f"{lead}{key}: {_yaml_str(v)}\n")
        else:
            out.append(f"{lead}{key}: {_yaml_scalar(v)}\n")


def _yaml_seq(items: list, pad: str, out: list, inline: bool) -> None:
    """Append the lines of a block sequence ("- " items), as :func:`_yaml_map` does."""
    for v in items:
        lead = "" if inline else pad
        inline = False
        t = type(v)
        if t is dict and v:
            out.append(f"{lead}- ")
            _yaml_map(v, pad + "  ", out, True)
        elif t is list and v:
            out.append(f"{lead}- ")
            _yaml_seq(v, pad + "  ", out, True)
        elif t is str:
            out.append(f"{lead}- {_yaml_str(v)}\n")
        else:
            out.append(f"{lead}- {_yaml_scalar(v)}\n")


def dump_yaml(record: dict) -> str:
    """Return one record as a YAML document in block style (no "---" line).

    Loads back (``yaml.safe_load``) to data equal to ``record``.
    """
    if type(record) is dict and record:
        out: list = []
        try:
            _yaml_map(record, "", out, False)
            return "".join(out)
        except (_NotPlainData, RecursionError):
            pass
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(record, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100000)


def out_path(job: Job, item: Item) -> Path:
    suffix = ".yaml" if job.fmt == "yaml" else ".json"
    rel = item.rel if item.rel is not None else "stdin"
    return Path(job.out_dir) / (rel + suffix)


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def process(item: Item, job: Job) -> tuple[str, str]:
    """Return (status, payload) for one input: ("ok", serialised record), ("written", path),
    ("skipped", path) or ("error", reason).  Never raises for a bad input.
    """
    stream = job.out_dir is None
    if job.skip_existing and not stream and out_path(job, item).exists():
        return "skipped", str(out_path(job, item))
    try:
        record = parse_item(item, job)
    except InputError as e:
        return "error", str(e)
    except RecursionError:
        return "error", "input nested too deeply to parse"
    except MemoryError:
        return "error", "out of memory while parsing this input"
    except Exception as e:  # a bug in a rule: reported per input, the batch goes on
        return "error", f"internal error ({type(e).__name__}: {e}); please report it"
    if stream:
        if job.single:
            return "ok", dump(record, job.fmt)
        record = {"source": shown(item.source), **record}
        if job.fmt == "yaml":
            return "ok", "---\n" + dump(record, "yaml")
        return "ok", dump(record, "jsonl")
    path = out_path(job, item)
    try:
        write_atomic(path, dump(record, job.fmt))
    except OSError as e:
        return "error", f"cannot write output: {e.strerror or e}"
    return "written", str(path)


def _worker_init(job: Job) -> None:
    global _JOB
    _JOB = job


def _worker(chunk: list) -> list:
    """Process a chunk of inputs ((source, rel, error) tuples); return its results in order.

    Results are (status, index in the chunk, payload), except that a run of
    records in a row comes back as one ("ok", count, their text joined) and a
    run of files written as one ("written", count, ""): the parent then only
    writes out what it receives.
    """
    job = _JOB
    out: list = []
    texts: list = []
    written = 0
    for i, (source, rel, error) in enumerate(chunk):
        status, payload = process(Item(source, rel, error), job)
        if status == "ok":
            texts.append(payload)
            continue
        if status == "written":
            written += 1
            continue
        if texts:
            out.append(("ok", len(texts), "".join(texts)))
            texts = []
        if written:
            out.append(("written", written, ""))
            written = 0
        out.append((status, i, payload))
    if texts:
        out.append(("ok", len(texts), "".join(texts)))
    if written:
        out.append(("written", written, ""))
    return out


_JOB: Job | None = None
SMALL_BATCH = 64
"""Batches smaller than this run in one process: starting workers would cost more."""


def workers_for(job: Job, n_items: int) -> int:
    """Return how many processes to use: --jobs (default the cores), fewer for small batches.

    Each worker gets at least SMALL_BATCH inputs, so a small batch runs in
    one process whatever --jobs says: starting workers would cost more than
    they save.
    """
    wanted = job.jobs if job.jobs else (os.cpu_count() or 1)
    return max(1, min(wanted, n_items // SMALL_BATCH))


class Inputs:
    """The inputs of a batch, read lazily: memory stays flat however many there are.

    The first few are looked at up front (one input or several? a small batch
    or a large one?); the rest stream from the folder walk as they are parsed.
    """

    LOOKAHEAD = 4096

    def __init__(self, items: Iterable[Item]):
        it = iter(items)
        self.head = list(islice(it, self.LOOKAHEAD))
        self._rest = it

    @property
    def at_least(self) -> int:
        """Return how many inputs there are for certain (all of them, if fewer than LOOKAHEAD)."""
        return len(self.head)

    def __iter__(self) -> Iterator[Item]:
        return chain(self.head, self._rest)


class _Output:
    """Records on their way to the output stream, written a few at a time (in order)."""

    __slots__ = ("write_out", "parts", "size")
    LIMIT = 1 << 16

    def __init__(self, out):
        self.write_out = out.write
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= self.LIMIT:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            text = "".join(self.parts)
            self.parts = []
            self.size = 0
            self.write_out(text)


def run(job: Job, items, on_done=None, out=None, err=None) -> Summary:
    """Parse every item, write each output in input order, report each failure; return the summary.

    ``items`` is any iterable of Item (an :class:`Inputs` streams a folder).
    Ctrl-C stops the batch: what was done is counted, ``summary.interrupted``
    is set, and no output is left half-written (outputs are renamed into
    place whole).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    summary = Summary()
    t0 = time.perf_counter()
    inputs = items if isinstance(items, Inputs) else Inputs(items)
    known = inputs.at_least
    job.single = known == 1 and job.out_dir is None
    n = workers_for(job, known)
    in_stream = job.out_dir is None and not job.single
    sink = _Output(out)
    pool = None
    try:
        try:
            if n > 1:
                pool = _start_pool(job, n)
                _run_pooled(pool, job, inputs, max(1, min(32, known // (n * 8))), n, summary, sink, on_done,
                            in_stream, err)
                pool.close()
                pool.join()
                pool = None
            else:
                for item in inputs:
                    status, payload = process(item, job)
                    if status == "ok":  # (the common case, without a call)
                        sink.write(payload)
                        summary.parsed += 1
                        if on_done:
                            on_done()
                    else:
                        _tally(summary, status, 1, payload, item, job, in_stream, sink, err, on_done)
        finally:
            sink.flush()
    except KeyboardInterrupt:
        summary.interrupted = True
        if pool is not None:
            pool.terminate()
            pool.join()
    finally:
        if n > 1:
            import gc

            gc.unfreeze()
    summary.seconds = time.perf_counter() - t0
    return summary


def _start_pool(job: Job, n: int):
    """Return a pool of ``n`` workers, forked (where possible) once the pipeline is loaded.

    Loading it here, before the fork, spares each worker the import and the
    first compile of the patterns; the loaded objects are moved out of the
    garbage collector's sight, so the workers do not touch (and copy) them.
    """
    import gc
    import multiprocessing as mp

    if "fork" in mp.get_all_start_methods():
        ctx = mp.get_context("fork")
        try:
            _steps()[2]("Warm-up\nBerlin\n")  # imports the extractors, builds their tables
        except Exception:
            pass
        gc.collect()
        gc.freeze()
    else:
        ctx = mp.get_context()
    return ctx.Pool(n, initializer=_worker_init, initargs=(job,))


def _run_pooled(pool, job: Job, inputs: Iterable[Item], chunk_size: int, n: int, summary: Summary, sink,
                on_done, in_stream: bool, err) -> None:
    """Feed the workers chunks of inputs, a few ahead, and write their results in input order.

    At most a few chunks per worker are queued or done but not yet written,
    so memory stays bounded on a batch of millions, and no worker waits for
    the slowest chunk of a window.
    """
    from collections import deque

    it = iter(inputs)
    pending: deque = deque()
    ahead = 4 * n

    def submit() -> None:
        chunk = list(islice(it, chunk_size))
        if chunk:
            pending.append((chunk, pool.apply_async(_worker, ([(x.source, x.rel, x.error) for x in chunk],))))

    for _ in range(ahead):
        submit()
    while pending:
        chunk, result = pending.popleft()
        results = result.get()
        submit()
        for status, k, payload in results:
            # k: how many records a run of them holds, else the input's index in the chunk
            counted = status == "ok" or status == "written"
            _tally(summary, status, k if counted else 1, payload, None if counted else chunk[k], job, in_stream,
                   sink, err, on_done)


def _tally(summary: Summary, status: str, n: int, payload: str, item: Item | None, job: Job, in_stream: bool,
           sink, err, on_done) -> None:
    """Count ``n`` results of one status (write the records, report a failure of ``item``)."""
    if status == "ok":
        sink.write(payload)
        summary.parsed += n
    elif status == "written":
        summary.parsed += n
    elif status == "skipped":
        summary.skipped += n
    else:
        _fail(summary, item, payload, job, in_stream, sink, err)
    if on_done:
        for _ in range(n):
            on_done()


def _fail(summary: Summary, item: Item, reason: str, job: Job, in_stream: bool, out, err) -> None:
    summary.failed += 1
    summary.failures.append((item.source, reason))
    name = "<stdin>" if item.source == STDIN else shown(item.source)
    err.write(f"{name}: {reason}\n")
    if in_stream and job.fmt in ("json", "jsonl"):
        out.write(dump({"source": shown(item.source), "error": reason}, "jsonl"))
    elif in_stream and job.fmt == "yaml":
        out.write("---\n" + dump({"source": shown(item.source), "error": reason}, "yaml"))
