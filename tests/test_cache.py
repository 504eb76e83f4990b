"""The start-up cache: patterns rebuilt from disk behave exactly like re.compile's."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from jdparse import _cache

PATTERNS = [
    (r"(?P<a>\d+)\s*-\s*(?P<b>\d+)", 0),
    (r"""(?:remote | hybrid)  # a comment""", re.VERBOSE | re.IGNORECASE),
    (r"(?<!\w)(?:über uns|qui sommes-nous)(?!\w)", re.IGNORECASE),
    (r"[\u4e00-\u9fff]+", 0),
]
TEXTS = ["10 - 20 and 3-4", "Remote or HYBRID", "Über uns · Qui sommes-nous", "上海 远程 Berlin"]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("JDPARSE_NO_CACHE", raising=False)
    monkeypatch.setattr(_cache, "_state", None)
    monkeypatch.setattr(_cache, "_dirty", False)
    monkeypatch.setattr(_cache, "_stamp_checked", False)
    return tmp_path


def _new_process(monkeypatch):
    """Save, then forget the in-memory state, as a new process starts with none."""
    _cache.save()
    monkeypatch.setattr(_cache, "_state", None)
    monkeypatch.setattr(_cache, "_stamp_checked", False)


def _same(a: re.Pattern, b: re.Pattern):
    assert a.pattern == b.pattern and a.groupindex == b.groupindex and a.groups == b.groups
    for t in TEXTS:
        assert [m.span() for m in a.finditer(t)] == [m.span() for m in b.finditer(t)]
        assert [m.groupdict() for m in a.finditer(t)] == [m.groupdict() for m in b.finditer(t)]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_cached_pattern_matches_like_re(fresh_cache, monkeypatch, pattern, flags):
    first = _cache.compile(pattern, flags)  # compiled, then stored
    _cache.save()
    monkeypatch.setattr(_cache, "_state", None)  # a new process: read back from disk
    second = _cache.compile(pattern, flags)
    assert (pattern, int(flags)) in _cache._state["re"]
    _same(first, re.compile(pattern, flags))
    _same(second, re.compile(pattern, flags))


def test_corrupt_cache_file_falls_back(fresh_cache, monkeypatch):
    _cache.compile(*PATTERNS[0])
    _cache.save()
    path = _cache._path()
    with open(path, "wb") as f:
        f.write(b"\x00garbage")
    monkeypatch.setattr(_cache, "_state", None)
    _same(_cache.compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))


def test_cache_can_be_turned_off(fresh_cache, monkeypatch):
    monkeypatch.setenv("JDPARSE_NO_CACHE", "1")
    _same(_cache.compile(*PATTERNS[1]), re.compile(*PATTERNS[1]))
    _cache.save()
    assert not list(fresh_cache.rglob("*.marshal"))


def test_unwritable_cache_folder_is_not_an_error(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    env = {"XDG_CACHE_HOME": str(blocker), "PATH": ""}
    code = "import jdparse; print(jdparse.parse('Data Engineer\\nAcme\\n').to_dict()['title'])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Data Engineer"


def test_pattern_texts_do_not_depend_on_hash_seed():
    # Set iteration order changes with PYTHONHASHSEED; a pattern built from a
    # set in that order would differ per process and never hit the cache.
    code = (
        "import jdparse._cache as c, re\n"
        "seen = []\n"
        "orig = c.compile\n"
        "def spy(p, f=0):\n"
        "    seen.append(p)\n"
        "    return re.compile(p, f)\n"
        "c.compile = spy\n"
        "import sys, jdparse.pipeline\n"
        "for name, m in list(sys.modules.items()):\n"
        "    if name.startswith('jdparse') and hasattr(m, '_rx'):\n"
        "        m._rx = spy\n"
        "jdparse.pipeline.parse(open(sys.argv[1], encoding='utf-8').read())\n"
        "import hashlib\n"
        "print(len(seen), hashlib.sha256('\\x00'.join(sorted(seen)).encode()).hexdigest())\n"
    )
    from conftest import SEEDS

    seed = str(SEEDS / "tradingview-backend-architect.txt")
    outs = set()
    for hashseed in ("1", "2", "3"):
        env = {**__import__("os").environ, "PYTHONHASHSEED": hashseed, "JDPARSE_NO_CACHE": "1"}
        r = subprocess.run([sys.executable, "-c", code, seed], capture_output=True, text=True, env=env)
        assert r.returncode == 0, r.stderr
        outs.add(r.stdout.strip())
    assert len(outs) == 1, outs


def test_two_installations_of_one_version_keep_separate_files(fresh_cache, tmp_path):
    # A checkout and an installed copy (or a test clone) of one version: the
    # file holds the patterns and data paths of one folder, and is read by it alone.
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import jdparse

    copy = tmp_path / "copy"
    shutil.copytree(Path(jdparse.__file__).parent, copy / "jdparse", ignore=shutil.ignore_patterns("__pycache__"))
    code = "import jdparse._cache as c; print(c._path())"
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(fresh_cache), "PYTHONPATH": str(copy)}
    theirs = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                            cwd=tmp_path).stdout.strip()
    assert Path(theirs).parent == Path(_cache._path()).parent == fresh_cache / "jdparse"
    assert theirs != _cache._path()


# --- derived tables ----------------------------------------------------------------

def _table():
    from jdparse.model import Span

    return {"words": frozenset({"remote", "hybrid"}), "span": Span(3, 9, 1, 4),
            "rx": _cache.compile(*PATTERNS[0]), "order": ("a", "b")}


def test_derived_table_is_read_back_not_rebuilt(fresh_cache, monkeypatch):
    built = []

    def build():
        built.append(1)
        return _table()

    first = _cache.derived("test.table", build)
    _new_process(monkeypatch)

    def no_compile(*a, **k):
        raise AssertionError("a cached table's pattern must not be compiled again")

    monkeypatch.setattr(re, "compile", no_compile)
    second = _cache.derived("test.table", build)
    assert built == [1]
    assert second["words"] == first["words"] and second["span"] == first["span"]
    assert second["order"] == ("a", "b")
    monkeypatch.undo()
    _same(second["rx"], re.compile(*PATTERNS[0]))


def test_derived_tables_are_dropped_when_a_package_file_changes(fresh_cache, monkeypatch):
    built = []

    def build():
        built.append(1)
        return _table()

    stamp = _cache._package_stamp()
    assert any(name == "_cache.py" for _, name, _, _ in stamp)
    assert any(name.endswith(".yaml") for _, name, _, _ in stamp)
    _cache.derived("test.table", build)
    _new_process(monkeypatch)
    changed = [(*row[:3], row[3] + 1) if row[1] == "rules.py" else row for row in stamp]
    monkeypatch.setattr(_cache, "_package_stamp", lambda: changed)
    _cache.derived("test.table", build)
    assert built == [1, 1]


def test_table_that_cannot_be_pickled_is_built_each_time(fresh_cache, monkeypatch):
    built = []

    def build():
        built.append(1)
        return {"f": lambda s: s}

    _cache.derived("test.closure", build)
    _new_process(monkeypatch)
    assert _cache.derived("test.closure", build)["f"]("x") == "x"
    assert built == [1, 1]


def test_cached_table_cannot_name_a_foreign_function(fresh_cache, monkeypatch):
    import os
    import pickle

    with pytest.raises(pickle.UnpicklingError):
        _cache._loads(pickle.dumps(os.getcwd))
    _cache.derived("test.table", _table)
    _cache._load()["derived"]["test.table"] = pickle.dumps(os.getcwd)  # a file written by someone else
    _new_process(monkeypatch)
    assert _cache.derived("test.table", lambda: "rebuilt") == "rebuilt"


def test_user_rules_bypass_the_derived_tables(fresh_cache, monkeypatch):
    monkeypatch.setattr(_cache, "_bypass", True)
    assert _cache.derived("test.table", lambda: "built") == "built"
    monkeypatch.setattr(_cache, "_bypass", False)
    assert "test.table" not in _cache._load()["derived"]


_SPY = (
    "import sys, jdparse._cache as c\n"
    "built = []\n"
    "orig = c.derived\n"
    "def spy(name, build):\n"
    "    return orig(name, lambda: built.append(name) or build())\n"
    "c.derived = spy\n"
    "import jdparse\n"
    "r = jdparse.parse(open(sys.argv[1], encoding='utf-8').read()).to_dict()\n"
    "import json; print(len(built)); print(json.dumps(r, sort_keys=True))\n"
)


def test_second_start_builds_no_table_and_parses_alike(tmp_path):
    import os

    from conftest import SEEDS

    seed = str(SEEDS / "tradingview-backend-architect.txt")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("JDPARSE_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", _SPY, seed], capture_output=True, text=True, env=env, check=True)
            for _ in range(2)]
    env["JDPARSE_NO_CACHE"] = "1"
    runs.append(subprocess.run([sys.executable, "-c", _SPY, seed], capture_output=True, text=True, env=env, check=True))
    (b1, out1), (b2, out2), (b3, out3) = (r.stdout.split("\n", 1) for r in runs)
    assert int(b1) >= 10 and int(b2) == 0 and int(b3) == int(b1)
    assert out1 == out2 == out3


def test_generated_code_is_read_back_compiled(fresh_cache, monkeypatch):
    import builtins

    src = "def f(x):\n    return x * 3\n"
    env: dict = {}
    exec(_cache.code(src, "<test>"), env)
    _new_process(monkeypatch)

    def no_compile(*a, **k):
        raise AssertionError("cached code must not be compiled again")

    monkeypatch.setattr(_cache, "builtins_compile", no_compile)
    monkeypatch.setattr(builtins, "compile", no_compile)
    env2: dict = {}
    exec(_cache.code(src, "<test>"), env2)
    assert env["f"](2) == env2["f"](2) == 6


def test_package_files_that_cannot_be_listed_mean_no_cached_table(fresh_cache, monkeypatch):
    _cache.derived("test.table", lambda: "first")
    _new_process(monkeypatch)

    def unlistable():
        raise PermissionError("no listing")

    monkeypatch.setattr(_cache, "_package_stamp", unlistable)
    assert _cache.derived("test.table", lambda: "built") == "built"
