"""End to end on the seed: Human Rights Council resolution 43/21 (French).

Each assertion states something the text says and checks the parser finds it.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from unres.lexicon import FRENCH
from unres.parse import parse_file
from unres.read import read_source

from .conftest import SEED


@pytest.fixture(scope="module")
def resolution():
    (only,) = parse_file(SEED, "sources/hrc-43-21-fr.txt")
    return only


def test_identity(resolution):
    assert resolution.symbol == "A/HRC/RES/43/21"
    assert (resolution.body, resolution.kind, resolution.number) == ("HRC", "resolution", "43/21")
    assert (resolution.session, resolution.language) == (43, "fr")


def test_title_is_joined_across_its_two_lines(resolution):
    assert resolution.title == (
        "Promotion d’une coopération mutuellement avantageuse dans le domaine des droits de l’homme"
    )


def test_21_preambular_and_10_operative_paragraphs(resolution):
    assert len(resolution.preamble) == 21
    assert [p.number for p in resolution.operative] == list(range(1, 11))
    assert [p.position for p in resolution.paragraphs] == list(range(1, 32))


def test_leads(resolution):
    assert [p.lead for p in resolution.preamble[:3]] == ["Guidé", "Réaffirmant", "Rappelant"]
    assert [p.lead for p in resolution.operative[:5]] == ["Demande", "Souligne", "Demande", "Réaffirme", "Prend note"]


def test_each_paragraph_is_one_line_with_its_source_lines(resolution):
    first, last = resolution.preamble[1], resolution.operative[-1]
    assert first.text.startswith("Réaffirmant la Déclaration universelle des droits de l’homme et la Déclaration et le")
    assert first.text.endswith("relatif aux droits économiques, sociaux et culturels,")
    assert (first.line_start, first.line_end) == (9, 15)
    assert last.text == "Décide de rester saisi de la question."
    assert all("\n" not in p.text and "  " not in p.text for p in resolution.paragraphs)


def test_paragraph_8_is_joined_across_the_page_break_without_the_footnote(resolution):
    eighth = resolution.operative[7]
    assert "l’expérience des pays concernant certains aspects de la promotion" in eighth.text
    assert "A/HRC/43/31" not in eighth.text
    assert (eighth.line_start, eighth.line_end) == (253, 268)


def test_footnote_1_is_taken_out_and_linked_to_paragraph_5(resolution):
    (footnote,) = resolution.footnotes
    fifth = resolution.operative[4]
    assert (footnote.marker, footnote.text) == ("1", "A/HRC/43/31.")
    assert (footnote.line_start, footnote.line_end) == (265, 265)
    assert footnote.paragraph == fifth.position == 26
    assert fifth.text.endswith("de la protection des droits de l’homme ;")
    assert "homme1" not in fifth.text


def test_meeting_and_date(resolution):
    assert (resolution.meeting, resolution.date) == (45, "2020-06-22")


def test_recorded_vote_counts_and_lists(resolution):
    adoption = resolution.adoption
    assert (adoption.method, adoption.yes, adoption.no, adoption.abstain) == ("recorded-vote", 23, 16, 8)
    assert Counter(vote.vote for vote in adoption.votes) == {"yes": 23, "no": 16, "abstain": 8}
    printed = {vote.country: vote.iso3 for vote in adoption.votes}
    assert printed["Venezuela (République bolivarienne du)"] == "VEN"
    assert printed["République de Corée"] == "KOR"
    assert printed["Nigéria"] == "NGA"
    assert printed["République démocratique du Congo"] == "COD"  # wrapped, "]" removed
    assert adoption.votes[-1].line == 308
    assert len({vote.iso3 for vote in adoption.votes}) == 47
    assert all(re.fullmatch(r"[A-Z]{3}", vote.iso3) for vote in adoption.votes)


def _chars(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_nothing_is_lost_every_line_is_accounted_for_by_the_data(resolution):
    """Rebuild the source's text, kind by kind, from the data and compare."""
    source = read_source(SEED)
    kinds: dict[str, list[str]] = {}
    for line in source.lines:
        kind = resolution.ledger.get(line.number, "outside")
        kinds.setdefault(kind, []).append(line.text)
    assert set(kinds) <= {
        "title",
        "opening",
        "paragraph",
        "footnote",
        "meeting",
        "date",
        "adoption",
        "blank",
        "outside",
    }
    assert all(not text.strip() for text in kinds["blank"] + kinds.get("outside", []))
    assert _chars("".join(kinds["title"])) == _chars(f"{resolution.number}. {resolution.title}")
    assert re.fullmatch(rf"\s*{FRENCH.openings[resolution.body]}\s*,\s*", "".join(kinds["opening"]))
    footnotes = "".join(f.marker + f.text for f in resolution.footnotes)
    assert _chars("".join(kinds["footnote"])) == _chars(footnotes)
    assert _chars("".join(kinds["meeting"] + kinds["date"])) == "45eséance22juin2020"
    # Paragraph lines: the data is the source with exactly the footnote markers taken out.
    printed = _chars("".join(kinds["paragraph"]))
    data = _chars("".join((f"{p.number}." if p.number else "") + p.text for p in resolution.paragraphs))
    assert len(printed) - len(data) == len(footnotes.replace("A/HRC/43/31.", ""))
    remaining = iter(printed)
    assert all(char in remaining for char in data), "the data is not the source minus its markers"
    # The adoption block: its statement, then every country name, in order.
    block = _chars("".join(kinds["adoption"]))
    assert block.startswith("[" + _chars(resolution.adoption.statement))
    remaining = iter(block)
    assert all(char in remaining for char in _chars("".join(v.country for v in resolution.adoption.votes)))
    assert block.endswith("]")
