"""Text joined from several source lines, remembering where each part came from."""

from __future__ import annotations

import bisect
import re

# A line that ends with a hyphen after a letter was cut inside a hyphenated
# word ("post-" / "conflict", "Bosnie-" / "Herzégovine"): join without a space.
_CUT_HYPHEN = re.compile(r"[^\W\d_]-$")


def join_fragments(fragments: list[tuple[int, str]]) -> tuple[str, list[int], list[int]]:
    """Join ``(line, text)`` fragments into one line of text.

    Returns the text, the offset where each fragment starts in it and the
    fragments' line numbers, so that :func:`line_at` can say where any
    character came from.
    """
    text = ""
    starts: list[int] = []
    lines: list[int] = []
    for line, fragment in fragments:
        fragment = " ".join(fragment.split())  # one space between words, as printed
        if not fragment:
            continue
        if text and not _CUT_HYPHEN.search(text[-2:]):
            text += " "
        starts.append(len(text))
        lines.append(line)
        text += fragment
    return text, starts, lines


def line_at(offset: int, starts: list[int], lines: list[int]) -> int:
    """The source line of the character at ``offset`` of a joined text."""
    return lines[max(bisect.bisect_right(starts, offset) - 1, 0)]
