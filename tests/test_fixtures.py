"""Every real UN text in tests/fixtures/ parses, and every line is accounted for.

The values each one states are checked in detail by the tests of the issue
that brings those formats in; here: no crash, the right document, nothing lost.
"""

from __future__ import annotations

import pytest

from unres.parse import parse_file
from unres.read import read_source

from .conftest import FIXTURES

# file stem -> symbol that its title line and header give
EXPECTED = {
    "hrc-46-9-en": "A/HRC/RES/46/9",
    "ga-80-1-en": "A/RES/80/1",
    "ga-80-4-en": "A/RES/80/4",
    "ga-80-6-en": "A/RES/80/6",
    "ga-80-12-en": "A/RES/80/12",
    "ga-80-19-en": "A/RES/80/19",
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_fixture_parses_into_its_resolution_with_every_line_accounted_for(stem):
    path = FIXTURES / f"{stem}.txt"
    (resolution,) = parse_file(path)
    assert resolution.symbol == EXPECTED[stem]
    assert resolution.language == "en"
    for line in read_source(path).lines:
        assert line.is_blank or line.number in resolution.ledger, f"line {line.number} is not accounted for"
