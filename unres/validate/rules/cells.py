"""Rules on cells as spreadsheets will read them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from unres.errors import shorten
from unres.validate.package import Package
from unres.validate.registry import rule
from unres.validate.report import Issue, warning

# A spreadsheet runs a cell that starts with one of these as a formula
# (OWASP's "CSV injection"); a plain number such as -5 is only a number.
_FORMULA_START = re.compile(r"[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


@rule("formula-like-cell", "a text cell that a spreadsheet would run as a formula (starts with = + - @) (a warning)")
def formula_like_cell(package: Package) -> Iterator[Issue]:
    for resource in package.resources:
        name = resource.get("name")
        if not isinstance(name, str) or resource.get("format", "csv") != "csv" or package.is_json(resource):
            continue
        if not str(resource.get("path", "")).endswith(".csv"):
            continue
        for number, row in package.numbered(name):
            for field, value in row.items():
                if value and _FORMULA_START.match(value) and not _NUMBER.fullmatch(value):
                    yield warning(
                        "formula-like-cell",
                        f"expected a cell a spreadsheet shows as text, found {shorten(value, 40)}, which it would run "
                        "as a formula (prefix it with ' when you open the file in a spreadsheet)",
                        name,
                        number,
                        field,
                    )
