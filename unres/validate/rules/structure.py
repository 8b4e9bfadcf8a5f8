"""Rules on the package as files: descriptor, paths, integrity, frictionless, JSON Schema."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterator
from typing import Any

import yaml

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
        yield Issue("descriptor", f"expected a list of resources, found {type(resources).__name__}")
        return
    for index, resource in enumerate(resources):
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
            yield Issue("descriptor", f"expected resource {index + 1} to be a mapping with a name, found {resource!r}")
            continue
        yield from _schema_files(package, resource)


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


@rule("unsafe-path", "a resource path that is absolute, climbs out with '..', links outside the package or is a URL")
def unsafe_path(package: Package) -> Iterator[Issue]:
    for resource in package.resources:
        for key, path in package.paths_of(resource):
            reason = package.unsafe_reason(path)
            if reason and reason != "no path":
                yield Issue(
                    "unsafe-path",
                    f"expected a path inside the package, found {reason}: {path!r} (refused, not read)",
                    resource.get("name"),
                    field=key,
                )


@rule("integrity", "a file's bytes or hash differs from the descriptor (where the descriptor gives them)")
def integrity(package: Package) -> Iterator[Issue]:
    for resource in package.resources:
        name, path = resource.get("name"), resource.get("path")
        if ("bytes" not in resource and "hash" not in resource) or package.local_path(path) is None:
            continue
        data = package.read_bytes(path)
        if data is None:
            continue  # frictionless reports a missing file
        if "bytes" in resource and resource["bytes"] != len(data):
            yield Issue("integrity", f"expected {resource['bytes']} bytes, found {len(data)}", name, field="bytes")
        if "hash" in resource:
            yield from _hash(name, str(resource["hash"]), data)


def _hash(name: str | None, stated: str, data: bytes) -> Iterator[Issue]:
    algorithm, _, digest = stated.rpartition(":")
    algorithm = algorithm or "md5"  # Data Package v1's default
    if algorithm not in hashlib.algorithms_guaranteed:
        yield Issue("integrity", f"expected a hash algorithm such as sha256, found {algorithm!r}", name, field="hash")
        return
    actual = hashlib.new(algorithm, data).hexdigest()
    if actual != digest.lower():
        yield Issue("integrity", f"expected {algorithm} {digest}, found {actual}", name, field="hash")


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
        yield Issue(exception.error.type, exception.error.message)
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


def _for_frictionless(package: Package) -> dict[str, Any]:
    """The descriptor frictionless sees: no unsafe or schemaless resources, no
    bytes or hash (the integrity rule checks those, once, for every file)."""
    descriptor = copy.deepcopy(package.descriptor)
    kept = []
    for resource in package.resources:
        opened = package.paths_of(resource)
        if any(package.unsafe_reason(path) for _, path in opened):
            continue
        if isinstance(resource.get("schema"), str) and package.read_bytes(resource["schema"]) is None:
            continue
        resource = {key: value for key, value in resource.items() if key not in ("bytes", "hash", "jsonSchema")}
        kept.append(resource)
    descriptor["resources"] = kept
    return descriptor


@rule("json-schema", "a JSON resource does not satisfy its JSON Schema")
def json_schema(package: Package) -> Iterator[Issue]:
    import jsonschema

    for resource, document in package.json_documents:
        name = resource.get("name")
        schema_path = resource.get("jsonSchema")
        if package.local_path(schema_path) is None or package.local_path(resource.get("path")) is None:
            continue  # unsafe-path reports it
        try:
            schema = package.read_json(schema_path)
        except ValueError as error:
            yield Issue("json-schema", f"expected a JSON Schema in {schema_path}, found invalid JSON ({error})", name)
            continue
        if schema is None:
            continue  # the descriptor rule reports a missing schema file
        if document is None:
            yield Issue(
                "json-schema", f"expected a JSON document at {resource.get('path')}, found none or invalid JSON", name
            )
            continue
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        for error in sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path]):
            pointer = "/" + "/".join(str(part) for part in error.absolute_path)
            yield Issue("json-schema", error.message, name, field=pointer)
