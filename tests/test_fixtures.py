"""The real UN texts in tests/fixtures/: what each text says, read by a person,
checked against what the parser finds. Every line must also be accounted for."""

from __future__ import annotations

import pytest

from unres.parse import parse_file
from unres.read import read_source

from .conftest import FIXTURES


def parse(stem: str):
    (resolution,) = parse_file(FIXTURES / f"{stem}.txt")
    return resolution


def operative_numbers(resolution) -> list[int]:
    return [paragraph.number for paragraph in resolution.operative]


def footnote_places(resolution) -> list[tuple[str, int | None]]:
    return [(footnote.marker, footnote.paragraph) for footnote in resolution.footnotes]


@pytest.mark.parametrize(
    "stem", ["hrc-46-9-en", "ga-80-1-en", "ga-80-4-en", "ga-80-6-en", "ga-80-12-en", "ga-80-19-en"]
)
def test_every_line_is_accounted_for(stem):
    resolution = parse(stem)
    for line in read_source(FIXTURES / f"{stem}.txt").lines:
        assert line.is_blank or line.number in resolution.ledger, f"line {line.number} is not accounted for"


def test_hrc_46_9_official_document():
    resolution = parse("hrc-46-9-en")
    assert (resolution.symbol, resolution.body, resolution.kind) == ("A/HRC/RES/46/9", "HRC", "resolution")
    assert (resolution.number, resolution.session, resolution.language) == ("46/9", 46, "en")  # printed "4 6 / 9."
    assert resolution.title == "Mandate of Special Rapporteur in the field of cultural rights"
    # "48th meeting 23 March 2021" on one line; the distribution date (1 April 2021) is not the adoption date.
    assert (resolution.meeting, resolution.date) == (48, "2021-03-23")
    assert [p.lead for p in resolution.preamble] == ["Guided", "Recalling", "Recalling"]
    assert resolution.preamble[2].text.startswith("Recalling alsoall previous")  # damage stays as printed
    assert operative_numbers(resolution) == [1, 2]
    assert resolution.operative[0].text.startswith("Decides to renew")  # from "1.Decides"
    assert resolution.operative[1].text.startswith("Also d ecides to continue")
    assert resolution.operative[1].lead == "Also d ecides"
    assert resolution.adoption.method == "without-vote"
    assert resolution.footnotes == []


def test_ga_80_1_subparagraph_labels_and_numbers_alone_on_their_lines():
    resolution = parse("ga-80-1-en")
    assert (resolution.symbol, resolution.body, resolution.kind) == ("A/RES/80/1", "GA", "resolution")
    assert resolution.title == "Participation by the State of Palestine during the eightieth session"
    assert (resolution.meeting, resolution.date) == (3, "2025-09-19")
    assert len(resolution.preamble) == 5
    assert operative_numbers(resolution) == [1, 2, 3]
    first = resolution.operative[0]
    assert first.text.endswith("in the relevant meetings at the United Nations in New York, that:")
    assert [s.label for s in first.subparagraphs] == ["a", "b", "c"]
    assert not any(s.inferred for s in first.subparagraphs)
    # (a) runs over the page break: no footnote, no symbol, running title or page number inside.
    assert first.subparagraphs[0].text == (
        "The State of Palestine may submit a pre‑recorded statement of its President, which will be played in "
        "the General Assembly Hall during the general debate of the Assembly at its eightieth session after "
        "introduction by its representative who is physically present in the Assembly Hall;"
    )
    assert footnote_places(resolution) == [("1", 1)]  # "Nations1 are prevented"
    assert resolution.footnotes[0].text == "See resolution 169 (II)."
    assert "Nations are prevented" in resolution.preamble[0].text
    assert resolution.adoption.method is None  # General Assembly texts do not say


def test_ga_80_4_wrapped_lines_that_begin_with_numbers_are_not_footnotes():
    resolution = parse("ga-80-4-en")
    assert resolution.title == (
        "Necessity of ending the economic, commercial and financial embargo imposed by the United States "
        "of America against Cuba"
    )
    assert (resolution.meeting, resolution.date) == (22, "2025-10-29")  # not the distribution date, 31 October
    assert len(resolution.preamble) == 8
    recalling = resolution.preamble[5]
    assert "51/17 of 12 November 1996, 52/10 of 5 November 1997" in recalling.text  # across the page break
    assert "67/4 of 13 November 2012, 68/8 of 29 October 2013" in recalling.text
    assert "A/RES/80/4" not in recalling.text and "2/2" not in recalling.text
    assert [p.lead for p in resolution.operative] == [
        "Takes note",
        "Reiterates",
        "Once again urges",
        "Requests",
        "Decides",
    ]
    assert footnote_places(resolution) == [("1", 9)]  # printed after the meeting line, marker "79/7;1"
    assert resolution.footnotes[0].text == "A/80/83."
    assert resolution.operative[0].text.endswith("resolution 79/7;")
    assert resolution.adoption.method is None


def test_ga_80_6_five_pages_of_furniture_and_ten_footnotes():
    resolution = parse("ga-80-6-en")
    assert resolution.title == "Report of the International Criminal Court"
    assert (resolution.meeting, resolution.date) == (35, "2025-11-11")
    assert len(resolution.preamble) == 14
    assert operative_numbers(resolution) == list(range(1, 33))
    assert footnote_places(resolution) == [
        ("1", 2),  # "Criminal Court 1" alone at the line's end
        ("2", 9),  # "Court,2"
        ("3", 10),  # "Agreement, 3 which"
        ("4", 15),  # "2024/25; 4"
        ("5", 17),
        ("6", 27),
        ("7", 28),
        ("8", 28),
        ("9", 36),
        ("10", 42),  # printed after the meeting line
    ]
    assert resolution.footnotes[8].text == (
        "S/PRST/2013/2; see Resolutions and Decisions of the Security Council, 1 August 2012–31 July 2013 (S/INF/68)."
    )
    texts = [p.text for p in resolution.paragraphs]
    assert not any("Report of the International Criminal Court" in t[-60:] for t in texts)  # running titles
    assert "post-conflict societies" in resolution.preamble[4].text  # hyphen cut at the line's end
    assert "Relationship Agreement, which provides a framework" in resolution.preamble[9].text


def test_ga_80_12_labels_lost_in_extraction_follow_from_their_place():
    resolution = parse("ga-80-12-en")
    assert (resolution.meeting, resolution.date) == (52, "2025-12-01")  # on one line
    assert len(resolution.preamble) == 14
    assert operative_numbers(resolution) == list(range(1, 11))
    seventh, eighth = resolution.operative[6], resolution.operative[7]
    assert [s.label for s in seventh.subparagraphs] == list("abcdefghi")
    assert [s.inferred for s in seventh.subparagraphs[:3]] == [True, True, False]
    assert [s.label for s in eighth.subparagraphs] == ["a", "b"]
    assert all(s.inferred for s in eighth.subparagraphs)
    assert footnote_places(resolution) == [("1", 8), ("2", 9), ("3", 10), ("4", 10), ("5", 20)]
    first = resolution.operative[0]
    assert "with a view to achieving the broadest possible participation" in first.text
    assert first.text.endswith("to other international or regional organizations;")  # across the footnotes


def test_ga_80_19_footnote_interrupting_a_preambular_paragraph():
    resolution = parse("ga-80-19-en")
    assert resolution.title == "Prevention of an arms race in outer space"
    assert len(resolution.preamble) == 24
    assert operative_numbers(resolution) == list(range(1, 10))
    assert footnote_places(resolution) == [("1", 3), ("2", 5), ("3", 11), ("4", 18), ("5", 20), ("6", 22)]
    assert resolution.footnotes[2].text == (
        "See Official Records of the General Assembly, Forty-seventh Session, Supplement No. 27 (A/47/27), para. 76."
    )
    recalling = resolution.preamble[5]
    assert recalling.text.endswith("and to the Conference on Disarmament,")
    assert "Treaty Series" not in recalling.text
