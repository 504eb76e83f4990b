#!/usr/bin/env python3
"""Speed report for jdparse: start-up, folder throughput, parallelism, memory.

Every goal is measured against a baseline *in the same run* and judged on the
ratio, so the machine's speed and noise mostly cancel.  The script prints the
machine, then one table row per measurement with PASS / FAIL (or n/a when the
option it needs does not exist yet).  It always exits 0 once it has run (it is
a report); 2 on usage errors.

    python benchmarks/run.py                      # everything, default sizes
    python benchmarks/run.py --only startup,jobs  # a subset
    python benchmarks/run.py --markdown           # the table as Markdown

Stdlib only.  See benchmarks/README.md for what each row means.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import selectors
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEED = REPO / "seeds" / "tradingview-backend-architect.txt"
CORPUS_HOME = HERE / ".corpus"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev"
PER_FOLDER = 1000
PY = sys.executable
JDPARSE = [PY, "-m", "jdparse"]
GOALS = ("startup", "throughput", "jobs", "yaml", "memory")
GOAL_OF = {"json": "throughput", "reference": "throughput", "rules": "throughput", "jobs2": "jobs", "yaml": "yaml"}

# The machine's own speed, beside jdparse's in the same run: the issue's
# reference loop, "reading a folder of 4 KB postings and json.dumps of a small
# dict each: about 80,000 postings/s on one core" on the machine where its goals
# were set.  The loop is that and no more (no output written: the issue names
# none).  It times itself (start-up left out), takes the best of three passes
# (one pass is a fraction of a second, at the mercy of the machine's noise) and
# prints "reference RECORDS SECONDS" on stderr.
ISSUE_REFERENCE_RATE = 80_000
REFERENCE_SCRIPT = """\
import json, os, sys, time
paths = []
for d, dirs, files in os.walk(sys.argv[1]):
    paths += [os.path.join(d, name) for name in files]
paths.sort()
best = float("inf")
for _ in range(3):
    t0 = time.perf_counter()
    for path in paths:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        json.dumps({"source": path, "chars": len(text)})
    best = min(best, time.perf_counter() - t0)
print("reference", len(paths), best, file=sys.stderr)
"""


MINIMAL_TYPER_APP = '''\
import typer

app = typer.Typer()


@app.command()
def main(name: str):
    """Say hello."""
    print(name)


if __name__ == "__main__":
    app()
'''


# --------------------------------------------------------------------------
# Report rows
# --------------------------------------------------------------------------

@dataclass
class Row:
    """One line of the result table."""

    goal: str
    measure: str
    value: str
    target: str
    status: str  # PASS, FAIL, info, n/a ..., INCOMPLETE


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, goal, measure, value, target="", status="info"):
        self.rows.append(Row(goal, measure, value, target, status))
        print(f"  {goal:<10} {measure:<48} {value:<28} {status}", file=sys.stderr, flush=True)

    def note(self, text):
        self.notes.append(text)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# --------------------------------------------------------------------------
# Running commands
# --------------------------------------------------------------------------

def measure(commands: dict[str, list[str]], repeat: int, warmup: int = 1) -> dict[str, float]:
    """Run every command ``repeat`` times, interleaved; return each one's median wall time (s).

    Round *i* runs the commands in an order rotated by *i*, and reversed every
    other turn of the rotation, so each command follows each other one (a
    rotation alone keeps the neighbours: a command that always ran after the
    same one read 0.93 x against an equal one).  ``warmup`` untimed rounds go first (bytecode
    compilation, page cache).  Output is discarded; a non-zero exit status
    raises, since a timing of a failing command means nothing.
    """
    names = list(commands)
    times: dict[str, list[float]] = {n: [] for n in names}
    for i in range(warmup + repeat):
        k = i % len(names)
        order = names[k:] + names[:k]
        if (i // len(names)) % 2:
            order.reverse()
        for name in order:
            t0 = time.perf_counter()
            proc = subprocess.run(commands[name], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            dt = time.perf_counter() - t0
            if proc.returncode != 0:
                raise CommandFailed(commands[name], proc.returncode, proc.stderr.decode(errors="replace"))
            if i >= warmup:
                times[name].append(dt)
    return {n: statistics.median(ts) for n, ts in times.items()}


class CommandFailed(RuntimeError):
    """A measured command failed: the goal's rows become one ERROR row."""

    def __init__(self, cmd, code, stderr):
        super().__init__(f"{' '.join(map(str, cmd))} exited {code}: {stderr.strip()[-500:]}")
        self.cmd = " ".join(map(str, cmd))
        self.code = code
        last = [ln.strip() for ln in stderr.splitlines() if ln.strip()][-1:] or ["(no message)"]
        self.short = f"exit {code}: {last[0][:100]}"


@dataclass
class BatchResult:
    """What one folder run did: records written, time taken, how it ended."""

    records: int
    seconds: float
    returncode: int | None
    stopped: bool  # killed at --max-seconds
    stderr: str
    line_digests: list[bytes] | None = None

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


def run_batch(cmd: list[str], fmt: str, max_seconds: float, digests: bool = False) -> BatchResult:
    """Run a folder command, count the records it writes to stdout as they arrive.

    The records are counted from the stream (JSON Lines: one per line; YAML: one
    per ``---`` line), so a run stopped at ``max_seconds`` still gives a rate.
    With ``digests`` each JSON line's digest is kept, to compare two runs'
    outputs record by record.  Counting costs a read of the pipe in 1 MiB
    chunks: the same for every variant, so ratios are unaffected.
    """
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err)
    fd = proc.stdout.fileno()
    sel = selectors.DefaultSelector()
    sel.register(fd, selectors.EVENT_READ)
    records, tail, stopped = 0, b"", False
    out_digests: list[bytes] | None = [] if digests else None
    deadline = t0 + max_seconds
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            stopped = True
            proc.kill()
            break
        if not sel.select(timeout=min(left, 1.0)):
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        data = tail + chunk
        lines = data.split(b"\n")
        tail = lines.pop()
        if fmt == "yaml":
            records += sum(1 for ln in lines if ln == b"---")
        else:
            records += len(lines)
            if out_digests is not None:
                out_digests.extend(hashlib.blake2b(ln, digest_size=16).digest() for ln in lines)
    code = proc.wait()
    seconds = time.perf_counter() - t0
    sel.close()
    proc.stdout.close()
    err.seek(0)
    stderr = err.read().decode(errors="replace")
    err.close()
    return BatchResult(records, seconds, None if stopped else code, stopped, stderr, out_digests)


def option_missing(result_or_stderr, code=None) -> bool:
    """True when a run failed because jdparse does not know an option (exit status 2)."""
    if isinstance(result_or_stderr, BatchResult):
        code, text = result_or_stderr.returncode, result_or_stderr.stderr
    else:
        text = result_or_stderr
    return code == 2 and ("No such option" in text or "no such option" in text)


def probe(option_args: list[str]) -> str | None:
    """Whether ``jdparse parse SEED <option_args>`` is accepted: None if so, else why not.

    Only a usage error (exit status 2) counts as refusal: "option missing" when
    jdparse does not know the option, "refused: ..." for any other usage error.
    """
    proc = subprocess.run(
        JDPARSE + ["parse", str(SEED), "--format", "json", *option_args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    if proc.returncode != 2:
        return None
    if option_missing(proc.stderr, 2):
        return "option missing"
    last = [ln for ln in proc.stderr.splitlines() if ln.strip()][-1:] or ["usage error"]
    return f"refused: {last[0].strip()[:80]}"


# --------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------

def build_corpus(source: Path, postings: int) -> Path:
    """Return ``benchmarks/.corpus/N``: the source postings replicated to N files.

    Files go round-robin (any prefix is a fair sample of the source) into
    sub-folders of 1000.  Replicas are hard links where the file system allows
    (identical bytes, no disk cost), copies otherwise.  The folder is built
    once and reused while its manifest matches the source and the count.
    """
    sources = sorted(p for p in source.glob("*.txt") if p.is_file())
    if not sources:
        raise SystemExit(f"run.py: no *.txt postings in {source}")
    root = CORPUS_HOME / str(postings)
    manifest = CORPUS_HOME / f"{postings}.json"
    want = {"source": str(source.resolve()), "files": [p.name for p in sources], "postings": postings}
    if root.is_dir() and manifest.is_file():
        try:
            if json.loads(manifest.read_text()) == want:
                return root
        except ValueError:
            pass
    print(f"building corpus {root} ({postings} postings from {len(sources)} in {source}) ...", file=sys.stderr, flush=True)
    if root.exists():
        shutil.rmtree(root)
    link = True
    for i in range(postings):
        src = sources[i % len(sources)]
        folder = root / f"{i // PER_FOLDER:04d}"
        if i % PER_FOLDER == 0:
            folder.mkdir(parents=True)
        dst = folder / f"{i:06d}-{src.name}"
        if link:
            try:
                os.link(src, dst)
                continue
            except OSError:
                link = False
        shutil.copyfile(src, dst)
    manifest.write_text(json.dumps(want))
    return root


def small_batch(source: Path, n: int = 20) -> Path:
    """Return ``benchmarks/.corpus/small-N``: the first N distinct source postings."""
    root = CORPUS_HOME / f"small-{n}"
    sources = sorted(source.glob("*.txt"))[:n]
    if root.is_dir() and sorted(p.name for p in root.glob("*.txt")) == [p.name for p in sources]:
        return root
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for src in sources:
        shutil.copyfile(src, root / src.name)
    return root


def warm(root: Path) -> None:
    """Read every file under ``root`` once, so the runs measure parsing, not the disk."""
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            with open(os.path.join(dirpath, name), "rb") as f:
                while f.read(1 << 20):
                    pass


def rules_file(tmp: Path, n: int = 500) -> Path:
    """Write a user rules file adding ``n`` heading aliases for benefits; return its path."""
    aliases = [f"benchmark perk alias {i:03d}" for i in range(n)]
    path = tmp / "rules-500-aliases.yaml"
    lines = ["headings:", "  en:", "    exact:", "      benefits:"]
    lines += [f"        - {a}" for a in aliases]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------
# Goals
# --------------------------------------------------------------------------

def goal_startup(rep: Report, args, tmp: Path) -> None:
    """Goal 1: one posting's start-up against ``python -c "import yaml"``; --help against bare typer."""
    app = tmp / "minimal_typer_app.py"
    app.write_text(MINIMAL_TYPER_APP)
    seed = str(SEED)
    cmds = {
        "import yaml": [PY, "-c", "import yaml"],
        "json": JDPARSE + ["parse", seed, "--format", "json"],
        "yaml": JDPARSE + ["parse", seed, "--format", "yaml"],
        "help": JDPARSE + ["--help"],
        "typer": [PY, str(app), "--help"],
    }
    script = shutil.which("jdparse")
    if script:
        cmds["script json"] = [script, "parse", seed, "--format", "json"]
        cmds["script help"] = [script, "--help"]
    t = measure(cmds, args.repeat)
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    base = t["import yaml"]
    rep.add("startup", 'baseline: python -c "import yaml"', ms(base))
    r = t["json"] / base
    rep.add("startup", "python -m jdparse parse SEED --format json", f"{ms(t['json'])} = {r:.2f} x", "<= 3 x", verdict(r <= 3))
    r = t["yaml"] / base
    rep.add("startup", "python -m jdparse parse SEED --format yaml", f"{ms(t['yaml'])} = {r:.2f} x", "<= 3.5 x", verdict(r <= 3.5))
    r = t["help"] / t["typer"]
    rep.add("startup", f"python -m jdparse --help vs minimal typer app ({ms(t['typer'])})",
            f"{ms(t['help'])} = {r:.2f} x", "<= 1 x", verdict(r <= 1.0))
    if script:
        rep.add("startup", "console script: jdparse parse SEED --format json", f"{ms(t['script json'])} = {t['script json'] / base:.2f} x")
        rep.add("startup", "console script: jdparse --help", f"{ms(t['script help'])} = {t['script help'] / t['typer']:.2f} x")
    rep.note(f"Start-up: medians of {args.repeat} interleaved runs (after 1 warm-up round); the goals are judged on "
             f"`python -m jdparse` ({PY}); the console script ({script or 'not on PATH'}) is reported for information.")


def _batch_cmd(corpus: Path, fmt: str, extra: list[str]) -> list[str]:
    return JDPARSE + ["parse", str(corpus), "--format", fmt, *extra]


def _rate_text(res: BatchResult, total: int) -> str:
    s = f"{res.rate:,.0f} /s"
    if res.stopped:
        s += f" (stopped at {res.seconds:.0f} s, {res.records:,}/{total:,})"
    return s


def _loop_rate(res: BatchResult) -> float | None:
    """The reference loop's postings per second (its stderr's "reference RECORDS SECONDS" line), or None."""
    for line in reversed(res.stderr.splitlines()):
        parts = line.split()
        if len(parts) == 3 and parts[0] == "reference":
            try:
                records, seconds = int(parts[1]), float(parts[2])
            except ValueError:
                return None
            return records / seconds if records and seconds > 0 else None
    return None


def _speed(name: str, res: BatchResult) -> float:
    """A run's postings per second: the reference loop's own (0 if it gave none), a folder run's over its wall time."""
    return (_loop_rate(res) or 0.0) if name == "reference" else res.rate


def goal_throughput(rep: Report, args, tmp: Path, corpus: Path, cache: dict) -> None:
    """Goals 2-4 on the big corpus: --jobs 1 rate, 500 extra rules, --jobs 2, YAML vs JSON.

    The variants run interleaved, ``--rounds`` times each; each one's median rate is used.
    """
    total = args.postings
    has_jobs = cache["jobs"] is None
    has_rules = cache["rules"] is None
    one = ["--jobs", "1"] if has_jobs else []
    variants: dict[str, tuple[str, list[str]]] = {}  # name: (output format, command)
    wanted = set(args.only)
    if wanted & {"throughput", "yaml", "jobs"}:
        variants["json"] = ("jsonl", _batch_cmd(corpus, "jsonl", one))
    if "throughput" in wanted:
        variants["reference"] = ("jsonl", [PY, "-c", REFERENCE_SCRIPT, str(corpus)])
    if "throughput" in wanted and has_rules:
        variants["rules"] = ("jsonl", _batch_cmd(corpus, "jsonl", one + ["--rules", str(rules_file(tmp))]))
    if "jobs" in wanted and has_jobs:
        variants["jobs2"] = ("jsonl", _batch_cmd(corpus, "jsonl", ["--jobs", "2"]))
    if "yaml" in wanted:
        variants["yaml"] = ("yaml", _batch_cmd(corpus, "yaml", one))
    runs: dict[str, list[BatchResult]] = {k: [] for k in variants}
    failed: dict[str, CommandFailed] = {}
    names = list(variants)
    for i in range(args.rounds):
        k = i % len(names)
        for name in list(names[k:] + names[:k]):
            if name not in names:
                continue
            fmt, cmd = variants[name]
            shown = "the reference loop" if name == "reference" else " ".join(cmd[2:])
            print(f"  ... {name}: {shown}", file=sys.stderr, flush=True)
            res = run_batch(cmd, fmt, args.max_seconds, digests=name in ("json", "jobs2"))
            if res.returncode not in (0, None):
                if name == "json":
                    raise CommandFailed(cmd, res.returncode, res.stderr)
                failed[name] = CommandFailed(cmd, res.returncode, res.stderr)
                names.remove(name)  # its rows say ERROR; the other variants go on
                continue
            runs[name].append(res)
    for name, e in failed.items():
        runs.pop(name, None)
        rep.add(GOAL_OF[name], f"{name} variant: could not measure", e.short, "", "ERROR")
        rep.note(f"ERROR in the {name} variant: `{e.cmd}` exited {e.code}.")
    med = {k: sorted(v, key=lambda r, k=k: _speed(k, r))[len(v) // 2] for k, v in runs.items()}
    if any(r.stopped for r in med.values()):
        rep.note(f"Folder runs were stopped at --max-seconds={args.max_seconds:g}; their rate is the records written "
                 f"so far over the time so far (ratios stay valid; raise --max-seconds for whole runs).")
    base = med["json"]
    flag = "--jobs 1" if has_jobs else f"(no --jobs: {cache['jobs']})"
    if "throughput" in wanted:
        rep.add("throughput", f"{total:,} postings, --format jsonl {flag}", _rate_text(base, total), ">= 2000 /s",
                verdict(base.rate >= 2000))
        ref = _speed("reference", med["reference"]) if "reference" in med else 0.0
        if "reference" in med and not ref:
            rep.note("The machine reference loop gave no rate (stopped at --max-seconds, or no postings read).")
        if ref:
            factor = ref / ISSUE_REFERENCE_RATE
            rep.add("throughput", "machine reference: read + json.dumps of a small dict per posting",
                    f"{ref:,.0f} /s = {factor:.2f} x the issue's machine", f"~{ISSUE_REFERENCE_RATE:,} /s there")
            rep.add("throughput", "the jsonl rate above, scaled to the issue's machine", f"{base.rate / factor:,.0f} /s",
                    ">= 2000 /s", "info")
        if "rules" in med:
            r = med["rules"].rate / base.rate
            rep.add("throughput", "same + --rules with 500 extra heading aliases", f"{_rate_text(med['rules'], total)} = {r:.2f} x",
                    ">= 0.90 x", verdict(r >= 0.90))
        elif not has_rules:
            rep.add("throughput", "same + --rules with 500 extra heading aliases", "-", ">= 0.90 x", f"n/a ({cache['rules']})")
    if "jobs" in wanted:
        if "jobs2" in med:
            j2 = med["jobs2"]
            r = j2.rate / base.rate
            rep.add("jobs", f"{total:,} postings, --jobs 2 vs --jobs 1", f"{_rate_text(j2, total)} = {r:.2f} x", ">= 1.5 x",
                    verdict(r >= 1.5))
            n = min(len(base.line_digests), len(j2.line_digests))
            same = n > 0 and base.line_digests[:n] == j2.line_digests[:n]
            rep.add("jobs", "--jobs 2 output == --jobs 1 output (byte for byte)", f"{'same' if same else 'DIFFERENT'} ({n:,} records)",
                    "identical", verdict(same))
        elif not has_jobs:
            rep.add("jobs", f"{total:,} postings, --jobs 2 vs --jobs 1", "-", ">= 1.5 x", f"n/a ({cache['jobs']})")
    if "yaml" in med:
        r = med["yaml"].rate / base.rate
        rep.add("yaml", f"{total:,} postings, --format yaml vs jsonl", f"{_rate_text(med['yaml'], total)} = {r:.2f} x", ">= 0.6 x",
                verdict(r >= 0.6))
    rep.note(f"Folder runs: wall time of the whole command (start-up included), median of {args.rounds} interleaved round(s), "
             f"page cache warmed first, corpus {corpus.relative_to(REPO)} ({total:,} postings replicated from {args.corpus}).")


def goal_jobs_small(rep: Report, args, small: Path, cache: dict) -> None:
    """Goal 3, small batch: 20 postings, --jobs 2 and the default against --jobs 1; same records, same order."""
    if cache["jobs"] is not None:
        rep.add("jobs", "20 postings, --jobs 2 vs --jobs 1 (speed ratio)", "-", ">= 0.95 x", f"n/a ({cache['jobs']})")
        return
    cmds = {
        "jobs1": _batch_cmd(small, "jsonl", ["--jobs", "1"]),
        "jobs2": _batch_cmd(small, "jsonl", ["--jobs", "2"]),
        "default": _batch_cmd(small, "jsonl", []),
    }
    t = measure(cmds, args.repeat)
    for name, label in (("jobs2", "--jobs 2"), ("default", "default --jobs")):
        r = t["jobs1"] / t[name]
        rep.add("jobs", f"20 postings, {label} vs --jobs 1 (speed ratio)",
                f"{t[name] * 1000:.0f} vs {t['jobs1'] * 1000:.0f} ms = {r:.2f} x", ">= 0.95 x", verdict(r >= 0.95))
    outs = {n: subprocess.run(c, capture_output=True).stdout for n, c in cmds.items()}
    expected = sorted(str(p) for p in small.glob("*.txt"))
    ok = True
    for name in ("jobs2", "default"):
        recs = [json.loads(ln) for ln in outs[name].splitlines() if ln.strip()]
        order_ok = [r.get("source") for r in recs] == expected
        ok = ok and order_ok and outs[name] == outs["jobs1"]
    rep.add("jobs", "20 postings: output identical, sources in input order", "yes" if ok else "NO", "identical", verdict(ok))


def rss_of(cmd: list[str], max_seconds: float) -> dict:
    """Peak RSS of ``cmd``, measured in a fresh wrapper process (ru_maxrss is a high-water mark)."""
    wrapper = [PY, str(Path(__file__).resolve()), "--rss-child", str(max_seconds), "--", *cmd]
    proc = subprocess.run(wrapper, capture_output=True, text=True)
    if proc.returncode != 0:
        raise CommandFailed(wrapper, proc.returncode, proc.stderr)
    return json.loads(proc.stdout)


def rss_child(max_seconds: float, cmd: list[str]) -> int:
    """The wrapper's body: run ``cmd``, print its peak RSS (KiB) and records as JSON."""
    res = run_batch(cmd, "jsonl", max_seconds)
    kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    if sys.platform == "darwin":
        kib //= 1024
    print(json.dumps({"maxrss_kib": kib, "records": res.records, "seconds": res.seconds,
                      "stopped": res.stopped, "returncode": res.returncode, "stderr": res.stderr[-2000:]}))
    return 0


def goal_memory(rep: Report, args, source: Path, cache: dict) -> None:
    """Goal 5: peak RSS of a folder run on a big corpus against a corpus 3 (or 10) times smaller."""
    small_n, big_n = 10_000, (100_000 if args.full else 30_000)
    extra = ["--jobs", "1"] if cache["jobs"] is None else []
    res = {}
    for n in (small_n, big_n):
        corpus = build_corpus(source, n)
        warm(corpus)
        print(f"  ... memory: {n:,} postings", file=sys.stderr, flush=True)
        res[n] = rss_of(_batch_cmd(corpus, "jsonl", extra), args.memory_max_seconds)
        if res[n]["returncode"] not in (0, None):
            raise CommandFailed(["jdparse"], res[n]["returncode"], res[n]["stderr"])
    mb = {n: r["maxrss_kib"] / 1024 for n, r in res.items()}
    stopped = [n for n, r in res.items() if r["stopped"]]

    def done(n):
        r = res[n]
        return f"{r['records']:,}/{n:,} parsed, stopped at {r['seconds']:.0f} s" if r["stopped"] else f"{n:,} parsed"

    ratio = mb[big_n] / mb[small_n]
    status = "INCOMPLETE" if stopped else verdict(ratio <= 1.2)
    rep.add("memory", f"peak RSS {big_n:,} vs {small_n:,} postings" + ("" if args.full else " (--full: 100,000)"),
            f"{mb[big_n]:.0f} vs {mb[small_n]:.0f} MB = {ratio:.2f} x", "<= 1.2 x", status)
    status = "INCOMPLETE" if stopped else verdict(mb[big_n] < 200)
    rep.add("memory", f"peak RSS {big_n:,} postings ({done(big_n)})", f"{mb[big_n]:.0f} MB", "< 200 MB", status)
    rep.note("Memory: ru_maxrss of the jdparse process (RUSAGE_CHILDREN of a fresh wrapper per run), --format jsonl"
             + (" --jobs 1" if extra else "") + "." + (" INCOMPLETE: a run hit --memory-max-seconds before the end, so "
             "the ratio compares unequal amounts of work; raise the limit." if stopped else ""))


# --------------------------------------------------------------------------
# Machine and table
# --------------------------------------------------------------------------

def machine() -> list[str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        from importlib.metadata import version

        typer_v = version("typer")
    except Exception:
        typer_v = "not installed"
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        head = "?"
    return [
        f"Machine: {cpu}, {cores} cores usable, load {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else f"Machine: {cpu}, {cores} cores",
        f"Python {platform.python_version()} ({PY}), typer {typer_v}, jdparse at {REPO} (commit {head or '?'}, working tree as is)",
    ]


def render(rep: Report, markdown: bool) -> str:
    head = ("goal", "measurement", "result", "target", "status")
    ordered = sorted(rep.rows, key=lambda r: GOALS.index(r.goal) if r.goal in GOALS else len(GOALS))
    rows = [(r.goal, r.measure, r.value, r.target, r.status) for r in ordered]
    if markdown:
        esc = lambda s: s.replace("|", "\\|")  # noqa: E731
        lines = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
        lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
        notes = [f"- {n}" for n in rep.notes]
    else:
        widths = [max(len(x) for x in col) for col in zip(head, *rows)]
        fmt = lambda row: "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()  # noqa: E731
        lines = [fmt(head), fmt(tuple("-" * w for w in widths))] + [fmt(r) for r in rows]
        notes = [f"* {n}" for n in rep.notes]
    return "\n".join(lines + [""] + notes)


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(description="Measure jdparse's speed goals; print a table with PASS/FAIL per goal.")
    p.add_argument("--only", default=",".join(GOALS), help=f"comma-separated subset of: {', '.join(GOALS)} (default: all)")
    p.add_argument("--repeat", type=int, default=21, help="runs per start-up / small-batch command, interleaved (default 21)")
    p.add_argument("--rounds", type=int, default=1, help="interleaved rounds of the big folder runs (default 1)")
    p.add_argument("--postings", type=int, default=20000, help="postings in the throughput corpus (default 20000)")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                   help="folder of *.txt postings to replicate (default: ../shared/corpus/dev from the repo)")
    p.add_argument("--full", action="store_true", help="memory goal on 100,000 postings instead of 30,000")
    p.add_argument("--max-seconds", type=float, default=60,
                   help="stop a throughput run after this long and rate what it wrote so far (default 60)")
    p.add_argument("--memory-max-seconds", type=float, default=None,
                   help="same for the memory runs (default: 2 x --max-seconds)")
    p.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    p.add_argument("--rss-child", type=float, help=argparse.SUPPRESS)
    p.add_argument("cmd", nargs="*", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.rss_child is None and args.cmd:
        p.error(f"unexpected arguments: {' '.join(args.cmd)}")
    args.only = [g.strip() for g in args.only.split(",") if g.strip()]
    bad = [g for g in args.only if g not in GOALS]
    if bad or not args.only:
        p.error(f"--only: unknown goal(s) {', '.join(bad) or '(none given)'}; choose from {', '.join(GOALS)}")
    if args.repeat < 1 or args.rounds < 1 or args.postings < 1 or args.max_seconds <= 0:
        p.error("--repeat, --rounds, --postings and --max-seconds must be positive")
    if args.memory_max_seconds is None:
        args.memory_max_seconds = 2 * args.max_seconds
    if args.rss_child is None and not args.corpus.is_dir() and set(args.only) - {"startup"}:
        p.error(f"--corpus: no such folder: {args.corpus}")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.rss_child is not None:
        return rss_child(args.rss_child, args.cmd)
    rep = Report()
    # Byte-code as an installed package has it (pip compiles on install): an
    # editable checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise
    # compile every module from source on every start-up.
    subprocess.run([PY, "-m", "compileall", "-q", str(REPO / "jdparse")], stdout=subprocess.DEVNULL)
    before = machine()
    print("\n".join(before), file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="jdparse-bench-") as tmp_s:
        tmp = Path(tmp_s)
        # None when the option works, else why not ("option missing" ...): those rows say n/a
        cache = {"jobs": probe(["--jobs", "1"]), "rules": probe(["--rules", str(rules_file(tmp))])}
        steps = []
        if "startup" in args.only:
            steps.append(("startup", lambda: goal_startup(rep, args, tmp)))
        if set(args.only) & {"throughput", "jobs", "yaml"}:
            def big():
                corpus = build_corpus(args.corpus, args.postings)
                warm(corpus)
                goal_throughput(rep, args, tmp, corpus, cache)
            steps.append(("throughput", big))
        if "jobs" in args.only:
            steps.append(("jobs", lambda: goal_jobs_small(rep, args, small_batch(args.corpus), cache)))
        if "memory" in args.only:
            steps.append(("memory", lambda: goal_memory(rep, args, args.corpus, cache)))
        for name, step in steps:
            print(f"[{name}]", file=sys.stderr, flush=True)
            try:
                step()
            except CommandFailed as e:
                rep.add(name, "could not measure", e.short, "", "ERROR")
                rep.note(f"ERROR in {name}: `{e.cmd}` exited {e.code}.")
    after = machine()
    if [ln.split(", load")[0] for ln in after] != [ln.split(", load")[0] for ln in before]:
        rep.note("The environment changed during the run (now: " + "; ".join(after) + "); rerun for clean numbers.")
    print("\n".join(before))
    print()
    print(render(rep, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
