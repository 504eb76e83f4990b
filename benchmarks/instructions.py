"""Instructions per posting for a parse, counted by valgrind's callgrind.

CPU timings on a shared or busy machine swing by 1.5-2x from run to run; an
instruction count does not, so a change of a few per cent shows.  This runs
``parse`` over the corpus ``--passes`` times and once, each under callgrind
(hash seed fixed, garbage collector off), and prints the difference per
posting, with the memos keyed by text kept (warm) and emptied before each
posting (cold, as ``stages.py --cold``).  It needs ``valgrind`` on the PATH
and takes about a minute.

    python benchmarks/instructions.py
    python benchmarks/instructions.py --corpus DIR --passes 3
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"

# What runs under callgrind: parse every posting once to warm up (patterns
# compiled, tables built), then N more passes with the collector off.
_CHILD = r"""
import gc, sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from jdparse.convert import to_text
from jdparse.decode import decode
from jdparse.pipeline import parse
sys.path.insert(0, sys.argv[5])
from stages import _text_memos
texts = [to_text(decode(p.read_bytes())) for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
memos = _text_memos() if sys.argv[2] == "cold" else []
for t in texts:
    parse(t)
gc.disable()
for _ in range(int(sys.argv[3])):
    for t in texts:
        for m in memos:
            m.cache_clear()
        parse(t)
"""


def _count(script: str, corpus: Path, mode: str, passes: int, cache: str) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0", XDG_CACHE_HOME=cache)
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
             sys.executable, script, str(corpus), mode, str(passes), str(ROOT), str(ROOT / "benchmarks")],
            env=env, capture_output=True, text=True)
    m = re.search(r"refs:\s*([\d,]+)", out.stderr)
    if out.returncode != 0 or not m:
        sys.exit(f"instructions.py: callgrind run failed:\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Instructions per posting (callgrind), warm and cold.")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of *.txt postings")
    ap.add_argument("--passes", type=int, default=2, help="measured passes over the corpus (default 2)")
    a = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("instructions.py: valgrind is not installed", file=sys.stderr)
        return 2
    n = len(list(a.corpus.glob("*.txt")))
    if n == 0 or a.passes < 1:
        print(f"instructions.py: no *.txt postings in {a.corpus} (or --passes < 1)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "child.py")
        Path(script).write_text(_CHILD, encoding="utf-8")
        cache = os.path.join(tmp, "cache")  # a private pattern cache, filled by the first run
        _count(script, a.corpus, "warm", 0, cache)
        print(f"{n} postings, {a.passes} passes; instructions per posting (callgrind)")
        for mode in ("warm", "cold"):
            base = _count(script, a.corpus, mode, 0, cache)
            full = _count(script, a.corpus, mode, a.passes, cache)
            print(f"  {mode:5s} {(full - base) / (n * a.passes) / 1e6:6.2f} M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
