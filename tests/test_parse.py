"""The parser's traps, one per test, on small synthetic snippets shaped like sources/hrc-43-21-fr.txt."""

from __future__ import annotations

import pytest

from unres import classify
from unres.errors import InputError, ParseError
from unres.lexicon import ENGLISH, FRENCH
from unres.parse import parse_text

TITLE = "43/21. Titre de la résolution"
OPENING = "Le Conseil des droits de l’homme,"
PREAMBLE = "Guidé par la Charte des Nations Unies,"
LAST = "1. Décide de rester saisi de la question."
CLOSING = ["45e séance", "22 juin 2020"]
WITHOUT_VOTE = "[Adoptée sans vote.]"


def french(body: list[str], adoption: list[str] | None = None, title: list[str] | None = None) -> str:
    """A French resolution: title, opening, ``body`` from line 3, closing, adoption block."""
    lines = [*(title or [TITLE]), OPENING, *body, *CLOSING, *(adoption or [WITHOUT_VOTE])]
    return "\n".join(lines) + "\n"


def parse_one(text: str):
    resolutions = parse_text(text)
    assert len(resolutions) == 1
    return resolutions[0]


def texts(paragraphs) -> list[str]:
    return [paragraph.text for paragraph in paragraphs]


def test_title_joined_across_two_lines_number_and_session_derived():
    title = ["43/21. Promotion d’une coopération", "dans le domaine des droits de l’homme"]
    resolution = parse_one(french([PREAMBLE, LAST], title=title))
    assert resolution.title == "Promotion d’une coopération dans le domaine des droits de l’homme"
    assert (resolution.number, resolution.session) == ("43/21", 43)
    assert resolution.symbol == "A/HRC/RES/43/21"
    assert (resolution.body, resolution.kind, resolution.language) == ("HRC", "resolution", "fr")
    assert resolution.ledger[2] == "title"
    assert texts(resolution.preamble) == [PREAMBLE]


def test_wrapped_preambular_paragraphs_joined_one_line_each():
    body = [
        "Guidé par les buts et principes de la Charte des",
        "Nations Unies et par la Déclaration universelle des droits de l’homme,",
        "Rappelant ses résolutions antérieures sur la question,",
        "ainsi que les résolutions de l’Assemblée générale,",
        "Conscient de l’importance de la coopération,",
        LAST,
    ]
    resolution = parse_one(french(body))
    assert texts(resolution.preamble) == [
        "Guidé par les buts et principes de la Charte des Nations Unies et par la Déclaration universelle "
        "des droits de l’homme,",
        "Rappelant ses résolutions antérieures sur la question, ainsi que les résolutions de l’Assemblée générale,",
        "Conscient de l’importance de la coopération,",
    ]
    assert [(p.line_start, p.line_end) for p in resolution.preamble] == [(3, 4), (5, 6), (7, 7)]
    assert [p.lead for p in resolution.preamble] == ["Guidé", "Rappelant", "Conscient"]


def test_blank_line_after_every_line_gives_the_same_paragraphs():
    lines = [
        "43/21. Promotion d’une coopération",
        "dans le domaine des droits de l’homme",
        OPENING,
        "Guidé par les buts et principes de la Charte des",
        "Nations Unies,",
        "Rappelant ses résolutions antérieures,",
        "ainsi que les résolutions de l’Assemblée générale,",
        "1. Prend note du rapport du Comité consultatif sur les droits de l’homme1 ;",
        "2. Décide de convoquer une réunion à laquelle participeront les États",
        "  ",
        " 1 A/HRC/43/31. ",
        " concernés ;",
        "3. Décide de rester saisi de la question.",
        *CLOSING,
        WITHOUT_VOTE,
    ]
    dense = parse_one("\n".join(lines) + "\n").to_document()
    spaced = parse_one("\n\n".join(lines) + "\n\n").to_document()

    for key in ("title", "number", "meeting", "date", "adoption"):
        assert spaced[key] == dense[key]
    assert (len(dense["preamble"]), len(dense["operative"]), len(dense["footnotes"])) == (2, 3, 1)
    for part in ("preamble", "operative", "footnotes"):
        assert len(spaced[part]) == len(dense[part])
        for with_blanks, without in zip(spaced[part], dense[part], strict=True):
            # line n without blank lines is line 2n - 1 with them
            assert with_blanks == {**without, "lines": [2 * n - 1 for n in without["lines"]]}
    joined = "Décide de convoquer une réunion à laquelle participeront les États concernés ;"
    assert dense["operative"][1]["text"] == joined
    assert dense["source"]["lines"] == [1, len(lines)]
    assert spaced["source"]["lines"] == [1, 2 * len(lines) - 1]


def test_footnote_at_page_break_inside_operative_paragraph_taken_out():
    body = [
        PREAMBLE,  # line 3, position 1
        "1. Prend note du rapport du Comité consultatif sur la question",  # line 4, position 2
        "des droits de l’homme1 ;",
        "2. Décide de convoquer une réunion consacrée au rôle de la coopération",  # line 6, position 3
        "et à laquelle participeront de hauts responsables des États concernant",
        "  ",  # line 8: page break
        " 1 A/HRC/43/31. ",  # line 9: the footnote
        " certains aspects de la promotion des droits de l’homme ;",  # line 10
        "3. Décide de rester saisi de la question.",
    ]
    resolution = parse_one(french(body))
    second = resolution.operative[1]
    assert second.text == (
        "Décide de convoquer une réunion consacrée au rôle de la coopération et à laquelle participeront "
        "de hauts responsables des États concernant certains aspects de la promotion des droits de l’homme ;"
    )
    assert (second.line_start, second.line_end) == (6, 10)
    assert "A/HRC/43/31" not in " ".join(texts(resolution.paragraphs))
    assert [f.to_document() for f in resolution.footnotes] == [
        {"marker": "1", "text": "A/HRC/43/31.", "paragraph": 2, "lines": [9, 9]}
    ]
    assert (resolution.operative[0].position, resolution.operative[0].text[-12:]) == (2, "de l’homme ;")
    assert [p.number for p in resolution.operative] == [1, 2, 3]
    assert [resolution.ledger[n] for n in (8, 9, 10)] == ["blank", "footnote", "paragraph"]


def test_glued_footnote_marker_removed_and_linked():
    first_line = "1. Prend note du rapport du Comité consultatif sur la promotion des droits"
    body = [PREAMBLE, first_line, "de l’homme1 ;", "1 A/HRC/43/31.", "2. Décide de rester saisi de la question."]
    resolution = parse_one(french(body))
    first = resolution.operative[0]
    assert first.text == "Prend note du rapport du Comité consultatif sur la promotion des droits de l’homme ;"
    assert first.lead == "Prend note"
    assert len(resolution.footnotes) == 1
    footnote = resolution.footnotes[0]
    assert (footnote.marker, footnote.text, footnote.paragraph) == ("1", "A/HRC/43/31.", first.position)
    assert (footnote.line_start, footnote.line_end) == (6, 6)
    assert resolution.operative[1].text == "Décide de rester saisi de la question."


@pytest.mark.parametrize(
    "first_line",  # wrapped inside a date, or after a line ending with a comma
    ["Rappelant ses résolutions 67/1 du 24 septembre 2012, 67/97 du", "Rappelant ses résolutions 67/1 et 67/97,"],
)
def test_line_beginning_with_a_number_that_is_no_footnote_stays_in_paragraph(first_line):
    body = [first_line, "13 novembre 2012, 68/8 du 11 décembre 2013 et 69/9 du", "15 décembre 2014,", LAST]
    resolution = parse_one(french(body))
    assert resolution.footnotes == []
    assert len(resolution.preamble) == 1
    assert resolution.preamble[0].text == (
        f"{first_line} 13 novembre 2012, 68/8 du 11 décembre 2013 et 69/9 du 15 décembre 2014,"
    )
    assert (resolution.preamble[0].line_start, resolution.preamble[0].line_end) == (3, 5)
    assert resolution.ledger[4] == "paragraph"


def test_closing_meeting_and_date_french():
    resolution = parse_one(french([PREAMBLE, LAST]))
    assert (resolution.meeting, resolution.date) == (45, "2020-06-22")
    assert (resolution.ledger[5], resolution.ledger[6]) == ("meeting", "date")


ENGLISH_TEXT = """46/9. Mandate of the Special Rapporteur
The Human Rights Council,
Guided by the Charter of the United Nations,
1. Decides to remain seized of the matter.
48th meeting
23 March 2021
[Adopted without a vote.]
"""


def test_closing_meeting_and_date_english():
    resolution = parse_one(ENGLISH_TEXT)
    assert resolution.language == "en"
    assert (resolution.number, resolution.session) == ("46/9", 46)
    assert (resolution.meeting, resolution.date) == (48, "2021-03-23")


VOTE_BLOCK = [
    "[Adoptée par 3 voix contre 2, avec 1 abstention, à l’issue d’un vote enregistré. Les voix",  # line 7
    "se sont réparties comme suit :",
    "Ont voté pour :",
    "Nigéria, Venezuela (République bolivarienne du),",  # line 10
    "Iran (République islamique d’)",  # line 11
    "Ont voté contre :",
    "Allemagne, République de Corée",  # line 13
    "Se sont abstenus :",
    "République",  # line 15
    "démocratique du Congo]",
]


def test_recorded_vote_counts_names_and_iso3():
    resolution = parse_one(french([PREAMBLE, LAST], adoption=VOTE_BLOCK))
    adoption = resolution.adoption
    assert adoption.method == "recorded-vote"
    assert (adoption.yes, adoption.no, adoption.abstain) == (3, 2, 1)
    assert [(v.country, v.iso3, v.vote, v.line) for v in adoption.votes] == [
        ("Nigéria", "NGA", "yes", 10),
        ("Venezuela (République bolivarienne du)", "VEN", "yes", 10),
        ("Iran (République islamique d’)", "IRN", "yes", 11),
        ("Allemagne", "DEU", "no", 13),
        ("République de Corée", "KOR", "no", 13),
        ("République démocratique du Congo", "COD", "abstain", 15),
    ]
    counted = {value: sum(v.vote == value for v in adoption.votes) for value in ("yes", "no", "abstain")}
    assert counted == {"yes": adoption.yes, "no": adoption.no, "abstain": adoption.abstain}
    assert resolution.meeting == 45


@pytest.mark.parametrize("text", [french([PREAMBLE, LAST]), ENGLISH_TEXT], ids=["fr", "en"])
def test_adopted_without_vote(text):
    adoption = parse_one(text).adoption
    assert adoption.method == "without-vote"
    assert (adoption.yes, adoption.no, adoption.abstain) == (None, None, None)
    assert adoption.votes == []


# The second name also checks that a comma inside parentheses stays in the name (no real name has one).
@pytest.mark.parametrize("name", ["Atlantide", "Atlantide (Royaume d’, du Nord)"])
def test_unknown_country_in_vote_list_names_it_and_its_line(name):
    block = [
        "[Adoptée par 3 voix contre 1, avec 1 abstention, à l’issue d’un vote enregistré. Les voix",  # line 7
        "se sont réparties comme suit :",
        "Ont voté pour :",
        "Allemagne, Japon,",
        f"{name}, Pérou",  # line 11
        "Ont voté contre :",
        "Chili",
        "Se sont abstenus :",
        "Arménie]",
    ]
    with pytest.raises(ParseError) as caught:
        parse_text(french([PREAMBLE, LAST], adoption=block))
    assert caught.value.found == repr(name)
    assert name in str(caught.value)
    assert caught.value.line == 11


def test_not_a_resolution_fails_at_line_1():
    with pytest.raises(ParseError) as caught:
        parse_text("Lait\nPain\nŒufs\n")
    assert caught.value.line == 1


def test_title_without_body_opening_fails():
    with pytest.raises(ParseError) as caught:
        parse_text("43/21. Titre de la résolution\n" + "\n".join([PREAMBLE, LAST, *CLOSING, WITHOUT_VOTE]) + "\n")
    assert "opening" in str(caught.value)


@pytest.mark.parametrize("text", ["", "\n\n  \n"], ids=["empty", "blank"])
def test_empty_text_fails(text):
    assert issubclass(ParseError, InputError)
    with pytest.raises(InputError):
        parse_text(text)


@pytest.mark.parametrize(
    ("body", "index", "lead"),
    [
        (["Réaffirmant également que la coopération est essentielle,", LAST], 0, "Réaffirmant"),
        ([PREAMBLE, "1. Prend note du rapport du Secrétaire général ;", "2. Décide de rester saisi."], 1, "Prend note"),
        ([PREAMBLE, "1. Décide de rester saisi de la question."], 1, "Décide"),
        ([PREAMBLE, "1. Se félicite du rapport ;", "2. Décide de rester saisi."], 1, "Se félicite"),
    ],
)
def test_lead(body, index, lead):
    resolution = parse_one(french(body))
    assert resolution.paragraphs[index].lead == lead


def test_positions_run_through_preamble_then_operative():
    body = [PREAMBLE, "Rappelant ses résolutions antérieures,", "1. Demande à tous les États de coopérer ;"]
    resolution = parse_one(french([*body, "2. Prend note du rapport ;", "3. Décide de rester saisi de la question."]))
    document = resolution.to_document()
    assert [p["position"] for p in document["preamble"]] == [1, 2]
    assert [p["position"] for p in document["operative"]] == [3, 4, 5]
    assert [p["number"] for p in document["operative"]] == [1, 2, 3]
    assert all("number" not in p for p in document["preamble"])
    assert [p.part for p in resolution.paragraphs] == ["preamble"] * 2 + ["operative"] * 3
    assert document["operative"][1]["text"] == "Prend note du rapport ;"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guidé par les buts et principes de la Charte des", False),
        ("relatifs aux droits", False),
        ("Nations Unies et par la Déclaration universelle,", True),
        ("de l’homme1 ;", True),
        ("de rester saisi de la question.", True),
        ("de la Cour internationale de Justice,2", True),
        ("comme suit :", True),
    ],
)
def test_ends_paragraph(text, expected):
    assert classify.ends_paragraph(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("43/21. Promotion d’une coopération", ("43/21", "Promotion d’une coopération")),
        ("4 6 / 9. Mandate", ("46/9", "Mandate")),
        ("34/35.Mandat", ("34/35", "Mandat")),
        ("S-28/1. Title", ("S-28/1", "Title")),
        ("5/1 and 5/2 of 18 June", None),
        ("Le Conseil des droits de l’homme,", None),
    ],
)
def test_title_line(text, expected):
    found = classify.title_line(text)
    assert (found and (found.number, found.title)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Décide de rester saisi", (1, "Décide de rester saisi")),
        ("1.Decides", (1, "Decides")),
        ("12.", (12, "")),
        ("1. and 2. of its resolution", None),
        ("13 novembre 2012, 68/8 du", None),
        ("Guidé par la Charte", None),
    ],
)
def test_operative_start(text, expected):
    assert classify.operative_start(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" 1 A/HRC/43/31. ", ("1", "A/HRC/43/31.")),
        ("* Nouveau tirage pour raisons techniques.", ("*", "Nouveau tirage pour raisons techniques.")),
        ("1. Décide", None),
        ("Guidé par la Charte,", None),
    ],
)
def test_footnote_line(text, expected):
    assert classify.footnote_line(text) == expected


@pytest.mark.parametrize(
    ("text", "lexicon", "expected"),
    [
        ("45e séance", FRENCH, (45, None)),
        ("1re séance", FRENCH, (1, None)),
        ("48th meeting", ENGLISH, (48, None)),
        ("48th meeting 23 March 2021", ENGLISH, (48, "23 March 2021")),
        ("Décide de rester saisi de la question.", FRENCH, None),
        ("45e séance", ENGLISH, None),
    ],
)
def test_meeting_line(text, lexicon, expected):
    assert classify.meeting_line(text, lexicon) == expected


@pytest.mark.parametrize(
    ("text", "lexicon", "expected"),
    [
        ("22 juin 2020", FRENCH, "2020-06-22"),
        ("1er janvier 2021", FRENCH, "2021-01-01"),
        ("23 March 2021", ENGLISH, "2021-03-23"),
        ("31 février 2020", FRENCH, None),
        ("le 22 juin 2020", FRENCH, None),
    ],
)
def test_date_line(text, lexicon, expected):
    assert classify.date_line(text, lexicon) == expected
