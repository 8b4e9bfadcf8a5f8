"""A data package on disk, as the validator sees it: read once, never written.

Resource paths are resolved inside the package folder only: a path that would
leave it, or a URL, is never opened (the ``unsafe-path`` rule reports it).
Each file is read at most once; tables are kept as rows of strings.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from unres.errors import InputError
from unres.model import Resolution
from unres.parse import parse_file
from unres.resources import read_csv
from unres.safe_yaml import booleans_meant_as_strings, load_yaml

#: (1-based data row, row as strings keyed by the header)
NumberedRow = tuple[int, dict[str, str]]


__all__ = ["NumberedRow", "Package", "booleans_meant_as_strings", "load_descriptor"]


class Package:
    """The descriptor at ``path`` and cached readers of its resources."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.root = self.path.parent
        self.descriptor = load_descriptor(self.path)
        self._tables: dict[str, list[dict[str, str]] | None] = {}
        self._groups: dict[str, dict[str, list[NumberedRow]]] = {}
        self._reasons: dict[str, str | None] = {}
        self._root = self.root.resolve()

    # -- resources ------------------------------------------------------------

    @property
    def resources(self) -> list[dict[str, Any]]:
        resources = self.descriptor.get("resources")
        return [r for r in resources if isinstance(r, dict)] if isinstance(resources, list) else []

    def resource(self, name: str) -> dict[str, Any] | None:
        return next((r for r in self.resources if r.get("name") == name), None)

    def paths_of(self, resource: dict[str, Any]) -> list[tuple[str, Any]]:
        """Every (property, path) in a resource that names a file to open."""
        found: list[tuple[str, Any]] = []
        path = resource.get("path")
        found.extend(("path", part) for part in (path if isinstance(path, list) else [path]))
        for key in ("schema", "jsonSchema", "dialect"):
            if isinstance(resource.get(key), str):
                found.append((key, resource[key]))
        return found

    @staticmethod
    def is_json(resource: dict[str, Any]) -> bool:
        path = resource.get("path")
        return resource.get("format") == "json" or (isinstance(path, str) and path.lower().endswith(".json"))

    # -- safe paths -------------------------------------------------------------

    def unsafe_reason(self, relative: Any) -> str | None:
        """Why a path may not be opened, or None if it stays inside the package (cached)."""
        key = relative if isinstance(relative, str) else repr(relative)
        if key not in self._reasons:
            self._reasons[key] = self._unsafe_reason(relative)
        return self._reasons[key]

    def _unsafe_reason(self, relative: Any) -> str | None:
        if not isinstance(relative, str) or not relative:
            return "no path"
        if "://" in relative or relative.startswith("//"):
            return "a URL (never fetched)"
        if relative.startswith(("/", "\\")) or Path(relative).is_absolute() or ":" in relative.split("/")[0]:
            return "an absolute path"
        if "\x00" in relative:
            return "a path with a NUL byte"
        if any(part == ".." for part in relative.replace("\\", "/").split("/")):
            return "a path that climbs out with '..'"
        target = (self.root / relative).resolve()
        if target != self._root and self._root not in target.parents:
            return "a link that points outside the package"
        return None

    def local_path(self, relative: Any) -> Path | None:
        """The file a path names, if it is safe to open; None otherwise."""
        return None if self.unsafe_reason(relative) else self.root / relative

    # -- reading: each file when a rule needs it; only tables are kept --------

    def read_bytes(self, relative: Any) -> bytes | None:
        """A file's bytes; None if unsafe or missing."""
        target = self.local_path(relative)
        try:
            return target.read_bytes() if target is not None and target.is_file() else None
        except OSError:
            return None

    def digest(self, relative: Any, algorithm: str) -> tuple[int, str] | None:
        """(size, hex digest) of a file, read in chunks; None if unsafe or missing."""
        target = self.local_path(relative)
        if target is None or not target.is_file():
            return None
        hasher, size = hashlib.new(algorithm), 0
        with target.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                hasher.update(chunk)
                size += len(chunk)
        return size, hasher.hexdigest()

    def read_text(self, relative: Any) -> str | None:
        data = self.read_bytes(relative)
        if data is None:
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None

    def read_json(self, relative: Any) -> Any:
        """Parsed JSON, or None if the file is absent; ValueError if not JSON."""
        text = self.read_text(relative)
        return None if text is None else json.loads(text)

    def table(self, name: str) -> list[dict[str, str]] | None:
        """A CSV resource's rows as strings keyed by its header (cached); None if
        the table is absent or cannot be read (the rules that need it then skip)."""
        if name not in self._tables:
            resource = self.resource(name)
            text = self.read_text(resource.get("path")) if resource else None
            rows: list[dict[str, str]] | None = None
            if text is not None:
                try:
                    reader = read_csv(text)
                    header = next(reader, [])
                    rows = [dict(zip(header, row, strict=False)) for row in reader]
                except csv.Error:
                    rows = None  # a NUL byte, a cell past the size limit: frictionless reports it
            self._tables[name] = rows
        return self._tables[name]

    def numbered(self, name: str) -> list[NumberedRow]:
        """A table's rows with their 1-based data row numbers ([] if absent)."""
        return list(enumerate(self.table(name) or [], 1))

    def by_resolution(self, name: str) -> dict[str, list[NumberedRow]]:
        """A table's numbered rows grouped by resolution symbol, in order (cached)."""
        if name not in self._groups:
            column = "symbol" if name == "resolutions" else "resolution"
            groups: dict[str, list[NumberedRow]] = {}
            for number, row in self.numbered(name):
                groups.setdefault(row.get(column, ""), []).append((number, row))
            self._groups[name] = groups
        return self._groups[name]

    def json_documents(self) -> Iterator[tuple[dict[str, Any], Any]]:
        """(resource, parsed JSON or None) for every JSON resource, read one at a
        time: a package of thousands of documents is never held whole."""
        for resource in self.resources:
            if self.is_json(resource):
                try:
                    yield resource, self.read_json(resource.get("path"))
                except (ValueError, RecursionError):
                    yield resource, None

    def parsed_source(self, relative: str) -> list[Resolution] | None:
        """The resolutions a source text gives; None if it is not in the package.
        Raises UnresError if it no longer parses."""
        target = self.local_path(relative)
        return parse_file(target, relative) if target is not None and target.is_file() else None


def load_descriptor(path: Path) -> dict[str, Any]:
    """Read ``datapackage.yaml`` (or ``.json``) safely; InputError if unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, None, "a data package descriptor", "no such file") from None
    except IsADirectoryError:
        raise InputError(path, None, "a data package descriptor file", "a directory") from None
    except UnicodeDecodeError:
        raise InputError(path, None, "a UTF-8 descriptor", "bytes that are not UTF-8") from None
    except OSError as error:
        raise InputError(path, None, "a readable descriptor", error.strerror or str(error)) from None
    descriptor = load_yaml(text, path)
    if not isinstance(descriptor, dict):
        raise InputError(path, None, "a mapping (name, resources, …)", f"a {type(descriptor).__name__}")
    return descriptor
