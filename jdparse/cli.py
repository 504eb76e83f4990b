"""The ``jdparse`` command: a thin shell around :func:`jdparse.parse`.

Argument parsing, input expansion, output routing, progress and exit codes;
nothing else.  Records go to stdout, everything else to stderr.

Exit status: 0 every input parsed; 1 some input could not be read or parsed
(the others are still written); 2 usage error; 130 interrupted.
"""
from __future__ import annotations

import sys
from enum import Enum
from typing import List, Optional

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=(
        "Read job postings (raw text) by rules and print their fields as YAML or JSON.\n\n"
        "Example:  jdparse parse posting.txt --format json"
    ),
)


class Format(str, Enum):
    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    markdown = "markdown"


def _version(value: bool):
    if value:
        typer.echo(f"jdparse {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
):
    """Read job postings (raw text) by rules and print their fields as YAML or JSON."""


@app.command(
    "parse",
    epilog=(
        "Examples:\n\n"
        "  jdparse parse posting.txt                  # YAML of one posting\n\n"
        "  cat posting.txt | jdparse parse --format json\n\n"
        "  jdparse parse postings/ --out-dir out/     # postings/a/X.txt -> out/a/X.yaml\n\n"
        "  jdparse parse postings/ --format jsonl > all.jsonl\n\n"
        "Exit status: 0 all parsed, 1 some input failed (others still written), 2 usage error."
    ),
)
def parse_cmd(
    paths: Optional[List[str]] = typer.Argument(
        None, metavar="[PATH]...", help="Posting files or folders (searched recursively); '-' or nothing reads standard input.",
        show_default=False,
    ),
    fmt: Format = typer.Option(Format.yaml, "--format", "-f", help="yaml (for people), json (one object; JSON Lines for several inputs) or jsonl."),
    out_dir: Optional[str] = typer.Option(None, "--out-dir", "-o", help="Write one file per posting here, mirroring the input folders, instead of stdout."),
    glob: Optional[List[str]] = typer.Option(None, "--glob", "-g", help="File name pattern inside folders (repeatable). Default: *.txt"),
    evidence: bool = typer.Option(False, "--evidence", help="Add an 'evidence' key: each field's span (offsets, line, column) and rule."),
    skip_existing: bool = typer.Option(False, "--skip-existing", help="Skip inputs whose output file exists already (resume a batch)."),
    max_bytes: int = typer.Option(50 * 1024 * 1024, "--max-bytes", help="Refuse inputs larger than this many bytes."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="How to read inputs: auto-detect, or force text, html or markdown."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr (default: on for batches when stderr is a terminal)."),
):
    """Parse postings and print (or write) one record each."""
    from . import batch

    job = batch.Job(
        paths=list(paths or ["-"]), fmt=fmt.value, out_dir=out_dir, globs=tuple(glob or ("*.txt",)),
        evidence=evidence, skip_existing=skip_existing, max_bytes=max_bytes, input_format=input_format.value,
    )
    items = list(batch.expand(job.paths, job.globs))
    is_batch = len(items) != 1 or any(p != "-" and _is_dir(p) for p in job.paths)
    show = progress if progress is not None else (is_batch and len(items) > 1 and sys.stderr.isatty())
    if show:
        summary = _run_with_progress(batch, job, items)
    else:
        summary = batch.run(job, items)
    if is_batch:
        sys.stderr.write(f"jdparse: {summary.line()}\n")
    raise typer.Exit(1 if summary.failed else 0)


def _is_dir(p: str) -> bool:
    import os

    return os.path.isdir(p)


def _run_with_progress(batch, job, items):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, redirect_stdout=False, redirect_stderr=False, transient=True,
    ) as bar:
        task = bar.add_task("parse", total=len(items))
        return batch.run(job, items, on_done=lambda: bar.advance(task))


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (never a traceback)."""
    try:
        app(args=argv, prog_name="jdparse", standalone_mode=True)
    except SystemExit as e:
        code = e.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except KeyboardInterrupt:
        sys.stderr.write("jdparse: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    return 0


def _entry() -> None:
    sys.exit(main())
