"""Assemble a source's lines into resolutions: the parser's state machine.

A document is: an optional header (official-document format), the title
line (``43/21. Title``) and its continuation, the body's opening (``Le
Conseil des droits de l'homme,``), paragraphs, the closing meeting and date,
and the adoption block. Footnotes and page furniture may turn up anywhere in
the body or after the closing. Every line the parser passes is entered in a
ledger under what it was, so that "nothing lost" is a check over line numbers.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from unres import classify
from unres.assemble import Draft, FootnoteDraft, footnotes_of, paragraphs_of
from unres.body import BodyReader
from unres.errors import ParseError, shorten
from unres.joined import join_fragments
from unres.lexicon import LEXICONS, Lexicon, intro_of, intro_start_of, opening_of
from unres.model import Adoption, Resolution
from unres.read import Line, SourceText, decode, read_source
from unres.runon import split_run_on
from unres.symbols import kind_by_number, session_of, symbol_of
from unres.votes import parse_adoption

_HEADER_START = re.compile(r"\s*(United Nations|Nations Unies)\s*$")
#: A title wraps over a few lines at most; past this the opening is missing.
_MAX_TITLE_LINES = 6
_MAX_BLOCK_LINES = 400
_OPENING_EXPECTED = (
    "the body's opening ('The Human Rights Council,', 'Le Conseil des droits de l’homme,', …) "
    "or a decision's opening sentence ('At its 48th meeting, on …', 'À sa 48e séance, le …')"
)
_CLOSING_EXPECTED = (
    "the closing lines (meeting and date, such as '45e séance' / '22 juin 2020' or '48th meeting' / '23 March 2021')"
)


def parse_file(path: str | Path, display_path: str | None = None, partial: bool = False) -> list[Resolution]:
    """Parse every resolution in the file at ``path``."""
    return parse_source(read_source(path, display_path), partial)


def parse_text(text: str, path: str = "<text>", partial: bool = False) -> list[Resolution]:
    """Parse every resolution in ``text`` (for tests and library users)."""
    data = text.encode("utf-8")
    return parse_source(SourceText(path, hashlib.sha256(data).hexdigest(), decode(data, path)), partial)


def parse_source(source: SourceText, partial: bool = False) -> list[Resolution]:
    """Parse every resolution in a source, in order; raise ParseError if none.

    A text cut off before its closing lines is an error, unless ``partial``:
    then what was read is returned, marked ``complete=False``.
    """
    lines = split_run_on(source.lines)
    index = 0
    documents: list[Resolution] = []
    while True:
        while index < len(lines) and lines[index].is_blank:
            index += 1
        if index >= len(lines):
            break
        parser = _DocumentParser(source, lines, index, partial)
        documents.append(parser.parse())
        index = parser.index
    if not documents:
        raise ParseError(source.path, None, "a resolution text", "only blank lines")
    _check_every_line_accounted_for(source, documents)
    return documents


def _check_every_line_accounted_for(source: SourceText, documents: list[Resolution]) -> None:
    """Nothing lost: each non-blank line is text, a footnote or named layout."""
    ledger: dict[int, str] = {}
    for document in documents:
        ledger.update(document.ledger)
    for line in source.lines:
        if not line.is_blank and line.number not in ledger:
            raise ParseError(source.path, line.number, "a line that belongs to a resolution", shorten(line.text))


def explain(source: SourceText, partial: bool = False) -> list[tuple[int, str, str]]:
    """Each line of the source with the kind the parser gave it."""
    ledger: dict[int, str] = {}
    for document in parse_source(source, partial):
        ledger.update(document.ledger)
    return [(line.number, ledger.get(line.number, "blank"), line.text) for line in source.lines]


class _DocumentParser(BodyReader):
    """Reads one document from ``lines[index]`` on; leaves ``index`` after it."""

    def __init__(self, source: SourceText, lines: tuple[Line, ...], index: int, partial: bool = False) -> None:
        self.partial = partial
        self.source = source
        self.lines = lines
        self.index = index
        self.ledger: dict[int, str] = {}
        self.header: dict[str, str] = {}
        self.lexicon: Lexicon = LEXICONS[0]
        self.title = ""
        self.preamble: list[Draft] = []
        self.operative: list[Draft] = []
        #: a decision's opening sentence ("At its 48th meeting, … decided …")
        self.intro: list[Draft] = []
        #: the adoption block's lines, read at the end (markers may be in it)
        self.adoption_block = Draft("adoption", 0)
        self.current: Draft | None = None
        self.footnotes: list[FootnoteDraft] = []
        self.open_footnote: FootnoteDraft | None = None
        self.in_footnote_zone = False
        self.used_markers: set[tuple[int, int]] = set()
        self.last_kind = ""
        #: what a cut-off text lacks (with partial=True the document is kept)
        self.cut_off: str | None = None

    # -- helpers ---------------------------------------------------------

    def error(self, line: Line | None, expected: str, found: str | None = None) -> ParseError:
        if line is None:
            return ParseError(self.source.path, None, expected, found or "the end of the file")
        return ParseError(self.source.path, line.number, expected, found or shorten(line.text))

    def mark(self, line: Line, kind: str) -> None:
        self.ledger[line.number] = kind
        if kind != "blank":
            self.last_kind = kind

    def peek(self) -> Line | None:
        return self.lines[self.index] if self.index < len(self.lines) else None

    # -- the document ------------------------------------------------------

    def parse(self) -> Resolution:
        first = self.lines[self.index]
        self.read_header()
        number = self.read_title()
        body = self.read_opening()
        self.read_body()
        meeting, date = self.read_closing()
        self.read_after_closing()
        return self.finish(first, number, body, meeting, date)

    def read_header(self) -> None:
        """The official-document header: everything up to the title line."""
        line = self.peek()
        if line is None or not _HEADER_START.match(line.text):
            return
        start = line
        while (line := self.peek()) is not None:
            if not line.is_blank and classify.title_line(line.text):
                return
            self.mark(line, "blank" if line.is_blank else "header")
            self.header.setdefault("text", "")
            self.header["text"] += " " + line.stripped
            self.index += 1
        raise self.error(
            None, f"a resolution number and title such as '43/21. Title' after the header at line {start.number}"
        )

    def read_title(self) -> str:
        line = self.peek()
        title = classify.title_line(line.text) if line else None
        if title is None:
            raise self.error(line, "a resolution number and title such as '43/21. Title'")
        self.mark(line, "title")
        self.index += 1
        parts = [title.title]
        while (line := self.peek()) is not None:
            self.index += 1
            if line.is_blank:
                self.mark(line, "blank")
                continue
            if opening_of(line.text) or intro_start_of(line.text):
                self.index -= 1
                break
            if len(parts) >= _MAX_TITLE_LINES:
                raise self.error(line, _OPENING_EXPECTED)
            self.mark(line, "title")
            parts.append(line.stripped)
        else:
            raise self.error(None, _OPENING_EXPECTED)
        self.title = join_fragments([(0, part) for part in parts])[0]
        return title.number

    def read_opening(self) -> str | None:
        """The body's opening line; or a decision's opening sentence (body read later)."""
        line = self.lines[self.index]
        self.index += 1
        opening = opening_of(line.text)
        if opening:
            self.lexicon, body = opening
            self.mark(line, "opening")
            return body
        self.lexicon = intro_start_of(line.text) or self.lexicon
        self.start_draft(Draft("intro", line.number), line.stripped)
        self.mark(line, "paragraph")
        return None

    def read_body(self) -> None:
        """Paragraphs, with footnotes and furniture taken out, up to the meeting line."""
        while (line := self.peek()) is not None:
            if classify.meeting_line(line.text, self.lexicon) or self.ends_body(line):
                return
            self.index += 1
            if self.take_layout(line) or self.take_footnote(line):
                continue
            self.take_paragraph_line(line)

    def ends_body(self, line: Line) -> bool:
        """The adoption block, or the next document, where a paragraph may end:
        what closes a decision that has no closing lines (or a cut-off text)."""
        if self.current is not None and self.current.open_for_more():
            return False
        return bool(line.stripped.startswith("[") or classify.title_line(line.text) or _HEADER_START.match(line.text))

    def read_closing(self) -> tuple[int | None, str | None]:
        line = self.peek()
        closing = classify.meeting_line(line.text, self.lexicon) if line is not None else None
        if line is None or closing is None:
            return None, None
        meeting, date_text = closing
        self.mark(line, "meeting")
        self.index += 1
        date = classify.iso_date(date_text, self.lexicon) if date_text else None
        if date is None:
            while (line := self.peek()) is not None and line.is_blank:
                self.mark(line, "blank")
                self.index += 1
            if line is not None and (date := classify.date_line(line.text, self.lexicon)):
                self.mark(line, "date")
                self.index += 1
        return meeting, date

    def read_after_closing(self) -> Adoption:
        """Blank lines, footnotes and the adoption block after the closing."""
        while (line := self.peek()) is not None:
            if line.stripped.startswith("[") and not self.adoption_block.fragments:
                self.read_adoption_block()
                continue
            if classify.title_line(line.text) or _HEADER_START.match(line.text):
                break  # the next document of a report
            if self.take_layout(line) or self.take_footnote(line):
                self.index += 1
                continue
            break

    def read_adoption_block(self) -> None:
        start = self.lines[self.index]
        block = self.adoption_block
        block.line_start = start.number
        while (line := self.peek()) is not None and len(block.fragments) < _MAX_BLOCK_LINES:
            self.index += 1
            self.mark(line, "blank" if line.is_blank else "adoption")
            if not line.is_blank:
                block.fragments.append([line.number, line.stripped])
            if "]" in line.text:
                return
        if not self.partial:
            raise self.error(None, f"the ']' that closes the adoption block opened at line {start.number}")
        self.cut_off = f"the ']' that closes the adoption block opened at line {start.number}"

    # -- the result --------------------------------------------------------

    def finish(self, first: Line, number: str, body: str | None, meeting: int | None, date: str | None) -> Resolution:
        if not (self.intro or self.preamble or self.operative):
            raise self.error(self.peek(), "the resolution's paragraphs")
        without_vote = False
        if self.intro:
            intro = intro_of(self.intro[0].text(), self.lexicon)
            if intro is None:
                raise ParseError(
                    self.source.path,
                    self.intro[0].line_start,
                    "a decision's opening sentence such as 'At its 48th meeting, on 25 March 2011, "
                    "the Human Rights Council decided …'",
                    shorten(self.intro[0].text()),
                )
            # Older decisions state their meeting, date and adoption only here.
            body, meeting = intro.body, meeting or intro.meeting
            date = date or classify.iso_date(intro.date_text, self.lexicon)
            without_vote = intro.without_vote
        assert body is not None  # an opening line or an intro gave it
        last = max(line for line, kind in self.ledger.items() if kind != "blank")
        if meeting is None and self.cut_off is None:
            self.cut_off = f"{_CLOSING_EXPECTED} after line {last}"
        if self.cut_off and not self.partial:
            following = self.peek()
            raise ParseError(
                self.source.path,
                last,
                self.cut_off,
                shorten(following.text) if following is not None else "the end of the file",
            )
        adoption = self.adoption()
        if adoption.method is None and without_vote:
            adoption = Adoption("without-vote")
        paragraphs = paragraphs_of([*self.intro, *self.preamble, *self.operative], self.lexicon)
        kind = self.header_kind() or ("decision" if self.intro else kind_by_number(body, number))
        return Resolution(
            symbol=symbol_of(body, kind, number),
            body=body,
            kind=kind,
            number=number,
            session=session_of(number),
            language=self.lexicon.language,
            title=self.title,
            meeting=meeting,
            date=date or self.header_date(),
            adoption=adoption,
            intro=[p for p in paragraphs if p.part == "intro"],
            preamble=[p for p in paragraphs if p.part == "preamble"],
            operative=[p for p in paragraphs if p.part == "operative"],
            footnotes=footnotes_of(self.footnotes),
            source_path=self.source.path,
            source_sha256=self.source.sha256,
            line_start=first.number,
            line_end=last,
            ledger=self.ledger,
            complete=self.cut_off is None,
        )

    def adoption(self) -> Adoption:
        """The adoption block, read now that footnote markers are out of it."""
        fragments = [(line, text) for line, text in self.adoption_block.fragments]
        if not fragments:
            return Adoption(None)
        try:
            return parse_adoption(fragments, self.lexicon, self.source.path)
        except ParseError:
            if self.cut_off and self.partial:
                return Adoption(None)  # a block cut short says nothing reliable
            raise

    def header_kind(self) -> str | None:
        match = re.search(self.lexicon.adopted_header, self.header.get("text", ""), re.IGNORECASE)
        return self.lexicon.kind_words[match[1].casefold()] if match else None

    def header_date(self) -> str | None:
        match = re.search(self.lexicon.adopted_header, self.header.get("text", ""), re.IGNORECASE)
        return classify.iso_date(match[2], self.lexicon) if match else None
