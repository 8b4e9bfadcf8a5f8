"""What a single line is, decided from the line alone (and its lexicon).

Each function answers one question about one line; the assembler
(:mod:`unres.parse`) asks them in order and decides what depends on context.
These are kept apart so that each can be printed and tested on its own
(``unres parse --explain``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from unres.lexicon import Lexicon

# "43/21. Title", "4 6 / 9. Title" (spaced by extraction), "34/35.Titre"
# (glued), "16/118 Title" (decisions, no full stop), "S-28/1. Title".
_TITLE = re.compile(
    r"\s*(?P<session>(?:S\s*-\s*)?\d(?:\s?\d)*)\s*/\s*(?P<serial>\d(?:\s?\d)*)"
    r"\s*(?:\.\s*|\s+)(?P<title>\S.*)?$"
)
# "1. Demande", "1.Decides", or "1." alone on its line.
_OPERATIVE = re.compile(r"\s*(?P<number>\d{1,3})\s*\.(?:\s*(?P<text>\S.*?))?\s*$")
# "(a) text", "a) text" (French), "(ii) text", or the label alone.
_SUBPARAGRAPH = re.compile(r"\s*(?P<open>\()?(?P<label>[a-z]{1,2}|[ivx]{1,5})\)(?:\s+(?P<text>\S.*?))?\s*$")
# "1 A/HRC/43/31.", "* Reissued …": a footnote line begins with its marker.
_FOOTNOTE = re.compile(r"\s*(?P<marker>\d{1,3}|\*{1,3})\s+(?P<text>\S.*)$")
_SEPARATOR = re.compile(r"\s*_{3,}\s*$")
# Page furniture: document symbol, job number, barcode, page counter.
_FURNITURE = (
    re.compile(r"\s*A/(?:HRC/)?(?:RES|DEC)/(?:S-)?\d+/\d+\s*$"),
    re.compile(r"\s*(?:GE\.)?\d{2}-\d{5}\s*(?:\([A-Z]\))?\s*$"),
    re.compile(r"\s*\*\d{7,}\*\s*$"),
    re.compile(r"\s*\d{1,3}/\d{1,3}\s*$"),
)
# A line that closes a paragraph ends with one of these, perhaps followed by
# a closing quote and a footnote marker, glued or not ("Court,2", "2024/25; 4").
_TERMINAL = re.compile(r"[,;:.][\"”»’)]?(?:\s*\d{1,3}|\*{1,3})?\s*$")
_FIRST_LETTER = re.compile(r"\s*[«“\"]?\s*([^\W\d_])")


@dataclass(frozen=True)
class TitleLine:
    number: str  # "43/21"
    title: str  # text after the number on the same line, may be empty


def title_line(text: str) -> TitleLine | None:
    """``43/21. Title`` -> TitleLine("43/21", "Title")."""
    match = _TITLE.match(text)
    if not match or is_furniture(text):  # "2/4" alone is a page counter, not a number
        return None
    title = (match["title"] or "").strip()
    if title and not title[0].isupper():
        return None  # "5/1 and 5/2 of 18 June" is a wrapped reference
    session = re.sub(r"\s", "", match["session"])
    serial = re.sub(r"\s", "", match["serial"])
    return TitleLine(f"{session}/{serial}", title)


def operative_start(text: str) -> tuple[int, str] | None:
    """``1. Demande …`` -> (1, "Demande …"); the text may be empty."""
    match = _OPERATIVE.match(text)
    if not match:
        return None
    rest = (match["text"] or "").strip()
    if rest and not starts_upper(rest):
        return None  # "1. and 2." in a wrapped line is not a paragraph
    return int(match["number"]), rest


def subparagraph_start(text: str, language: str) -> tuple[str, str] | None:
    """``(a) text`` (English) or ``a) text`` (French) -> ("a", "text")."""
    match = _SUBPARAGRAPH.match(text)
    if not match:
        return None
    if language == "en" and not match["open"]:
        return None
    return match["label"], (match["text"] or "").strip()


def footnote_line(text: str) -> tuple[str, str] | None:
    """``1 A/HRC/43/31.`` -> ("1", "A/HRC/43/31."), whatever the context."""
    match = _FOOTNOTE.match(text)
    if not match:
        return None
    return match["marker"], match["text"].strip()


def is_separator(text: str) -> bool:
    """The rule (``_____``) that a PDF prints above a page's footnotes."""
    return bool(_SEPARATOR.match(text))


def is_furniture(text: str) -> bool:
    """Page furniture: the symbol, a job number, a barcode or a page counter."""
    return any(pattern.match(text) for pattern in _FURNITURE)


def ends_paragraph(text: str) -> bool:
    """Whether a line may be the last of a paragraph (ends with , ; : .)."""
    return bool(_TERMINAL.search(text))


def next_letter(label: str) -> str:
    """The label after ``label``: a -> b, …, z -> aa, aa -> bb (UN texts double past z)."""
    if label == "z":
        return "aa"
    if len(label) == 2 and label[0] == label[1]:
        return chr(ord(label[0]) + 1) * 2
    return chr(ord(label[-1]) + 1)


def starts_upper(text: str) -> bool:
    """Whether the line begins (after an opening quote) with a capital letter."""
    match = _FIRST_LETTER.match(text)
    return bool(match and match[1].isupper())


def meeting_line(text: str, lexicon: Lexicon) -> tuple[int, str | None] | None:
    """``45e séance`` -> (45, None); ``48th meeting 23 March 2021`` -> (48, date)."""
    match = re.fullmatch(
        rf"\s*{lexicon.meeting}\s*(?P<date>{lexicon.date_pattern})?\s*",
        text,
        re.IGNORECASE,
    )
    if not match:
        return None
    return int(match[1]), match["date"]


def date_line(text: str, lexicon: Lexicon) -> str | None:
    """``22 juin 2020`` -> "2020-06-22" when the line is a date and nothing else."""
    match = re.fullmatch(rf"\s*{lexicon.date_pattern}\s*", text, re.IGNORECASE)
    return iso_date(match[0], lexicon) if match else None


def iso_date(text: str, lexicon: Lexicon) -> str | None:
    """The first date written in ``text`` ("on 23 March 2021") as ISO 8601."""
    match = re.search(lexicon.date_pattern, text, re.IGNORECASE)
    if not match:
        return None
    months = [month.casefold() for month in lexicon.months]
    month = months.index(match[2].casefold()) + 1
    try:
        return datetime.date(int(match[3]), month, int(match[1])).isoformat()
    except ValueError:
        return None  # "31 février 2020" is no date
