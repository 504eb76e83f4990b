"""The command line, defined once, as data.

Two things are built from this one definition, so they cannot drift apart:

* the typer app (``jdparse.cli.app``): help, error messages, completion,
  typer's test runner;
* the fast path (``jdparse.cli.main``): a plain reading of argv for the common
  calls, so ``jdparse parse FILE`` does not pay typer's import (~55 ms, more
  than the whole parse) on every call.  Anything the fast path does not
  recognise (help, a usage error, an unknown option) is handed to typer.
"""
from __future__ import annotations

from ._frozen import field, value_class


@value_class
class Opt:
    """One option: its flags, where it goes, its type and its help."""

    dest: str
    flags: tuple[str, ...]
    help: str
    default: object = None
    type: type = str
    choices: tuple[str, ...] | None = None
    multiple: bool = False
    flag: bool = False
    """A switch: ``--x`` sets True; with ``negative``, ``--no-x`` sets False."""
    negative: str | None = None
    metavar: str | None = None


@value_class
class Arg:
    dest: str
    metavar: str
    help: str
    multiple: bool = True


@value_class
class Command:
    name: str
    help: str
    epilog: str
    args: tuple[Arg, ...] = ()
    opts: tuple[Opt, ...] = field(default_factory=tuple)


_RULES = Opt(
    "rules", ("--rules",), "A YAML rule file that adds or replaces vocabulary (repeatable; "
    "also JDPARSE_RULES, paths separated by ':'). See README.", multiple=True, metavar="FILE",
)

PARSE = Command(
    "parse",
    help="Parse postings and print (or write) one record each.",
    epilog=(
        "Examples:\n\n"
        "  jdparse parse posting.txt                  # YAML of one posting\n\n"
        "  cat posting.txt | jdparse parse --format json\n\n"
        "  jdparse parse postings/ --out-dir out/     # postings/a/X.txt -> out/a/X.yaml\n\n"
        "  jdparse parse postings/ --format jsonl > all.jsonl\n\n"
        "Exit status: 0 all parsed, 1 some input failed (the others are still written), "
        "2 usage error, 130 interrupted."
    ),
    args=(Arg("paths", "[PATH]...", "Posting files or folders (searched recursively); '-' or nothing reads standard input."),),
    opts=(
        Opt("fmt", ("--format", "-f"), "yaml (for people), json (one object; JSON Lines for several inputs) or jsonl.",
            default="yaml", choices=("yaml", "json", "jsonl")),
        Opt("out_dir", ("--out-dir", "-o"), "Write one file per posting here, mirroring the input folders, instead of stdout.",
            metavar="DIR"),
        Opt("glob", ("--glob", "-g"), "File name pattern inside folders (repeatable). Default: *.txt", multiple=True,
            metavar="PATTERN"),
        Opt("evidence", ("--evidence",), "Add an 'evidence' key: each field's span (offsets, line, column) and rule.",
            default=False, flag=True),
        Opt("skip_existing", ("--skip-existing",), "Skip inputs whose output file exists already (resume a batch).",
            default=False, flag=True),
        Opt("jobs", ("--jobs", "-j"), "Worker processes (default: the number of cores; small batches use one).",
            type=int, metavar="N"),
        Opt("max_bytes", ("--max-bytes",), "Refuse inputs larger than this many bytes.", default=50 * 1024 * 1024,
            type=int, metavar="N"),
        Opt("input_format", ("--input-format",), "How to read inputs: auto-detect, or force text, html or markdown.",
            default="auto", choices=("auto", "text", "html", "markdown")),
        _RULES,
        Opt("progress", ("--progress",), "Progress bar on stderr (default: on for batches when stderr is a terminal).",
            flag=True, negative="--no-progress"),
    ),
)

EXPLAIN = Command(
    "explain",
    help="Show how a posting was read: its lines and sections, each field with its source and rule.",
    epilog="Example:\n\n  jdparse explain posting.txt | less -R",
    args=(Arg("path", "PATH", "One posting file ('-' reads standard input).", multiple=False),),
    opts=(
        Opt("input_format", ("--input-format",), "How to read the input: auto-detect, or force text, html or markdown.",
            default="auto", choices=("auto", "text", "html", "markdown")),
        _RULES,
    ),
)

RULES = Command(
    "rules",
    help="Print the rules in effect (package vocabulary merged with your rule files) as YAML.",
    epilog="Example:\n\n  jdparse rules --rules my-headings.yaml | less",
    opts=(_RULES,),
)

COMMANDS = {c.name: c for c in (PARSE, EXPLAIN, RULES)}

ROOT_HELP = (
    "Read job postings (raw text) by rules and print their fields as YAML or JSON.\n\n"
    "Example:  jdparse parse posting.txt --format json"
)


def fast_parse(argv: list[str]) -> tuple[Command, dict] | None:
    """Return (command, values) for a plain, valid call; None to let typer handle argv.

    Only what is certainly valid is read here; help, errors and anything
    unusual go to typer, which gives the messages and exit status 2.
    """
    if not argv or argv[0] not in COMMANDS:
        return None
    cmd = COMMANDS[argv[0]]
    by_flag: dict[str, tuple[Opt, bool]] = {}
    for o in cmd.opts:
        for f in o.flags:
            by_flag[f] = (o, True)
        if o.negative:
            by_flag[o.negative] = (o, False)
    values: dict = {o.dest: ([] if o.multiple else o.default) for o in cmd.opts}
    positional: list[str] = []
    i, rest = 1, argv[1:]
    only_args = False
    while i < len(argv):
        a = argv[i]
        i += 1
        if only_args or a == "-" or not a.startswith("-"):
            positional.append(a)
            continue
        if a == "--":
            only_args = True
            continue
        name, eq, inline = a.partition("=")
        hit = by_flag.get(name)
        if hit is None:
            return None
        o, positive = hit
        if o.flag:
            if eq:
                return None
            values[o.dest] = positive
            continue
        if eq:
            raw = inline
        else:
            if i >= len(argv):
                return None
            raw = argv[i]
            i += 1
        if o.choices and raw not in o.choices:
            return None
        if o.type is int:
            try:
                val = int(raw)
            except ValueError:
                return None
            if val < 0:
                return None
        else:
            val = raw
        if o.multiple:
            values[o.dest].append(val)
        else:
            values[o.dest] = val
    del rest
    for arg in cmd.args:
        if arg.multiple:
            values[arg.dest] = positional
            positional = []
        else:
            if len(positional) != 1:
                return None
            values[arg.dest] = positional.pop()
    if positional:
        return None
    return cmd, values
