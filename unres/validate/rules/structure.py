"""Rules on the package as files: descriptor, paths, integrity, frictionless, JSON Schema."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import yaml

from unres.errors import shorten
from unres.validate.package import Package, booleans_meant_as_strings
from unres.validate.registry import rule
from unres.validate.report import Issue


@rule(
    "descriptor",
    "datapackage.yaml unreadable, not a mapping, a YAML boolean where a string is meant, a schema file missing",
)
def descriptor(package: Package) -> Iterator[Issue]:
    # An unreadable descriptor or one that is not a mapping never gets here:
    # loading it raises InputError, which the report shows under this code.
    for where in booleans_meant_as_strings(package.descriptor):
        yield Issue("descriptor", f"expected a string at {where}, found a YAML boolean (quote yes/no/on/off)")
    resources = package.descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        found = "an empty list" if resources == [] else f"a {type(resources).__name__}"
        yield Issue("descriptor", f"expected a list of resources, found {found}")
        return
    for index, resource in enumerate(resources):
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
            yield Issue(
                "descriptor", f"expected resource {index + 1} to be a mapping with a name, found {shorten(resource)}"
            )
            continue
        yield from _resource_paths(resource)
        yield from _schema_files(package, resource)


def _resource_paths(resource: dict[str, Any]) -> Iterator[Issue]:
    """One path per resource, and a JSON Schema for every JSON resource."""
    name, path = resource["name"], resource.get("path")
    if isinstance(path, list):
        # Every rule reads one file per resource; a multipart path would let
        # its parts escape them, so it is refused rather than half-checked.
        yield Issue("descriptor", f"expected one path, found a list of {len(path)} (multipart)", name, field="path")
    elif not isinstance(path, str) or not path:
        yield Issue("descriptor", f"expected a path to the resource's file, found {path!r}", name, field="path")
    if Package.is_json(resource) and not isinstance(resource.get("jsonSchema"), str):
        found = "none" if "jsonSchema" not in resource else f"a {type(resource['jsonSchema']).__name__}"
        yield Issue(
            "descriptor", f"expected a jsonSchema path for this JSON resource, found {found}", name, field="jsonSchema"
        )


def _schema_files(package: Package, resource: dict[str, Any]) -> Iterator[Issue]:
    name = resource["name"]
    for key in ("schema", "jsonSchema"):
        schema_path = resource.get(key)
        if not isinstance(schema_path, str) or package.unsafe_reason(schema_path):
            continue  # inline schemas are frictionless's; unsafe paths are unsafe-path's
        text = package.read_text(schema_path)
        if text is None:
            yield Issue("descriptor", f"expected the {key} file {schema_path}, found no such file", name, field=key)
        elif schema_path.endswith((".yaml", ".yml")):
            try:
                schema = yaml.safe_load(text)
            except yaml.YAMLError as error:
                yield Issue("descriptor", f"expected YAML in {schema_path}, found {error}", name, field=key)
                continue
            for where in booleans_meant_as_strings(schema):
                yield Issue(
                    "descriptor",
                    f"expected a string at {schema_path}{where}, found a YAML boolean (quote yes/no/on/off)",
                    name,
                    field=key,
                )


#: Profiles frictionless knows without fetching them.
KNOWN_PROFILES = {
    "https://datapackage.org/profiles/2.0/datapackage.json",
    "https://datapackage.org/profiles/2.0/dataresource.json",
    "https://datapackage.org/profiles/2.0/tableschema.json",
    "https://datapackage.org/profiles/2.0/tabledialect.json",
}


def _profiles(package: Package) -> Iterator[tuple[str | None, str, Any]]:
    """(resource, property, value) of every profile a descriptor names."""
    for key in ("$schema", "profile"):
        if key in package.descriptor:
            yield None, key, package.descriptor[key]
    for resource in package.resources:
        for key in ("$schema", "profile"):
            if key in resource:
                yield resource.get("name"), key, resource[key]
        dialect = resource.get("dialect")
        if isinstance(dialect, dict):
            for key in ("$schema", "profile", "path"):
                if key in dialect:
                    yield resource.get("name"), f"dialect/{key}", dialect[key]


def _fetchable(value: Any) -> bool:
    return isinstance(value, str) and ("://" in value or value.startswith("//")) and value not in KNOWN_PROFILES


@rule("unsafe-path", "a resource path that is absolute, climbs out with '..', links outside the package or is a URL")
def unsafe_path(package: Package) -> Iterator[Issue]:
    for resource in package.resources:
        for key, path in package.paths_of(resource):
            reason = package.unsafe_reason(path)
            if reason and reason != "no path":
                yield Issue(
                    "unsafe-path",
                    f"expected a path inside the package, found {reason}: {shorten(path)} (refused, not read)",
                    resource.get("name"),
                    field=key,
                )
    for name, key, value in _profiles(package):
        if _fetchable(value):
            yield Issue(
                "unsafe-path",
                f"expected a profile frictionless knows, found the URL {shorten(value)} (refused, not fetched)",
                name,
                field=key,
            )


@rule("integrity", "a file's bytes or hash differs from the descriptor (where the descriptor gives them)")
def integrity(package: Package) -> Iterator[Issue]:
    for resource in package.resources:
        name, path = resource.get("name"), resource.get("path")
        if ("bytes" not in resource and "hash" not in resource) or package.local_path(path) is None:
            continue
        stated_hash = resource.get("hash")
        algorithm, digest = _algorithm_and_digest(stated_hash)
        if "hash" in resource and algorithm is None:
            yield Issue("integrity", digest, name, field="hash")  # digest says what is wrong
        found = package.digest(path, algorithm or "sha256")
        if found is None:
            continue  # frictionless reports a missing file
        size, actual = found
        stated = resource.get("bytes")
        if "bytes" in resource and (isinstance(stated, bool) or not isinstance(stated, int)):
            yield Issue("integrity", f"expected bytes to be a number, found {shorten(stated)}", name, field="bytes")
        elif "bytes" in resource and stated != size:
            yield Issue("integrity", f"expected {stated} bytes, found {size}", name, field="bytes")
        if algorithm is not None and actual != digest.lower():
            yield Issue("integrity", f"expected {algorithm} {shorten(digest)}, found {actual}", name, field="hash")


def _algorithm_and_digest(stated: Any) -> tuple[str | None, str]:
    """("sha256", digest) from "sha256:…"; (None, what is wrong) if unusable."""
    if not isinstance(stated, str):
        return None, f"expected a hash such as 'sha256:…', found {shorten(stated)}"
    algorithm, _, digest = stated.rpartition(":")
    algorithm = algorithm or "md5"  # Data Package v1's default
    if algorithm not in _HASHES:
        return None, f"expected a hash algorithm among {', '.join(sorted(_HASHES))}, found {shorten(algorithm)}"
    return algorithm, digest


#: Hashes a descriptor may give: fixed-length digests only.
_HASHES = {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"}


@rule(
    "frictionless",
    "frictionless structural validation: types, constraints, keys; its errors keep "
    "frictionless's own type as code (type-error, primary-key, foreign-key, …)",
)
def frictionless_errors(package: Package) -> Iterator[Issue]:
    import frictionless  # heavy: imported only when a package is validated

    descriptor = _for_frictionless(package)
    if not descriptor["resources"]:
        return
    try:
        report = frictionless.Package.from_descriptor(descriptor, basepath=str(package.root)).validate()
    except frictionless.FrictionlessException as exception:  # a descriptor frictionless will not load
        reasons = "; ".join(reason.message for reason in getattr(exception, "reasons", []) or [])
        yield Issue(exception.error.type, exception.error.message + (f" ({reasons})" if reasons else ""))
        return
    for error in report.errors:
        yield Issue(error.type, error.message)
    for task in report.tasks:
        for error in task.errors:
            row_number = getattr(error, "row_number", None)
            yield Issue(
                error.type,
                error.message,
                resource=task.name,
                row=row_number - 1 if row_number else None,  # frictionless counts the header as row 1
                field=getattr(error, "field_name", None),
            )


_FRICTIONLESS_KEYS = {"name", "type", "path", "format", "mediatype", "encoding", "schema", "dialect", "title"}


def _for_frictionless(package: Package) -> dict[str, Any]:
    """The descriptor frictionless sees: only resources whose every path is
    safe and single, only the properties it needs to read them (no profile
    it could fetch), and no bytes or hash (the integrity rule checks those)."""
    kept = []
    for resource in package.resources:
        if not isinstance(resource.get("path"), str) or any(
            package.unsafe_reason(path) for _, path in package.paths_of(resource)
        ):
            continue
        schema = resource.get("schema")
        schema_file = package.local_path(schema) if isinstance(schema, str) else None
        if isinstance(schema, str) and not (schema_file and schema_file.is_file()):
            continue
        if isinstance(resource.get("dialect"), dict) and any(_fetchable(v) for v in resource["dialect"].values()):
            continue
        kept.append({key: copy.deepcopy(value) for key, value in resource.items() if key in _FRICTIONLESS_KEYS})
    descriptor: dict[str, Any] = {"name": package.descriptor.get("name", "package"), "resources": kept}
    if package.descriptor.get("$schema") in KNOWN_PROFILES:
        descriptor["$schema"] = package.descriptor["$schema"]
    return descriptor
