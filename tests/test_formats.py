"""Every layout and variant the parser must read, each on a small synthetic text.

The real fixtures (test_fixtures.py) cover English General Assembly and
Council texts; these cover the rest, French above all.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from unres.build import build
from unres.errors import ParseError
from unres.parse import parse_file, parse_text
from unres.validate import validate

from .conftest import FIXTURES

REPORT = FIXTURES / "synthetic" / "report-fr.txt"


def only(text: str, **options):
    (resolution,) = parse_text(text, **options)
    return resolution


# -- official document headers ---------------------------------------------------

FRENCH_OFFICIAL = """\
Nations Unies
A/HRC/RES/34/35
Assemblée générale
Distr. générale
6 avril 2017
Français
Original : anglais
Conseil des droits de l’homme
Trente-quatrième session
27 février-24 mars 2017
Point 3 de l’ordre du jour
Résolution adoptée par le Conseil des droits de l’homme le 24 mars 2017
GE.17-05246(F)
*1705246*
34/35.Mandat du Rapporteur spécial
Le Conseil des droits de l’homme,
Guidé par la Charte des Nations Unies,
1. Décide de prolonger le mandat ;
2. Décide de poursuivre l’examen de la question.
64e séance
24 mars 2017
[Adoptée sans vote.]
"""


def test_french_official_document_with_a_title_glued_to_its_number():
    resolution = only(FRENCH_OFFICIAL)
    assert (resolution.symbol, resolution.language, resolution.kind) == ("A/HRC/RES/34/35", "fr", "resolution")
    assert resolution.title == "Mandat du Rapporteur spécial"
    assert (resolution.meeting, resolution.date) == (64, "2017-03-24")  # not the distribution date, 6 avril
    assert [p.number for p in resolution.operative] == [1, 2]
    assert resolution.adoption.method == "without-vote"
    assert resolution.ledger[13] == "header" and resolution.ledger[14] == "header"  # job number, barcode


def test_the_header_says_decision():
    text = FRENCH_OFFICIAL.replace("Résolution adoptée", "Décision adoptée").replace("34/35.", "34/115.")
    assert only(text).symbol == "A/HRC/DEC/34/115"


def test_header_date_is_used_when_the_closing_has_none():
    text = FRENCH_OFFICIAL.replace("64e séance\n24 mars 2017\n", "64e séance\n")
    assert only(text).date == "2017-03-24"


# -- General Assembly, French -------------------------------------------------------

GA_FRENCH = """\
80/1. Participation de l’État de Palestine

L’Assemblée générale,

Rappelant ses résolutions antérieures,

1. Décide que :

a) L’État de Palestine peut présenter une déclaration ;

b) L’État de Palestine peut participer aux réunions ;

2. Décide également que ces dispositions s’appliquent à la quatre-vingtième session.

3e séance plénière
1er décembre 2025
"""


def test_french_general_assembly_with_lettered_subparagraphs_and_a_first_of_the_month():
    resolution = only(GA_FRENCH)
    assert (resolution.symbol, resolution.body, resolution.language) == ("A/RES/80/1", "GA", "fr")
    assert (resolution.meeting, resolution.date) == (3, "2025-12-01")
    first = resolution.operative[0]
    assert [(s.label, s.position) for s in first.subparagraphs] == [("a", 3), ("b", 4)]
    assert first.subparagraphs[0].text == "L’État de Palestine peut présenter une déclaration ;"
    assert resolution.operative[1].position == 5
    assert resolution.adoption.method is None  # General Assembly texts do not say: never guess


def test_english_subparagraphs_need_their_parenthesis_and_nest_roman_numerals():
    text = """\
80/2. Title
The General Assembly,
Recalling its resolutions,
1. Requests the Secretary-General:
(a) To report on:
(i) the first matter;
(ii) the second matter;
(b) To continue;
2. Decides to remain seized of the matter.
3rd plenary meeting
19 September 2025
"""
    first = only(text).operative[0]
    assert [s.label for s in first.subparagraphs] == ["a", "a-i", "a-ii", "b"]
    assert first.subparagraphs[1].text == "the first matter;"


# -- decisions ----------------------------------------------------------------------

OLD_DECISION = """\
16/118. Follow-up to the report of the Advisory Committee

At its 48th meeting, on 25 March 2011, the Human Rights Council decided, without a vote, to take note of
the report of the Advisory Committee and to consider it at its seventeenth session.
"""


def test_an_older_decision_is_an_intro_alone_with_its_meeting_date_and_adoption():
    resolution = only(OLD_DECISION)
    assert (resolution.symbol, resolution.kind, resolution.body) == ("A/HRC/DEC/16/118", "decision", "HRC")
    assert (resolution.meeting, resolution.date) == (48, "2011-03-25")
    assert resolution.adoption.method == "without-vote"
    (intro,) = resolution.intro
    assert (intro.part, intro.position, intro.lead) == ("intro", 1, "At")
    assert intro.text.endswith("to consider it at its seventeenth session.")
    assert resolution.preamble == [] and resolution.operative == []
    document = resolution.to_document()
    assert document["intro"][0]["lines"] == [3, 4]


def test_a_decision_with_numbered_paragraphs_after_its_intro():
    text = OLD_DECISION.replace(
        "decided, without a vote, to take note of\nthe report", "decided:\n1. To take note of the report"
    )
    text = text.replace("session.\n", "session;\n2. To remain seized of the matter.\n")
    resolution = only(text)
    assert [p.number for p in resolution.operative] == [1, 2]
    assert [p.position for p in resolution.paragraphs] == [1, 2, 3]
    assert resolution.adoption.method is None  # this intro does not say "without a vote"


def test_a_french_decision_numbered_from_101_in_a_report():
    *_, decision = parse_file(REPORT)
    assert (decision.symbol, decision.kind, decision.language) == ("A/HRC/DEC/44/101", "decision", "fr")
    assert (decision.meeting, decision.date, decision.adoption.method) == (44, "2020-07-17", "without-vote")


# -- a report with several texts -------------------------------------------------------


def test_a_report_file_gives_one_document_per_text():
    first, second, decision = parse_file(REPORT)
    assert [r.symbol for r in (first, second, decision)] == ["A/HRC/RES/44/1", "A/HRC/RES/44/2", "A/HRC/DEC/44/101"]
    assert first.title == "Coopération technique dans le domaine des droits de l’homme"
    assert [s.label for s in first.operative[0].subparagraphs] == ["a", "b", "b-i", "b-ii"]
    assert [(f.marker, f.paragraph, f.text) for f in first.footnotes] == [("*", 2, "Voir A/HRC/44/1.")]
    assert first.preamble[1].text == "Conscient de l’importance de la coopération technique,"
    votes = [(v.country, v.iso3, v.vote) for v in first.adoption.votes]
    assert votes[:3] == [("Angola", "AGO", "yes"), ("Argentine", "ARG", "yes"), ("Bahreïn", "BHR", "yes")]  # "et"
    assert (first.adoption.yes, first.adoption.no, first.adoption.abstain) == (3, 2, 1)
    assert (second.meeting, second.date) == (45, "2020-07-01")  # "1er juillet"


def test_mixed_sources_build_into_one_valid_package(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "report.txt").write_bytes(REPORT.read_bytes())
    (tmp_path / "sources" / "seed.txt").write_bytes(
        (FIXTURES.parent.parent / "sources" / "hrc-43-21-fr.txt").read_bytes()
    )
    for fixture in FIXTURES.glob("*.txt"):
        (tmp_path / "sources" / fixture.name).write_bytes(fixture.read_bytes())
    result = build(tmp_path)
    assert result.resolutions == 10
    report = validate(tmp_path / "datapackage.yaml")
    assert report.errors == []
    assert [w.code for w in report.warnings] == []


# -- English recorded votes --------------------------------------------------------------

ENGLISH_VOTE = """\
45/1. Title
The Human Rights Council,
Recalling its resolutions,
1. Decides to remain seized of the matter.
40th meeting
6 October 2020
[Adopted by a recorded vote of 3 to 2, with no abstentions.* The voting was as follows:3
In favour:
Republic of Korea, Venezuela (Bolivarian Republic of) and
United Kingdom of Great Britain and Northern Ireland
Against:
Russian Federation and Bahamas]
_______________
* Reissued for technical reasons.
3 See A/HRC/45/2.
"""


def test_english_recorded_vote_with_no_abstentions_and_markers_stuck_to_the_block():
    resolution = only(ENGLISH_VOTE)
    adoption = resolution.adoption
    assert (adoption.method, adoption.yes, adoption.no, adoption.abstain) == ("recorded-vote", 3, 2, 0)
    assert [(v.iso3, v.vote) for v in adoption.votes] == [
        ("KOR", "yes"),
        ("VEN", "yes"),
        ("GBR", "yes"),
        ("RUS", "no"),
        ("BHS", "no"),
    ]
    assert adoption.votes[2].line == 10  # the name after "and" at the end of the line before
    assert adoption.statement == "Adopted by a recorded vote of 3 to 2, with no abstentions. The voting was as follows:"
    assert [(f.marker, f.paragraph, f.anchor) for f in resolution.footnotes] == [
        ("*", None, "adoption"),
        ("3", None, "adoption"),
    ]


# -- cut-off texts ------------------------------------------------------------------------

CUT_OFF = """\
43/21. Titre
Le Conseil des droits de l’homme,
Guidé par la Charte des Nations Unies,
1. Décide de rester
"""


def test_a_text_cut_off_before_its_closing_lines_is_an_error_naming_what_is_missing():
    with pytest.raises(ParseError) as caught:
        parse_text(CUT_OFF)
    assert caught.value.line == 4
    assert "closing lines" in caught.value.expected and "after line 4" in caught.value.expected
    assert caught.value.found == "the end of the file"


def test_partial_keeps_what_was_read_and_says_it_is_incomplete():
    resolution = only(CUT_OFF, partial=True)
    assert resolution.complete is False
    assert resolution.operative[0].text == "Décide de rester"
    assert resolution.to_document()["complete"] is False
    assert "complete" not in only(FRENCH_OFFICIAL).to_document()


def test_a_cut_off_adoption_block_is_an_error():
    with pytest.raises(ParseError, match="closes the adoption block"):
        parse_text(ENGLISH_VOTE.split("Against:")[0])


def test_cli_partial(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text(CUT_OFF, encoding="utf-8")
    command = [sys.executable, "-m", "unres", "parse", str(path)]
    refused = subprocess.run(command, capture_output=True, text=True, check=False)
    assert refused.returncode == 2
    assert refused.stderr.startswith(f"unres: {path}:4: expected the closing lines")
    accepted = subprocess.run([*command, "--partial"], capture_output=True, text=True, check=False)
    assert accepted.returncode == 0
    assert json.loads(accepted.stdout)["complete"] is False


# -- raw PDF damage -------------------------------------------------------------------------


def test_page_furniture_inside_a_sentence_is_taken_out():
    text = """\
43/22. Titre de la résolution
Le Conseil des droits de l’homme,
Guidé par la Charte des Nations Unies et rappelant
GE.20-08123(F)
*2008123*
A/HRC/RES/43/22
2/3
Titre de la résolution
ses résolutions antérieures,
1. Décide de rester saisi de la question.
45e séance
22 juin 2020
[Adoptée sans vote.]
"""
    resolution = only(text)
    assert (
        resolution.preamble[0].text == "Guidé par la Charte des Nations Unies et rappelant ses résolutions antérieures,"
    )
    assert [resolution.ledger[n] for n in range(4, 9)] == ["furniture"] * 5


def test_spaced_number_and_no_space_after_the_paragraph_number():
    text = FRENCH_OFFICIAL.replace("34/35.Mandat", "3 4 / 3 5. Mandat").replace(
        "1. Décide de prolonger", "1.Décide de prolonger"
    )
    resolution = only(text)
    assert resolution.number == "34/35"
    assert resolution.operative[0].text == "Décide de prolonger le mandat ;"


# -- texts that lost their line breaks ------------------------------------------------------


def _one_line(path, skip=()) -> str:
    from unres.read import read_source

    lines = [line.stripped for line in read_source(path).lines if line.stripped and line.number not in skip]
    return " ".join(lines) + "\n"


def test_the_seed_with_no_line_breaks_at_all_reads_the_same():
    seed = FIXTURES.parent.parent / "sources" / "hrc-43-21-fr.txt"
    (lined,) = parse_file(seed)
    (flat,) = parse_text(_one_line(seed, skip={265}))  # without its footnote, which has no place in one line
    assert (flat.symbol, flat.title, flat.meeting, flat.date) == (lined.symbol, lined.title, 45, "2020-06-22")
    assert [p.text for p in flat.paragraphs if p.position != 26] == [
        p.text for p in lined.paragraphs if p.position != 26
    ]
    assert [(v.country, v.iso3, v.vote) for v in flat.adoption.votes] == [
        (v.country, v.iso3, v.vote) for v in lined.adoption.votes
    ]
    assert set(flat.ledger) == {1}


def test_an_official_document_with_no_line_breaks_reads_the_same():
    path = FIXTURES / "ga-80-1-en.txt"
    (lined,) = parse_file(path)
    (flat,) = parse_text(_one_line(path, skip=set(range(61, 71))))  # without the footnote and page 2's furniture
    assert (flat.symbol, flat.date, flat.meeting) == ("A/RES/80/1", "2025-09-19", 3)
    assert [p.text for p in flat.paragraphs] == [
        p.text.replace("Nations are", "Nations1 are") for p in lined.paragraphs
    ]
    assert [s.label for s in flat.operative[0].subparagraphs] == ["a", "b", "c"]


def test_a_long_line_that_is_one_paragraph_is_not_cut():
    from unres.read import Line
    from unres.runon import split_run_on

    paragraph = "Recalling its resolutions 1. Decides, Noting that " * 20
    assert split_run_on((Line(1, paragraph),)) == (Line(1, paragraph),)


def test_a_page_counter_with_a_trailing_space_is_furniture_not_a_new_document():
    lines = [
        "44/12. Promotion technique",
        "The Human Rights Council,",
        "Recalling the rights of all persons,",
        "2/4 ",  # a page counter, with the trailing space extraction leaves
        "Noting the efforts of states,",
        "1. Decides to remain seized of the matter.",
        "45th meeting",
        "17 July 2020",
        "3/4 ",
        "[Adopted without a vote.]",
    ]
    text = "\n".join(lines) + "\n"
    resolution = only(text)
    assert [p.lead for p in resolution.preamble] == ["Recalling", "Noting"]
    assert resolution.ledger[4] == resolution.ledger[9] == "furniture"
    assert resolution.adoption.method == "without-vote"
