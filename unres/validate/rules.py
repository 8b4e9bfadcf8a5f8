"""The validator's rules: one small function per fault, each with its code.

A rule takes the :class:`~unres.validate.package.Package` and yields
:class:`~unres.validate.report.Issue` values; it never raises for bad data.
Register a rule with ``@rule(code, summary)``; ``unres rules`` lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from unres.errors import UnresError
from unres.resources import TABLES, cell, read_csv, rows_of, table_fields
from unres.validate.package import Package
from unres.validate.report import Issue

Check = Callable[[Package], Iterable[Issue]]


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    check: Check


RULES: dict[str, Rule] = {}


def rule(code: str, summary: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        RULES[code] = Rule(code, summary, check)
        return check

    return register


@rule(
    "frictionless",
    "frictionless structural validation: types, constraints, keys, integrity; "
    "its errors keep frictionless's own type as code (type-error, primary-key, …)",
)
def frictionless_errors(package: Package) -> Iterator[Issue]:
    import frictionless  # heavy: imported only when validating

    report = frictionless.validate(str(package.path))
    for error in report.errors:
        yield Issue(error.type, error.message)
    for task in report.tasks:
        for error in task.errors:
            row_number = getattr(error, "row_number", None)
            yield Issue(
                error.type,
                error.message,
                resource=task.name,
                row=row_number - 1 if row_number else None,  # frictionless counts the header
                field=getattr(error, "field_name", None),
            )


@rule("json-schema", "a JSON resource does not satisfy its JSON Schema")
def json_schema(package: Package) -> Iterator[Issue]:
    import jsonschema

    for resource, document in package.json_documents:
        name = resource.get("name")
        schema_path = resource.get("jsonSchema")
        try:
            schema = package.read_json(schema_path)
        except ValueError as error:
            yield Issue("json-schema", f"expected a JSON Schema in {schema_path}, found invalid JSON ({error})", name)
            continue
        if schema is None:
            yield Issue(
                "json-schema", f"expected a JSON Schema at {schema_path}, found no such file in the package", name
            )
            continue
        if document is None:
            yield Issue(
                "json-schema", f"expected a JSON document at {resource.get('path')}, found none or invalid JSON", name
            )
            continue
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
            pointer = "/" + "/".join(str(part) for part in error.absolute_path)
            yield Issue("json-schema", error.message, name, field=pointer)


@rule(
    "source-mismatch",
    "the data no longer says what the source text says (the source is parsed again and compared, field by field)",
)
def source_mismatch(package: Package) -> Iterator[Issue]:
    expected_documents: list[dict[str, Any]] = []
    for source_path in _referenced_sources(package):
        try:
            parsed = package.parsed_source(source_path)
        except UnresError as error:
            yield Issue(
                "source-mismatch", f"the source text no longer parses: {error}", _resource_at(package, source_path)
            )
            continue
        if parsed is None:
            yield Issue(
                "source-mismatch",
                f"expected the source text {source_path} in the package, found no such file",
                "resolutions",
            )
            continue
        expected_documents.extend(resolution.to_document() for resolution in parsed)
    by_symbol = {document["symbol"]: document for document in expected_documents}
    for resource, document in package.json_documents:
        if not isinstance(document, dict):
            continue  # the json-schema rule reports it
        expected = by_symbol.get(document.get("symbol"))
        if expected is None:
            yield Issue(
                "source-mismatch",
                f"expected {document.get('symbol')!r} in a source text of the package, found no such resolution",
                resource.get("name"),
            )
            continue
        difference = first_difference(expected, document)
        if difference:
            where, wanted, found = difference
            yield Issue(
                "source-mismatch",
                f"the source says {wanted!r}, the document says {found!r}",
                resource.get("name"),
                field=where,
            )
    yield from _compare_tables(package, expected_documents)


def _referenced_sources(package: Package) -> list[str]:
    """Source texts named by the resolutions table and the JSON documents, in order."""
    paths: dict[str, None] = {}
    for row in _table_rows(package, "resolutions") or []:
        if row.get("source"):
            paths[row["source"]] = None
    for _, document in package.json_documents:
        if isinstance(document, dict) and isinstance(document.get("source"), dict):
            path = document["source"].get("path")
            if isinstance(path, str):
                paths[path] = None
    return list(paths)


def _resource_at(package: Package, path: str) -> str | None:
    return next((r.get("name") for r in package.resources if r.get("path") == path), None)


def _table_rows(package: Package, table: str) -> list[dict[str, str]] | None:
    resource = package.resource(table)
    text = package.read_text(resource.get("path")) if resource else None
    if text is None:
        return None
    rows = read_csv(text)
    header = next(rows, [])
    return [dict(zip(header, row, strict=False)) for row in rows]


def _compare_tables(package: Package, documents: list[dict[str, Any]]) -> Iterator[Issue]:
    expected: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for document in documents:
        for table, rows in rows_of(document).items():
            expected[table].extend(rows)
    for table in TABLES:
        actual = _table_rows(package, table)
        if actual is None:
            continue  # frictionless reports a missing table
        difference = _first_row_difference(table, expected[table], actual)
        if difference:
            row, name, want, have = difference
            yield Issue("source-mismatch", f"the source says {want!r}, the table says {have!r}", table, row, name)
        elif len(expected[table]) != len(actual):
            yield Issue(
                "source-mismatch",
                f"the sources give {len(expected[table])} row(s), the table has {len(actual)}",
                table,
            )


def _first_row_difference(
    table: str, expected: list[dict[str, Any]], actual: list[dict[str, str]]
) -> tuple[int, str, str, str] | None:
    """The first (row, field, expected, found) where a table differs; later
    differences usually follow from the first, so only it is reported."""
    for number, (want, have) in enumerate(zip(expected, actual, strict=False), 1):
        for name in table_fields(table):
            if cell(want[name]) != have.get(name, ""):
                return number, name, cell(want[name]), have.get(name, "")
    return None


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
