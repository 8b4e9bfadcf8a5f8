"""Rules on agreement: JSON documents with CSV rows, and both with the source texts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from unres.errors import UnresError, shorten
from unres.resources import TABLES, cell, rows_of, table_fields
from unres.validate.package import Package
from unres.validate.registry import rule
from unres.validate.report import Issue

Row = dict[str, Any]


def _expected_tables(documents: list[dict[str, Any]]) -> dict[str, list[Row]] | None:
    """The CSV rows that documents give, or None if a document is malformed."""
    tables: dict[str, list[Row]] = {table: [] for table in TABLES}
    try:
        for document in documents:
            for table, rows in rows_of(document).items():
                tables[table].extend(rows)
    except (KeyError, TypeError, IndexError, AttributeError):
        return None  # the json-schema rule reports the malformed document
    return tables


def _first_row_difference(table: str, expected: list[Row], actual: list[tuple[int, dict[str, str]]]):
    """The first (row, field, expected, found) where a table differs from expected rows.

    Later differences usually follow from the first, so only it is reported.
    """
    for (number, have), want in zip(actual, expected, strict=False):
        for name in table_fields(table):
            if cell(want[name]) != have.get(name, ""):
                return number, name, cell(want[name]), have.get(name, "")
    if len(expected) != len(actual):
        return None if not actual else actual[-1][0], None, f"{len(expected)} rows", f"{len(actual)} rows"
    return None


@rule("json-csv-mismatch", "the JSON document and the CSV rows of the same resolution disagree")
def json_csv_mismatch(package: Package) -> Iterator[Issue]:
    documented: set[str] = set()
    for resource, document in package.json_documents():
        if not isinstance(document, dict):
            continue
        symbol = document.get("symbol")
        if not isinstance(symbol, str):
            continue  # the json-schema rule reports it
        documented.add(symbol)
        expected = _expected_tables([document])
        if expected is None:
            continue
        for table in TABLES:
            if package.table(table) is None:
                continue
            rows = package.by_resolution(table).get(symbol, [])
            difference = _first_row_difference(table, expected[table], rows)
            if difference:
                row, field, want, have = difference
                yield Issue(
                    "json-csv-mismatch",
                    f"the document {resource.get('name')} says {want!r}, the table says {have!r}",
                    table,
                    row,
                    field,
                )
    for number, row in package.numbered("resolutions"):
        if row.get("symbol") not in documented:
            yield Issue(
                "json-csv-mismatch",
                f"expected a JSON document for {row.get('symbol')}, found none in the package",
                "resolutions",
                number,
                "symbol",
            )


@rule(
    "source-mismatch",
    "the data no longer says what the source text says (the source is parsed again and compared, field by field)",
)
def source_mismatch(package: Package) -> Iterator[Issue]:
    # One source at a time, so that a package of thousands of texts is never held whole.
    sources, documents = _sources_and_documents(package)
    seen: set[str] = set()
    for source_path in sources:
        try:
            parsed = package.parsed_source(source_path)
        except UnresError as error:
            yield Issue(
                "source-mismatch",
                f"expected the source text to parse, found: {error}",
                _resource_at(package, source_path),
            )
            continue
        if parsed is None:
            yield Issue(
                "source-mismatch",
                f"expected the source text {source_path} in the package, found no such file",
                "resolutions",
            )
            continue
        for resolution in parsed:
            expected = resolution.to_document()
            seen.add(expected["symbol"])
            for resource in documents.get(expected["symbol"], []):  # every document that claims it
                yield from _compare_document(package, expected, resource)
            yield from _compare_rows(package, expected)
    for symbol, resources in documents.items():
        if symbol not in seen:
            for resource in resources:
                yield Issue(
                    "source-mismatch",
                    f"expected {shorten(symbol)} in a source text of the package, found no such resolution",
                    resource.get("name"),
                )


def _compare_document(package: Package, expected: dict[str, Any], resource: dict[str, Any]) -> Iterator[Issue]:
    try:
        document = package.read_json(resource.get("path"))
    except (ValueError, RecursionError):
        return  # the json-schema rule reports it
    difference = first_difference(expected, document)
    if difference:
        where, wanted, found = difference
        yield Issue(
            "source-mismatch",
            f"the source says {wanted!r}, the document says {found!r}",
            resource.get("name"),
            field=where,
        )


def _compare_rows(package: Package, expected: dict[str, Any]) -> Iterator[Issue]:
    """The CSV rows of one resolution against what its source gives, table by table."""
    tables = _expected_tables([expected]) or {}
    for table, rows in tables.items():
        if package.table(table) is None:
            continue  # frictionless reports a missing table
        actual = package.by_resolution(table).get(expected["symbol"], [])
        difference = _first_row_difference(table, rows, actual)
        if difference:
            row, field, want, have = difference
            yield Issue("source-mismatch", f"the source says {want!r}, the table says {have!r}", table, row, field)


def _sources_and_documents(package: Package) -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    """The source texts the resolutions table and the JSON documents name, in
    order, and each document's resource by symbol (one pass over the documents)."""
    paths: dict[str, None] = {}
    for _, row in package.numbered("resolutions"):
        if row.get("source"):
            paths[row["source"]] = None
    documents: dict[str, list[dict[str, Any]]] = {}
    for resource, document in package.json_documents():
        if not isinstance(document, dict):
            continue
        if isinstance(document.get("symbol"), str):
            documents.setdefault(document["symbol"], []).append(resource)
        if isinstance(document.get("source"), dict) and isinstance(document["source"].get("path"), str):
            paths[document["source"]["path"]] = None
    return list(paths), documents


def _resource_at(package: Package, path: str) -> str | None:
    return next((r.get("name") for r in package.resources if r.get("path") == path), None)


def first_difference(expected: Any, actual: Any, path: str = "") -> tuple[str, Any, Any] | None:
    """The JSON pointer and both values of the first place two values differ."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in [*expected, *(k for k in actual if k not in expected)]:
            if key not in actual or key not in expected:
                return f"{path}/{key}", expected.get(key), actual.get(key)
            found = first_difference(expected[key], actual[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        for index, (want, have) in enumerate(zip(expected, actual, strict=False)):
            found = first_difference(want, have, f"{path}/{index}")
            if found:
                return found
        if len(expected) != len(actual):
            return f"{path}/length", len(expected), len(actual)
        return None
    if expected != actual or type(expected) is not type(actual):
        return path or "/", expected, actual
    return None
