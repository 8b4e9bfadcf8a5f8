"""Drafts of paragraphs and footnotes, and how they become the model.

The parser (:mod:`unres.parse`) collects each paragraph as a :class:`Draft`
of source fragments; footnote markers are taken out of those fragments as
their footnotes turn up (:func:`take_marker`); at the end of a document
:func:`paragraphs_of` and :func:`footnotes_of` number everything in
document order and make the model's values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from unres import classify
from unres.joined import join_fragments
from unres.lexicon import Lexicon
from unres.model import Footnote, Paragraph, Subparagraph


@dataclass
class Draft:
    """A paragraph or sub-paragraph being assembled."""

    part: str
    line_start: int
    number: int | None = None
    label: str | None = None
    #: [line, text] pairs; text loses its footnote markers as they resolve
    fragments: list[list] = field(default_factory=list)
    children: list[Draft] = field(default_factory=list)
    position: int = 0
    #: the label was not printed (lost in extraction) but follows from its place
    inferred: bool = False

    def text(self) -> str:
        return join_fragments([(line, text) for line, text in self.fragments])[0]

    @property
    def line_end(self) -> int:
        return self.fragments[-1][0] if self.fragments else self.line_start

    def open_for_more(self) -> bool:
        """True while the paragraph's last line does not end it."""
        return not self.fragments or not classify.ends_paragraph(self.fragments[-1][1])


@dataclass
class FootnoteDraft:
    marker: str
    line_start: int
    fragments: list[list] = field(default_factory=list)
    carrier: Draft | None = None


def _marker_patterns(marker: str) -> list[str]:
    """Where a footnote's marker may stand in the text, best guess first."""
    if marker.startswith("*"):
        return [rf"(?<=\S){re.escape(marker)}(?!\*)"]
    return [
        rf"(?<=[^\W\d_]|[,;:.)’'”»]){marker}(?=[\s,;:.)]|$)",  # glued: "homme1", "Court,2"
        rf"(?<=[^\W\d_]\s|[,;:.)’'”»]\s){marker}\s*$",  # alone at the line's end: "Court 1"
        rf"(?<=[,;:.)’'”»]\s){marker}(?=\s)",  # alone after punctuation: "Agreement, 3 which"
    ]


def take_marker(drafts: list[Draft], marker: str, used: set[tuple[int, int]]) -> Draft | None:
    """Find the latest unused ``marker`` in the drafts, take it out of the text,
    and return the draft that carried it (None if no draft carries it)."""
    for pattern in _marker_patterns(marker):
        for draft in reversed(drafts):
            for fragment in reversed(draft.fragments):
                for match in reversed(list(re.finditer(pattern, fragment[1]))):
                    key = (fragment[0], match.start())
                    if key in used:
                        continue
                    used.add(key)
                    before, after = fragment[1][: match.start()], fragment[1][match.end() :]
                    if pattern.endswith("$"):
                        before = before.rstrip()  # the space before a lone marker
                    fragment[1] = before + after
                    return draft
    return None


def paragraphs_of(drafts: list[Draft], lexicon: Lexicon) -> list[Paragraph]:
    """Number the drafts (sub-paragraphs included) 1, 2, … and make paragraphs."""
    position = 0
    paragraphs = []
    for draft in drafts:
        position += 1
        draft.position = position
        text = draft.text()
        paragraph = Paragraph(
            position, draft.part, draft.number, lead_of(text, lexicon), text, draft.line_start, draft.line_end
        )
        for child in draft.children:
            position += 1
            child.position = position
            paragraph.subparagraphs.append(
                Subparagraph(
                    position, child.label or "", child.text(), child.line_start, child.line_end, child.inferred
                )
            )
            paragraph.line_end = max(paragraph.line_end, child.line_end)
        paragraphs.append(paragraph)
    return paragraphs


def footnotes_of(drafts: list[FootnoteDraft]) -> list[Footnote]:
    """Footnotes, each pointing at the position of the paragraph that carries it."""
    return [
        Footnote(
            draft.marker,
            join_fragments([(line, text) for line, text in draft.fragments])[0],
            draft.carrier.position if draft.carrier and draft.carrier.part != "adoption" else None,
            draft.line_start,
            draft.fragments[-1][0],
            "adoption" if draft.carrier and draft.carrier.part == "adoption" else None,
        )
        for draft in drafts
    ]


_LEAD_PATTERNS: dict[str, list[tuple[re.Pattern[str], str, bool]]] = {}


def _lead_patterns(lexicon: Lexicon) -> list[tuple[re.Pattern[str], str, bool]]:
    """(pattern, phrase, is a prefix) for the lexicon's fixed leads, longest first (made once)."""
    if lexicon.language not in _LEAD_PATTERNS:
        phrases = sorted((*lexicon.fixed_leads, *lexicon.lead_prefixes), key=len, reverse=True)
        _LEAD_PATTERNS[lexicon.language] = [
            (re.compile(rf"{re.escape(phrase)}(?=[\s,;:]|$)"), phrase, phrase in lexicon.lead_prefixes)
            for phrase in phrases
        ]
    return _LEAD_PATTERNS[lexicon.language]


_FIRST_WORD = re.compile(r"[«“\"]?\s*([^\s,;:]+)")


def lead_of(text: str, lexicon: Lexicon) -> str:
    """The paragraph's opening word, or the fixed phrase it opens with."""
    for pattern, phrase, is_prefix in _lead_patterns(lexicon):
        if pattern.match(text):
            if is_prefix:
                following = text[len(phrase) :].split(maxsplit=2)
                # A word split by extraction ("Also d ecides") is taken whole, as printed.
                if len(following) > 1 and len(following[0]) == 1 and following[1][:1].islower():
                    return f"{phrase} {following[0]} {following[1].rstrip(',;:')}"
                if following:
                    return f"{phrase} {following[0].rstrip(',;:')}"
            return phrase
    first = _FIRST_WORD.match(text)
    return first[1] if first else ""
