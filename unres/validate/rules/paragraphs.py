"""Rules on paragraphs and footnotes: order, numbering, labels, references."""

from __future__ import annotations

from collections.abc import Iterator

from unres.classify import next_letter
from unres.validate.package import Package
from unres.validate.registry import as_int, rule
from unres.validate.report import Issue

_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


_PART_ORDER = {"intro": 0, "preamble": 1, "operative": 2}


@rule(
    "paragraph-order",
    "positions not 1..N in document order; a preambular paragraph after an operative one (or an intro after either)",
)
def paragraph_order(package: Package) -> Iterator[Issue]:
    for symbol, rows in package.by_resolution("paragraphs").items():
        expected = 1
        furthest = "intro"
        for number, row in rows:
            position = as_int(row.get("position"))
            if position is not None and position != expected:
                yield Issue(
                    "paragraph-order",
                    f"expected position {expected} in {symbol} (1, 2, … in document order), found {position}",
                    "paragraphs",
                    number,
                    "position",
                )
            expected = (position if position is not None else expected) + 1
            part = row.get("part", "")
            if part not in _PART_ORDER:
                continue  # frictionless reports a value outside the enum
            if _PART_ORDER[part] < _PART_ORDER[furthest]:
                yield Issue(
                    "paragraph-order",
                    f"expected only {furthest} paragraphs or later parts here in {symbol}, found a {part} paragraph",
                    "paragraphs",
                    number,
                    "part",
                )
            else:
                furthest = part


@rule("operative-numbering", "operative numbers not 1, 2, 3, … in order: gap, repeat, wrong order")
def operative_numbering(package: Package) -> Iterator[Issue]:
    for symbol, rows in package.by_resolution("paragraphs").items():
        expected = 1
        seen: set[int] = set()
        for number, row in rows:
            if row.get("part") != "operative" or row.get("label"):
                continue
            found = as_int(row.get("number"))
            if found is None and row.get("number", "") == "":
                yield Issue(
                    "operative-numbering",
                    f"expected operative paragraph {expected} of {symbol} to have a number, found none",
                    "paragraphs",
                    number,
                    "number",
                )
            elif found is not None and found != expected:
                fault = "a repeat" if found in seen else ("a gap" if found > expected else "out of order")
                yield Issue(
                    "operative-numbering",
                    f"expected operative paragraph {expected} of {symbol}, found {found} ({fault})",
                    "paragraphs",
                    number,
                    "number",
                )
            # Resume after the highest number so far: one fault, one error.
            seen.add(found if found is not None else expected)
            expected = max(seen) + 1


@rule("subparagraph-labels", "sub-paragraph labels not a, b, c, … (and i, ii, … nested) in order under their paragraph")
def subparagraph_labels(package: Package) -> Iterator[Issue]:
    for symbol, rows in package.by_resolution("paragraphs").items():
        parent: dict[str, str] | None = None
        letter_expected, letter, roman_index = "a", "", 0
        for number, row in rows:
            label = row.get("label", "")
            if not label:
                parent, letter_expected, letter, roman_index = row, "a", "", 0
                continue
            if parent is None:
                yield Issue(
                    "subparagraph-labels",
                    f"expected a paragraph before sub-paragraph ({label}) of {symbol}, found none",
                    "paragraphs",
                    number,
                    "label",
                )
                continue
            if row.get("number", "") != parent.get("number", ""):
                yield Issue(
                    "subparagraph-labels",
                    f"expected sub-paragraph ({label}) to carry its paragraph's number "
                    f"{parent.get('number') or '(none)'}, found {row.get('number') or '(none)'}",
                    "paragraphs",
                    number,
                    "number",
                )
            head, _, nested = label.partition("-")
            if nested:
                wanted = _ROMAN[roman_index] if roman_index < len(_ROMAN) else "?"
                if head != letter or nested != wanted:
                    yield Issue(
                        "subparagraph-labels",
                        f"expected sub-paragraph ({letter or 'a'}-{wanted}) in {symbol}, found ({label})",
                        "paragraphs",
                        number,
                        "label",
                    )
                roman_index += 1
                continue
            if head != letter_expected:
                yield Issue(
                    "subparagraph-labels",
                    f"expected sub-paragraph ({letter_expected}) in {symbol}, found ({label})",
                    "paragraphs",
                    number,
                    "label",
                )
            letter, letter_expected, roman_index = head, next_letter(head), 0


@rule("footnote-reference", "a footnote anchored to a missing paragraph, or a footnote that no paragraph carries")
def footnote_reference(package: Package) -> Iterator[Issue]:
    positions = {
        symbol: {as_int(row.get("position")) for _, row in rows}
        for symbol, rows in package.by_resolution("paragraphs").items()
    }
    for number, row in package.numbered("footnotes"):
        symbol, marker = row.get("resolution", ""), row.get("marker", "")
        paragraph = row.get("paragraph", "")
        if paragraph == "" and row.get("anchor"):
            continue  # carried by the adoption block, not by a paragraph
        if paragraph == "":
            yield Issue(
                "footnote-reference",
                f"expected the paragraph that carries footnote {marker} of {symbol}, "
                "found none (no marker in the text)",
                "footnotes",
                number,
                "paragraph",
            )
        elif as_int(paragraph) not in positions.get(symbol, set()):
            yield Issue(
                "footnote-reference",
                f"expected a paragraph position of {symbol} for footnote {marker}, found {paragraph}, "
                "which is no paragraph of it",
                "footnotes",
                number,
                "paragraph",
            )
