"""The lines inside a resolution's body: layout, footnotes, paragraphs and labels.

:class:`BodyReader` is the part of the parser's state machine that decides
what each body line is, given what came before it: page furniture and
footnote separators, footnotes (a line that begins with a marker found in
the text so far), and paragraphs, sub-paragraphs and their continuations.
The document parser (:mod:`unres.parse`) holds the state and inherits these.
"""

from __future__ import annotations

import re

from unres import classify
from unres.assemble import Draft, FootnoteDraft, take_marker
from unres.countries import normalise
from unres.lexicon import Lexicon
from unres.read import Line

_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


class BodyReader:
    """Body-line decisions; the state lives in the document parser."""

    lines: tuple[Line, ...]
    index: int
    lexicon: Lexicon
    title: str
    intro: list[Draft]
    preamble: list[Draft]
    operative: list[Draft]
    adoption_block: Draft
    current: Draft | None
    footnotes: list[FootnoteDraft]
    open_footnote: FootnoteDraft | None
    in_footnote_zone: bool
    used_markers: set[tuple[int, int]]
    last_kind: str

    def mark(self, line: Line, kind: str) -> None:  # provided by the document parser
        raise NotImplementedError

    def error(self, line: Line | None, expected: str, found: str | None = None) -> Exception:
        raise NotImplementedError

    def take_layout(self, line: Line) -> bool:
        """Blank lines, footnote separators and page furniture."""
        if line.is_blank:
            self.mark(line, "blank")
        elif classify.is_separator(line.text):
            self.mark(line, "separator")
            self.in_footnote_zone = True
            self.open_footnote = None
        elif classify.is_furniture(line.text) or (self.near_furniture() and self.is_running_title(line.text)):
            self.mark(line, "furniture")
        else:
            return False
        return True

    def near_furniture(self) -> bool:
        """Whether the line just taken (at ``index - 1``) sits in a page's furniture:
        the last line before it, or the next line after it, is furniture."""
        if self.last_kind == "furniture":
            return True
        following = next((line for line in self.lines[self.index :] if not line.is_blank), None)
        return following is not None and classify.is_furniture(following.text)

    def is_running_title(self, text: str) -> bool:
        """A page's running title: a piece of the title, printed near furniture."""
        piece = normalise(text)
        return len(piece) >= 10 and piece in normalise(self.title)  # normalise is cached

    def take_footnote(self, line: Line) -> bool:
        """A footnote's first line, or the next line of an unfinished footnote."""
        found = classify.footnote_line(line.text)
        if found:
            marker, text = found
            carrier = self.find_marker(marker)
            if carrier is not None or self.in_footnote_zone:
                footnote = FootnoteDraft(marker, line.number, [[line.number, text]], carrier)
                self.footnotes.append(footnote)
                self.open_footnote = footnote
                self.mark(line, "footnote")
                return True
        footnote = self.open_footnote
        unfinished = footnote is not None and not footnote.fragments[-1][1].rstrip().endswith(".")
        if unfinished and self.last_kind == "footnote" and not self.starts_paragraph(line):
            footnote.fragments.append([line.number, line.stripped])
            self.mark(line, "footnote")
            return True
        self.open_footnote = None
        self.in_footnote_zone = False
        return False

    def find_marker(self, marker: str) -> Draft | None:
        """The paragraph that carries a footnote's marker (taken out of its text)."""
        paragraphs = (*self.intro, *self.preamble, *self.operative)
        drafts = [d for paragraph in paragraphs for d in (paragraph, *paragraph.children)]
        return take_marker([*drafts, self.adoption_block], marker, self.used_markers)

    def starts_paragraph(self, line: Line) -> bool:
        return bool(
            classify.operative_start(line.text) or classify.subparagraph_start(line.text, self.lexicon.language)
        )

    def take_paragraph_line(self, line: Line) -> None:
        current = self.current
        at_boundary = current is None or not current.open_for_more()
        operative = classify.operative_start(line.text) if at_boundary else None
        sub = classify.subparagraph_start(line.text, self.lexicon.language) if at_boundary else None
        if operative:
            number, text = operative
            self.start_draft(Draft("operative", line.number, number=number), text)
        elif sub and self.top is not None:
            label, text = sub
            self.start_draft(Draft(self.top.part, line.number, label=self.sub_label(label)), text, child=True)
        elif at_boundary and not self.operative and not self.intro and classify.starts_upper(line.text):
            self.start_draft(Draft("preamble", line.number), line.stripped)
        elif at_boundary and self.in_lost_list() and classify.starts_upper(line.text):
            # A list item whose label the extraction lost: the next letter.
            label = classify.next_letter(self.last_letter()) if self.last_letter() else "a"
            self.start_draft(Draft("operative", line.number, label=label, inferred=True), line.stripped, child=True)
        elif current is not None:
            current.fragments.append([line.number, line.stripped])
        else:
            raise self.error(line, "the first paragraph of the text, beginning with a capital letter")
        self.mark(line, "paragraph")

    def start_draft(self, draft: Draft, text: str, child: bool = False) -> None:
        if child and self.top is not None:
            self.top.children.append(draft)
        else:
            {"operative": self.operative, "preamble": self.preamble, "intro": self.intro}[draft.part].append(draft)
        if text:
            draft.fragments.append([draft.line_start, text])
        self.current = draft

    def in_lost_list(self) -> bool:
        """Whether the operative paragraph being read introduces a list (ends
        with a colon) whose items so far end with a semicolon or colon."""
        top = self.top
        if top is None or top.part != "operative" or not top.fragments:
            return False
        if not re.search(r":\s*$", top.fragments[-1][1]):
            return False
        return all(re.search(r"[;:.]\s*$", child.fragments[-1][1]) for child in top.children if child.fragments)

    def last_letter(self) -> str:
        labels = [child.label.split("-")[0] for child in (self.top.children if self.top else []) if child.label]
        return labels[-1] if labels else ""

    @property
    def top(self) -> Draft | None:
        for part in (self.operative, self.preamble, self.intro):
            if part:
                return part[-1]
        return None

    def sub_label(self, label: str) -> str:
        """A sub-paragraph's label; a roman numeral under a letter nests: ``a-i``."""
        last = self.last_letter()
        if label in _ROMAN and last and label != classify.next_letter(last):
            return f"{last}-{label}"
        return label
