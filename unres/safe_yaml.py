"""YAML (and JSON) read safely: no object tags, no alias bombs, no deep recursion.

``yaml.safe_load`` already refuses tags that build Python objects; on top of
it this refuses documents with many aliases (a "billion laughs" expands
without end) and documents nested too deep to walk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from unres.errors import InputError

#: Aliases a descriptor or schema may use; ours use none.
MAX_ALIASES = 100
#: libyaml's loader where PyYAML was built with it (several times faster), the same rules.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path: str | Path) -> Any:
    """Parse YAML text; InputError (naming ``path`` and the line) if it is unusable."""
    try:
        if "*" in text:  # an alias needs one; most texts have none, and need no count
            aliases = sum(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=LOADER))
            if aliases > MAX_ALIASES:
                raise InputError(path, None, f"YAML with at most {MAX_ALIASES} aliases", f"{aliases} (an alias bomb?)")
        return yaml.load(text, Loader=LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise InputError(path, line, "YAML or JSON", f"a syntax error ({problem})") from None
    except RecursionError:
        raise InputError(path, None, "YAML nested to a reasonable depth", "nesting too deep to read") from None


# Keys under which a Table Schema or descriptor holds names and values that
# are always strings; a YAML boolean there is an unquoted yes/no/on/off.
_STRING_KEYS = {"name", "enum", "missingValues", "primaryKey", "fields", "resource", "format", "type", "path"}


def booleans_meant_as_strings(node: Any) -> list[str]:
    """JSON-pointer-like paths where YAML read a boolean but a string is meant.

    Walks without recursion and visits each container once, so that neither
    deep nesting nor shared (aliased) nodes can make it run away. A boolean
    ``enum`` of a boolean field is meant as booleans and is left alone.
    """
    found: list[str] = []
    seen: set[int] = set()
    # (node, its path, whether it belongs to a field of type boolean)
    stack: list[tuple[Any, str, bool]] = [(node, "", False)]
    while stack:
        current, path, boolean_field = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, dict):
            boolean_field = boolean_field or current.get("type") == "boolean"
            for key, value in current.items():
                here = f"{path}/{key}"
                if isinstance(key, bool):
                    found.append(f"{here} (a key)")
                if str(key) in _STRING_KEYS and not (boolean_field and key == "enum"):
                    if isinstance(value, bool):
                        found.append(here)
                    elif isinstance(value, list):
                        found.extend(f"{here}/{i}" for i, item in enumerate(value) if isinstance(item, bool))
                if isinstance(value, dict):
                    stack.append((value, here, boolean_field))
                elif isinstance(value, list):
                    stack.append((value, here, False))
        elif isinstance(current, list):
            stack.extend(
                (item, f"{path}/{index}", False) for index, item in enumerate(current) if isinstance(item, (dict, list))
            )
    return sorted(found)
