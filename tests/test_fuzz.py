"""Property tests: random damage to real texts either parses or raises ParseError.

Any other exception is a bug. `make test` runs a short round; `make fuzz`
runs a long one (UNRES_FUZZ_EXAMPLES sets the number of examples).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unres.errors import ParseError
from unres.parse import parse_text

from .conftest import FIXTURES, SEED

TEXTS = [
    path.read_text(encoding="utf-8")
    for path in [SEED, *sorted(FIXTURES.glob("*.txt")), *sorted((FIXTURES / "synthetic").glob("*.txt"))]
]
EXAMPLES = int(os.environ.get("UNRES_FUZZ_EXAMPLES", "150"))
#: Characters that mean something to the parser, and some that mean nothing.
CHARACTERS = st.sampled_from([*"0123456789.,;:()[]*/_-–  \u00a0\taAéÉ\n\r\ufeff\x00", "’", "«", "»", "é", "\u202f"])

edit = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10_000)),
    st.tuples(st.just("duplicate"), st.integers(0, 10_000)),
    st.tuples(st.just("swap"), st.integers(0, 10_000), st.integers(0, 10_000)),
    st.tuples(st.just("change"), st.integers(0, 1_000_000), CHARACTERS),
    st.tuples(st.just("insert"), st.integers(0, 1_000_000), st.text(CHARACTERS, max_size=8)),
    st.tuples(st.just("cut"), st.integers(0, 1_000_000)),
)


def damage(text: str, edits: list[tuple]) -> str:
    for operation, *arguments in edits:
        lines = text.split("\n")
        if operation in ("delete", "duplicate", "swap") and lines:
            first = arguments[0] % len(lines)
            if operation == "delete":
                del lines[first]
            elif operation == "duplicate":
                lines.insert(first, lines[first])
            else:
                second = arguments[1] % len(lines)
                lines[first], lines[second] = lines[second], lines[first]
            text = "\n".join(lines)
        elif operation in ("change", "insert") and text:
            at = arguments[0] % len(text)
            text = text[:at] + arguments[1] + text[at + (operation == "change") :]
        elif operation == "cut" and text:
            text = text[: arguments[0] % len(text)]
    return text


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=EXAMPLES <= 150
)
@given(st.sampled_from(TEXTS), st.lists(edit, min_size=1, max_size=6))
def test_damaged_text_parses_or_raises_parse_error(text, edits):
    damaged = damage(text, edits)
    try:
        resolutions = parse_text(damaged, partial=len(edits) % 2 == 0)
    except ParseError:
        return
    for resolution in resolutions:
        assert resolution.paragraphs, "a parsed resolution has paragraphs"
        resolution.to_document()
