"""Texts that lost their line breaks: cut one long line back into lines.

Some extractions give a whole resolution, or a page of it, on one line. The
parser reads lines, so such a line is cut, before parsing, where the format
says a new line must begin: after the title, around the body's opening,
before each preambular opener (a word from the lexicon after a comma), before
each operative number in sequence, before sub-paragraph labels, before the
meeting line and the adoption block. The pieces keep the line's number.
"""

from __future__ import annotations

import re

from unres.lexicon import LEXICONS, Lexicon
from unres.read import Line

#: A line shorter than this is an ordinary line, however it reads.
MIN_RUN_ON = 300


def _lexicon_of(text: str) -> Lexicon | None:
    """The language of a run-on line: the one whose body opening it contains."""
    for lexicon in LEXICONS:
        if any(re.search(rf"{pattern}\s*,", text) for pattern in lexicon.openings.values()):
            return lexicon
    return None


def _cuts(text: str, lexicon: Lexicon) -> list[int]:
    """Offsets in ``text`` where a new line begins."""
    cuts: set[int] = set()
    opening = "|".join(lexicon.openings.values())
    body = re.search(rf"(?:{opening})\s*,", text)
    if body is None:
        return []
    cuts.update((body.start(), body.end()))
    # An official document's header: "United Nations", then the rest of it,
    # then the title line ("46/9. Title"), the last number/number before the body.
    header = re.match(r"\s*(?:United Nations|Nations Unies)\s", text)
    if header:
        cuts.add(header.end())
    number = r"(?:\d(?: \d)+|\d+)"  # "46" or, spaced by extraction, "4 6"
    titles = list(re.finditer(rf"(?<=\s)(?:S\s*-\s*)?{number}\s*/\s*{number}\s*\.", text[: body.start()]))
    if header and titles:
        cuts.add(titles[-1].start())
    # Operative paragraphs: "1. ", "2. ", … in sequence, after punctuation.
    expected = 1
    operative_start = len(text)
    for match in re.finditer(r"(?<=[,;:.])\s+(\d{1,3})\s*\.\s*(?=[^\W\d_])", text[body.end() :]):
        if int(match[1]) == expected and text[body.end() + match.end()].isupper():
            cuts.add(body.end() + match.start(1))
            operative_start = min(operative_start, body.end() + match.start(1))
            expected += 1
    # Preambular paragraphs: an opener after a comma, before the first operative one.
    openers = "|".join(re.escape(word) for word in lexicon.preamble_openers)
    for match in re.finditer(rf",\s+(?=(?:{openers})\b)", text[body.end() : operative_start]):
        cuts.add(body.end() + match.end())
    # Sub-paragraphs: "(a) " (or "a) " in French) after a colon or semicolon.
    for match in re.finditer(r"(?<=[:;])\s+(?=\(?(?:[a-z]{1,2}|[ivx]{1,5})\)\s)", text[operative_start:]):
        cuts.add(operative_start + match.end())
    # The meeting line, and the adoption block.
    for match in re.finditer(rf"(?<=[.;])\s+(?={lexicon.meeting})", text[operative_start:], re.IGNORECASE):
        cuts.add(operative_start + match.end())
    for match in re.finditer(r"\s+(?=\[)", text[operative_start:]):
        cuts.add(operative_start + match.end())
    return sorted(cut for cut in cuts if 0 < cut < len(text))


def split_run_on(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines, with every run-on line cut into the lines it lost."""
    result: list[Line] = []
    for line in lines:
        lexicon = _lexicon_of(line.text) if len(line.text) >= MIN_RUN_ON else None
        cuts = _cuts(line.text, lexicon) if lexicon else []
        if not cuts:
            result.append(line)
            continue
        for start, end in zip([0, *cuts], [*cuts, len(line.text)], strict=True):
            piece = line.text[start:end].strip()
            if piece:
                result.append(Line(line.number, piece))
    return tuple(result)
