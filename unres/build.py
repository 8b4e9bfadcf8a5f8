"""Build a data package from the texts in ``sources/``, atomically.

Everything is written into a temporary folder beside the package, then
moved into place under a lock: a build that fails, or is killed, leaves the
previous ``data/``, ``schemas/`` and ``datapackage.yaml`` as they were.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unres import members
from unres.descriptor import (
    DESCRIPTOR,
    DESCRIPTOR_JSON,
    chart_path,
    descriptor_json,
    descriptor_of,
    descriptor_yaml,
    document_path,
)
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

#: What the build owns in a package folder and replaces as a whole.
OUTPUTS = ("data", "schemas", DESCRIPTOR, DESCRIPTOR_JSON)
#: Prefix of the folder a build stages its outputs in, beside them.
STAGE_PREFIX = ".unres-build-"

#: An optional progress display: given an iterable and a label, it yields the same items.
Progress = Callable[[Iterable[Any], str], Iterable[Any]]


def _quietly(items: Iterable[Any], label: str) -> Iterable[Any]:
    return items


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


def parse_sources(root: Path, progress: Progress = _quietly) -> list[Resolution]:
    """Parse every ``sources/*.txt`` of a package folder, in file name order."""
    resolutions: list[Resolution] = []
    seen: dict[str, Resolution] = {}
    for file in progress(source_files(root), "parsing"):
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


def build(root: str | Path = ".", charts: bool = True, progress: Progress = _quietly) -> BuildResult:
    """Parse the sources of the package in ``root`` and write its files
    (with an SVG chart of each recorded vote, unless ``charts`` is false)."""
    root = Path(root)
    resolutions = parse_sources(root, progress)
    sources = source_files(root)
    with _lock(root):
        recover(root)
        stage = Path(tempfile.mkdtemp(dir=root, prefix=STAGE_PREFIX))
        files = _write_package(stage / "new", root, resolutions, sources, charts, progress)
        _swap_into_place(stage, root)
        shutil.rmtree(stage)
    return BuildResult(root, len(sources), len(resolutions), tuple(files))


def _write_package(
    stage: Path, root: Path, resolutions: list[Resolution], sources: list[Path], charts: bool, progress: Progress
) -> list[str]:
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
        written[document_path(document["symbol"])] = json_text(document).encode("utf-8")
    if charts:
        written.update(_charts(documents, tables["members"], progress))
    for name in (*map(table_schema_file, (*TABLES, *REFERENCE_TABLES)), JSON_SCHEMA):
        written[f"schemas/{name}"] = schema_text(name).encode("utf-8")
    for path, data in written.items():
        target = stage / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    descriptor = descriptor_of(root, documents, written, sources)
    (stage / DESCRIPTOR).write_text(descriptor_yaml(descriptor), encoding="utf-8")
    (stage / DESCRIPTOR_JSON).write_text(descriptor_json(descriptor), encoding="utf-8")
    return [*written, DESCRIPTOR, DESCRIPTOR_JSON]


def _charts(documents: list[dict[str, Any]], member_rows: list[dict[str, Any]], progress: Progress) -> dict[str, bytes]:
    """An SVG chart of each recorded vote whose body and year the members table covers."""
    from unres.chart import vote_chart

    by_year: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in member_rows:
        by_year.setdefault((row["body"], row["year"]), []).append(row)
    charted = {}
    for document in progress(documents, "charting"):
        year = int(document["date"][:4]) if document.get("date") else 0
        members_then = by_year.get((document["body"], year))
        if document["adoption"]["method"] == "recorded-vote" and members_then:
            charted[chart_path(document["symbol"])] = vote_chart(document, members_then).encode("utf-8")
    return charted


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
