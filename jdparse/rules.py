"""Rules as data: the vocabulary files inside the package, plus the user's.

Each concern (headings, seniority, currencies ...) is one YAML file in
``jdparse/data/``. ``load(name)`` returns its mapping, read once per process.
User rule files (``--rules FILE``) are merged on top by :func:`use_user_rules`:
a user file's top-level key names the data file, and the mapping under it
extends (lists are appended, mappings merged) or, under a ``replace:`` key,
replaces the package's entries.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")

_user_layers: tuple[dict, ...] = ()


def _yaml_load(text: str):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


@cache
def _package(name: str) -> dict:
    path = DATA_DIR / f"{name}.yaml"
    data = _yaml_load(path.read_text(encoding="utf-8")) or {}
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
    load.cache_clear()
    for fn in _derived:
        fn.cache_clear()


_derived: list = []


def derived(fn):
    """Decorate a cached function that compiles data into matchers, so user rules reset it."""
    cached = cache(fn)
    _derived.append(cached)
    return cached
