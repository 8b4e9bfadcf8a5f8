"""The adoption block: ``[Adoptée par 23 voix contre 16, …]`` or ``[Adopted without a vote.]``."""

from __future__ import annotations

import re

from unres.countries import iso3_of
from unres.errors import ParseError, shorten
from unres.joined import join_fragments, line_at
from unres.lexicon import Lexicon
from unres.model import Adoption, Vote


def parse_adoption(fragments: list[tuple[int, str]], lexicon: Lexicon, path: str) -> Adoption:
    """Read the adoption block (its lines, brackets included) into an Adoption."""
    text, starts, lines = join_fragments(fragments)
    first_line = fragments[0][0]
    headings = "|".join(f"(?P<{vote}>{pattern})" for vote, pattern in lexicon.vote_headings.items())
    first_heading = re.search(headings, text, re.IGNORECASE)
    statement = text[: first_heading.start() if first_heading else len(text)].strip().lstrip("[").rstrip("]").strip()
    if re.search(lexicon.without_vote, text, re.IGNORECASE):
        return Adoption("without-vote", statement)
    counts = re.search(lexicon.recorded_vote, text, re.IGNORECASE)
    if not counts:
        raise ParseError(
            path,
            first_line,
            "an adoption sentence such as "
            + (
                "'[Adoptée sans vote.]' or '[Adoptée par 23 voix contre 16, avec 8 abstentions…'"
                if lexicon.language == "fr"
                else "'[Adopted without a vote.]' or '[Adopted by a recorded vote of 23 to 16…'"
            ),
            shorten(text),
        )
    no_abstentions = re.search(lexicon.no_abstentions, counts[0], re.IGNORECASE)
    abstain = int(counts[3]) if counts[3] else (0 if no_abstentions else None)
    adoption = Adoption("recorded-vote", statement, int(counts[1]), int(counts[2]), abstain)
    adoption.votes = list(_votes(text, starts, lines, headings, path, counts.end()))
    return adoption


def _votes(text: str, starts: list[int], lines: list[int], headings: str, path: str, begin: int):
    found = list(re.finditer(headings, text[begin:], re.IGNORECASE))
    for index, heading in enumerate(found):
        start = begin + heading.end()
        end = begin + found[index + 1].start() if index + 1 < len(found) else len(text)
        vote = heading.lastgroup
        for offset, raw in _names(text, start, end):
            for shift, name in _split_last_pair(raw):
                iso3 = iso3_of(name)
                line = line_at(offset + shift, starts, lines)
                if iso3 is None:
                    raise ParseError(
                        path,
                        line,
                        "a country name that ISO 3166 or the UN spelling table knows",
                        shorten(name),
                    )
                yield Vote(name, iso3, vote, line)


def _split_last_pair(name: str) -> list[tuple[int, str]]:
    """ "Uruguay et Venezuela" -> two names; "Trinidad and Tobago" stays one.

    A list's last two names may be joined by "and" / "et" instead of a comma;
    the name is split there only when it is not itself a country and both
    halves are. Returns (offset in ``name``, name) pairs.
    """
    if iso3_of(name) is not None:
        return [(0, name)]
    for match in re.finditer(r"\s+(?:and|et)\s+", name):
        head, tail = name[: match.start()], name[match.end() :]
        if iso3_of(head) is not None and iso3_of(tail) is not None:
            return [(0, head), (match.end(), tail)]
    return [(0, name)]


def _names(text: str, start: int, end: int):
    """Comma-separated names between ``start`` and ``end``, with their offsets.

    Commas inside parentheses belong to the name ("Venezuela (République
    bolivarienne du)"); the block's closing ``]`` and a final full stop do not.
    """
    depth = 0
    name_start = start
    for offset in range(start, end + 1):
        char = text[offset] if offset < end else ","
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            raw = text[name_start:offset]
            name = raw.strip().rstrip("].").strip()
            # The last name of a list may follow "and" / "et" after a comma.
            joiner = re.match(r"(?:and|et)\s+", name)
            name = name[joiner.end() :] if joiner else name
            if name:
                yield name_start + len(raw) - len(raw.lstrip()) + (joiner.end() if joiner else 0), name
            name_start = offset + 1
