"""HTML and Markdown to plain lines: case tables, detection, bounds on time and depth, the command."""
from __future__ import annotations

import json
import sys
import time

import pytest

from jdparse.convert import detect, html_to_text, markdown_to_text, to_text

from conftest import run_cli

# (name, html, expected text)
HTML_CASES = [
    ("heading and paragraph", "<h1>Go Engineer</h1><p>We build maps.</p>", "Go Engineer\n\nWe build maps.\n"),
    ("list items are bullets", "<ul><li>Go</li><li>SQL</li></ul>", "\u2022 Go\n\u2022 SQL\n"),
    ("paragraph inside an item", "<ul><li><p>Go</p></li><li><p>SQL</p></li></ul>", "\u2022 Go\n\u2022 SQL\n"),
    ("nested list is indented", "<ul><li>A<ul><li>B</li></ul></li></ul>", "\u2022 A\n  \u2022 B\n"),
    ("strong-only paragraph is its own line", "<p><strong>Requirements</strong></p><ul><li>Go</li></ul>",
     "Requirements\n\n\u2022 Go\n"),
    ("label line stays one line", "<p><strong>Location:</strong> Berlin</p>", "Location: Berlin\n"),
    ("br is a newline", "<p>Line one<br>Line two<br/>Line three</p>", "Line one\nLine two\nLine three\n"),
    ("divs are blank-line separated", "<div>One</div><div>Two</div>", "One\n\nTwo\n"),
    ("script style nav dropped", "<nav><a>Home</a></nav><style>p{}</style><script>var a = '<p>x</p>';</script><p>Body</p>",
     "Body\n"),
    ("head dropped", "<html><head><title>Page</title></head><body><p>Body</p></body></html>", "Body\n"),
    ("unclosed head ends at body", "<html><head><title>Page</title><body><p>Body</p>", "Body\n"),
    ("entities decoded", "<p>R&amp;D &euro;5k &lt;3 caf&eacute; &#8211; &#x2019;</p>", "R&D \u20ac5k <3 caf\u00e9 \u2013 \u2019\n"),
    ("nbsp kept", "<p>5&nbsp;years</p>", "5\u00a0years\n"),
    ("table rows", "<table><tr><th>Level</th><th>Pay</th></tr><tr><td>Senior</td><td>80k</td></tr></table>",
     "Level | Pay\nSenior | 80k\n"),
    ("table without tr", "<table><td>a</td><td>b</td></table>", "a | b\n"),
    ("white space collapsed", "<p>  Senior\n   Engineer  </p>", "Senior Engineer\n"),
    ("inline tags join words", "<p>Py<b>thon</b> and <a href='x'>Go</a></p>", "Python and Go\n"),
    ("quoted > in an attribute", '<p title="a > b">Text</p>', "Text\n"),
    ("comment dropped", "<p>A<!-- hidden --></p><p>B</p>", "A\n\nB\n"),
    ("pre keeps lines", "<pre>a\n  b</pre>", "a\n  b\n"),
    ("stray < is text", "<p>a < b</p>", "a < b\n"),
    ("unclosed tag is text", "<p>ok</p><p>x <b", "ok\n\nx <b\n"),
    ("escaped once (Greenhouse)", "&lt;p&gt;Hi&lt;/p&gt;&lt;ul&gt;&lt;li&gt;R&amp;amp;D&lt;/li&gt;&lt;/ul&gt;", "Hi\n\n\u2022 R&D\n"),
    ("escaped twice", "&amp;lt;p&amp;gt;Hi&amp;lt;/p&amp;gt;&amp;lt;ul&amp;gt;&amp;lt;li&amp;gt;A&amp;amp;amp;B&amp;lt;/li&amp;gt;&amp;lt;/ul&amp;gt;",
     "Hi\n\n\u2022 A&B\n"),
    ("headings h1-h6", "<h2>About</h2>text<h6>Small</h6>", "About\n\ntext\n\nSmall\n"),
    ("dl items on lines", "<dl><dt>Type</dt><dd>Full-time</dd></dl>", "Type\nFull-time\n"),
]


@pytest.mark.parametrize("name,html,expected", HTML_CASES, ids=[c[0] for c in HTML_CASES])
def test_html(name, html, expected):
    assert html_to_text(html) == expected


# (name, markdown, expected text)
MD_CASES = [
    ("atx headings", "# Data Engineer\n\n## Requirements ##\n", "Data Engineer\n\nRequirements\n"),
    ("bold line is a heading", "**Benefits**\n- Pension\n", "Benefits\n\u2022 Pension\n"),
    ("bold line with colon", "**Requirements:**\n", "Requirements:\n"),
    ("bullets of every glyph", "* Go\n- SQL\n+ Kafka\n", "\u2022 Go\n\u2022 SQL\n\u2022 Kafka\n"),
    ("bullet without a space", "-Python\n*Go\n", "\u2022 Python\n\u2022 Go\n"),
    ("emphasis at line start is not a bullet", "*Python* is a must\n", "Python is a must\n"),
    ("negative number is not a bullet", "-5 degrees\n", "-5 degrees\n"),
    ("links to their text", "Apply at [our site](https://x.example/jobs).\n", "Apply at our site.\n"),
    ("image to its alt", "![Logo](logo.png)\n", "Logo\n"),
    ("emphasis removed", "We use **Go**, *Rust*, __SQL__, _dbt_ and `make`\n", "We use Go, Rust, SQL, dbt and make\n"),
    ("snake_case kept", "Knowledge of snake_case_names and a*b\n", "Knowledge of snake_case_names and a*b\n"),
    ("table rows", "| Level | Pay |\n|---|---:|\n| Senior | 80k |\n", "Level | Pay\nSenior | 80k\n"),
    ("setext heading", "Data Engineer\n=============\nText\n", "Data Engineer\nText\n"),
    ("horizontal rule dropped", "A\n\n---\n\nB\n", "A\n\n\nB\n"),
    ("fenced code kept verbatim", "```\n**x**\n- y\n```\n", "**x**\n- y\n"),
    ("quote marks removed", "> We value you\n", "We value you\n"),
    ("escapes undone", "C\\# and 100\\*\n", "C# and 100*\n"),
    ("ordered items kept", "1. First\n2. Second\n", "1. First\n2. Second\n"),
    ("front matter to labels",
     "---\ntitle: Data Engineer\ncompany: \"Acme GmbH\"\nlocation: [Berlin, Remote]\ndate: 2024-05-01\n---\n# X\n",
     "Title: Data Engineer\nCompany: Acme GmbH\nLocation: Berlin, Remote\nDate posted: 2024-05-01\n\nX\n"),
    ("front matter block list", "---\nlocation:\n  - Berlin\n  - Paris\nemployment_type: Full-time\n---\n",
     "Location: Berlin, Paris\nEmployment type: Full-time\n\n"),
]


@pytest.mark.parametrize("name,md,expected", MD_CASES, ids=[c[0] for c in MD_CASES])
def test_markdown(name, md, expected):
    assert markdown_to_text(md) == expected


# (name, text, detected format)
DETECT_CASES = [
    ("doctype", "<!DOCTYPE html><p>x", "html"),
    ("html tag", "  <html lang='en'><body>x</body></html>", "html"),
    ("fragment of block tags", "<p>One</p><p>Two</p><ul><li>x</li></ul>", "html"),
    ("br lines", "One<br>Two<br>Three<br>", "html"),
    ("escaped fragment", "&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;&lt;ul&gt;", "html"),
    ("heart", "I <3 Python\nand a < b\n", "text"),
    ("front-end job naming tags", "Experience with <div> and <p> and <ul> elements\n", "text"),
    ("plain posting", "Senior Engineer\nAcme\n\nRequirements\n- Go\n- SQL\n", "text"),
    ("one bold line", "**Requirements**\n- Go\n", "text"),
    ("markdown headings and bullets", "# Engineer\n\n## Requirements\n* Go\n* SQL\n", "markdown"),
    ("markdown links three times", "[a](http://a) [b](http://b) [c](http://c)\n", "markdown"),
    ("front matter", "---\ntitle: X\n---\nBody\n", "markdown"),
    ("dashes line is not front matter", "---\nno closing\n", "text"),
]


@pytest.mark.parametrize("name,text,fmt", DETECT_CASES, ids=[c[0] for c in DETECT_CASES])
def test_detect(name, text, fmt):
    assert detect(text) == fmt


def test_text_is_untouched():
    text = "Senior <3 Engineer\r\n**not** converted\n"
    assert to_text(text, "text") == text
    assert to_text("I <3 Go\n", "auto") == "I <3 Go\n"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        to_text("x", "pdf")


N = 100_000
# Deep nesting and unfinished constructs: each must convert in bounded time,
# without recursion.  Budgets are generous (a slow CI machine), but a
# quadratic converter takes minutes on these.
DEEP = [
    ("nested divs", "<div>" * N + "x" + "</div>" * N, "x"),
    ("nested lists", "<ul><li>" * N + "x", "x"),
    ("nested formatting", "<b><i>" * N + "x", "x"),
    ("nested tables", "<table><tr><td>" * N + "x" + "</table>" * N, "x"),
    ("nested skipped", "<nav><div>" * N + "</nav>" * N + "<p>after</p>", "after"),
    ("unclosed tags", "<a" * N, "<a"),
    ("unclosed quotes", "<a b='" * N, "<a"),
    ("unclosed comments", "<p>x</p>" + "<!--" * N, "x"),
    ("stray <", "a < b " * N, "a < b"),
]


@pytest.mark.parametrize("name,html,needle", DEEP, ids=[c[0] for c in DEEP])
def test_html_deep_and_broken_inputs_are_linear(name, html, needle):
    limit = sys.getrecursionlimit()
    t = time.process_time()  # CPU time: a busy machine does not fail it
    out = html_to_text(html)
    assert time.process_time() - t < 10
    assert needle in out
    assert sys.getrecursionlimit() == limit
    # nesting indentation is bounded: output stays proportional to input
    assert len(out) <= 3 * len(html) + 10


@pytest.mark.parametrize("md", ["*a " * N, "[a](" * N, "`a " * N, "-\n" * N, "|" * N, "_a_ " * N], ids=range(6))
def test_markdown_adversarial_is_linear(md):
    t = time.process_time()
    markdown_to_text(md)
    assert time.process_time() - t < 10


def test_words_survive_conversion():
    html = "<h1>Staff Engineer</h1><ul><li>Go &amp; Rust</li><li>Kubernetes</li></ul>"
    out = to_text(html)
    for words in ("Staff Engineer", "Go & Rust", "Kubernetes"):
        assert words in out


HTML_POSTING = """<!DOCTYPE html>
<html><head><title>Jobs at Quillfeather</title><script>var x = 1;</script></head>
<body><nav><ul><li>Home</li><li>Careers</li></ul></nav>
<h1>Senior Platform Engineer</h1>
<p><strong>Quillfeather</strong></p>
<p>Lisbon, Portugal &middot; Hybrid</p>
<h2>Requirements</h2>
<ul><li>6+ years of experience with Kubernetes</li><li>Fluent Terraform</li></ul>
<h2>Benefits</h2>
<ul><li>Private health insurance</li><li>Home office budget</li></ul>
</body></html>
"""

MARKDOWN_POSTING = """---
title: Senior Platform Engineer
company: Quillfeather
location: Lisbon, Portugal
---

## Requirements

* 6+ years of experience with **Kubernetes**
* Fluent [Terraform](https://www.terraform.io)

## Benefits

- Private health insurance
- Home office budget
"""


@pytest.mark.parametrize("name,content", [("posting.html", HTML_POSTING), ("posting.md", MARKDOWN_POSTING)])
def test_command_reads_marked_up_files(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    proc = run_cli("parse", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    assert record["title"] == "Senior Platform Engineer"
    assert "6+ years of experience with Kubernetes" in record["requirements"]
    assert "Home office budget" in record["benefits"]
    assert not any("<" in item or "*" in item for item in record["requirements"] + record["benefits"])


def _detect_by_full_scans(text: str) -> str:
    """detect() as its rules read: every signal counted by a scan of its pattern over the whole text."""
    from jdparse import convert as c

    if c._HTML_START.match(text):
        return "html"
    for pat in (c._BLOCK_TAG, c._ESCAPED_BLOCK_TAG):
        tags = list(pat.finditer(text))
        if len(tags) >= c._MIN_TAGS and any(m.group("close") or m.group("br") for m in tags):
            return "html"
    if c._FRONT_MATTER.match(text) and c._front_matter_end(text.split("\n")) is not None:
        return "markdown"
    kinds = strong = 0
    for name, pat in c._MD_SIGNALS:
        n = min(3, sum(1 for _ in pat.finditer(text)))
        kinds += n > 0
        strong += name in ("heading", "link", "table") and n >= 3
    return "markdown" if kinds >= 2 or strong else "text"


def test_detect_agrees_with_full_scans_of_its_patterns():
    import random

    rng = random.Random(7)
    pieces = ["# ", "## ", "   #\t", "#x", "* ", "+ ", "  *  a", "**", "__", "**Bold**", "__b__:", "** x **",
              "[a](b)", "![i](u)", "](", "|", "---", "| --- |", ":---:|", "-", "&lt;p&gt;", "&amp;lt;li&amp;gt;",
              "&", "<p>", "</p>", "<br>", "<li>", "lt;", "word", " ", "\t", "\n", "\n", "\n\n", "x", "5+ years",
              "R&D", "\u2022", "\u00e9"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        assert detect(text) == _detect_by_full_scans(text), repr(text)


@pytest.mark.parametrize("lt,gt", [("&lt;", "&gt;"), ("&AMP;lt;", "&AMP;gt;"), ("&LT;", "&GT;")])
def test_escaped_tags_are_html_in_any_case(lt, gt):
    text = "".join(f"{lt}p{gt}{w}{lt}/p{gt}\n" for w in ("One", "Two", "Three"))
    assert detect(text) == "html"
    assert to_text(text, "auto").split() == ["One", "Two", "Three"]


_KV_POSTING = {
    "md": ("| Role | Senior Data Analyst |\n|---|---|\n| Company | Finverse |\n| Location | Singapore |\n"
           "| Salary | SGD 8,000 - 10,000 / month |\n\n## Responsibilities\n- Build dashboards\n"),
    "html": ("<html><body><table><tr><th>Role</th><td>Senior Data Analyst</td></tr>"
             "<tr><td>Company</td><td>Finverse</td></tr><tr><td>Location</td><td>Singapore</td></tr>"
             "<tr><td>Salary</td><td>SGD 8,000 - 10,000 / month</td></tr></table>"
             "<h2>Responsibilities</h2><ul><li>Build dashboards</li></ul></body></html>"),
    "txt": ("Role\tSenior Data Analyst\nCompany\tFinverse\nLocation\tSingapore\n"
            "Salary\tSGD 8,000 - 10,000 / month\n\nResponsibilities\n- Build dashboards\n"),
}


@pytest.mark.parametrize("ext", sorted(_KV_POSTING))
def test_a_table_of_fields_and_values_reads_as_labels(cli, tmp_path, ext):
    # A page's table of fields (Markdown, HTML, or cells copied with tabs): each row a field's
    # label and its value, never a name "Company".
    import json

    p = tmp_path / f"posting.{ext}"
    p.write_text(_KV_POSTING[ext], encoding="utf-8")
    r = cli("parse", str(p), "--format", "json", "--evidence")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert (d["title"], d["company"]) == ("Senior Data Analyst", "Finverse")
    assert [x["name"] for x in d["locations"]] == ["Singapore"]
    assert (d["salary"]["min"], d["salary"]["max"], d["salary"]["period"]) == (8000, 10000, "month")
    assert d["evidence"]["company"]["rule"] == "company.label"


@pytest.mark.parametrize("ext", sorted(_KV_POSTING))
def test_a_table_row_whose_label_is_a_value_word_is_a_label_in_the_table(cli, tmp_path, ext):
    # "Contract | Full-time" alone may be a head line's two tags; under another row of the table
    # it is the contract field and its value.
    import json

    row = {"md": "| Contract | Full-time |\n", "html": "<tr><td>Contract</td><td>Full-time</td></tr>",
           "txt": "Contract\tFull-time\n"}[ext]
    text = _KV_POSTING[ext]
    at = text.index({"md": "| Salary", "html": "<tr><td>Salary", "txt": "Salary\t"}[ext])
    p = tmp_path / f"posting.{ext}"
    p.write_text(text[:at] + row + text[at:], encoding="utf-8")
    r = cli("parse", str(p), "--format", "json", "--evidence")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["employment_type"] == "full_time"
    assert d["evidence"]["employment_type"]["rule"].startswith("employment.label:")


def test_a_head_line_of_two_tags_is_no_table_row():
    import jdparse

    p = jdparse.parse("Backend Engineer\nContract | Remote\n\nRequirements\n- Java\n")
    assert (p.employment_type.value, p.work_mode.value) == ("contract", "remote")


_QUOTED = ("Subject: Fwd: QA Engineer\n\nPlease share.\n\n> Hi Tom,\n>\n> We're hiring a QA Engineer.\n>\n"
           "> What we need:\n> - Good written English\n> > - Patience\n>\n> Thanks!\n")


def test_a_quoted_email_loses_its_quote_marks():
    from jdparse.convert import unquote

    out = to_text(_QUOTED)
    assert out == unquote(_QUOTED)
    assert "What we need:\n- Good written English\n- Patience\n" in out
    assert "\n>" not in out and out.startswith("Subject: Fwd: QA Engineer\n")
    # ">" as a bullet glyph, no quoted blank line among them: the lines are the posting's own
    bullets = "Requirements\n> Python\n> SQL\n> Git\n"
    assert to_text(bullets) == bullets
    assert to_text(_QUOTED, "text") == _QUOTED  # "text": as it is


def test_a_quoted_email_lists_its_items(cli, tmp_path):
    import json

    p = tmp_path / "fwd.txt"
    p.write_text(_QUOTED, encoding="utf-8")
    r = cli("parse", str(p), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["requirements"] == ["Good written English", "Patience"]
