"""The vocabulary every stage shares: a resolution and its parts.

Plain dataclasses; :meth:`Resolution.to_document` gives the JSON document
that ``unres parse`` prints and the build writes. Line numbers are 1-based
lines of the source file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Vote values, in the order UN texts list them.
VOTE_VALUES = ("yes", "no", "abstain")


@dataclass
class Subparagraph:
    position: int
    label: str
    text: str
    line_start: int
    line_end: int
    #: True when the label was lost in extraction and follows from its place
    inferred: bool = False

    def to_document(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "position": self.position,
            "label": self.label,
            "text": self.text,
            "lines": [self.line_start, self.line_end],
        }
        if self.inferred:
            document["inferred"] = True
        return document


@dataclass
class Paragraph:
    position: int
    part: str  # "preamble" or "operative"
    number: int | None
    lead: str
    text: str
    line_start: int
    line_end: int
    subparagraphs: list[Subparagraph] = field(default_factory=list)

    def to_document(self) -> dict[str, Any]:
        document: dict[str, Any] = {"position": self.position}
        if self.part == "operative":
            document["number"] = self.number
        document["lead"] = self.lead
        document["text"] = self.text
        document["lines"] = [self.line_start, self.line_end]
        if self.part == "operative" or self.subparagraphs:
            document["subparagraphs"] = [s.to_document() for s in self.subparagraphs]
        return document


@dataclass
class Footnote:
    marker: str
    text: str
    paragraph: int | None  # position of the paragraph that carries the marker
    line_start: int
    line_end: int
    #: what carries the marker when it is not a paragraph: "adoption" (the block)
    anchor: str | None = None

    def to_document(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "marker": self.marker,
            "text": self.text,
            "paragraph": self.paragraph,
            "lines": [self.line_start, self.line_end],
        }
        if self.anchor:
            document["anchor"] = self.anchor
        return document


@dataclass
class Vote:
    country: str  # exactly as printed
    iso3: str
    vote: str  # one of VOTE_VALUES
    line: int

    def to_document(self) -> dict[str, Any]:
        return {"country": self.country, "iso3": self.iso3, "vote": self.vote, "line": self.line}


@dataclass
class Adoption:
    method: str | None  # "recorded-vote", "without-vote", or None if not stated
    #: the adoption sentence as printed, without brackets or vote lists
    statement: str | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    votes: list[Vote] = field(default_factory=list)

    def to_document(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "statement": self.statement,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "votes": [vote.to_document() for vote in self.votes],
        }


@dataclass
class Resolution:
    symbol: str
    body: str
    kind: str
    number: str
    session: int
    language: str
    title: str
    meeting: int | None
    date: str | None  # ISO 8601
    adoption: Adoption
    intro: list[Paragraph]
    preamble: list[Paragraph]
    operative: list[Paragraph]
    footnotes: list[Footnote]
    source_path: str
    source_sha256: str
    line_start: int
    line_end: int
    #: line number -> what the line was ("paragraph", "blank", "footnote", ...)
    ledger: dict[int, str] = field(default_factory=dict, repr=False)
    #: False when the text was cut off and parsed with partial=True
    complete: bool = True

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [*self.intro, *self.preamble, *self.operative]

    def to_document(self) -> dict[str, Any]:
        document = {
            "symbol": self.symbol,
            "body": self.body,
            "kind": self.kind,
            "number": self.number,
            "session": self.session,
            "language": self.language,
            "title": self.title,
            "meeting": self.meeting,
            "date": self.date,
            "adoption": self.adoption.to_document(),
            "intro": [p.to_document() for p in self.intro],
            "preamble": [p.to_document() for p in self.preamble],
            "operative": [p.to_document() for p in self.operative],
            "footnotes": [f.to_document() for f in self.footnotes],
            "source": {
                "path": self.source_path,
                "sha256": self.source_sha256,
                "lines": [self.line_start, self.line_end],
            },
        }
        if not self.complete:
            document["complete"] = False
        return document
