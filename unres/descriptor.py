"""The package descriptor: what the build writes as datapackage.yaml and .json.

Metadata comes from ``unres.yaml`` in the package folder (name, title,
licences, …) over the defaults below; everything else (resources, sources,
``created``) follows from the files written and the resolutions in them.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from unres import members
from unres.errors import InputError
from unres.resources import JSON_SCHEMA, REFERENCE_TABLES, TABLES, table_schema_file
from unres.safe_yaml import booleans_meant_as_strings, load_yaml
from unres.symbols import resource_name

DESCRIPTOR = "datapackage.yaml"
DESCRIPTOR_JSON = "datapackage.json"
#: Optional file of package metadata (name, title, licenses, …) that the
#: build copies into the descriptor.
METADATA = "unres.yaml"
DATA_PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"

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


def document_path(symbol: str) -> str:
    return f"data/documents/{resource_name(symbol)}.json"


def chart_path(symbol: str) -> str:
    return f"data/charts/{resource_name(symbol)}.svg"


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
    return _dates_as_text(loaded)


def _dates_as_text(node: Any) -> Any:
    """YAML reads an unquoted 2024-01-02 as a date; the descriptor wants the text (ISO 8601)."""
    if isinstance(node, dict):
        return {key: _dates_as_text(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_dates_as_text(item) for item in node]
    if isinstance(node, datetime.datetime):
        return node.isoformat().replace("+00:00", "Z")
    if isinstance(node, datetime.date):
        return node.isoformat()
    return node


def descriptor_of(
    root: Path, documents: list[dict[str, Any]], written: dict[str, bytes], sources: list[Path]
) -> dict[str, Any]:
    """The descriptor of the files just written (paths relative to the package)."""
    resources = [
        *(_table_resource(table, written) for table in (*TABLES, *REFERENCE_TABLES)),
        *(_document_resource(document, written) for document in documents),
        *(_chart_resource(document, written) for document in documents if chart_path(document["symbol"]) in written),
        *(_source_resource(source, root) for source in sources),
    ]
    descriptor: dict[str, Any] = {"$schema": DATA_PACKAGE_PROFILE, **_DEFAULT_METADATA, **read_metadata(root)}
    dates = sorted(document["date"] for document in documents if document.get("date"))
    if dates and "created" not in descriptor:
        # The package is a function of its sources: it is as of its newest text.
        descriptor["created"] = f"{dates[-1]}T00:00:00Z"
    descriptor["sources"] = [
        {
            "title": f"{document['symbol']}: {document['title']}",
            "path": f"https://undocs.org/{document['language']}/{document['symbol']}",
        }
        for document in documents
    ]
    descriptor["resources"] = resources
    return descriptor


def descriptor_yaml(descriptor: dict[str, Any]) -> str:
    header = (
        "# Written by `unres build` from sources/ (and unres.yaml, if present).\n"
        "# Edit those and rebuild; changes made here are overwritten.\n"
    )
    return header + yaml.safe_dump(descriptor, sort_keys=False, allow_unicode=True, width=100)


def descriptor_json(descriptor: dict[str, Any]) -> str:
    """The same descriptor for tools that read only JSON (R's frictionless, portals)."""
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def _integrity(data: bytes) -> dict[str, Any]:
    return {"bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}"}


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
    path = document_path(document["symbol"])
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


def _chart_resource(document: dict[str, Any], written: dict[str, bytes]) -> dict[str, Any]:
    path = chart_path(document["symbol"])
    return {
        "name": f"chart-{resource_name(document['symbol'])}",
        "title": f"The vote on {document['symbol']}, by regional group",
        "path": path,
        "format": "svg",
        "mediatype": "image/svg+xml",
        "encoding": "utf-8",
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
