"""Inputs to records: expanding paths, parsing each, writing each result.

This is the engine behind ``jdparse parse``: the CLI only turns arguments into
a :class:`Job` and reports.  One bad input never stops the others: each input
gives a record or an error, and the summary counts both.
"""
from __future__ import annotations

import fnmatch
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from itertools import chain, islice
from typing import Iterable, Iterator

STDIN = "-"


def shown(path: str) -> str:
    """Return a path as it can be printed: bytes that are not UTF-8 in a file name
    (kept by the OS as surrogate escapes) shown as ``\\xNN`` rather than failing."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Item:
    """One input: where it is read from and where its output goes (relative)."""

    source: str
    """The path as the user would name it ("-" for standard input)."""
    rel: str | None
    """The output's path relative to --out-dir, without suffix (None: stdin)."""
    error: str | None = None
    """Set when the input was found broken while expanding (a dangling link ...)."""


@dataclass
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


@dataclass
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
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            st = d.stat()
        except OSError as e:
            yield Item(str(d), None, f"cannot read folder: {e.strerror or e}")
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            continue  # a symlink loop, or a folder reached twice
        seen.add(ident)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            yield Item(str(d), None, f"cannot read folder: {e.strerror or e}")
            continue
        subdirs = []
        for e in entries:
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subdirs.append(Path(e.path))
            elif any(fnmatch.fnmatch(e.name, g) for g in globs):
                rel = Path(e.path).relative_to(root)
                yield Item(os.fsdecode(e.path), str(rel.with_suffix("")))
        stack.extend(reversed(subdirs))


def read(item: Item, max_bytes: int) -> bytes:
    """Return the bytes of an input; raise InputError with a user-facing reason."""
    from .decode import InputError

    if item.error:
        raise InputError(item.error)
    if item.source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            with open(item.source, "rb") as f:
                data = f.read(max_bytes + 1)
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


def parse_item(item: Item, job: Job) -> dict:
    """Return the output record of one input; raise InputError when it cannot be parsed."""
    from .decode import decode
    from .pipeline import parse

    data = read(item, job.max_bytes)
    text = decode(data)
    if job.input_format != "text":
        from .convert import to_text

        text = to_text(text, job.input_format)
    posting = parse(text)
    return posting.to_dict(evidence=job.evidence)


def dump(record: dict, fmt: str) -> str:
    """Return one record serialised: YAML document, pretty JSON or one JSON line."""
    if fmt == "yaml":
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return yaml.dump(record, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100000)
    if fmt == "json":
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(record, ensure_ascii=False) + "\n"


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
    from .decode import InputError

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


def _worker(item: Item) -> tuple[Item, str, str]:
    status, payload = process(item, _JOB)
    return item, status, payload


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
    pool = None
    try:
        if n > 1:
            import multiprocessing as mp

            ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
            pool = ctx.Pool(n, initializer=_worker_init, initargs=(job,))
            results = _pooled(pool, inputs, max(1, min(64, known // (n * 8) or 1)))
        else:
            results = ((item, *process(item, job)) for item in inputs)
        for item, status, payload in results:
            if status == "ok":
                out.write(payload)
                summary.parsed += 1
            elif status == "written":
                summary.parsed += 1
            elif status == "skipped":
                summary.skipped += 1
            else:
                _fail(summary, item, payload, job, job.out_dir is None and not job.single, out, err)
            if on_done:
                on_done()
        if pool is not None:
            pool.close()
            pool.join()
    except KeyboardInterrupt:
        summary.interrupted = True
        if pool is not None:
            pool.terminate()
            pool.join()
    summary.seconds = time.perf_counter() - t0
    return summary


def _pooled(pool, inputs: Iterable[Item], chunksize: int):
    """Yield the workers' results in input order, a window at a time.

    ``Pool.imap`` queues its whole input at once; windows keep what is queued
    (and so memory) bounded on a batch of millions.
    """
    it = iter(inputs)
    while True:
        window = list(islice(it, _WINDOW))
        if not window:
            return
        yield from pool.imap(_worker, window, chunksize=chunksize)


_WINDOW = 8192


def _fail(summary: Summary, item: Item, reason: str, job: Job, in_stream: bool, out, err) -> None:
    summary.failed += 1
    summary.failures.append((item.source, reason))
    name = "<stdin>" if item.source == STDIN else shown(item.source)
    err.write(f"{name}: {reason}\n")
    if in_stream and job.fmt in ("json", "jsonl"):
        out.write(json.dumps({"source": shown(item.source), "error": reason}, ensure_ascii=False) + "\n")
    elif in_stream and job.fmt == "yaml":
        out.write("---\n" + dump({"source": shown(item.source), "error": reason}, "yaml"))
