"""Synthetic resolution texts in the real layouts, for benchmarks and robustness.

:func:`generate` makes ``count`` texts from a seed, byte for byte the same for
the same seed: French and English, Human Rights Council and General Assembly,
the report format (``44/12. Title``, one to three resolutions a file) and the
official-document format (``United Nations`` header), a blank line after every
line, page furniture in mid-paragraph, glued footnote markers, sub-paragraphs,
and recorded votes drawn from the Council's members in 2020. Each text comes
with what the parser must read in it (:attr:`GeneratedText.expected`).

Paragraphs are words from a small lowercase vocabulary, so that no wrapped
line can pass for the start of a paragraph, a footnote or a title; titles use
words of their own, so that no paragraph line can pass for the running title
printed with the page furniture.
"""

from __future__ import annotations

import datetime
import gettext
import random
import re
import textwrap
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from unres.countries import normalise
from unres.lexicon import ENGLISH, FRENCH, Lexicon
from unres.members import member_rows
from unres.symbols import symbol_of

WIDTH = 80
VOTES = ("yes", "no", "abstain")
_GLUE = "\u00a0"  # holds " ;" and " :" to the word before them while wrapping
_LETTER = r"[^\W\d_]"


@dataclass
class GeneratedText:
    name: str  # file name, such as "0001-hrc-fr.txt"
    text: str
    expected: list[dict[str, Any]]  # the documents the parser must find, in order


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


@dataclass(frozen=True)
class _Language:
    """The words and phrases one language prints."""

    lexicon: Lexicon
    words: tuple[str, ...]  # paragraph vocabulary, lowercase
    title_heads: tuple[str, ...]
    title_words: tuple[str, ...]  # no paragraph word among them
    verbs: tuple[str, ...]
    sub_openers: tuple[str, ...]
    space_before: str  # French prints a space before ; and :
    bodies: dict[str, str]  # body -> its name in a sentence ("the Human Rights Council")
    meetings: dict[str, str]  # body -> "meeting", "plenary meeting"
    adopted: str  # "Resolution adopted by {body} on {date}"
    header: tuple[str, ...]  # "United Nations", "General Assembly", "Distr.: General"
    footnotes: tuple[str, ...]
    without_vote: str
    recorded_vote: str  # {yes} {no} {abstentions}
    abstentions: tuple[str, str, str]  # none, one, several ({n})
    vote_headings: dict[str, str]
    joiner: str  # "and" / "et" before the last name of a list

    @property
    def code(self) -> str:
        return self.lexicon.language

    def ordinal(self, number: int) -> str:
        if self.code == "fr":
            return f"{number}{'re' if number == 1 else 'e'}"
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix}"

    def date(self, day: datetime.date) -> str:
        number = "1er" if self.code == "fr" and day.day == 1 else str(day.day)
        return f"{number} {self.lexicon.months[day.month - 1]} {day.year}"

    def opening(self, body: str) -> str:
        """ "The Human Rights Council,", "L’Assemblée générale,"."""
        return self.bodies[body][0].upper() + self.bodies[body][1:] + ","

    def vote_statement(self, yes: int, no: int, abstain: int) -> str:
        """ "[Adopted by a recorded vote of 23 to 16, with 8 abstentions. The voting was as follows:"."""
        abstentions = self.abstentions[min(abstain, 2)].format(n=abstain)
        return self.recorded_vote.format(yes=yes, no=no, abstentions=abstentions)


FRENCH_TEXT = _Language(
    lexicon=FRENCH,
    words=_split(
        "les des la le de du et à aux dans pour avec sur par ainsi que notamment tous toutes droits l’homme "
        "libertés fondamentales personnes femmes enfants société civile mesures efforts principes engagements "
        "obligations politiques accès justice paix sécurité pauvreté éducation santé information participation "
        "coopération internationale nationales pertinentes effective pleine dialogue ressources mise œuvre d’action"
    ),
    title_heads=_split("Promotion Renforcement Mandat Question Situation Assistance Élimination"),
    title_words=_split(
        "technique spécial rapporteur numérique autochtones migrants climatique environnement culturels "
        "indépendant expert régional démocratique transitionnelle mutuelle"
    ),
    verbs=_split("Décide Demande Prie Invite Souligne Encourage"),
    sub_openers=_split("De En Par"),
    space_before=" ",
    bodies={"HRC": "le Conseil des droits de l’homme", "GA": "l’Assemblée générale"},
    meetings={"HRC": "séance", "GA": "séance plénière"},
    adopted="Résolution adoptée par {body} le {date}",
    header=("Nations Unies", "Assemblée générale", "Distr. générale"),
    footnotes=("Voir A/HRC/{s}/{n}.", "Résolution {s}/{n} de l’Assemblée générale.", "Recueil des Traités, vol. {v}."),
    without_vote="[Adoptée sans vote.]",
    recorded_vote="[Adoptée par {yes} voix contre {no}, {abstentions}, à l’issue d’un vote enregistré. "
    "Les voix se sont réparties comme suit :",
    abstentions=("sans abstention", "avec 1 abstention", "avec {n} abstentions"),
    vote_headings={"yes": "Ont voté pour :", "no": "Ont voté contre :", "abstain": "Se sont abstenus :"},
    joiner="et",
)

ENGLISH_TEXT = _Language(
    lexicon=ENGLISH,
    words=_split(
        "the of and to in for with on all as well including particular rights human freedoms fundamental "
        "persons women children society civil measures efforts principles commitments obligations policies "
        "access justice peace security poverty education health information participation cooperation "
        "international national relevant effective full dialogue resources implementation states"
    ),
    title_heads=_split("Promotion Strengthening Mandate Question Situation Assistance Elimination"),
    title_words=_split(
        "technical special rapporteur digital indigenous migrants climate environment cultural "
        "independent expert regional democratic transitional mutual"
    ),
    verbs=_split("Decides Requests Invites Stresses Encourages Calls"),
    sub_openers=_split("To By In"),
    space_before="",
    bodies={"HRC": "the Human Rights Council", "GA": "the General Assembly"},
    meetings={"HRC": "meeting", "GA": "plenary meeting"},
    adopted="Resolution adopted by {body} on {date}",
    header=("United Nations", "General Assembly", "Distr.: General"),
    footnotes=("A/HRC/{s}/{n}.", "General Assembly resolution {s}/{n}.", "United Nations, Treaty Series, vol. {v}."),
    without_vote="[Adopted without a vote.]",
    recorded_vote="[Adopted by a recorded vote of {yes} to {no}, {abstentions}. The voting was as follows:",
    abstentions=("with no abstentions", "with 1 abstention", "with {n} abstentions"),
    vote_headings={"yes": "In favour:", "no": "Against:", "abstain": "Abstaining:"},
    joiner="and",
)

LANGUAGES = {"fr": FRENCH_TEXT, "en": ENGLISH_TEXT}


@cache
def preamble_openers(language: str) -> tuple[str, ...]:
    """The lexicon's single-word openers that neither start a fixed lead nor run on to the next word."""
    lexicon = LANGUAGES[language].lexicon
    taken = {phrase.split()[0] for phrase in lexicon.fixed_leads} | set(lexicon.lead_prefixes)
    return tuple(word for word in lexicon.preamble_openers if " " not in word and word not in taken)


@cache
def council_2020() -> tuple[str, ...]:
    """ISO alpha-3 codes of the Human Rights Council's 47 members in 2020."""
    return tuple(row["iso3"] for row in member_rows() if row["body"] == "HRC" and row["year"] == 2020)


@cache
def country_name(iso3: str, language: str) -> str:
    """A member's name as printed: pycountry's, in French through its translation; ``Head (tail)``."""
    name = pycountry.countries.get(alpha_3=iso3).name
    if language == "fr":
        name = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext(name)
    head, comma, tail = name.partition(", ")
    return f"{head} ({tail})" if comma else name


def wrap(text: str) -> list[str]:
    """``text`` cut into lines of about ``WIDTH`` characters, never inside a word or a name."""
    glued = text.replace(" ;", _GLUE + ";").replace(" :", _GLUE + ":")
    lines = textwrap.wrap(glued, WIDTH, break_long_words=False, break_on_hyphens=False)
    return [line.replace(_GLUE, " ") for line in lines]


@dataclass
class _Paragraph:
    part: str  # "preamble" or "operative"
    number: int | None
    label: str | None
    text: str  # as the parser must read it back
    lines: list[str]  # as printed
    first_text_line: int = 0  # 1 when the number or label stands alone on the first line
    marked: dict[int, str] = field(default_factory=dict)  # line index -> footnote marker


def _number(rng: random.Random, body: str, taken: set[tuple[str, int, int]]) -> tuple[int, int]:
    """A (session, serial) not in ``taken`` for ``body``, then added to it: each once in the corpus."""
    usual = (43, 44, 45) if body == "HRC" else (74, 75)
    while True:
        session = rng.choice(usual) if rng.random() < 0.5 else rng.randint(1, 999)
        serial = rng.randint(1, 100 if body == "HRC" else 400)  # decisions are numbered from 101 / 401
        if (body, session, serial) not in taken:
            taken.add((body, session, serial))
            return session, serial


class _Document:
    """One resolution: draws its parts, prints its lines and says what they hold."""

    def __init__(self, rng: random.Random, language: _Language, body: str, session: int, serial: int) -> None:
        self.rng, self.language, self.body = rng, language, body
        self.number = f"{session}/{serial}"
        self.symbol = symbol_of(body, "resolution", self.number)
        self.date = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 350))
        self.meeting = rng.randint(1, 60)
        self.title = " ".join([rng.choice(language.title_heads), *rng.sample(language.title_words, rng.randint(2, 5))])
        self.paragraphs = self.draw_paragraphs()
        self.votes = self.draw_votes() if body == "HRC" and rng.random() < 0.5 else []
        self.counts = {vote: sum(1 for _, v in self.votes if v == vote) for vote in VOTES}
        self.footnotes: list[dict[str, Any]] = []  # as their lines are printed

    # -- drawing ---------------------------------------------------------------

    def paragraph(self, part: str, number: int | None, label: str | None, first: str, ending: str) -> _Paragraph:
        """``first``, lowercase words with a comma here and there, then ``ending``; wrapped."""
        words = [first] + [self.rng.choice(self.language.words) for _ in range(self.rng.randint(5, 55))]
        commas = [0 < i < len(words) - 1 and self.rng.random() < 0.08 for i in range(len(words))]
        text = " ".join(word + "," if comma else word for word, comma in zip(words, commas, strict=True)) + ending
        if number is None:
            return _Paragraph(part, None, None, text, wrap(text))
        prefix = f"{number}." if label is None else f"({label})" if self.language.code == "en" else f"{label})"
        if self.rng.random() < 0.1:  # the number or label alone on its line
            return _Paragraph(part, number, label, text, [prefix, *wrap(text)], first_text_line=1)
        return _Paragraph(part, number, label, text, wrap(f"{prefix} {text}"))

    def draw_paragraphs(self) -> list[_Paragraph]:
        rng, space = self.rng, self.language.space_before
        openers = preamble_openers(self.language.code)
        paragraphs = [
            self.paragraph("preamble", None, None, rng.choice(openers), ",") for _ in range(rng.randint(0, 5))
        ]
        count = rng.randint(1, 6)
        for number in range(1, count + 1):
            last = number == count
            labels = "abcde"[: rng.randint(2, 5)] if rng.random() < 0.2 else ""
            ending = f"{space}:" if labels else "." if last else f"{space};"
            paragraphs.append(self.paragraph("operative", number, None, rng.choice(self.language.verbs), ending))
            for label in labels:
                ending = "." if last and label == labels[-1] else f"{space};"
                opener = rng.choice(self.language.sub_openers)
                paragraphs.append(self.paragraph("operative", number, label, opener, ending))
        return paragraphs

    def draw_votes(self) -> list[tuple[str, str]]:
        """(iso3, vote) of the members that voted (a few may not), each list in alphabetical order."""
        voters = list(council_2020())
        self.rng.shuffle(voters)
        voters = voters[: len(voters) - self.rng.choice((0, 0, 0, 1, 2, 3))]
        choices = ("yes", "yes", "no") if self.rng.random() < 0.25 else ("yes", "yes", "no", "abstain")
        votes = ["yes", "no"] + [self.rng.choice(choices) for _ in voters[2:]]
        name = {iso3: normalise(country_name(iso3, self.language.code)) for iso3 in voters}
        return sorted(zip(voters, votes, strict=True), key=lambda pair: (VOTES.index(pair[1]), name[pair[0]]))

    # -- printing --------------------------------------------------------------

    def lines(self, official: bool, furniture: bool) -> list[str]:
        """The document's lines; fills in ``footnotes`` as their lines are printed."""
        lines = self.header() if official else []
        words = f"{self.number}. {self.title}".split(" ")
        if len(words) > 4 and self.rng.random() < 0.2:  # the title wraps
            lines += [" ".join(words[:3]), " ".join(words[3:])]
        else:
            lines.append(("  " if self.rng.random() < 0.2 else "") + " ".join(words))
        lines.append(self.language.opening(self.body))
        after_closing = self.place_markers()
        breaks = self.page_breaks() if furniture else set()
        for index, paragraph in enumerate(self.paragraphs):
            for at, line in enumerate(paragraph.lines):
                marker = paragraph.marked.get(at)
                lines.append(self.glue(line, marker) if marker else line)
                if marker and marker != after_closing:
                    lines += self.footnote_lines(marker, index + 1)
                if (index, at) in breaks:
                    lines += self.furniture()
        lines += [f"{self.language.ordinal(self.meeting)} {self.language.meetings[self.body]}"]
        lines.append(self.language.date(self.date))
        if after_closing:
            lines += self.footnote_lines(after_closing, len(self.paragraphs))
        return lines + self.adoption_lines()

    def header(self) -> list[str]:
        """The official document's header: the distribution date, then the adoption's."""
        united, assembly, distr = self.language.header
        distributed = self.language.date(self.date + datetime.timedelta(days=self.rng.randint(1, 14)))
        adopted = self.language.adopted.format(body=self.language.bodies[self.body], date=self.language.date(self.date))
        return [united, self.symbol, assembly, distr, distributed, adopted]

    def place_markers(self) -> str | None:
        """Give chosen lines markers 1, 2, …; return the marker whose footnote follows the closing lines."""
        slots = [(i, at) for i, p in enumerate(self.paragraphs) for at in range(p.first_text_line, len(p.lines))]
        chosen = sorted(self.rng.sample(slots, min(len(slots), self.rng.choice((0, 0, 1, 1, 2, 3)))))
        for marker, (index, at) in enumerate(chosen, 1):
            self.paragraphs[index].marked[at] = str(marker)
        if chosen and chosen[-1][0] == len(self.paragraphs) - 1 and self.rng.random() < 0.3:
            return str(len(chosen))
        return None

    def glue(self, line: str, marker: str) -> str:
        """``droits ;`` -> ``droits3 ;``; sometimes ``Court,`` -> ``Court,3``."""
        if line.endswith(",") and self.rng.random() < 0.3:
            return line + marker
        end = re.search(rf"{_LETTER}(?=\W*$)", line).end()
        return line[:end] + marker + line[end:]

    def footnote_lines(self, marker: str, position: int) -> list[str]:
        """The footnote, after a whitespace-only line or not; recorded as expected."""
        rng = self.rng
        text = rng.choice(self.language.footnotes).format(
            s=rng.randint(10, 45), n=rng.randint(1, 99), v=rng.randint(100, 2999)
        )
        self.footnotes.append({"marker": marker, "text": text, "paragraph": position})
        return (["  "] if rng.random() < 0.3 else []) + [(" " if rng.random() < 0.3 else "") + f"{marker} {text}"]

    def page_breaks(self) -> set[tuple[int, int]]:
        """Lines after which a page breaks: inside a paragraph, after a word, never after a marker,
        never next to a line that the parser could take for a piece of the running title."""
        places = [
            (i, at)
            for i, p in enumerate(self.paragraphs)
            for at in range(p.first_text_line, len(p.lines) - 1)
            if at not in p.marked
            and re.search(rf"{_LETTER}$", p.lines[at])
            and not any(self.could_pass_for_title(line) for line in p.lines[at : at + 2])
        ]
        return set(self.rng.sample(places, min(len(places), self.rng.randint(1, 2))))

    def could_pass_for_title(self, line: str) -> bool:
        """Whether the parser could read ``line`` as a piece of the running title (normalising a
        line of ours removes at most a leading "the ", so a longer line cannot be one)."""
        return len(line) <= len(self.title) + 4 and normalise(line) in normalise(self.title)

    def furniture(self) -> list[str]:
        """A page's footer (job number, barcode, page counter) and the next one's header."""
        rng = self.rng
        job = f"20-{rng.randint(0, 99999):05d}"  # printed in 2020
        letter = "F" if self.language.code == "fr" else "E"
        footer = [f"GE.{job}({letter})" if self.body == "HRC" else f"{job} ({letter})"]
        if rng.random() < 0.5:
            footer.append(f"*{job.replace('-', '')}*")
        page = rng.randint(2, 8)
        footer.append(f"{page}/{page + rng.randint(0, 4)}")
        header = [self.symbol, self.title] if rng.random() < 0.5 else [self.title, self.symbol]
        return ["", *footer, "", *header, ""]

    def adoption_lines(self) -> list[str]:
        """Nothing for the Assembly; the Council's adoption, its vote lists closed by ``]``."""
        language = self.language
        if self.body == "GA" or not self.votes:
            return [] if self.body == "GA" else [language.without_vote]
        lines = wrap(language.vote_statement(**self.counts))
        lists = [vote for vote in VOTES if self.counts[vote]]
        for vote in lists:
            names = [country_name(iso3, language.code) for iso3, v in self.votes if v == vote]
            joined = ", ".join(names)
            if len(names) > 1 and self.rng.random() < 0.25:
                joined = f"{', '.join(names[:-1])} {language.joiner} {names[-1]}"
            lines += [language.vote_headings[vote], *wrap(joined + ("]" if vote == lists[-1] else ""))]
        return lines

    # -- what the parser must read ---------------------------------------------

    def expected(self) -> dict[str, Any]:
        """What the parser must read in the document's lines (once :meth:`lines` has printed them)."""
        method = None if self.body == "GA" else "recorded-vote" if self.votes else "without-vote"
        counts = self.counts if self.votes else dict.fromkeys(VOTES)
        votes = [{"country": country_name(iso3, self.language.code), "iso3": iso3, "vote": v} for iso3, v in self.votes]
        return {
            "symbol": self.symbol,
            "body": self.body,
            "kind": "resolution",
            "number": self.number,
            "session": int(self.number.split("/")[0]),
            "language": self.language.code,
            "title": self.title,
            "meeting": self.meeting,
            "date": self.date.isoformat(),
            "adoption": {"method": method, **counts, "votes": votes},
            "paragraphs": [
                {"position": position, "part": p.part, "number": p.number, "label": p.label, "text": p.text}
                for position, p in enumerate(self.paragraphs, 1)
            ],
            "footnotes": self.footnotes,
        }


def _text(index: int, digits: int, rng: random.Random, taken: set[tuple[str, int, int]]) -> GeneratedText:
    """One source text: its layout drawn, then one to three documents printed in it."""
    language = LANGUAGES[rng.choice(("fr", "en"))]
    body = "HRC" if rng.random() < 0.75 else "GA"
    official = rng.random() < 0.3
    furniture = rng.random() < 0.4
    lines: list[str] = []
    expected = []
    for number in range(1 if official else rng.choice((1, 1, 1, 2, 3))):
        document = _Document(rng, language, body, *_number(rng, body, taken))
        lines += ([""] * rng.randint(1, 2) if number else []) + document.lines(official, furniture)
        expected.append(document.expected())
    if rng.random() < 0.3:  # a blank line after every line, as in the seed text, perhaps after a space
        trailing = rng.choice(("", " "))
        lines = [part for line in lines for part in (line + trailing if line.strip() else line, "")]
    name = f"{index:0{digits}d}-{body.lower()}-{language.code}.txt"
    return GeneratedText(name, "\n".join(lines) + "\n", expected)


def generate(count: int, seed: int = 0) -> list[GeneratedText]:
    """``count`` texts drawn from ``seed``: the same seed gives the same texts, byte for byte."""
    rng = random.Random(seed)
    taken: set[tuple[str, int, int]] = set()
    digits = max(4, len(str(count)))
    return [_text(index, digits, rng, taken) for index in range(1, count + 1)]


def write(count: int, seed: int, root: str | Path) -> list[Path]:
    """Write ``generate(count, seed)`` to ``root/sources/`` (UTF-8, ``\\n`` line endings)."""
    return write_texts(generate(count, seed), root)


def write_texts(texts: list[GeneratedText], root: str | Path) -> list[Path]:
    """Write generated texts to ``root/sources/``; return their paths."""
    folder = Path(root) / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    for text in texts:
        (folder / text.name).write_bytes(text.text.encode("utf-8"))
    return [folder / text.name for text in texts]
