"""Rules as data: the vocabulary files inside the package, plus the user's.

Each concern (headings, seniority, currencies ...) is one YAML file in
``jdparse/data/``. ``load(name)`` returns its mapping, read once per process.
User rule files (``--rules FILE``, or ``JDPARSE_RULES``: paths separated by
``os.pathsep``) are merged on top by :func:`use_user_rules`: a user file's
top-level key names the data file, and the mapping under it extends (lists
are appended, mappings merged) or, under a ``replace:`` key, replaces the
package's entries::

    headings:
      en:
        exact:
          benefits: [what we offer you]
    boilerplate:
      lines: ["powered by .{1,40}"]
    titles:
      replace:
        hiring: []

:func:`load_user_file` validates a file against the shape of the package's
own files (there is no separate schema: a list where the package has a list,
a mapping where it has a mapping, text where it has text) and raises
:class:`RuleError` naming the file and the dotted key.  Patterns a user adds
(``boilerplate.lines``, ``titles.hiring``) run with the ``regex`` module and
a time limit (:class:`UserPattern`), so a catastrophic pattern costs a
skipped match, never a hung batch.
"""
from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from ._cache import compile as _rx

DATA_DIR = Path(__file__).with_name("data")

_user_layers: tuple[dict, ...] = ()


class RuleError(ValueError):
    """A user rule file that cannot be used; the message is "FILE: dotted.key: what is wrong"."""


def _yaml_load(text: str):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


@cache
def _package(name: str) -> dict:
    """Return the package's own data file ``name``, no user layer applied."""
    from . import _cache

    path = DATA_DIR / f"{name}.yaml"
    data = _cache.data(str(path), _yaml_load) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the top level must be a mapping")
    return data


def merge(base, extra):
    """Return ``base`` extended by ``extra``: lists appended, mappings merged, scalars replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


@cache
def load(name: str) -> dict:
    """Return the data file ``name`` (without ``.yaml``) with user layers applied."""
    data = _package(name)
    for layer in _user_layers:
        if name in layer:
            extra = layer[name] or {}
            replace = extra.get("replace") if isinstance(extra, dict) else None
            if replace:
                data = {**data, **replace}
            data = merge(data, {k: v for k, v in extra.items() if k != "replace"})
    return data


def use_user_rules(layers: tuple[dict, ...]) -> None:
    """Install validated user rule layers; every cached table is rebuilt on next use."""
    global _user_layers
    _user_layers = tuple(layers)
    from . import _cache

    _cache.bypass(bool(_user_layers))  # user patterns vary: not kept in the start-up cache
    load.cache_clear()
    for fn in _derived:
        fn.cache_clear()


_derived: list = []


def resets(cached):
    """Register a cached function (``cache_clear``) whose answers depend on the rules; return it."""
    _derived.append(cached)
    return cached


def derived(fn):
    """Decorate a function of no arguments that compiles data into matchers: its answer is
    kept in memory and in the start-up cache (``_cache.derived``), and user rules reset it."""
    from functools import update_wrapper

    from . import _cache

    name = f"{fn.__module__}.{fn.__qualname__}"

    def build():
        return _cache.derived(name, fn)

    cached = cache(update_wrapper(build, fn))
    _derived.append(cached)
    return cached


# --- user rule files ---------------------------------------------------------

# Lists whose entries are regular expressions: (data file, key).  An entry is
# a string, or a mapping whose "pattern" is one.
PATTERN_LISTS = (("boilerplate", "lines"), ("boilerplate", "page_ends"), ("titles", "hiring"))
# Named groups a pattern of these lists must have, because the code reads them.
_REQUIRED_GROUPS = {("titles", "hiring"): ("title",)}
# A key made of two lowercase letters (and a region) is a language: a user may
# add a language wherever the package lists languages (en, de, fr ...).
_LANGUAGE = _rx(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?")
USER_PATTERN_TIMEOUT = 0.05
"""Seconds a user pattern may run on one line before that try counts as no match."""
ENV_VAR = "JDPARSE_RULES"


@cache
def data_names() -> tuple[str, ...]:
    """Return the names of the package's data files (without ``.yaml``), sorted."""
    return tuple(sorted(p.stem for p in DATA_DIR.glob("*.yaml")))


def user_rule_paths(cli_paths: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Return the user rule files in the order they apply: ``JDPARSE_RULES`` first, then ``cli_paths``.

    Later files win, so a file named on the command line overrides one named
    in the environment; a path named twice is used once (at its last place).
    """
    env = os.environ.get(ENV_VAR, "")
    paths = [p for p in env.split(os.pathsep) if p.strip()] + [p for p in cli_paths if p]
    out: list[str] = []
    for p in paths:
        if p in out:
            out.remove(p)
        out.append(p)
    return out


def load_user_file(path: str | os.PathLike) -> dict:
    """Return the validated rule layer read from the YAML file ``path``; raise RuleError."""
    path = os.fspath(path)
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise RuleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise RuleError(f"{path}: is a folder, not a rule file") from None
    except OSError as e:
        raise RuleError(f"{path}: cannot read: {e.strerror or e}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise RuleError(f"{path}: not UTF-8 text (byte {e.start})") from None
    return parse_user_rules(text, path)


def parse_user_rules(text: str, path: str = "<rules>") -> dict:
    """Return the validated rule layer read from YAML ``text``; ``path`` names it in errors."""
    import yaml

    try:
        data = _yaml_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise RuleError(f"{path}: not valid YAML: {problem}{where}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RuleError(f"{path}: the top level must be a mapping of data file names "
                        f"({', '.join(data_names())}), not {_kind_name(data)}")
    names = data_names()
    for name, body in data.items():
        if not isinstance(name, str) or name not in names:
            raise RuleError(f"{path}: {name}: unknown rule file; use one of: {', '.join(names)}")
        if body is None:
            continue
        if not isinstance(body, dict):
            raise RuleError(f"{path}: {name}: must be a mapping (like jdparse/data/{name}.yaml), not {_kind_name(body)}")
        package = _package(name)
        for key, value in body.items():
            if key == "replace":
                if not isinstance(value, dict):
                    raise RuleError(f"{path}: {name}.replace: must be a mapping of keys to replace, not {_kind_name(value)}")
                _check_mapping(value, package, path, f"{name}.replace", structural=False, top=True)
            else:
                _check_mapping({key: value}, package, path, name, structural=False, top=True)
        _check_patterns(name, body, path)
    return data


def _kind_name(v) -> str:
    """Return the shape of a value in words, for messages ("a mapping", "a number")."""
    return _KIND_NAMES.get(_kind(v), type(v).__name__)


_KIND_NAMES = {"null": "empty (null)", "bool": "true/false", "dict": "a mapping", "list": "a list",
               "str": "text", "number": "a number"}


def _kind(v) -> str:
    """Return the shape of a value: dict, list, str, bool, number or null."""
    if isinstance(v, dict):
        return "dict"
    if isinstance(v, list):
        return "list"
    if isinstance(v, str):
        return "str"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    return "null" if v is None else type(v).__name__


def _template(values: list):
    """Return one example value standing for ``values`` (all of one kind): mappings merged, lists joined."""
    first = values[0]
    if isinstance(first, dict):
        out: dict = {}
        for v in values:
            for k, x in v.items():
                out.setdefault(k, x)
        return out
    if isinstance(first, list):
        return [x for v in values for x in v]
    return first


def _check_value(value, example, path: str, where: str, structural: bool) -> None:
    """Raise RuleError unless ``value`` has the shape of the package's ``example``."""
    want, got = _kind(example), _kind(value)
    if want != got:
        names = {"dict": "a mapping", "list": "a list", "str": "text", "bool": "true or false", "number": "a number"}
        raise RuleError(f"{path}: {where}: must be {names.get(want, want)} (as in the package), not {_kind_name(value)}")
    if want == "dict":
        _check_mapping(value, example, path, where, structural)
    elif want == "list":
        if not example:
            for i, x in enumerate(value):
                if isinstance(x, (dict, list)) or x is None:
                    raise RuleError(f"{path}: {where}[{i}]: must be text or a number, not {_kind_name(x)}")
            return
        kinds = {_kind(x) for x in example}
        if len(kinds) != 1:
            return  # a mixed list in the package: any entry fits
        item = _template(list(example))
        for i, x in enumerate(value):
            # Entries of a list are records of one structure ({pattern, triggers}).
            _check_value(x, item, path, f"{where}[{i}]", structural=True)


def _check_mapping(value: dict, example: dict, path: str, where: str, structural: bool, top: bool = False) -> None:
    """Raise RuleError unless each key of ``value`` is one ``example`` has or may have, of its shape.

    A new key is allowed where the package's mapping is vocabulary: all its
    values of one shape (cities, languages, level words), and not one of
    several sibling records with the same keys (``structural``: every
    language of headings.yaml has labels, exact and keywords).  A key that
    looks like a language code is allowed where the mapping has languages.
    """
    kinds = {_kind(v) for v in example.values()}
    open_vocab = not top and not structural and len(kinds) == 1 and bool(example)
    children_structural = _records(example)
    languages = [v for k, v in example.items() if isinstance(k, str) and _LANGUAGE.fullmatch(k)]
    for k, v in value.items():
        here = f"{where}.{k}" if where else str(k)
        if not isinstance(k, str):
            hint = " (YAML reads yes/no/on/off as true/false: quote the key)" if isinstance(k, bool) else ""
            raise RuleError(f"{path}: {here}: a key must be text{hint}")
        if k in example and children_structural and isinstance(example[k], dict):
            # A record may have any key its siblings have ("it" may add labels).
            record = _template([x for x in example.values() if isinstance(x, dict)])
            _check_value(v, record, path, here, children_structural)
        elif k in example:
            _check_value(v, example[k], path, here, children_structural)
        elif open_vocab:
            _check_value(v, _template(list(example.values())), path, here, children_structural)
        elif languages and _LANGUAGE.fullmatch(k) and len({_kind(x) for x in languages}) == 1:
            _check_value(v, _template(languages), path, here, children_structural)
        else:
            known = ", ".join(str(x) for x in list(example)[:12]) + (", ..." if len(example) > 12 else "")
            raise RuleError(f"{path}: {here}: unknown key; the package has: {known}")


def _records(example: dict) -> bool:
    """Return whether the mappings inside ``example`` are records of one structure, not vocabulary.

    They are when the most common key set is shared by two or more of them
    and every other one has a subset of it (headings.yaml's languages all
    have labels, exact and keywords; "it" has no labels yet).
    """
    sets = [frozenset(v) for v in example.values() if isinstance(v, dict)]
    if len(sets) < 2:
        return False
    common = max(set(sets), key=sets.count)
    return sets.count(common) >= 2 and all(s <= common for s in sets)


def _check_patterns(name: str, body: dict, path: str) -> None:
    """Raise RuleError for a user pattern (boilerplate.lines, titles.hiring) that does not compile."""
    for file, key in PATTERN_LISTS:
        if file != name:
            continue
        for prefix, mapping in ((name, body), (f"{name}.replace", body.get("replace") or {})):
            entries = mapping.get(key) if isinstance(mapping, dict) else None
            if not isinstance(entries, list):
                continue
            for i, entry in enumerate(entries):
                source = entry.get("pattern") if isinstance(entry, dict) else entry
                where = f"{prefix}.{key}[{i}]" + (".pattern" if isinstance(entry, dict) else "")
                if not isinstance(source, str):
                    raise RuleError(f"{path}: {where}: must be a regular expression (text), not {_kind_name(source)}")
                try:
                    compiled = _regex().compile(source, _regex().IGNORECASE)
                except _regex().error as e:
                    raise RuleError(f"{path}: {where}: not a valid regular expression: {e}") from None
                for group in _REQUIRED_GROUPS.get((file, key), ()):
                    if group not in compiled.groupindex:
                        raise RuleError(f"{path}: {where}: the pattern needs a named group (?P<{group}>...)")


def _regex():
    """Return the ``regex`` module, imported only when user patterns exist."""
    import regex

    return regex


def load_user_files(paths) -> tuple[dict, ...]:
    """Return the validated layers of ``paths``, in order; raise RuleError at the first bad file."""
    return tuple(load_user_file(p) for p in paths)


def rules_in_effect() -> dict:
    """Return every data file (by name) with the installed user layers merged in: plain, copyable data."""
    import copy

    return {name: copy.deepcopy(load(name)) for name in data_names()}


# --- user patterns, run with a time limit ------------------------------------


class UserPattern:
    """A pattern from a user rule file, compiled with ``regex`` and run with a time limit.

    ``search``, ``match`` and ``fullmatch`` behave as ``re.Pattern``'s, except
    that a try running longer than ``timeout`` seconds returns None (no match
    on that line) and is counted in ``timeouts``: one bad pattern cannot hang
    a batch, and the rest of the posting is still read.
    """

    __slots__ = ("pattern", "where", "timeout", "timeouts", "_compiled")

    def __init__(self, pattern: str, flags: int = re.IGNORECASE, where: str = "", timeout: float = USER_PATTERN_TIMEOUT):
        self.pattern = pattern
        """The pattern's text, as the user wrote it."""
        self.where = where
        """Where it comes from ("boilerplate.lines"), for messages."""
        self.timeout = timeout
        self.timeouts = 0
        """How many tries ran out of time so far."""
        rx = _regex()
        rflags = 0
        for name in ("IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII"):
            if flags & getattr(re, name):
                rflags |= getattr(rx, name)
        self._compiled = rx.compile(pattern, rflags)

    @property
    def groupindex(self):
        """Return the mapping of group names to numbers."""
        return self._compiled.groupindex

    def _run(self, method: str, string: str, pos: int, endpos: int | None):
        try:
            if endpos is None:
                return getattr(self._compiled, method)(string, pos, timeout=self.timeout)
            return getattr(self._compiled, method)(string, pos, endpos, timeout=self.timeout)
        except TimeoutError:
            self.timeouts += 1
            return None

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        """Return the first match in ``string``, or None (also when time ran out)."""
        return self._run("search", string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        """Return the match at the start of ``string``, or None (also when time ran out)."""
        return self._run("match", string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None):
        """Return the match of the whole of ``string``, or None (also when time ran out)."""
        return self._run("fullmatch", string, pos, endpos)

    def __repr__(self) -> str:
        return f"UserPattern({self.pattern!r}, where={self.where!r})"


def is_user_entry(name: str, key: str, entry) -> bool:
    """Return whether ``entry`` of list ``name.key`` comes from a user layer, not the package."""
    return entry not in (_package(name).get(key) or ())


def pattern_for(name: str, key: str, entry, flags: int = re.IGNORECASE):
    """Return the compiled pattern of one entry of ``name.key``: ``re`` for the package's, UserPattern for a user's.

    ``entry`` is a string or a mapping with a "pattern"; the package's own
    patterns are trusted (linear, reviewed) and compiled with ``re``.
    """
    source = entry.get("pattern") if isinstance(entry, dict) else entry
    if is_user_entry(name, key, entry):
        return _user_pattern(source, flags, f"{name}.{key}")
    from . import _cache

    return _cache.compile(source, flags)


def _user_pattern(source: str, flags: int, where: str) -> UserPattern:
    """Return the UserPattern of ``source``, compiled once per process."""
    k = (source, flags, where)
    p = _USER_PATTERNS.get(k)
    if p is None:
        p = _USER_PATTERNS[k] = UserPattern(source, flags, where)
    return p


def split_patterns(name: str, key: str, flags: int = re.IGNORECASE) -> tuple[list[str], tuple[UserPattern, ...]]:
    """Return (the package's pattern texts in effect, the user's patterns compiled) of list ``name.key``.

    For a list matched as one alternation (boilerplate lines): join the
    first into one ``re`` pattern, and try each of the second on its own.
    """
    package, user = [], []
    for entry in load(name).get(key) or ():
        source = entry.get("pattern") if isinstance(entry, dict) else entry
        if is_user_entry(name, key, entry):
            user.append(_user_pattern(source, flags, f"{name}.{key}"))
        else:
            package.append(source)
    return package, tuple(user)


def pattern_timeouts() -> list[tuple[str, str, int]]:
    """Return (where, pattern, count) for each user pattern that ran out of time at least once."""
    return [(p.where, p.pattern, p.timeouts) for p in _USER_PATTERNS.values() if p.timeouts]


# A cache, not a setting: the user patterns compiled so far, so each is
# compiled once and its timeouts can be reported.
_USER_PATTERNS: dict[tuple[str, int, str], UserPattern] = {}
