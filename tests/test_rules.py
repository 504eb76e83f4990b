"""User rule files: validation on load, merging, patterns with a time limit, JDPARSE_RULES, the command."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
import yaml

from jdparse import rules
from jdparse.rules import RuleError, UserPattern, load_user_file, parse_user_rules

from conftest import run_cli


@pytest.fixture(autouse=True)
def _no_user_rules():
    rules.use_user_rules(())
    yield
    rules.use_user_rules(())


# (name, YAML text) that must load
VALID = [
    ("empty file", ""),
    ("heading alias", "headings:\n  en:\n    exact:\n      benefits: [what we offer you]\n"),
    ("new language of headings", "headings:\n  ja:\n    exact:\n      benefits: [福利厚生]\n"),
    ("labels for a language that has none", "headings:\n  it:\n    labels:\n      title: [titolo]\n"),
    ("boilerplate line", "boilerplate:\n  lines: ['powered by .{1,40}']\n"),
    ("hiring pattern", "titles:\n  hiring:\n    - pattern: '(?P<title>.+) wanted'\n      triggers: [wanted]\n"),
    ("replace a list", "titles:\n  replace:\n    hiring: []\n"),
    ("a city alias", "places:\n  cities:\n    SF: US\n"),
    ("a level word", "seniority:\n  words:\n    en:\n      senior: [veteran]\n"),
    ("an employment language", "employment:\n  words:\n    it:\n      full_time: [tempo pieno]\n"),
    ("a file named but empty", "boilerplate:\n"),
]


@pytest.mark.parametrize("name,text", VALID, ids=[c[0] for c in VALID])
def test_valid(name, text):
    assert isinstance(parse_user_rules(text, "u.yaml"), dict)


# (name, YAML text, the error message after "u.yaml: ")
INVALID = [
    ("unknown file", "headingz: {}\n", "headingz: unknown rule file; use one of: "),
    ("typo in a structural key", "headings:\n  en:\n    lables: {}\n", "headings.en.lables: unknown key; the package has: labels, exact, keywords"),
    ("typo at a file's top", "currencies:\n  currencie: {}\n", "currencies.currencie: unknown key;"),
    ("text where a list is", "boilerplate:\n  lines: 'x'\n", "boilerplate.lines: must be a list (as in the package), not text"),
    ("number inside a list of text", "boilerplate:\n  lines: [1]\n", "boilerplate.lines[0]: must be text (as in the package), not a number"),
    ("mapping where a list is", "seniority:\n  levels: {a: 1}\n", "seniority.levels: must be a list (as in the package), not a mapping"),
    ("list where a mapping is", "boilerplate: [x]\n", "boilerplate: must be a mapping (like jdparse/data/boilerplate.yaml), not a list"),
    ("null where a list is", "boilerplate:\n  lines:\n", "boilerplate.lines: must be a list (as in the package), not empty (null)"),
    ("bad boilerplate regex", "boilerplate:\n  lines: ['(unclosed']\n", "boilerplate.lines[0]: not a valid regular expression: "),
    ("bad hiring regex", "titles:\n  hiring:\n    - pattern: '[a-'\n", "titles.hiring[0].pattern: not a valid regular expression: "),
    ("hiring pattern without title group", "titles:\n  hiring:\n    - pattern: 'x'\n", "titles.hiring[0].pattern: the pattern needs a named group (?P<title>...)"),
    ("typo in a list record", "titles:\n  hiring:\n    - pattren: 'x'\n", "titles.hiring[0].pattren: unknown key; the package has: pattern, triggers"),
    ("bad regex under replace", "boilerplate:\n  replace:\n    lines: ['(']\n", "boilerplate.replace.lines[0]: not a valid regular expression"),
    ("new employment type", "employment:\n  words:\n    en:\n      freelance: [x]\n", "employment.words.en.freelance: unknown key;"),
    ("yes/no key", "headings:\n  no: {}\n", "headings.False: a key must be text (YAML reads yes/no/on/off as true/false: quote the key)"),
    ("top level a list", "- a\n", "the top level must be a mapping of data file names"),
    ("not YAML", "a: [\n", "not valid YAML: "),
]


@pytest.mark.parametrize("name,text,message", INVALID, ids=[c[0] for c in INVALID])
def test_invalid(name, text, message):
    with pytest.raises(RuleError) as e:
        parse_user_rules(text, "u.yaml")
    assert str(e.value).startswith(f"u.yaml: {message}"), str(e.value)


def test_load_user_file_names_the_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("boilerplate:\n  lines: [3]\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"mine\.yaml: boilerplate\.lines\[0\]: must be text"):
        load_user_file(path)
    with pytest.raises(RuleError, match="no such file"):
        load_user_file(tmp_path / "missing.yaml")
    with pytest.raises(RuleError, match="is a folder"):
        load_user_file(tmp_path)
    (tmp_path / "bin.yaml").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(RuleError, match="not UTF-8"):
        load_user_file(tmp_path / "bin.yaml")


def test_layers_merge_and_reset():
    layer = parse_user_rules("headings:\n  en:\n    exact:\n      benefits: [what we give back]\n")
    rules.use_user_rules((layer,))
    assert "what we give back" in rules.load("headings")["en"]["exact"]["benefits"]
    assert "what we give back" in rules.rules_in_effect()["headings"]["en"]["exact"]["benefits"]
    rules.use_user_rules(())
    assert "what we give back" not in rules.load("headings")["en"]["exact"]["benefits"]


def test_replace_layer():
    rules.use_user_rules((parse_user_rules("titles:\n  replace:\n    hiring: []\n"),))
    assert rules.load("titles")["hiring"] == []


def test_rules_in_effect_is_plain_data():
    data = rules.rules_in_effect()
    assert set(data) == set(rules.data_names())
    yaml.safe_dump(data, allow_unicode=True)  # no tuples or objects
    data["boilerplate"]["lines"].append("x")  # a copy: the loaded rules are not changed
    assert "x" not in rules.load("boilerplate")["lines"]


@pytest.mark.parametrize("env,cli,expected", [
    (None, ["a.yaml"], ["a.yaml"]),
    (f"e1.yaml{os.pathsep}e2.yaml", ["a.yaml"], ["e1.yaml", "e2.yaml", "a.yaml"]),
    (f"{os.pathsep}e1.yaml{os.pathsep}", [], ["e1.yaml"]),
    (f"a.yaml{os.pathsep}b.yaml", ["a.yaml"], ["b.yaml", "a.yaml"]),
])
def test_user_rule_paths(monkeypatch, env, cli, expected):
    if env is None:
        monkeypatch.delenv("JDPARSE_RULES", raising=False)
    else:
        monkeypatch.setenv("JDPARSE_RULES", env)
    assert rules.user_rule_paths(cli) == expected


# A pattern that backtracks exponentially on a line of a's that ends otherwise.
CATASTROPHIC = r"(a|aa)+$"


def test_user_pattern_times_out_and_is_not_fatal():
    p = UserPattern(CATASTROPHIC, where="boilerplate.lines", timeout=0.05)
    t = time.perf_counter()
    assert p.fullmatch("a" * 60 + "!") is None
    assert time.perf_counter() - t < 2
    assert p.timeouts == 1
    assert p.search("xx aa") is not None  # the pattern still works on the next line


def test_pattern_for_and_split_patterns():
    layer = parse_user_rules("boilerplate:\n  lines: ['powered by .{1,40}']\n"
                             "titles:\n  hiring:\n    - pattern: '(?P<title>.+) wanted'\n      triggers: [wanted]\n")
    rules.use_user_rules((layer,))
    package, user = rules.split_patterns("boilerplate", "lines")
    assert package == rules._package("boilerplate")["lines"]
    assert [p.pattern for p in user] == ["powered by .{1,40}"]
    assert user[0].fullmatch("powered by acme ats")
    hiring = rules.load("titles")["hiring"]
    assert isinstance(rules.pattern_for("titles", "hiring", hiring[-1]), UserPattern)
    assert not isinstance(rules.pattern_for("titles", "hiring", hiring[0]), UserPattern)
    assert rules.pattern_for("titles", "hiring", hiring[-1]).search("Barista wanted").group("title") == "Barista"


def test_catastrophic_user_boilerplate_does_not_hang_a_parse(tmp_path):
    rule = tmp_path / "rules.yaml"
    rule.write_text(f"boilerplate:\n  lines: ['{CATASTROPHIC}']\n", encoding="utf-8")
    code = ("import sys; from jdparse import rules, parse; "
            "rules.use_user_rules((rules.load_user_file(sys.argv[1]),)); "
            "parse('Engineer\\n' + 'a' * 40 + '!\\n')")
    try:
        subprocess.run([sys.executable, "-c", code, str(rule)], timeout=8, check=True, capture_output=True)
    except subprocess.TimeoutExpired:
        pytest.fail("parse hung on a catastrophic user pattern")


def test_command_rules_env_and_errors(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("headings:\n  en:\n    exact:\n      benefits: [what we give back]\n", encoding="utf-8")
    posting = tmp_path / "p.txt"
    posting.write_text("Senior Analyst\nAcme\n\nWhat we give back\n• Free lunch\n• Pension plan\n", encoding="utf-8")
    proc = run_cli("parse", str(posting), "--format", "json", env={"JDPARSE_RULES": str(good)})
    assert proc.returncode == 0, proc.stderr.decode()
    assert "Free lunch" in __import__("json").loads(proc.stdout)["benefits"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("boilerplate:\n  lines: ['(']\n", encoding="utf-8")
    proc = run_cli("parse", str(posting), "--format", "json", env={"JDPARSE_RULES": str(bad)})
    assert proc.returncode == 2
    assert b"bad.yaml: boilerplate.lines[0]: not a valid regular expression" in proc.stderr


def test_user_not_names_keep_a_board_label_out_of_the_company(tmp_path):
    # "Jobbörse" is no word of the package's not_names: the label reads as a company until a user adds it.
    posting = tmp_path / "p.txt"
    posting.write_text("Jobbörse: Senior Backend Engineer\n\nWe make tools for bakers.\n", encoding="utf-8")
    proc = run_cli("parse", str(posting), "--format", "json")
    assert __import__("json").loads(proc.stdout)["company"] == "Jobbörse"
    extra = tmp_path / "rules.yaml"
    extra.write_text("titles:\n  not_names:\n    de: [jobbörse]\n", encoding="utf-8")
    proc = run_cli("parse", str(posting), "--format", "json", "--rules", str(extra))
    assert proc.returncode == 0, proc.stderr.decode()
    record = __import__("json").loads(proc.stdout)
    assert record["title"] == "Senior Backend Engineer"
    assert record["company"] is None


def test_a_user_page_end_cuts_the_page_after_it(tmp_path):
    # boilerplate.page_ends: a line that closes the posting; it and every line after it are the page's.
    posting = tmp_path / "p.txt"
    posting.write_text("Barista\nBean There Cafe\n\nWhat we offer\n- Free coffee\n- Flexible shifts\n"
                       "\nMore from this board\n- Shift Lead at Grind House\n", encoding="utf-8")
    proc = run_cli("parse", str(posting), "--format", "json")
    assert __import__("json").loads(proc.stdout)["benefits"][-1] == "Shift Lead at Grind House"
    rule = tmp_path / "rules.yaml"
    rule.write_text("boilerplate:\n  page_ends: ['more from this board']\n", encoding="utf-8")
    proc = run_cli("parse", str(posting), "--format", "json", "--rules", str(rule))
    assert proc.returncode == 0, proc.stderr.decode()
    assert __import__("json").loads(proc.stdout)["benefits"] == ["Free coffee", "Flexible shifts"]

