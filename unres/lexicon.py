"""The words of each language the parser reads, as data.

Everything that differs between French and English texts lives here: how
the body opens, months, meeting lines, the adoption sentence, the headings
of the vote lists, and the fixed phrases that open paragraphs. The parser
itself holds no word of either language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_APOS = "['’]"


@dataclass(frozen=True)
class Lexicon:
    language: str
    #: body code -> pattern of the line that opens the body ("The Human Rights Council,")
    openings: dict[str, str]
    months: tuple[str, ...]
    #: "45e séance", "48th meeting", "3rd plenary meeting"; group 1 is the number
    meeting: str
    #: a day, a month name, a year; the day may carry an ordinal ("1er")
    day_suffix: str
    without_vote: str
    #: groups: yes, no, abstain (abstain may be absent or a word meaning none)
    recorded_vote: str
    no_abstentions: str
    #: vote value -> heading that opens its list of countries
    vote_headings: dict[str, str]
    #: phrases that open a paragraph and are its lead as a whole ("Prend note")
    fixed_leads: tuple[str, ...]
    #: words that never stand alone as a lead: the lead runs on to the next
    #: word ("Also decides", "Se félicite", "Profondément préoccupé")
    lead_prefixes: tuple[str, ...]
    #: header line that says which body adopted the text and that it is a
    #: resolution or a decision; groups: kind word, rest of the line
    adopted_header: str
    #: how a decision's opening sentence begins ("At its 48th meeting", "À sa 48e séance")
    intro_start: str
    #: the whole opening sentence up to "decided"; groups: meeting, date, body
    intro: str
    #: body code -> how the opening sentence names the body
    intro_bodies: dict[str, str]
    #: the opening sentence says the decision was taken without a vote
    intro_without_vote: str
    kind_words: dict[str, str] = field(default_factory=dict)
    #: words that open a preambular paragraph; used to find paragraphs in a
    #: text that lost its line breaks
    preamble_openers: tuple[str, ...] = ()

    @property
    def month_pattern(self) -> str:
        return "|".join(self.months)

    @property
    def date_pattern(self) -> str:
        return rf"(\d{{1,2}})(?:{self.day_suffix})?\s+({self.month_pattern})\s+(\d{{4}})"


FRENCH = Lexicon(
    language="fr",
    openings={
        "HRC": rf"Le Conseil des droits de l{_APOS}homme",
        "GA": rf"L{_APOS}Assemblée générale",
    },
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    meeting=r"(\d+)\s*(?:e|re|er|ème)\s+séance(?:\s+plénière)?",
    day_suffix="er",
    without_vote=r"Adoptée?\s+sans\s+vote",
    recorded_vote=(
        r"Adoptée?\s+par\s+(\d+)\s+voix\s+contre\s+(\d+)"
        r"(?:\s*,\s*avec\s+(\d+)\s+abstentions?|\s*,?\s*sans\s+abstention)?"
    ),
    no_abstentions=r"sans\s+abstention",
    vote_headings={
        "yes": r"Ont\s+voté\s+pour\s*:",
        "no": r"Ont\s+voté\s+contre\s*:",
        "abstain": r"Se\s+sont\s+abstenus\s*:",
    },
    fixed_leads=(
        "Prend note",
        "Prend acte",
        "Prenant note",
        "Prenant acte",
        "Rend hommage",
        "Rendant hommage",
        "Tenant compte",
        "Ayant à l’esprit",
        "Ayant à l'esprit",
        "Ayant examiné",
        "Prie instamment",
        "Engage vivement",
        "Demande instamment",
    ),
    lead_prefixes=("Se", "Profondément", "Vivement", "Gravement", "Très"),
    adopted_header=r"(Résolution|Décision)\s+adoptée\s+par\s+(.*)",
    intro_start=r"À\s+sa\s+\d+",
    intro=r"À\s+sa\s+(?P<meeting>\d+)\s*(?:e|re|er|ème)\s+séance(?:\s+plénière)?\s*,\s+le\s+(?P<date>.+?)\s*,\s+"
    r"(?P<body>{bodies})\s+a\s+décidé",
    intro_bodies={
        "HRC": rf"le\s+Conseil\s+des\s+droits\s+de\s+l{_APOS}homme",
        "GA": rf"l{_APOS}Assemblée\s+générale",
    },
    intro_without_vote=r"sans\s+(?:le\s+mettre\s+aux\s+voix|vote)",
    kind_words={"résolution": "resolution", "décision": "decision"},
    preamble_openers=(
        "Accueillant",
        "Affirmant",
        "Alarmé",
        "Alarmée",
        "Appréciant",
        "Ayant",
        "Conscient",
        "Consciente",
        "Considérant",
        "Constatant",
        "Convaincu",
        "Convaincue",
        "Déplorant",
        "Déterminé",
        "Déterminée",
        "Encourageant",
        "Estimant",
        "Exprimant",
        "Gardant",
        "Gravement",
        "Guidé",
        "Guidée",
        "Inquiet",
        "Insistant",
        "Notant",
        "Observant",
        "Persuadé",
        "Préoccupé",
        "Préoccupée",
        "Prenant",
        "Profondément",
        "Rappelant",
        "Réaffirmant",
        "Reconnaissant",
        "Regrettant",
        "Rendant",
        "Résolu",
        "Résolue",
        "Sachant",
        "Saluant",
        "Se félicitant",
        "Soulignant",
        "Tenant",
        "Vivement",
    ),
)

ENGLISH = Lexicon(
    language="en",
    openings={
        "HRC": r"The Human Rights Council",
        "GA": r"The General Assembly",
    },
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    meeting=r"(\d+)\s*(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting",
    day_suffix="st|nd|rd|th",
    without_vote=r"Adopted\s+without\s+a\s+vote",
    recorded_vote=(
        r"Adopted\s+by\s+a\s+recorded\s+vote\s+of\s+(\d+)\s+to\s+(\d+)"
        r"(?:\s*,\s*with\s+(\d+)\s+abstentions?|\s*,\s*with\s+no\s+abstentions?)?"
    ),
    no_abstentions=r"with\s+no\s+abstentions?",
    vote_headings={
        "yes": r"In\s+favour\s*:",
        "no": r"Against\s*:",
        "abstain": r"Abstaining\s*:",
    },
    fixed_leads=(
        "Takes note",
        "Taking note",
        "Bearing in mind",
        "Calls upon",
        "Calls on",
        "Taking into account",
        "Takes into account",
        "Having considered",
        "Having examined",
        "Pays tribute",
        "Paying tribute",
    ),
    lead_prefixes=(
        "Also",
        "Further",
        "Again",
        "Strongly",
        "Deeply",
        "Gravely",
        "Firmly",
        "Seriously",
        "Once again",
    ),
    adopted_header=r"(Resolution|Decision)\s+adopted\s+by\s+(.*)",
    intro_start=r"At\s+its\s+\d+",
    intro=r"At\s+its\s+(?P<meeting>\d+)\s*(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\s*,\s+on\s+(?P<date>.+?)\s*,\s+"
    r"(?P<body>{bodies})\s*,?\s+decided",
    intro_bodies={"HRC": r"the\s+Human\s+Rights\s+Council", "GA": r"the\s+General\s+Assembly"},
    intro_without_vote=r"without\s+a\s+vote",
    kind_words={"resolution": "resolution", "decision": "decision"},
    preamble_openers=(
        "Acknowledging",
        "Affirming",
        "Alarmed",
        "Appreciating",
        "Aware",
        "Bearing",
        "Believing",
        "Commending",
        "Concerned",
        "Conscious",
        "Considering",
        "Convinced",
        "Deeply",
        "Deploring",
        "Desiring",
        "Determined",
        "Emphasizing",
        "Emphasising",
        "Encouraging",
        "Expressing",
        "Further",
        "Gravely",
        "Guided",
        "Having",
        "Highlighting",
        "Mindful",
        "Noting",
        "Observing",
        "Reaffirming",
        "Recalling",
        "Recognizing",
        "Recognising",
        "Regretting",
        "Reiterating",
        "Seriously",
        "Stressing",
        "Taking",
        "Underlining",
        "Underscoring",
        "Welcoming",
    ),
)

LEXICONS: tuple[Lexicon, ...] = (FRENCH, ENGLISH)


def intro_start_of(text: str) -> Lexicon | None:
    """If ``text`` begins a decision's opening sentence, its lexicon."""
    return next((lexicon for lexicon in LEXICONS if re.match(rf"\s*{lexicon.intro_start}", text)), None)


@dataclass(frozen=True)
class Intro:
    """What a decision's opening sentence states."""

    body: str
    meeting: int
    date_text: str
    without_vote: bool


def intro_of(text: str, lexicon: Lexicon) -> Intro | None:
    """Read "At its 48th meeting, on 25 March 2011, the Human Rights Council decided…"."""
    bodies = "|".join(f"(?:{pattern})" for pattern in lexicon.intro_bodies.values())
    match = re.match(lexicon.intro.format(bodies=bodies), text, re.IGNORECASE)
    if not match:
        return None
    body = next(code for code, pattern in lexicon.intro_bodies.items() if re.fullmatch(pattern, match["body"], re.I))
    without_vote = bool(re.search(lexicon.intro_without_vote, text[match.end() : match.end() + 60], re.IGNORECASE))
    return Intro(body, int(match["meeting"]), match["date"], without_vote)


def opening_of(text: str) -> tuple[Lexicon, str] | None:
    """If ``text`` is a body opening line, return its lexicon and body code."""
    for lexicon in LEXICONS:
        for body, pattern in lexicon.openings.items():
            if re.fullmatch(rf"\s*{pattern}\s*,?\s*", text):
                return lexicon, body
    return None
