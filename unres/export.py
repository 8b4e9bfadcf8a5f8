"""The package in other shapes: a SQLite database, and votes in the UN Digital Library layout.

Both read the package's own files (a copy someone made is exported as it is)
and write into a temporary file that is moved into place when it is whole.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from unres.errors import InputError, UnresError
from unres.resources import REFERENCE_TABLES, TABLES
from unres.safe_yaml import load_yaml
from unres.validate.package import Package

#: UN Digital Library vote codes, and Erik Voeten's codes (UNGA voting data):
#: 1 yes, 2 abstain, 3 no, 8 absent (a member that did not vote), 9 not a member.
UNDL_VOTE = {"yes": "Y", "no": "N", "abstain": "A", None: "X"}
VOETEN_VOTE = {"yes": 1, "abstain": 2, "no": 3, None: 8}
VOETEN_NOT_A_MEMBER = 9
UNDL_COLUMNS = (
    "undl_id",
    "ms_code",
    "ms_name",
    "ms_vote",
    "voeten_vote",
    "date",
    "session",
    "resolution",
    "meeting",
    "title",
    "total_yes",
    "total_no",
    "total_abstentions",
    "total_non_voting",
    "total_ms",
)


@contextmanager
def _atomic(out: Path) -> Iterator[Path]:
    """A temporary path beside ``out`` that replaces it only if all went well."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)


def _schema(package: Package, table: str) -> dict[str, Any]:
    resource = package.resource(table)
    path = resource.get("schema") if resource else None
    text = package.read_text(path) if isinstance(path, str) else None
    if text is None:
        raise InputError(package.path, None, f"a readable Table Schema for the {table} resource", "none")
    schema = load_yaml(text, str(path))
    if not isinstance(schema, dict):
        raise InputError(path, None, "a Table Schema (a mapping with fields)", f"a {type(schema).__name__}")
    return schema


def _typed_rows(package: Package, table: str, schema: dict[str, Any]) -> list[dict[str, Any]]:
    """A table's rows with integers as integers and empty cells as NULL."""
    integers = {field["name"] for field in schema["fields"] if field.get("type") == "integer"}
    rows = package.table(table)
    if rows is None:
        raise InputError(package.path, None, f"a readable {table} table", "none")
    typed = []
    for number, row in enumerate(rows, 1):
        values: dict[str, Any] = {}
        for name, value in row.items():
            if value == "":
                values[name] = None
            elif name in integers:
                try:
                    values[name] = int(value)
                except ValueError:
                    raise UnresError(f"{table} row {number}: expected an integer in {name}, found {value!r}") from None
            else:
                values[name] = value
        typed.append(values)
    return typed


def export_sqlite(descriptor: str | Path, out: str | Path) -> dict[str, int]:
    """Write the package's tables to a SQLite database with their primary and
    foreign keys (enforced where the connection turns ``foreign_keys`` on).
    Returns the number of rows of each table."""
    import sqlite_utils  # only this command needs it

    package = Package(descriptor)
    counts: dict[str, int] = {}
    with _atomic(Path(out)) as temporary:
        database = sqlite_utils.Database(temporary, recreate=True)
        for table in (*TABLES, *REFERENCE_TABLES):
            if package.resource(table) is None:
                continue
            schema = _schema(package, table)
            fields = schema["fields"]
            primary_key = schema.get("primaryKey") or []
            database[table].create(
                {field["name"]: int if field.get("type") == "integer" else str for field in fields},
                pk=tuple(primary_key) if len(primary_key) > 1 else (primary_key[0] if primary_key else None),
                not_null={field["name"] for field in fields if field.get("constraints", {}).get("required")},
                foreign_keys=[
                    (tuple(key["fields"]), key["reference"]["resource"], tuple(key["reference"]["fields"]))
                    for key in schema.get("foreignKeys", [])
                ],
            )
            rows = _typed_rows(package, table, schema)
            database[table].insert_all(rows)
            counts[table] = len(rows)
        database.close()
    return counts


def undl_rows(descriptor: str | Path) -> list[dict[str, Any]]:
    """One row per member of the body (and per voter) for each recorded vote."""
    package = Package(descriptor)
    members: dict[tuple[str, int], dict[str, str]] = {}
    for row in package.table("members") or []:
        members.setdefault((row["body"], int(row["year"])), {})[row["iso3"]] = row["country"]
    votes: dict[str, dict[str, str]] = {}
    for row in package.table("votes") or []:
        votes.setdefault(row["resolution"], {})[row["iso3"]] = row["vote"]
    rows = []
    for resolution in package.table("resolutions") or []:
        if resolution.get("adoption") != "recorded-vote":
            continue
        symbol, year = resolution["symbol"], int(resolution["date"][:4]) if resolution.get("date") else 0
        body_members = members.get((resolution["body"], year), {})
        cast = votes.get(symbol, {})
        names = {**{code: code for code in cast}, **body_members}
        non_voting = sum(1 for code in body_members if code not in cast)
        for code in sorted(names, key=lambda code: names[code]):
            vote = cast.get(code)
            rows.append(
                {
                    "undl_id": "",
                    "ms_code": code,
                    "ms_name": names[code],
                    "ms_vote": UNDL_VOTE[vote],
                    "voeten_vote": VOETEN_VOTE[vote] if code in body_members else VOETEN_NOT_A_MEMBER,
                    "date": resolution["date"],
                    "session": resolution["session"],
                    "resolution": symbol,
                    "meeting": resolution["meeting"],
                    "title": resolution["title"],
                    "total_yes": resolution["yes"],
                    "total_no": resolution["no"],
                    "total_abstentions": resolution["abstain"],
                    "total_non_voting": non_voting,
                    "total_ms": len(body_members),
                }
            )
    return rows


def export_undl(descriptor: str | Path, out: str | Path) -> int:
    """Write the votes in the UN Digital Library layout; returns the number of rows."""
    rows = undl_rows(descriptor)
    with _atomic(Path(out)) as temporary, temporary.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, UNDL_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
