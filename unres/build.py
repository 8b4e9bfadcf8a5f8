"""Build a data package from the texts in ``sources/``, atomically.

Everything is written into a temporary folder beside the package, then
moved into place under a lock: a build that fails, or is killed, leaves the
previous ``data/``, ``schemas/`` and ``datapackage.yaml`` as they were.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from unres import members
from unres.errors import InputError
from unres.model import Resolution
from unres.parse import parse_file
from unres.resources import (
    JSON_SCHEMA,
    REFERENCE_TABLES,
    TABLES,
    csv_text,
    json_text,
    rows_of,
    schema_text,
    table_schema_file,
)
from unres.safe_yaml import booleans_meant_as_strings, load_yaml
from unres.symbols import resource_name

DESCRIPTOR = "datapackage.yaml"
#: Optional file of package metadata (name, title, licenses, …) that the
#: build copies into the descriptor.
METADATA = "unres.yaml"
DATA_PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
#: What the build owns in a package folder and replaces as a whole.
OUTPUTS = ("data", "schemas", DESCRIPTOR)
#: Prefix of the folder a build stages its outputs in, beside them.
STAGE_PREFIX = ".unres-build-"

_DEFAULT_METADATA: dict[str, Any] = {
    "name": "un-resolutions",
    "title": "UN resolutions as data",
    "description": (
        "Resolutions of the United Nations Human Rights Council and General "
        "Assembly parsed from their texts: paragraphs, footnotes and recorded "
        "votes, with the source texts."
    ),
    "version": "0.1.0",
}


@dataclass(frozen=True)
class BuildResult:
    root: Path
    sources: int
    resolutions: int
    files: tuple[str, ...]


def source_files(root: Path) -> list[Path]:
    folder = root / "sources"
    if not folder.is_dir():
        raise InputError(folder, None, "a folder of source texts (sources/*.txt)", "no such folder")
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise InputError(folder, None, "at least one source text (sources/*.txt)", "none")
    return files


def parse_sources(root: Path) -> list[Resolution]:
    """Parse every ``sources/*.txt`` of a package folder, in file name order."""
    resolutions: list[Resolution] = []
    seen: dict[str, Resolution] = {}
    for file in source_files(root):
        for resolution in parse_file(file, file.relative_to(root).as_posix()):
            if resolution.symbol in seen:
                first = seen[resolution.symbol]
                raise InputError(
                    resolution.source_path,
                    resolution.line_start,
                    f"each resolution once in the sources ({resolution.symbol} is already "
                    f"at {first.source_path}:{first.line_start})",
                    "it again",
                )
            seen[resolution.symbol] = resolution
            resolutions.append(resolution)
    return resolutions


def build(root: str | Path = ".") -> BuildResult:
    """Parse the sources of the package in ``root`` and write its files."""
    root = Path(root)
    resolutions = parse_sources(root)
    sources = source_files(root)
    with _lock(root):
        recover(root)
        stage = Path(tempfile.mkdtemp(dir=root, prefix=STAGE_PREFIX))
        files = _write_package(stage / "new", root, resolutions, sources)
        _swap_into_place(stage, root)
        shutil.rmtree(stage)
    return BuildResult(root, len(sources), len(resolutions), tuple(files))


def _write_package(stage: Path, root: Path, resolutions: list[Resolution], sources: list[Path]) -> list[str]:
    documents = [resolution.to_document() for resolution in resolutions]
    written: dict[str, bytes] = {}
    tables: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for document in documents:
        for table, rows in rows_of(document).items():
            tables[table].extend(rows)
    tables["members"] = members.member_rows()
    for table in (*TABLES, *REFERENCE_TABLES):
        written[f"data/{table}.csv"] = csv_text(table, tables[table]).encode("utf-8")
    for document in documents:
        written[_document_path(document["symbol"])] = json_text(document).encode("utf-8")
    for name in (*map(table_schema_file, (*TABLES, *REFERENCE_TABLES)), JSON_SCHEMA):
        written[f"schemas/{name}"] = schema_text(name).encode("utf-8")
    for path, data in written.items():
        target = stage / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    descriptor = descriptor_of(root, documents, written, sources)
    (stage / DESCRIPTOR).write_text(descriptor, encoding="utf-8")
    return [*written, DESCRIPTOR]


def _document_path(symbol: str) -> str:
    return f"data/documents/{resource_name(symbol)}.json"


def _integrity(data: bytes) -> dict[str, Any]:
    return {"bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}"}


def descriptor_of(root: Path, documents: list[dict[str, Any]], written: dict[str, bytes], sources: list[Path]) -> str:
    """The text of ``datapackage.yaml`` for the files just written."""
    metadata = {**_DEFAULT_METADATA, **read_metadata(root)}
    resources = [
        *(_table_resource(table, written) for table in (*TABLES, *REFERENCE_TABLES)),
        *(_document_resource(document, written) for document in documents),
        *(_source_resource(source, root) for source in sources),
    ]
    descriptor = {
        "$schema": DATA_PACKAGE_PROFILE,
        **metadata,
        "sources": [
            {
                "title": f"{document['symbol']}: {document['title']}",
                "path": f"https://undocs.org/{document['language']}/{document['symbol']}",
            }
            for document in documents
        ],
        "resources": resources,
    }
    header = (
        "# Written by `unres build` from sources/ (and unres.yaml, if present).\n"
        "# Edit those and rebuild; changes made here are overwritten.\n"
    )
    return header + yaml.safe_dump(descriptor, sort_keys=False, allow_unicode=True, width=100)


def read_metadata(root: Path) -> dict[str, Any]:
    """The package metadata in ``unres.yaml``, if there is one; InputError if unusable."""
    path = root / METADATA
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(path, None, "UTF-8 text", "bytes that are not UTF-8") from None
    loaded = load_yaml(text, path)
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise InputError(path, None, "a mapping of package metadata (name, title, …)", f"a {type(loaded).__name__}")
    for where in booleans_meant_as_strings(loaded):
        raise InputError(path, None, f"a string at {where}", "a YAML boolean (quote yes/no/on/off)")
    return loaded


def _table_resource(table: str, written: dict[str, bytes]) -> dict[str, Any]:
    path = f"data/{table}.csv"
    resource: dict[str, Any] = {"name": table}
    if table == "members":
        reference = members.reference()
        resource.update(description=reference["description"], sources=reference["sources"])
    resource.update(
        type="table",
        path=path,
        format="csv",
        mediatype="text/csv",
        encoding="utf-8",
        schema=f"schemas/{table_schema_file(table)}",
        **_integrity(written[path]),
    )
    return resource


def _document_resource(document: dict[str, Any], written: dict[str, bytes]) -> dict[str, Any]:
    path = _document_path(document["symbol"])
    return {
        "name": resource_name(document["symbol"]),
        "title": f"{document['symbol']}: {document['title']}",
        "path": path,
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "jsonSchema": f"schemas/{JSON_SCHEMA}",
        **_integrity(written[path]),
    }


def _source_resource(source: Path, root: Path) -> dict[str, Any]:
    return {
        "name": f"source-{resource_name(source.stem)}",
        "title": f"Source text {source.name}",
        "path": source.relative_to(root).as_posix(),
        "format": "txt",
        "mediatype": "text/plain",
        "encoding": "utf-8",
        **_integrity(source.read_bytes()),
    }


@contextlib.contextmanager
def _lock(root: Path) -> Iterator[None]:
    """One build at a time in a folder: a second waits for the first."""
    with open(root / ".unres.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _swap_into_place(stage: Path, root: Path) -> None:
    """Move the staged outputs over the old ones, the old ones kept in the stage.

    If a move fails, the moves made so far are undone before the error goes
    on; if the process is killed, the next build undoes them (:func:`recover`).
    The ``committed`` mark says the swap is whole and the old files may go.
    """
    (stage / "old").mkdir()
    try:
        for name in OUTPUTS:
            if (root / name).exists():
                os.replace(root / name, stage / "old" / name)
            os.replace(stage / "new" / name, root / name)
    except BaseException:
        _roll_back(stage, root)
        raise
    (stage / "committed").touch()


def _roll_back(stage: Path, root: Path) -> None:
    """Put back every output the stage holds an old copy of."""
    for name in OUTPUTS:
        old = stage / "old" / name
        if not old.exists():
            continue
        current = root / name
        if current.is_dir() and not current.is_symlink():
            shutil.rmtree(current)
        elif current.exists() or current.is_symlink():
            current.unlink()
        os.replace(old, current)


def recover(root: str | Path) -> None:
    """Undo what a build killed during its swap left behind, then clear its stage.

    Called by every build, under the lock, before it writes anything.
    """
    root = Path(root)
    for stage in sorted(root.glob(f"{STAGE_PREFIX}*")):
        if stage.is_dir() and (stage / "old").is_dir() and not (stage / "committed").exists():
            _roll_back(stage, root)
        shutil.rmtree(stage, ignore_errors=True)
