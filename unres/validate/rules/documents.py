"""The JSON documents against their JSON Schema, fast for thousands of them.

A schema is checked and compiled once. Documents first go through
fastjsonschema (compiled Python, about twenty times faster); only a document
it rejects, or a schema it cannot be trusted with (keywords it does not know,
references outside the schema), goes through jsonschema, which names every
error with its place. No ``$ref`` is ever fetched or read from outside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from unres.errors import cut
from unres.validate.package import Package
from unres.validate.registry import rule
from unres.validate.report import Issue

# Keywords fastjsonschema implements the way JSON Schema 2020-12 does; a schema
# with any other keyword is checked by jsonschema alone.
_FAST_KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "default", "examples",
    "type", "enum", "const", "properties", "required", "additionalProperties", "patternProperties",
    "items", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "anyOf", "allOf", "oneOf", "not",
    "minProperties", "maxProperties", "propertyNames", "contains",
}  # fmt: skip


# Beside a $ref, fastjsonschema ignores other keywords (2020-12 applies them);
# these annotations change nothing, so a $ref may carry them on the fast path.
_ANNOTATIONS = {"$ref", "$comment", "title", "description", "default", "examples"}


def _fast_path_is_exact(schema: Any) -> bool:
    """Whether fastjsonschema accepts exactly what jsonschema does for this schema:
    only keywords both read alike, only local $refs and nothing beside them,
    no $id but at the top (fastjsonschema resolves nested ones differently)."""
    stack: list[tuple[Any, bool, bool]] = [(schema, True, True)]
    while stack:
        node, is_schema, top = stack.pop()
        if isinstance(node, dict):
            if is_schema:
                if not set(node) <= _FAST_KEYWORDS or ("$id" in node and not top):
                    return False
                if "$ref" in node and (not str(node["$ref"]).startswith("#") or not set(node) <= _ANNOTATIONS):
                    return False
            for key, value in node.items():
                # Under these, the keys are names and the values are schemas.
                naming = is_schema and key in ("properties", "$defs", "patternProperties")
                stack.append((value, not naming, False))
        elif isinstance(node, list):
            stack.extend((item, True, False) for item in node)
    return True


class _Checker:
    """One schema, checked and compiled once."""

    def __init__(self, schema: Any) -> None:
        import jsonschema
        from referencing import Registry
        from referencing.exceptions import NoSuchResource

        def refuse(uri: str):  # a $ref outside the schema is never fetched nor read
            raise NoSuchResource(ref=uri)

        jsonschema.Draft202012Validator.check_schema(schema)
        self.full = jsonschema.Draft202012Validator(
            schema, registry=Registry(retrieve=refuse), format_checker=jsonschema.FormatChecker()
        )
        self.fast: Callable[[Any], Any] | None = None
        if _fast_path_is_exact(schema):
            import fastjsonschema

            try:
                self.fast = fastjsonschema.compile(schema, handlers={})
            except Exception:
                self.fast = None

    def errors(self, document: Any) -> list[Any]:
        if self.fast is not None:
            import fastjsonschema

            try:
                self.fast(document)
                return []
            except fastjsonschema.JsonSchemaException:
                pass  # let jsonschema name every error and its place
        return sorted(self.full.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])


@rule("json-schema", "a JSON resource does not satisfy its JSON Schema")
def json_schema(package: Package) -> Iterator[Issue]:
    import jsonschema
    from referencing.exceptions import Unresolvable

    checkers: dict[str, _Checker | str] = {}  # schema path -> checker, or why it cannot be used
    for resource, document in package.json_documents():
        name = resource.get("name")
        schema_path = resource.get("jsonSchema")
        if not isinstance(schema_path, str) or package.local_path(schema_path) is None:
            continue  # the descriptor and unsafe-path rules report it
        if package.local_path(resource.get("path")) is None:
            continue
        if schema_path not in checkers:
            checkers[schema_path] = _checker(package, schema_path)
        checker = checkers[schema_path]
        if checker == "":
            continue  # the descriptor rule reports a missing schema file
        if isinstance(checker, str):
            yield Issue("json-schema", checker, name)
            continue
        if document is None:
            yield Issue(
                "json-schema", f"expected a JSON document at {resource.get('path')}, found none or invalid JSON", name
            )
            continue
        try:
            errors = checker.errors(document)
        except (Unresolvable, jsonschema.exceptions.UnknownType, RecursionError) as error:
            yield Issue(
                "json-schema", f"expected a usable JSON Schema in {schema_path}, found: {cut(str(error))}", name
            )
            continue
        for error in errors:
            pointer = "/" + "/".join(str(part) for part in error.absolute_path)
            yield Issue("json-schema", cut(error.message), name, field=pointer)


def _checker(package: Package, schema_path: str) -> _Checker | str:
    """A checker for the schema at ``schema_path``; or why there is none ("" if the file is missing)."""
    import jsonschema

    try:
        schema = package.read_json(schema_path)
    except (ValueError, RecursionError) as error:
        return f"expected a JSON Schema in {schema_path}, found invalid JSON ({cut(str(error))})"
    if schema is None:
        return ""
    try:
        return _Checker(schema)
    except jsonschema.SchemaError as error:
        return f"expected a valid JSON Schema in {schema_path}, found: {cut(error.message)}"
