"""The package's resources: CSV rows from resolution documents, and files.

The JSON document is the one source of every CSV row, so that the CSV and
JSON resources of a package can be compared by making the rows again.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

import yaml

from unres.safe_yaml import LOADER

#: The CSV resources made from resolution documents, in the order the descriptor lists them.
TABLES = ("resolutions", "paragraphs", "footnotes", "votes")
#: The CSV resources of reference data (not parsed from texts), listed after them.
REFERENCE_TABLES = ("members",)
JSON_SCHEMA = "resolution.schema.json"

Row = dict[str, Any]


def schema_text(name: str) -> str:
    """The text of a schema shipped with the package (``votes.yaml``, …)."""
    return (resources.files("unres") / "schemas" / name).read_text(encoding="utf-8")


def table_schema_file(table: str) -> str:
    return f"{table}.yaml"


@cache
def table_fields(table: str) -> tuple[str, ...]:
    """The column names of a table, from its Table Schema."""
    schema = yaml.load(schema_text(table_schema_file(table)), Loader=LOADER)
    return tuple(field["name"] for field in schema["fields"])


def rows_of(document: dict[str, Any]) -> dict[str, list[Row]]:
    """Every CSV row that one resolution document gives, by table."""
    symbol = document["symbol"]
    adoption = document["adoption"]
    source = document["source"]
    resolution = {
        "symbol": symbol,
        "body": document["body"],
        "kind": document["kind"],
        "number": document["number"],
        "session": document["session"],
        "language": document["language"],
        "title": document["title"],
        "meeting": document["meeting"],
        "date": document["date"],
        "adoption": adoption["method"],
        "yes": adoption["yes"],
        "no": adoption["no"],
        "abstain": adoption["abstain"],
        "source": source["path"],
        "line_start": source["lines"][0],
        "line_end": source["lines"][1],
    }
    paragraphs: list[Row] = []
    for part in ("intro", "preamble", "operative"):
        for paragraph in document[part]:
            number = paragraph.get("number")
            paragraphs.append(
                {
                    "resolution": symbol,
                    "position": paragraph["position"],
                    "part": part,
                    "number": number,
                    "label": None,
                    "lead": paragraph["lead"],
                    "text": paragraph["text"],
                    "line_start": paragraph["lines"][0],
                    "line_end": paragraph["lines"][1],
                }
            )
            for sub in paragraph.get("subparagraphs", []):
                paragraphs.append(
                    {
                        "resolution": symbol,
                        "position": sub["position"],
                        "part": part,
                        "number": number,
                        "label": sub["label"],
                        "lead": None,
                        "text": sub["text"],
                        "line_start": sub["lines"][0],
                        "line_end": sub["lines"][1],
                    }
                )
    footnotes = [
        {
            "resolution": symbol,
            "marker": footnote["marker"],
            "paragraph": footnote["paragraph"],
            "anchor": footnote.get("anchor"),
            "text": footnote["text"],
            "line_start": footnote["lines"][0],
            "line_end": footnote["lines"][1],
        }
        for footnote in document["footnotes"]
    ]
    votes = [
        {"resolution": symbol, "country": v["country"], "iso3": v["iso3"], "vote": v["vote"], "line": v["line"]}
        for v in adoption["votes"]
    ]
    return {"resolutions": [resolution], "paragraphs": paragraphs, "footnotes": footnotes, "votes": votes}


def cell(value: Any) -> str:
    """How a value is written in a CSV cell: None is empty."""
    return "" if value is None else str(value)


def csv_text(table: str, rows: Iterable[Row]) -> str:
    """A table as CSV text: header from its schema, LF line endings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    fields = table_fields(table)
    writer.writerow(fields)
    for row in rows:
        writer.writerow([cell(row[name]) for name in fields])
    return buffer.getvalue()


# The csv module refuses cells over 128 kB by default; a package may hold
# longer texts, and the text is in memory already, so the bound is the file.
csv.field_size_limit(2**31 - 1)


def read_csv(text: str) -> Iterator[list[str]]:
    """Rows of a CSV text, header first, every cell a string."""
    return csv.reader(io.StringIO(text, newline=""))


def json_text(document: dict[str, Any]) -> str:
    """A document as it is written to disk: UTF-8, two-space indent, final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
