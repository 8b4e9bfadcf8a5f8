"""The package in other shapes: a SQLite database, and votes in the UN Digital Library layout.

Both read the package's own files (a copy someone made is exported as it is)
and write into a temporary file that is moved into place when it is whole.
"""

from __future__ import annotations

import csv
import os
import sqlite3
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
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; the export is an ordinary file
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
            primary_key = [primary_key] if isinstance(primary_key, str) else list(primary_key)
            database[table].create(
                {field["name"]: int if field.get("type") == "integer" else str for field in fields},
                pk=tuple(primary_key) if len(primary_key) > 1 else (primary_key[0] if primary_key else None),
                not_null={field["name"] for field in fields if field.get("constraints", {}).get("required")},
                foreign_keys=[_foreign_key(key) for key in schema.get("foreignKeys", [])],
            )
            rows = _typed_rows(package, table, schema)
            try:
                database[table].insert_all(rows)
            except sqlite3.DatabaseError as error:
                raise UnresError(
                    f"{table}: expected rows that fit the table's keys, found: {error} (run unres validate)"
                ) from None
            counts[table] = len(rows)
        database.close()
    return counts


def _foreign_key(key: dict[str, Any]) -> tuple[Any, str, Any]:
    """A Table Schema foreign key as sqlite-utils takes it (fields as one name or several)."""

    def names(fields: Any) -> Any:
        return fields if isinstance(fields, str) else tuple(fields)

    return names(key["fields"]), key["reference"]["resource"], names(key["reference"]["fields"])


def _required_table(package: Package, name: str) -> list[dict[str, str]]:
    rows = package.table(name)
    if rows is None:
        raise InputError(package.path, None, f"a readable {name} table in the package", "none")
    return rows


def undl_rows(descriptor: str | Path) -> list[dict[str, Any]]:
    """One row per member of the body (and per voter) for each recorded vote."""
    package = Package(descriptor)
    members: dict[tuple[str, str], dict[str, str]] = {}
    for row in _required_table(package, "members"):
        members.setdefault((row.get("body", ""), row.get("year", "")), {})[row.get("iso3", "")] = row.get("country", "")
    votes: dict[str, dict[str, str]] = {}
    for row in _required_table(package, "votes"):
        votes.setdefault(row.get("resolution", ""), {})[row.get("iso3", "")] = row.get("vote", "")
    rows = []
    for number, resolution in enumerate(_required_table(package, "resolutions"), 1):
        if resolution.get("adoption") != "recorded-vote":
            continue
        symbol, date, body = resolution.get("symbol", ""), resolution.get("date", ""), resolution.get("body", "")
        body_members = members.get((body, date[:4]), {})
        if not body_members:
            # Without the members of that year, who was absent cannot be told: refuse rather than guess.
            raise InputError(
                package.path,
                None,
                f"the members of {body} in the year of {symbol} (resolutions row {number}, date {date!r}) "
                "in the members table",
                "none",
            )
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
