"""The ``jdparse`` command: a thin shell around :func:`jdparse.parse`.

Argument parsing, input expansion, output routing, progress and exit codes;
nothing else.  Records go to stdout, everything else to stderr.  The command
line is defined once, in :mod:`jdparse.cli_spec`; the typer app is built
from it on demand (help, errors), and plain calls skip typer's import.

Exit status: 0 every input parsed; 1 some input could not be read or parsed
(the others are still written); 2 usage error; 130 interrupted.
"""
from __future__ import annotations

import os
import sys

from . import __version__
from .cli_spec import COMMANDS, ROOT_HELP, Command, fast_parse


class UsageError(Exception):
    """A usage problem found after argument parsing (a bad rule file): exit status 2."""


# --- the commands' bodies: plain functions over parsed values -----------------

def run_parse(v: dict) -> int:
    """Run ``jdparse parse`` with parsed values; return the exit status."""
    from . import batch

    _install_rules(v.get("rules") or [])
    paths = list(v.get("paths") or ["-"])
    job = batch.Job(
        paths=paths, fmt=v["fmt"], out_dir=v.get("out_dir"), globs=tuple(v.get("glob") or ("*.txt",)),
        evidence=bool(v.get("evidence")), skip_existing=bool(v.get("skip_existing")),
        max_bytes=v["max_bytes"], input_format=v["input_format"], jobs=v.get("jobs"),
    )
    items = batch.Inputs(batch.expand(job.paths, job.globs))
    is_batch = items.at_least != 1 or any(p != "-" and os.path.isdir(p) for p in paths)
    progress = v.get("progress")
    show = progress if progress is not None else (is_batch and items.at_least > 1 and sys.stderr.isatty())
    if show:
        summary = _run_with_progress(batch, job, items)
    else:
        summary = batch.run(job, items)
    if is_batch or summary.interrupted:
        sys.stderr.write(f"jdparse: {summary.line()}\n")
    if summary.interrupted:
        return 130
    return 1 if summary.failed else 0


def run_explain(v: dict) -> int:
    """Run ``jdparse explain``: show how one posting was read."""
    from . import batch
    from .decode import InputError

    _install_rules(v.get("rules") or [])
    path = v["path"]
    item = batch.Item(path, None)
    try:
        data = batch.read(item, 50 * 1024 * 1024)
        from .decode import decode

        text = decode(data)
        if v.get("input_format", "auto") != "text":
            from .convert import to_text

            text = to_text(text, v.get("input_format", "auto"))
    except InputError as e:
        sys.stderr.write(f"{'<stdin>' if path == '-' else path}: {e}\n")
        return 1
    from rich.console import Console

    from .explain import render

    render(text, Console(highlight=False, soft_wrap=False))
    return 0


def run_rules(v: dict) -> int:
    """Run ``jdparse rules``: print the rules in effect as YAML."""
    import yaml

    from . import rules

    _install_rules(v.get("rules") or [])
    data = rules.rules_in_effect()
    sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    return 0


RUNNERS = {"parse": run_parse, "explain": run_explain, "rules": run_rules}


def _install_rules(cli_paths: list[str]) -> None:
    """Load and validate the user's rule files (--rules, JDPARSE_RULES); raise UsageError."""
    env = os.environ.get("JDPARSE_RULES")
    if not cli_paths and not env:
        return
    from . import rules

    try:
        paths = rules.user_rule_paths(cli_paths)
        layers = tuple(rules.load_user_file(p) for p in paths)
    except rules.RuleError as e:
        raise UsageError(str(e)) from None
    rules.use_user_rules(layers)


def _run_with_progress(batch, job, items):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    # The bar's total needs a count: one more walk of the folders, names only.
    total = sum(1 for _ in batch.expand(job.paths, job.globs))
    with Progress(
        TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, redirect_stdout=False, redirect_stderr=False, transient=True,
    ) as bar:
        task = bar.add_task("parse", total=total)
        return batch.run(job, items, on_done=lambda: bar.advance(task))


# --- the typer app, built from the spec -----------------------------------------

def build_app():
    """Return the typer app for the spec (help, usage errors, completion, CliRunner)."""
    import inspect
    from enum import Enum
    from typing import List, Optional

    import typer

    app = typer.Typer(
        add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]}, help=ROOT_HELP,
    )

    def _version(value: bool):
        if value:
            typer.echo(f"jdparse {__version__}")
            raise typer.Exit(0)

    @app.callback()
    def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                           help="Print the version and exit.")):
        """Read job postings (raw text) by rules and print their fields as YAML or JSON."""

    for cmd in COMMANDS.values():
        params = []
        for a in cmd.args:
            if a.multiple:
                default = typer.Argument(None, metavar=a.metavar, help=a.help, show_default=False)
                params.append(inspect.Parameter(a.dest, inspect.Parameter.KEYWORD_ONLY, default=default,
                                                annotation=Optional[List[str]]))
            else:
                default = typer.Argument(..., metavar=a.metavar, help=a.help)
                params.append(inspect.Parameter(a.dest, inspect.Parameter.KEYWORD_ONLY, default=default,
                                                annotation=str))
        for o in cmd.opts:
            if o.flag and o.negative:
                decl = (f"{o.flags[0]}/{o.negative}",)
                ann, default = Optional[bool], o.default
            elif o.flag:
                decl, ann, default = o.flags, bool, bool(o.default)
            elif o.choices:
                enum = Enum(f"{cmd.name}_{o.dest}", {c: c for c in o.choices}, type=str)
                decl, ann, default = o.flags, enum, enum(o.default) if o.default is not None else None
            elif o.multiple:
                decl, ann, default = o.flags, Optional[List[str]], None
            elif o.type is int:
                decl, ann, default = o.flags, Optional[int] if o.default is None else int, o.default
            else:
                decl, ann, default = o.flags, Optional[str], o.default
            opt = typer.Option(default, *decl, help=o.help, metavar=o.metavar,
                               min=0 if o.type is int and not o.flag else None)
            params.append(inspect.Parameter(o.dest, inspect.Parameter.KEYWORD_ONLY, default=opt, annotation=ann))
        app.command(cmd.name, help=cmd.help, epilog=cmd.epilog)(_command(cmd, inspect.Signature(params)))
    return app


def _command(cmd: Command, signature):
    import typer

    from enum import Enum

    def command(**values):
        for k, val in list(values.items()):
            if isinstance(val, Enum):
                values[k] = val.value
        try:
            code = RUNNERS[cmd.name](values)
        except UsageError as e:
            typer.echo(f"jdparse: {e}", err=True)
            raise typer.Exit(2) from None
        raise typer.Exit(code)

    command.__name__ = f"{cmd.name}_command"
    command.__doc__ = cmd.help
    command.__signature__ = signature
    return command


def __getattr__(name: str):
    # ``from jdparse.cli import app`` builds the typer app on first use only.
    if name == "app":
        app = build_app()
        globals()["app"] = app
        return app
    raise AttributeError(name)


# --- entry point -------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (never a traceback)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        fast = fast_parse(argv)
        if fast is not None:
            cmd, values = fast
            try:
                return RUNNERS[cmd.name](values)
            except UsageError as e:
                sys.stderr.write(f"jdparse: {e}\n")
                return 2
        app = build_app()
        try:
            app(args=argv, prog_name="jdparse", standalone_mode=True)
        except SystemExit as e:
            code = e.code
            return code if isinstance(code, int) else (0 if code is None else 1)
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("jdparse: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, without Python's own complaint.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0


def _entry() -> None:
    sys.exit(main())
