"""The shortcuts of line classification give the answers of the plain computations they skip."""
from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from jdparse import blocks
from jdparse.document import _FOLD, _INVISIBLE, Document, key, tidy

ROOT = Path(__file__).resolve().parent.parent


def _sample_lines() -> list[str]:
    lines = []
    for path in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.txt")):
        lines += path.read_text(encoding="utf-8", errors="replace").split("\n")
    rng = random.Random(7)
    alphabet = ("abcXYZ  :：-–—'’“”•*_#|^`.!?。？！[]=~\u200b\u00ad\ufeff\u00a0\u3000é\u0301ﬁıİſK①⒈"
                "😀\ufe0f\u200d©™\uf0b71)a)一、")
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    return lines


LINES = _sample_lines()


def _reference_key(s: str) -> str:
    s = unicodedata.normalize("NFKC", s.translate(_INVISIBLE)).translate(_FOLD).casefold()
    return " ".join(s.split())


def test_key_is_the_full_computation():
    for s in LINES:
        assert key(s) == _reference_key(s), s


def test_tidy_is_split_and_join():
    for s in LINES + ["a  b", " a", "a ", "a\tb", "a\u3000b", "", " ", "a\u2028b"]:
        assert tidy(s) == " ".join(s.split()), s


def test_every_white_space_but_the_space_is_unprintable():
    # what tidy and key rely on to skip the split
    for cp in range(0x110000):
        c = chr(cp)
        assert not (c.isspace() and c.isprintable()) or c == " ", hex(cp)


@pytest.mark.skipif(blocks._DECO is None, reason="another Unicode version: the slow path is used")
def test_decoration_class_is_the_unicode_categories():
    # Every code point, alone and between letters.
    for cp in range(0x110000):
        s = "a" + chr(cp) + "\u00e9"
        assert blocks._strip_decoration(s) == blocks._strip_decoration_slow(s), hex(cp)


def test_strip_decoration_ascii():
    for s in LINES:
        if s.isascii():
            assert blocks._strip_decoration(s) == s.translate(blocks._ASCII_MARKS).strip(" \t-:.[]=~?!")


def _reference_strip(s: str) -> str:
    if s.isascii():
        return s.translate(blocks._ASCII_MARKS).strip(" \t-:.[]=~?!")
    return blocks._strip_decoration_slow(s)


def test_heading_key_is_the_full_computation():
    extra = ["1. Benefits", "II. Profil", "IV.Profil", "三、岗位职责", "１．要求", "٣. x", "#1 ", "10) **Perks**", "X", ""]
    for s in LINES + extra + ["  " + x for x in extra]:
        r = _reference_strip(s)
        m = blocks._HEADING_ORDINAL.match(r)
        if m:
            r = _reference_strip(r[m.end():])
        assert blocks.heading_key(s) == _reference_key(r), s


# What _label_match tells, as a pattern: a label of 1 to 48 characters before the first colon.
_LABEL = re.compile(r"[ \t]*([^:\uff1a\n]{1,48}?)[ \t]*[:\uff1a](?!//)[ \t]*")


def test_label_match_is_the_pattern():
    extra = ["x" * 60 + ": y", " " * 50 + "ab: c", "a" * 48 + ":", "a" * 49 + ":", "\t:", "::", ":", "a:", " :",
             " \t : x", "a \t: \t b", "http://x", "a: //x", "a:/ x", "a\uff1a b", "a\uff1a//b", "\uff1a", "a\uff1ab: c",
             "a: b\uff1a c", " " * 48 + "a" * 48 + " :", "a" * 48 + " \t :"]
    for s in LINES + extra:
        m, ref = blocks._label_match(s), _LABEL.match(s)
        assert m == (ref and (ref.group(1), ref.start(1), ref.end())), s


def test_about_line_starts_with_its_first_characters():
    pattern = blocks._ABOUT_LINE.pattern  # "(?:about|über|...)\\b..."
    firsts = {w[0] for w in pattern[3:pattern.index(")")].split("|")}
    first = re.compile("[" + "".join(firsts) + "]", re.IGNORECASE)
    assert {chr(c) for c in range(0x110000) if first.match(chr(c))} == set(blocks._ABOUT_FIRST)


def test_glues_counted_by_their_capitals():
    for s in LINES + ["EuropeSpainHybridSenior", "aB", "1aB", "aBcD", "3xAWS", "éÉaB", "x\naB", "aBC", "ÿÀ9aBaB"]:
        assert len(blocks._GLUE_CAPITAL.findall(s)) == len(blocks._GLUED.findall(s)), s


def test_keyword_kinds_never_miss_a_kind():
    vocab = blocks.vocabulary()
    keys = [blocks.heading_key(s) for s in LINES]
    keys += [w for w in vocab.exact] + [w for w in vocab.labels]
    keys += ["our benefits", "responsibilities:", "qualifications", "nice-to-have", "was wir bieten"]
    for k in keys:
        kinds = vocab._keyword_kinds(k)
        for kind, pat in vocab.keywords:
            if pat.search(k):
                assert kind in kinds, (k, kind)


def test_boilerplate_grouping_gives_the_whole_pattern_answer():
    whole = blocks.boilerplate()
    boiler = blocks._Boilerplate(whole.package, whole.user, whole._sources)
    boiler._countdown = 1  # group at once
    assert boiler.fullmatch("apply now") and boiler._branches is not None
    keys = [key(s) for s in LINES]
    keys += ["apply now", "Apply Now!", "share this job:", "see all 8 jobs at acme", "powered by x",
             "ıapply", "sHare", "----", "© 2024 acme", "12 applicants", "skills: a, b +3 more", "",
             "cookie settings", "accept all cookies", "投递简历", "KOPY"]
    for k in keys:
        assert boiler.fullmatch(k) == (boiler.package.fullmatch(k) is not None), k
    # An ASCII key whose first two characters rule it out is no boilerplate.
    for k in keys + [k.upper() for k in keys]:
        if k and k.isascii() and boiler.package.fullmatch(k.lower()) is not None:
            assert boiler.ascii_pair_open(k[:2]), k


def test_split_leading_group():
    split = blocks._split_leading_group
    assert split("(a|b c)[ .!]*") == ["(?:a)[ .!]*", "(?:b c)[ .!]*"]
    assert split("(?:a|[|)]x)y") == ["(?:a)y", "(?:[|)]x)y"]
    assert split("(a|b)?c") == ["(a|b)?c"]
    assert split("(a|b)\\1") == ["(a|b)\\1"]
    assert split("(?=a|b)c") == ["(?=a|b)c"]
    assert split("abc") == ["abc"]
    for src in ["(a|b)c|d", "(x(y|z)|w)v"]:
        parts = split(src)
        whole = re.compile(src)
        joined = re.compile("|".join(f"(?:{p})" for p in parts))
        for s in ["ac", "bc", "d", "xyv", "xzv", "wv", "c", "xv"]:
            assert bool(whole.fullmatch(s)) == bool(joined.fullmatch(s)), (src, s)


def test_document_lines_and_spans():
    text = "first\n\n  third line\nlast"
    doc = Document(text)
    assert [(ln.index, ln.start, ln.end, ln.text) for ln in doc.lines] == [
        (0, 0, 5, "first"), (1, 6, 6, ""), (2, 7, 19, "  third line"), (3, 20, 24, "last")]
    assert doc.span(9, 14).line == 3 and doc.span(9, 14).col == 3
    assert doc.span(20, 24).line == 4
    for t in [text, "", "\n", "a\n\nb\n", "\x0b\n • x\n\u3000\n"]:
        made = Document(t)
        blocks.classify(made)  # makes the line starts as it goes
        assert made._starts == Document(t)._line_starts() == [ln.start for ln in Document(t).lines]


def test_bullet_shortcut_is_the_pattern():
    # A line is tried with _BULLET only when its first character could open a bullet.
    for raw in LINES + ["a) x", "(b) y", "1. z", "١. z", "三、x", "\u3000• x", "\u200b• x", "-x", "- x", "b. x", "B. x", "é. x"]:
        ls = raw.lstrip(blocks._EDGE_SPACE)
        c = ls[:1]
        if not (c in blocks._BULLET_FIRST or ls[1:2] == ")" or c.isdecimal() or ls[1:2] == "." and "a" <= c <= "z"):
            assert blocks._BULLET.match(raw) is None, raw


def test_blocks_are_frozen_blocks():
    doc = Document("Engineer\n\nResponsibilities\n- build things\n")
    out = blocks.classify(doc)
    assert all(type(b) is blocks.Block for b in out)
    with pytest.raises(AttributeError):
        out[0].start = 3
    assert out[1] == blocks.Block(blocks.HEADING, 10, 26, 2, 2, "heading.exact", "responsibilities",
                                  blank_before=True)


@pytest.mark.parametrize("line", ["\u200b \u200b", "\u200b\t\u200b", "\ufeff \u200b", "\u200b\u2003\u200b"])
def test_line_of_zero_width_spaces_around_a_space_is_blank(line):
    import jdparse

    text = f"Senior Engineer\nAcme\n\n{line}\nWe build things.\n"
    plain = "Senior Engineer\nAcme\n\n\nWe build things.\n"
    assert repr(jdparse.parse(text)) == repr(jdparse.parse(plain))
    assert jdparse.parse(f"Title\n\n{line}\n") is not None


def test_line_of_zero_width_spaces_through_the_command(tmp_path):
    import json

    from conftest import run_cli

    f = tmp_path / "zw.txt"
    f.write_text("Title\n\n\u200b \u200b\n", encoding="utf-8")
    proc = run_cli("parse", str(f), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert isinstance(json.loads(proc.stdout), dict)
    proc = run_cli("parse", "-", "--format", "json", input="Title\n\n\u200b \u200b\n".encode())
    assert proc.returncode == 0, proc.stderr


def test_prefix_trie_agrees_as_far_as_both_go():
    gate = re.compile(blocks._prefix_trie({"save", "see ", "share on x"})).match
    for s, ok in [("s", True), ("sav", True), ("saves", True), ("sx", False), ("see", True), ("seex", False),
                  ("see x", True), ("share on", True), ("share on y", False), ("share on x!", True)]:
        assert bool(gate(s)) == ok, s


def test_boilerplate_ruled_out_only_where_the_pattern_fails():
    whole = blocks.boilerplate()
    boiler = blocks._Boilerplate(whole.package, whole.user, whole._sources)
    boiler._countdown = 1  # group at once
    boiler.fullmatch("apply now")
    lines = [s for s in LINES if not s.isascii()]
    lines += ["Apply now \u2192", "Share this job \u2019", "Save\u00a0job", "See all 8 jobs at Ac\u0301me",
              "Posted 3 days ago \u00b7 Paris", "Powered by Gr\u00fcnhaus", "Cookie settings \u2014 Acme",
              "\u00a9 2024 Acme", "Copyright \u00e9", "Skills: a, b \u2026 +3 more", "Over 12 applicants \u2705",
              "s\u0301hare", "sh\u00e4re", "Sign in\u200b", "We\u2019re hiring", "Werde Teil unseres Teams \u2013 jetzt", "Dein Profil \u2013 was du mitbringst",
              "xyz \u00e9", "Apply\u2026", "ab\u0301c", "E-mail this job \u2709", "Email this job \u2709"]
    by_char = boiler._by_char
    for t in lines:
        for c in {key(t)[:1], t[:1].lower()}:  # the branches of every first character in play
            if c and c not in by_char:
                by_char[c] = boiler._for_char(c)
        if blocks._boiler_ruled_out(t, by_char, boiler._gates, boiler):
            assert boiler.package.fullmatch(key(t)) is None, t
    assert blocks._boiler_ruled_out("Werde Teil unseres Teams \u2013 jetzt", by_char, boiler._gates, boiler)
    assert not blocks._boiler_ruled_out("Apply now \u2192", by_char, boiler._gates, boiler)


@pytest.mark.parametrize("text", ["", "a", "ab\n\ncd\n", "\n\n", "x\u2028y\nz"])
def test_line_starts_are_the_lines_starts(text):
    doc = Document(text)
    assert doc.line_starts == [line.start for line in doc.lines]
    blocks.classify(doc)
    assert Document(text).line_starts == doc.line_starts


@pytest.mark.parametrize("line", ["- \u200b", "\u2022 \u200b\u200b", "* \ufeff", "1. \u200b \u200b"])
def test_a_glyph_before_invisible_characters_only_is_no_empty_bullet(line):
    doc = Document(f"Engineer\n\n{line}\nWe build things.\n")
    got = blocks.classify(doc)
    assert all(b.start <= b.end for b in got)
    assert not any(b.type == blocks.BULLET for b in got)
    from jdparse import parse

    posting = parse(doc.text)
    for v in (*posting.requirements, *posting.responsibilities, *posting.benefits, *posting.nice_to_have):
        assert v.span.start < v.span.end


def test_key_opens_with_the_key_of_the_first_character_where_it_breaks_after_it():
    rng = random.Random(11)
    firsts = "aZ\u00e9\u0301\u0308\u200b\u00adﬁ①Ａ\u2003\u3000İıſK\u2019投申岗\uac00\u1100😀©…¿"
    seconds = "a \u00e9\u00e8\u0301\u0308\u0327\u3099\u309b\u1161\u11a8\u0bbe\u4e00\u9fff\uac00\ud7a3\u3001Ａ\u0300\u02ff"
    for _ in range(3000):
        t = rng.choice(firsts) + "".join(rng.choice(seconds) for _ in range(rng.randint(0, 4)))
        if blocks._breaks_after_first(t) and key(t[0]):
            assert key(t)[:1] == key(t[0])[:1], t
    for s in LINES:
        if s and blocks._breaks_after_first(s) and key(s[0]):
            assert key(s)[:1] == key(s[0])[:1], s


def test_ascii_openings_rule_out_only_what_the_pattern_fails():
    whole = blocks.boilerplate()
    boiler = blocks._Boilerplate(whole.package, whole.user, whole._sources)
    boiler._countdown = 1  # group at once
    boiler.fullmatch("apply now")
    keys = [key(s) for s in LINES if s.isascii()]
    keys += ["apply now", "apply", "ap", "a", "share on x!", "sh", "see all 8 jobs at acme", "cookie settings",
             "accept cookies", "skills: a, b +3 more", "over 12 applicants", "12 applicants", "s", "web site",
             "powered by acme", "privacy policy", "copyright 2024", "-----", "please let acme know you found this job on x"]
    for k in keys:
        if not k:
            continue
        c = k[0]
        pat = boiler._for_char(c)
        table = boiler.ascii_openings(c)
        if pat is None or table is None:
            continue
        ops = table.get(k[:2])
        if ops is None or not k.startswith(ops):
            assert boiler.package.fullmatch(k) is None, k
    assert boiler.ascii_openings("a")["ap"]
    assert boiler.package.fullmatch("apply now") is not None


def test_a_paragraph_ending_with_a_list_heading_is_cut_before_it():
    # (a paragraph: a short line ending with a colon is a heading of its own)
    intro = "Do you love coffee and the people who drink it every morning? Join us!"
    text = f"Barista\n\n{intro}We offer:\n\nA free lunch.\n"
    got = [(b.type, text[b.start:b.end], b.rule, b.kind) for b in blocks.classify(Document(text))]
    assert got[1:3] == [(blocks.TEXT, intro, "block.text", None),
                        (blocks.HEADING, "We offer:", "heading.inline", "benefits")]
    # At the end of the posting, or as the whole paragraph, it is not cut.
    for whole in (f"Barista\n\n{intro} We offer:\n", f"Barista\n\n{intro} We serve lunch as follows:\n\nA meal.\n"):
        assert all(b.rule != "heading.inline" for b in blocks.classify(Document(whole)))


@pytest.mark.parametrize("line, heading", [
    ("5+ years experience with Python", False),
    ("3-5 years of retail experience", False),
    ("Benefits", True),
    ("10-25k\uff0c13\u85aa", True),  # (no word counted: left as it was)
])
def test_a_count_alone_between_blank_lines_is_no_heading(line, heading):
    import jdparse

    r = jdparse.parse(f"Data Analyst\nAcme Ltd\n\n{line}\n\nWe build tools.\n")
    assert any(h is not None and h.value == line for _, h in r.sections) is heading


@pytest.mark.parametrize("line, pay", [
    ("$45/hr depending on experience", 45),
    ("Up to \u00a330k depending on skills", 30000),
])
def test_an_amount_alone_between_blank_lines_is_no_heading(line, pay):
    import jdparse

    r = jdparse.parse(f"Data Analyst\nAcme Ltd\n\n{line}\n\nWe build tools.\n")
    assert all(h is None or h.value != line for _, h in r.sections)
    assert r.salary is not None and r.salary.max == pay


def test_a_cjk_field_label_in_brackets_is_a_label():
    import jdparse

    r = jdparse.parse("高级前端开发工程师\n北京星河科技有限公司\n【工作地点】北京市朝阳区\n【薪资】20-35K\n\n"
                      "【岗位职责】\n1、负责前端开发\n")
    assert [(p.name, p.rule) for p in r.locations] == [("北京市", "locations.label")]
    assert r.salary.currency == "CNY" and r.salary.min == 20000
    assert [v.value for v in r.responsibilities] == ["负责前端开发"]


def test_a_run_of_fields_each_over_its_value_reads_every_field():
    # A board's fields written one under the other (NHS Jobs): "Salary", a section's heading
    # word, and "Contract", a value word, are labels there too.
    import jdparse

    text = ("Staff Nurse\nNorthfield NHS Trust\n\nDate posted\n14 November 2026\nSalary\n"
            "\u00a329,970 to \u00a336,483 a year per annum pro rata\nContract\nPermanent\nJob locations\nNorthfield General Hospital\n"
            "\nJob overview\nWe care for patients.\n")
    r = jdparse.parse(text)
    assert r.employment_type.value == "full_time"
    assert (r.salary.min, r.salary.max, r.salary.period) == (29970, 36483, "year")
    assert str(r.posted_date.value) == "2026-11-14"
    # Alone, "Contract" over a value is no label: both words are read, and precedence decides.
    alone = jdparse.parse("Staff Nurse\nNorthfield NHS Trust\n\nContract\nPermanent\n\nJob overview\nWe care.\n")
    assert alone.employment_type.value == "contract"
    # A civil service page: "Job grade", "Working pattern" and "Number of jobs available" are
    # field labels, so "Contract type" over "Permanent" is a label, not the word "contract";
    # the page's tabs over the posting are headings, not perks.
    civil = jdparse.parse(
        "Policy Adviser\nDepartment for Transport\n\nAbout the job\nBenefits\nThings you need to know\n"
        "Apply and further information\n\nBenefits\n- 25 days annual leave\n\nSalary\n\u00a336,530 - \u00a340,152\n"
        "Job grade\nHigher Executive Officer\nContract type\nPermanent\nWorking pattern\nFull-time\n"
        "Number of jobs available\n3\n")
    assert civil.employment_type.value == "full_time" and civil.employment_type.rule.startswith("employment.label")
    assert (civil.salary.min, civil.salary.max) == (36530, 40152)
    assert [v.value for v in civil.benefits] == ["25 days annual leave"]


@pytest.mark.parametrize("line, heading", [("NF1 2AB", False), ("SW1A 1AA", False), ("Q3 GOALS", True)])
def test_a_code_whose_every_word_holds_a_digit_is_no_caps_heading(line, heading):
    import jdparse

    r = jdparse.parse(f"Staff Nurse\nNorthfield NHS Trust\nWard Road\n{line}\nWe care for patients.\n")
    assert any(h is not None and h.value == line for _, h in r.sections) is heading


def test_several_fields_on_one_line_are_read_each_as_its_field():
    # A feed's one-line header: each separator that opens a known label starts a field.
    import jdparse

    text = "Acme Corp\nJob: Senior Data Engineer | Company: Acme Corp | Location: Austin, TX\n\nWe build pipelines.\n"
    r = jdparse.parse(text)
    assert (r.title.value, r.title.rule) == ("Senior Data Engineer", "title.label")
    assert text[r.title.span.start:r.title.span.end] == "Senior Data Engineer"
    assert [p.name for p in r.locations] == ["Austin, TX"]
    rules = [b.rule for b in blocks.classify(Document(text)) if b.type == blocks.LABEL]
    assert rules == ["label.known", "label.run", "label.run"]
    dot = jdparse.parse("Title: Staff Nurse \u00b7 Salary: $40/hour \u00b7 Employment Type: Full-time\n\nWe care.\n")
    assert dot.title.value == "Staff Nurse" and dot.salary.min == 40 and dot.employment_type.value == "full_time"
    # A separator before a word that is no label ends no field.
    one = jdparse.parse("Data Analyst\n\nLocation: Austin | Remote\n")
    assert [p.name for p in one.locations] == ["Austin"] and one.work_mode.value == "remote"


def test_a_list_flattened_into_its_paragraph_is_read_item_by_item():
    # A scraper writes a page's list on its paragraph's line, each item after a glyph.
    import jdparse

    text = ("Field Technician\nOrvane Medical\n\nRequirements\n- A driver's license\n\n"
            "About Orvane: we make imaging equipment used in forty countries and serve clinics every day. "
            "What we offer: * Medical and dental insurance * A yearly training budget * Paid holidays and sick leave\n")
    r = jdparse.parse(text)
    assert [v.value for v in r.benefits] == ["Medical and dental insurance", "A yearly training budget",
                                             "Paid holidays and sick leave"]
    assert all(text[v.span.start:v.span.end] == v.value for v in r.benefits)
    assert [v.value for v in r.requirements] == ["A driver's license"]
    got = [(b.type, b.rule, b.kind) for b in blocks.classify(Document(text)) if b.first_line == 6]
    assert got == [("text", "block.text", None), ("heading", "heading.inline_list", "benefits")] + [
        ("bullet", "block.inline_bullet", None)] * 3


@pytest.mark.parametrize("line", [
    "Berlin \u2022 Full-time \u2022 Hybrid \u2022 Senior \u2022 Data \u2022 Posted 3 days ago by the hiring team, "
    "who reads every application.",  # a tag line over a sentence: too short to hold a list
    "We ship often and we test what we ship, and the build is green * most days, as our dashboards show to anyone "
    "who asks us, in every one of our three offices.",  # one glyph is no list
])
def test_a_paragraph_with_fewer_glyphs_or_short_stays_whole(line):
    text = f"Field Technician\nOrvane Medical\n\n{line}\n"
    got = [b for b in blocks.classify(Document(text)) if b.first_line == 3]
    assert [b.type for b in got] == ["text"]


def test_a_posting_whose_line_breaks_were_lost_is_read_by_its_inline_headings():
    import jdparse

    text = ("Senior Backend Engineer - Acme Corp - Berlin, Germany (Hybrid) About us: Acme builds payment software. "
            "Responsibilities: Design APIs. Maintain services. Requirements: 5+ years of Python experience. "
            "Strong SQL. Nice to have: Kafka. Benefits: * 30 days vacation * Gym membership\n")
    r = jdparse.parse(text)
    assert r.title.value == "Senior Backend Engineer" and r.company.value == "Acme Corp"
    assert [(p.name, p.country) for p in r.locations] == [("Berlin, Germany", "DE")]
    assert [v.value for v in r.responsibilities] == ["Design APIs.", "Maintain services."]
    assert [v.value for v in r.requirements] == ["5+ years of Python experience.", "Strong SQL."]
    assert [v.value for v in r.nice_to_have] == ["Kafka."]
    assert [v.value for v in r.benefits] == ["30 days vacation", "Gym membership"]
    heads = [(text[b.start:b.end], b.kind) for b in blocks.classify(Document(text)) if b.type == blocks.HEADING]
    assert heads == [("About us:", "about_company"), ("Responsibilities:", "responsibilities"),
                     ("Requirements:", "requirements"), ("Nice to have:", "nice_to_have"), ("Benefits:", "benefits")]


def test_one_heading_word_before_a_colon_in_prose_splits_nothing():
    text = ("Data Analyst\nAcme Ltd\n\nWe are a small team that ships every week and reads every application "
            "with care, and we answer each one within days. Responsibilities: you will own the reporting "
            "of the sales team and its forecasts for the quarter ahead.\n")
    got = [b.type for b in blocks.classify(Document(text)) if b.first_line == 3]
    assert got == ["text"]


def test_a_short_flattened_posting_in_french_is_read_by_its_headings():
    # French writes a space before the colon; 150 characters are enough.
    import jdparse

    text = ("Développeur PHP H/F - Lyon. Vos missions : Développer des API. Maintenir le code. "
            "Votre profil : 3 ans d'expérience. Avantages : Tickets restaurant. Télétravail partiel.\n")
    r = jdparse.parse(text)
    assert r.title.value == "Développeur PHP H/F"
    assert [p.name for p in r.locations] == ["Lyon"]
    assert [v.value for v in r.responsibilities] == ["Développer des API.", "Maintenir le code."]
    assert [v.value for v in r.benefits] == ["Tickets restaurant.", "Télétravail partiel."]


@pytest.mark.parametrize("line,boiler", [
    # A board's rating of the employer is the page's, not the posting's.
    ("4.1 ★", True),
    ("3.8 out of 5 stars", True),
    ("★★★★☆ (1,204 reviews)", True),
    ("4,2 ★ (312 ratings)", True),
    # A line that says more is the posting's.
    ("Rated 4.1 stars by our customers for service", False),
    ("5 stars hotel experience preferred", False),
])
def test_a_boards_rating_line_is_boilerplate(line, boiler):
    from jdparse.blocks import BOILERPLATE, classify
    from jdparse.document import Document

    blocks = classify(Document(f"Software Engineer\nAcme Corp\n{line}\nSan Jose, CA\n"))
    got = [b for b in blocks if b.first_line == 2]
    assert (got[0].type == BOILERPLATE) is boiler


def test_an_emoji_line_over_a_list_of_another_glyph_is_its_heading():
    # "✨ What you'll own" over "✅ ..." lines: the list's glyph is ✅, the line above it a heading.
    from conftest import parse_json

    posting = ("Growth Marketing Lead\nPebblestone\n\n"
               "\u2728 What you'll own\n\u2705 Paid acquisition\n\u2705 Our experiments\n\n"
               "\U0001f9e0 What you bring\n\u2705 4+ years in marketing\n\u2705 Hands-on SQL\n\n"
               "Perks\n\U0001f34e Free lunch\n\U0001f3cb Gym\n\U0001f3d6 30 days off\n")
    got = parse_json(posting)
    assert got["responsibilities"] == ["Paid acquisition", "Our experiments"]
    assert got["requirements"] == ["4+ years in marketing", "Hands-on SQL"]
    # a list whose items each have an emoji of their own keeps them all as items
    assert got["benefits"] == ["Free lunch", "Gym", "30 days off"]


@pytest.mark.parametrize("menu", ["Jobs  Companies  Salaries  Sign in", "Save  Share  Apply now", "Home | Jobs | Log in"])
def test_a_boards_menu_row_is_boilerplate(menu):
    # boilerplate.lines: a row of a board's menu or buttons is no company and no item.
    from conftest import parse_json

    got = parse_json(f"Skip to main content\n{menu}\nSenior Data Engineer\nFernwood Labs\nDenver, CO\n\n"
                     "Requirements\n- Python\n")
    assert (got["title"], got["company"], got["requirements"]) == ("Senior Data Engineer", "Fernwood Labs", ["Python"])


def test_emoji_fields_under_a_title_alone_are_the_header():
    # "🚀 Title 🚀" / "" / "📍 Berlin, Germany (hybrid)" / "💶 ...": the fields under a title
    # that stands alone are the header, each with an emoji of its own, no list.
    from conftest import parse_json

    got = parse_json("\U0001f680 Growth Marketing Lead \U0001f680\n\n\U0001f4cd Berlin, Germany (hybrid)\n"
                     "\U0001f4b6 \u20ac70.000 \u2013 \u20ac85.000 p.a.\n\n\u2728 What you'll own\n"
                     "\u2705 Paid acquisition\n\u2705 Our experiments\n")
    assert [p["name"] for p in got["locations"]] == ["Berlin, Germany"]
    assert got["work_mode"] == "hybrid"
    assert got["salary"]["min"] == 70000
    assert got["responsibilities"] == ["Paid acquisition", "Our experiments"]


@pytest.mark.parametrize("banner, buttons", [
    ("Wir verwenden Cookies, um Ihnen die Nutzung unserer Webseite zu erleichtern.", "Alle akzeptieren   Einstellungen   Nur notwendige"),
    ("Diese Website verwendet Cookies. Mehr dazu in der Datenschutzerklärung.", "Akzeptieren   Einstellungen anpassen"),
    ("En poursuivant votre navigation, vous acceptez l'utilisation de cookies.", "J'accepte | Paramétrer"),
    ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", "Aceptar | Configurar | Rechazar"),
    ("Questo sito utilizza cookie tecnici e di profilazione.", "Accetta | Rifiuta | Personalizza"),
    ("Szanujemy Twoją prywatność. Używamy plików cookies, aby strona działała.", "Akceptuj wszystkie | Dostosuj"),
    ("Ta strona korzysta z plików cookies w celach statystycznych.", "Akceptuję wszystkie | Ustawienia"),
    ("Wij gebruiken cookies om de site goed te laten werken.", "Akkoord | Instellingen aanpassen"),
    ("Este site utiliza cookies para melhorar a navegação.", "Aceitar todos"),
    ("Tento web používá soubory cookies k poskytování služeb.", "Přijmout vše | Odmítnout | Nastavení"),
    ("Vi använder kakor (cookies) för att webbplatsen ska fungera.", "Godkänn alla kakor | Endast nödvändiga kakor"),
    ("Käytämme evästeitä sivuston toiminnan varmistamiseen.", "Hyväksy kaikki | Vain välttämättömät"),
    ("Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.", "Godta alle | Tilpass valg"),
    ("当サイトではサービス向上のためにCookieを使用しています。", "同意する"),
    ("더 나은 서비스 제공을 위해 쿠키를 사용합니다.", "동의   설정"),
    ("本网站使用Cookie以提升您的浏览体验。", "同意   了解更多"),
    # any wording that names cookies and the site, the visit or the consent
    ("Indeed utilise des cookies pour vous offrir une meilleure expérience.", "Accepter tous les cookies | Refuser"),
    ("Nous respectons votre vie privée. Nous utilisons des cookies pour mesurer l'audience.", "Tout accepter"),
    ("LinkedIn utiliza cookies esenciales y no esenciales para mejorar nuestros servicios. Aceptar | Rechazar",
     "Aceptar"),
])
def test_a_cookie_banner_in_any_language_is_page_boilerplate(banner, buttons):
    # The banner and its buttons over the posting are the page's: the title and the employer
    # are read below them, never a button ("Aceptar") taken for the employer.
    import jdparse

    text = f"{banner}\n{buttons}\n\nBackend Developer\nKestrel Byte GmbH\n\nAufgaben\n- Build services\n"
    kinds = [(text[b.start:b.end], b.type) for b in blocks.classify(Document(text))]
    assert (banner, blocks.BOILERPLATE) in kinds and (buttons, blocks.BOILERPLATE) in kinds
    r = jdparse.parse(text)
    assert (r.title.value, r.company.value) == ("Backend Developer", "Kestrel Byte GmbH")


@pytest.mark.parametrize("row", [
    "Oferty pracy   Pracodawcy   Porady   Mój profil   Dla firm",
    "Buscar ofertas   Empresas   Salarios   Mi CV   Acceder",
    "Trova offerte   Recensioni aziende   Ricerca stipendi   Accedi",
    "Vacatures zoeken   Werkgevers   Carrièreadvies   Salariswijzer   Inloggen",
    "Jobs   Netzwerk   News   Premium   Einloggen",
    "Quick apply   Save",
    "Buscar empleos | Empresas | Consejos | Ingresar | Registrarme",
    "Ofertas   Empresas   Salários   Blog   Entrar   Publicar oferta",
    "Emplois   Carrières   Conseils   Employeurs   Se connecter",
    "< Regresar a resultados",
    "Logga in   Sök jobb   Stöd och ersättning   För arbetsgivare   Meny",
    "Nabídky práce   Brigády   Firmy   Kariérní rady   Přihlásit se",
    "会社情報   サービス   ニュース   採用情報   お問い合わせ   English",
    "채용   이벤트   직군별 연봉   이력서   커뮤니티   로그인/회원가입",
    "首页   职位   公司   校园   我要招聘   登录/注册",
    # a page's path in any language, three parts or more
    "Nabídky práce › IT – vývoj aplikací › Brno",
    "採用情報 > 募集職種一覧 > エンジニア",
    "Etusivu › Työpaikat › Asiakaspalvelu › Oulu",
])
def test_a_boards_menu_row_in_other_languages_is_boilerplate(row):
    import jdparse

    r = jdparse.parse(f"{row}\n\nBackend Developer\nKestrel Byte\n\nDuties\n- Build services\n")
    assert (r.title.value, r.company.value) == ("Backend Developer", "Kestrel Byte")


def test_a_feed_posts_poster_lines_are_boilerplate():
    # "Name • 2nd" / the poster's headline / "1w • Edited": the poster's, not the job's
    # (the headline's "Co-founder & CEO at Pollenpath" is no title, employer or level).
    import jdparse

    text = ("Marta Figueira • 2nd\nCo-founder & CEO at Hazelbrook 🌱\n1w • Edited\n\n"
            "🚀 WE'RE HIRING: Senior Product Designer 🚀\n\nHey network! We're growing.\n\n"
            "🎯 What you'll do\n• Own the design of our app\n")
    got = [(b.type, b.rule) for b in blocks.classify(Document(text))][:3]
    assert got == [(blocks.BOILERPLATE, "boilerplate.feed_poster")] * 3
    r = jdparse.parse(text)
    assert (r.title.value, r.company) == ("Senior Product Designer", None)
    assert [s.value for s in r.seniority] == ["senior"]
    # A name and a dot with no degree after it is no poster.
    assert blocks.classify(Document("Marta Figueira • Lisbon\nDesigner\n"))[0].type != blocks.BOILERPLATE


def test_a_boards_screening_prompt_is_boilerplate():
    text = "Backend Developer\nKestrel Byte\n\nDo you have experience in Java?\nYes  No\n\nRequirements\n- Java\n"
    kinds = [(text[b.start:b.end], b.type) for b in blocks.classify(Document(text))]
    assert ("Do you have experience in Java?", blocks.BOILERPLATE) in kinds
    assert ("Yes  No", blocks.BOILERPLATE) in kinds


def test_an_emoji_line_right_over_a_list_of_text_glyphs_is_its_heading():
    # "💶 Salary: ..." / "" / "🎯 What you'll do" / "• ...": the emoji line over the bullets heads
    # them, though an emoji line stands a paragraph before it.
    import jdparse

    text = ("🚀 WE'RE HIRING: Product Designer 🚀\n\n📍 Lisbon, Portugal\n⏰ Full-time\n💶 Salary: €55,000 per year\n\n"
            "🎯 What you'll do\n• Own the design of our app\n• Run usability sessions\n\n🎁 Perks\n🚀 Stock options\n"
            "🚀 Health insurance\n")
    r = jdparse.parse(text)
    assert [v.value for v in r.responsibilities] == ["Own the design of our app", "Run usability sessions"]
    assert [v.value for v in r.benefits] == ["Stock options", "Health insurance"]


@pytest.mark.parametrize("line", ["Free cookies on Fridays", "We bake cookies and cakes every morning for our cafés."])
def test_a_line_on_cookies_that_names_no_site_is_no_banner(line):
    text = f"Baker\nCrumbs & Co\n\n{line}\n\nDuties\n- Bake\n"
    assert all(b.type != blocks.BOILERPLATE for b in blocks.classify(Document(text)))


@pytest.mark.parametrize("row", ["Postuler   Sauvegarder   Partager l'offre", "Postularme   Guardar   Compartir",
                                 "Candidatar-se   Salvar   Compartilhar", "Bewerben   Merken   Teilen"])
def test_a_boards_buttons_in_other_languages_are_boilerplate(row):
    text = f"Analyst\nKestrel Byte\n\n{row}\n\nDuties\n- Analyse\n"
    assert (row, blocks.BOILERPLATE) in [(text[b.start:b.end], b.type) for b in blocks.classify(Document(text))]
