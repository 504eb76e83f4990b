"""The four list fields: a table of small postings and the items expected."""
from __future__ import annotations


import json

import pytest

import jdparse

from conftest import case_table

CASES, PARAMS = case_table("lists", "name")


def test_table_is_big_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", PARAMS)
def test_lists(case):
    d = jdparse.parse(case["text"]).to_dict()
    for field, expected in case["expect"].items():
        assert d[field] == expected, field


def test_field_bullets_and_yes_answers():
    d = jdparse.parse("Analyst\n\nDetails\n- Location: Lyon, France\n- Remote: yes\n").to_dict()
    assert [loc["name"] for loc in d["locations"]] == ["Lyon, France"]
    assert d["work_mode"] == "remote"
    d = jdparse.parse("设计师\n\n工作性质\n• 是否全职：是\n").to_dict()
    assert d["employment_type"] == "full_time"


def test_a_long_sentence_of_duties_is_one_item_and_a_page_dump_is_none():
    # One sentence listing duties by semicolons, 2,000 characters long, is an
    # item of its section; a run of 3,000 characters without a stop is a page
    # dumped on one line, not an item.
    duty = "reviews the laboratory logs and records of the water division for accuracy and prepares reports"
    long_one = "; ".join([duty] * 20) + "."
    assert 1900 < len(long_one) < 2500
    dump = " ".join([duty] * 31)
    assert len(dump) > 2500
    for body, want in ((long_one, [long_one]), (dump, [])):
        text = f"Water Quality Analyst\n\nEssential Functions\n\n{body}\n"
        assert jdparse.parse(text).to_dict()["responsibilities"] == want


def test_a_duties_heading_whose_bullets_are_all_left_out_does_not_hide_the_duties(cli):
    # The bullets under "Responsibilities:" are bare glyphs: the section lists
    # nothing, so the description's sentence that says what the job does is
    # read, as when the heading is absent.
    posting = ("Data Engineer\nAcme Analytics\n\n"
               "In this role you will design and build the data pipelines behind our reports.\n\n"
               "Responsibilities:\n- ---\n- * *\n\nRequirements:\n- 3+ years of Python\n")
    duty = ["In this role you will design and build the data pipelines behind our reports."]
    assert jdparse.parse(posting).to_dict()["responsibilities"] == duty
    without = posting.replace("Responsibilities:\n- ---\n- * *\n\n", "")
    assert jdparse.parse(without).to_dict()["responsibilities"] == duty
    done = cli("parse", "--format", "json", input=posting.encode())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["responsibilities"] == duty


def test_items_written_one_a_line_at_one_length_are_not_read_as_wrapped_text():
    # Many lines of about one length look like text wrapped at a width, but
    # each next line starts a new item with a capital: they stay apart.
    posting = ("Customer Success Manager\nFernleaf Software - Manchester\n\n"
               "Fernleaf Software is hiring a Customer Success Manager for our mid-market customers.\n\n"
               "Key responsibilities:\nOwn a portfolio of 40 customer accounts\nRun quarterly business reviews\n"
               "Work with sales on renewals and upsell\n\n"
               "What we're looking for:\n2+ years in customer success or account management\n"
               "Excellent written communication\nExperience with HubSpot or Salesforce is desirable\n\n"
               "Benefits:\n25 days holiday plus bank holidays\nPension scheme\n")
    d = jdparse.parse(posting).to_dict()
    assert d["responsibilities"] == ["Own a portfolio of 40 customer accounts", "Run quarterly business reviews",
                                     "Work with sales on renewals and upsell"]
    assert d["requirements"] == ["2+ years in customer success or account management", "Excellent written communication"]
    assert d["nice_to_have"] == ["Experience with HubSpot or Salesforce is desirable"]
    assert d["benefits"] == ["25 days holiday plus bank holidays", "Pension scheme"]


def test_text_wrapped_at_a_width_is_still_joined():
    # (its second line goes on with a capital: only the width tells it is wrapped)
    duty = ("You will reconcile the accounts of the field offices every month and\n"
            "keep the invoices received from the project coordinators and the\n"
            "Field Administrators of each project, and you will keep the cashbox\n"
            "and its records up to date for the audits of the head office.")
    filler = ("We are an international medical organisation that works in more\n"
              "than seventy countries, and we are looking for a finance assistant\n"
              "who will join the coordination team in the capital for one year.")
    posting = f"Finance Assistant\nMedics Abroad\n\n{filler}\n\nResponsibilities\n\n{duty}\n"
    got = jdparse.parse(posting).to_dict()["responsibilities"]
    assert got == [" ".join(duty.split())]


def test_essential_and_desirable_labels_of_a_uk_person_specification(cli, tmp_path):
    import json

    p = tmp_path / "posting.txt"
    p.write_text("Research Software Engineer\nUniversity of Example\n\n"
                 "Essential: a degree in computing; experience with C++.\n"
                 "Desirable: experience with HPC systems.\n", encoding="utf-8")
    r = cli("parse", str(p), "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["requirements"] == ["a degree in computing; experience with C++."]
    assert d["nice_to_have"] == ["experience with HPC systems."]


@pytest.mark.parametrize("line, field, want", [
    ("Responsibilities include: scheduling shipments, tracking inventory, and liaising with carriers.",
     "responsibilities", ["scheduling shipments, tracking inventory, and liaising with carriers."]),
    ("Benefits include: free parking, a pension and 28 days of leave.",
     "benefits", ["free parking, a pension and 28 days of leave."]),
])
def test_a_lead_in_label_that_says_include_gives_its_list_without_it(line, field, want):
    import jdparse

    d = jdparse.parse(f"Operations Coordinator\nHarbor Freight Co.\n\n{line}\n").to_dict()
    assert d[field] == want


def test_a_field_under_a_list_label_through_the_command():
    from conftest import parse_json

    posting = "Java Developer\nAcme Corp\nExperience: 6+ years\nNotice period: 30 days\n\nSkills\n- Java 17\n"
    assert parse_json(posting)["requirements"] == ["6+ years", "Java 17"]


def test_the_reported_pay_after_a_list_through_the_command():
    from conftest import parse_json

    d = parse_json("Account Executive\nLumenwise\n\nWhat You'll Bring\n3+ years of closing experience\n\n"
                   "The OTE range for this role is $220,000 - $260,000 with a 50/50 split.\n")
    assert d["requirements"] == ["3+ years of closing experience"]
    assert (d["salary"]["min"], d["salary"]["max"]) == (220000, 260000)


@pytest.mark.parametrize("item,field", [
    # A must inside a negated_must phrase keeps no item ("a plus, not required" is wished for).
    ("7+ years in insurance tech is a plus, not required", "nice_to_have"),
    ("Kafka ist von Vorteil, aber nicht erforderlich", "nice_to_have"),
    ("Must be fluent in German, English is a plus", "requirements"),
    ("Kafka is a plus but not required, Python is a must", "requirements"),
    # A requirement, then a wish of its own after a semicolon, is a requirement;
    # a marker that is all its clause holds makes the whole item a wish.
    ("Fluent English; Dutch is a plus", "requirements"),
    ("Rust; a plus", "nice_to_have"),
])
def test_a_requirement_and_its_markers(item, field):
    from conftest import parse_json

    got = parse_json(f"Backend Engineer\nAcme\n\nRequirements\n- {item}\n- Python\n")
    assert item in got[field]
    assert got["requirements"][-1] == "Python"


def test_mexican_spanish_benefits_heading():
    # "Prestaciones" heads the benefits in Mexico (headings.es).
    from conftest import parse_json

    got = parse_json("Ejecutivo de Ventas\nGrupo Andino\nMonterrey\n\nRequisitos\n- Licenciatura\n\n"
                     "Prestaciones\n- Prestaciones superiores a las de ley\n- Vales de despensa\n")
    assert got["benefits"] == ["Prestaciones superiores a las de ley", "Vales de despensa"]
    assert got["requirements"] == ["Licenciatura"]


@pytest.mark.parametrize("heading,field", [
    ("It'd be great if you:", "nice_to_have"),
    ("O que esperamos de você", "requirements"),
    ("O que esperamos", "requirements"),
])
def test_more_list_headings(heading, field):
    from conftest import parse_json

    got = parse_json(f"Analyst\nAcme\n\n{heading}\n* Have worked with telecom networks\n")
    assert got[field] == ["Have worked with telecom networks"]


# Postings whose lists a rule reads apart from the plain case, and the lists it gives: (name, text,
# {field: items}); a field not named is not checked.
_LIST_READINGS = [
    # "Pay & perks" / "Pay: €18.50 per hour" / the perks: the pay is the salary, the items under it
    # still the benefits.
    ("a pay label among the perks leaves the perks' list going",
     "Support Specialist\n\nPay & perks\n\nPay: 18.50 EUR per hour\n\n- Flexible scheduling\n- Free physio sessions\n",
     {"benefits": ["Flexible scheduling", "Free physio sessions"]}),
    # A post with one heading: the paragraphs after it run to the end. One that opens with an
    # offer is the benefits; "Nice if ..." a nice-to-have; the interview process no item at all.
    ("the paragraphs after a prose list say by their openings what they are",
     "Marrowby | Rust Engineer | Remote\n\nWhat we're looking for:\n\n"
     "You have 5 years of Rust. You write clearly.\n\n"
     "Nice if you have worked with CRDTs.\n\n"
     "We offer 0.2% equity and full health cover. We also fly the team out twice a year.\n\n"
     "Interview process: an intro call and a paid take-home. No leetcode.\n",
     {"requirements": ["You have 5 years of Rust.", "You write clearly."],
      "nice_to_have": ["Nice if you have worked with CRDTs."],
      "benefits": ["We offer 0.2% equity and full health cover.", "We also fly the team out twice a year."]}),
    # Indeed (it): the perks written as lines, then the job's fields, a report link and the
    # board's other offers: only the perks are benefits.
    ("fields and a board's listings after a list without glyphs are no items",
     "Addetto customer care\nParlami Servizi S.r.l.\n\nCosa offriamo:\nFormazione retribuita\n"
     "Ticket restaurant da 5 €\n\nTipo di lavoro: Full-time, Tempo determinato\n\nSegnala offerta\n\n"
     "Altre offerte simili\nOperatore call center inbound - Bari - Part-time\n",
     {"benefits": ["Formazione retribuita", "Ticket restaurant da 5 €"]}),
    # A university's "The post" over "The postholder will ... They will ...": the duties, where no
    # section lists them; the offer's sentences that name a perk are the benefits.
    ("a third-person description of the post gives its duties",
     "Research Associate in Glacier Modelling\nStrathbeck University\n\nThe post\n\n"
     "Applications are invited for a Research Associate. The postholder will build ice-flow models. "
     "They will publish results in leading journals.\n\nEssential:\n- A PhD in glaciology\n\n"
     "What we offer\n\nStrathbeck offers 41 days of annual leave. Staff can join the Universities "
     "Superannuation Scheme.\n",
     {"responsibilities": ["The postholder will build ice-flow models.", "They will publish results in leading journals."],
      "benefits": ["Strathbeck offers 41 days of annual leave.", "Staff can join the Universities Superannuation Scheme."]}),
    # "We're looking for a staff engineer ... Concretely, you'd:" heads the duties (its ending),
    # not the requirements ("looking for" inside it); "You probably have:" the requirements; the
    # sentence after them that says it is a plus, a nice-to-have.
    ("a long lead-in is read by its ending, and a plus after the list is a nice-to-have",
     "Staff Platform Engineer | REMOTE (EMEA) | Full-time\n\n"
     "We're looking for a staff-level engineer to own our platform layer. Concretely, you'd:\n\n"
     "* Lead the migration to Kubernetes\n* Set the direction for observability\n\n"
     "You probably have:\n\n* 8+ years in infrastructure roles\n* Deep Linux knowledge\n\n"
     "It's a plus if you know Rust. Reach us through the link above.\n",
     {"responsibilities": ["Lead the migration to Kubernetes", "Set the direction for observability"],
      "requirements": ["8+ years in infrastructure roles", "Deep Linux knowledge"],
      "nice_to_have": ["It's a plus if you know Rust."]}),
    # A pay label under the perks' heading with no bullets after it: the pay's section, not
    # the perks' list going on over the sign-off.
    ("a pay label with no list after it ends the perks",
     "Développeur PHP\nAcme\n\nAvantages\n\nSalaire : 42-48KEUR + RTT + Mutuelle\n\n"
     "Si vous êtes intéressé, envoyez votre CV.\n\nA bientôt,\n\nJeanne Martin\n",
     {"benefits": []}),
    # A French board's similar jobs end the posting (their pay is none of this job's).
    ("a French board's similar jobs end the posting",
     "Data Analyst\nBrasserie du Beffroi\n\nAvantages\n• Tickets restaurant\n\nSignaler l'offre\n\n"
     "Emplois similaires\nData Analyst junior H/F - Lille (59) - CDI - 34 000 € - 38 000 € par an\n",
     {"benefits": ["Tickets restaurant"]}),
]


@pytest.mark.parametrize("name,text,lists", _LIST_READINGS, ids=[c[0] for c in _LIST_READINGS])
def test_list_readings(name, text, lists):
    import jdparse

    r = jdparse.parse(text)
    for field, items in lists.items():
        assert [v.value for v in getattr(r, field)] == items, field


def test_the_fields_beside_those_lists():
    import jdparse

    perks = jdparse.parse(_LIST_READINGS[0][1])
    assert (perks.salary.min, perks.salary.period) == (18.5, "hour")
    assert jdparse.parse(_LIST_READINGS[2][1]).employment_type.value == "temporary"
    assert jdparse.parse(_LIST_READINGS[6][1]).salary is None
