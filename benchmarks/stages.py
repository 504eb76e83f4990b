#!/usr/bin/env python3
"""Where a posting's time goes: microseconds per posting, stage by stage, in one process.

    python benchmarks/stages.py                  # the dev corpus, 5 passes
    python benchmarks/stages.py --corpus DIR --passes 20
    python benchmarks/stages.py --cold           # text memos emptied before each posting

This is the profile to read before optimising (``run.py`` is the report of
the goals).  It runs the batch path's steps one by one, in the order
``jdparse.batch.parse_item`` and ``jdparse.pipeline.parse`` run them (read,
decode, convert, the pipeline's stages, to_dict, JSON and YAML dumps), on
every ``*.txt`` of the corpus, after one warm-up pass; the numbers are means of CPU time
over all passes.  Stdlib only, beside jdparse itself.

``--cold``: a few memos keyed by text live across postings (a word's
gazetteer readings, a line's words).  On a corpus replicated from a few
postings they always hit; on real postings only the common words do.
``--cold`` empties them before every posting, which gives the cost of a
posting whose every line is new: an upper bound of what distinct postings
cost.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "dev"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of *.txt postings")
    ap.add_argument("--passes", type=int, default=5, help="timed passes over the corpus (default 5)")
    ap.add_argument("--cold", action="store_true", help="empty the text memos before every posting")
    a = ap.parse_args(argv)
    files = sorted(Path(a.corpus).rglob("*.txt"))
    if not files:
        print(f"no *.txt postings under {a.corpus}", file=sys.stderr)
        return 2

    from jdparse import batch
    from jdparse import blocks as _blocks
    from jdparse import sections as _sections
    from jdparse.context import Context
    from jdparse.convert import to_text
    from jdparse.decode import decode
    from jdparse.document import Document, normalise_newlines
    from jdparse.extract import facts, lists, title as title_ex
    from jdparse.pipeline import parse

    items = [batch.Item(str(f), f.stem) for f in files]
    memos = _text_memos() if a.cold else []
    acc: Counter = Counter()
    clock = time.process_time  # CPU time of this process: other work on the machine does not count

    def one(item, timed: bool) -> None:
        for m in memos:
            m.cache_clear()
        t = [clock()]

        def lap(name):
            t.append(clock())
            if timed:
                acc[name] += t[-1] - t[-2]

        data = batch.read(item, 50 * 1024 * 1024); lap("read")
        text = decode(data); lap("decode")
        text = to_text(text, "auto"); lap("convert")
        text = normalise_newlines(text); doc = Document(text); lap("document")
        blocks = _blocks.classify(doc); lap("blocks")
        outline = _sections.build(blocks, doc.text); ctx = Context(doc, tuple(blocks), outline); lap("sections")
        title, company, _ = title_ex.extract(ctx); lap("title+company")
        pay, _ = facts.salary(ctx, title); lap("salary")
        lists.extract(ctx, None if pay is None else pay.span); lap("lists")
        places = facts.locations(ctx, title, company); lap("locations")
        facts.work_mode(ctx, title); lap("work_mode")
        facts.seniority(ctx, title); lap("seniority")
        facts.employment_type(ctx, title); lap("employment_type")
        facts.experience(ctx); lap("experience")
        facts.posted_date(ctx, places); lap("posted_date")
        t0 = clock(); record = parse(text).to_dict(); t1 = clock()  # the whole pipeline, once more
        if timed:
            acc["parse() whole"] += t1 - t0
        t.append(clock())
        batch.dump(record, "jsonl"); lap("dump json")
        batch.dump(record, "yaml"); lap("dump yaml")

    for it in items:
        one(it, False)
    for _ in range(a.passes):
        for it in items:
            one(it, True)
    n = a.passes * len(items)
    whole = acc.pop("parse() whole")
    total = sum(v for k, v in acc.items() if k != "dump yaml")
    cold = f", text memos emptied before each ({len(memos)})" if a.cold else ""
    print(f"{len(items)} postings x {a.passes} passes, microseconds per posting{cold}\n")
    for k, v in acc.items():
        print(f"  {k:18s} {v / n * 1e6:9.1f}   {v / total * 100:5.1f} %")
    print(f"\n  {'json path total':18s} {total / n * 1e6:9.1f}   -> {n / total:,.0f} postings/s (in process, no writes)")
    print(f"  {'parse() whole':18s} {whole / n * 1e6:9.1f}")
    return 0


def _text_memos() -> list:
    """Return the memos keyed by text that outlive a posting (``functools`` caches)."""
    import importlib

    out = []
    for module, name in (("jdparse.extract._guard", "_words"), ("jdparse.extract.tags", "tag_kind"),
                         ("jdparse.extract.places", "_rows"), ("jdparse.extract.places", "_name"),
                         ("jdparse.extract.places", "_gazetteer_head"),
                         ("jdparse.extract.places", "big_city_countries")):
        fn = getattr(importlib.import_module(module), name)  # renamed or no longer a memo:
        fn.cache_clear  # noqa: B018  (--cold fails rather than emptying nothing)
        out.append(fn)
    return out


if __name__ == "__main__":
    sys.exit(main())
