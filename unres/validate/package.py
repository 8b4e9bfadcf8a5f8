"""A data package on disk, as the validator sees it: read, never written.

Resource paths are resolved inside the package folder only; a path that
would leave it, or a URL, is never opened (the ``unsafe-path`` rule says so).
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from unres.errors import InputError
from unres.model import Resolution
from unres.parse import parse_file


class Package:
    """The descriptor at ``path`` and helpers to read its resources."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.root = self.path.parent
        self.descriptor = load_descriptor(self.path)
        self._sources: dict[str, list[Resolution]] = {}

    @property
    def resources(self) -> list[dict[str, Any]]:
        resources = self.descriptor.get("resources")
        return [r for r in resources if isinstance(r, dict)] if isinstance(resources, list) else []

    def resource(self, name: str) -> dict[str, Any] | None:
        return next((r for r in self.resources if r.get("name") == name), None)

    def local_path(self, relative: object) -> Path | None:
        """The file a resource path names, if it stays inside the package."""
        if not isinstance(relative, str) or "://" in relative or relative.startswith("/"):
            return None
        if any(part == ".." for part in Path(relative).parts):
            return None
        target = (self.root / relative).resolve()
        root = self.root.resolve()
        if target != root and root not in target.parents:
            return None  # a link that points outside the package
        return target

    def read_text(self, relative: object) -> str | None:
        target = self.local_path(relative)
        if target is None or not target.is_file():
            return None
        return target.read_text(encoding="utf-8")

    def read_json(self, relative: object) -> Any:
        text = self.read_text(relative)
        return None if text is None else json.loads(text)

    @cached_property
    def json_documents(self) -> list[tuple[dict[str, Any], Any]]:
        """(resource, parsed JSON) for every resource with a ``jsonSchema``."""
        found = []
        for resource in self.resources:
            if "jsonSchema" in resource:
                try:
                    found.append((resource, self.read_json(resource.get("path"))))
                except (ValueError, UnicodeDecodeError):
                    found.append((resource, None))
        return found

    def parsed_source(self, relative: str) -> list[Resolution] | None:
        """The resolutions a source text of the package gives, parsed once."""
        if relative not in self._sources:
            target = self.local_path(relative)
            if target is None or not target.is_file():
                return None
            self._sources[relative] = parse_file(target, relative)
        return self._sources[relative]


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
    try:
        descriptor = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(path, line, "YAML or JSON", f"a syntax error ({getattr(error, 'problem', error)})") from None
    if not isinstance(descriptor, dict):
        raise InputError(path, None, "a mapping (name, resources, …)", type(descriptor).__name__)
    return descriptor


# Keys under which a Table Schema or descriptor holds names and values that
# are always strings; a YAML boolean there is an unquoted yes/no/on/off.
_STRING_KEYS = {"name", "enum", "missingValues", "primaryKey", "fields", "resource", "format", "type", "path"}


def booleans_meant_as_strings(node: Any, path: str = "") -> list[str]:
    """JSON-pointer-like paths where YAML read a boolean but a string is meant."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                found.append(f"{path}/{key} (a key)")
            here = f"{path}/{key}"
            if str(key) in _STRING_KEYS and isinstance(value, bool):
                found.append(here)
            elif str(key) in _STRING_KEYS and isinstance(value, list):
                found.extend(f"{here}/{index}" for index, item in enumerate(value) if isinstance(item, bool))
            found.extend(booleans_meant_as_strings(value, here))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.extend(booleans_meant_as_strings(item, f"{path}/{index}"))
    return found
