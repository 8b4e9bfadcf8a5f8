"""The YAML 1.1 trap: bare yes/no/on/off are booleans, not the strings meant."""

from __future__ import annotations

import pytest
import yaml

from unres.resources import schema_text
from unres.safe_yaml import booleans_meant_as_strings

from .conftest import ROOT

SHIPPED_YAML = [
    "datapackage.yaml",
    "unres.yaml",
    *(f"schemas/{p.name}" for p in sorted((ROOT / "schemas").glob("*.yaml"))),
]


@pytest.mark.parametrize("relative", SHIPPED_YAML)
def test_shipped_yaml_has_no_boolean_where_a_string_is_meant(relative):
    document = yaml.safe_load((ROOT / relative).read_text(encoding="utf-8"))
    assert booleans_meant_as_strings(document) == []


def test_vote_names_and_values_are_the_strings_yes_and_no():
    votes = yaml.safe_load(schema_text("votes.yaml"))
    assert next(f for f in votes["fields"] if f["name"] == "vote")["constraints"]["enum"] == ["yes", "no", "abstain"]
    resolutions = yaml.safe_load(schema_text("resolutions.yaml"))
    assert {"yes", "no"} <= {f["name"] for f in resolutions["fields"]}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("fields:\n  - name: yes\n    type: integer\n", "/fields/0/name"),
        ("fields:\n  - name: vote\n    constraints:\n      enum: [yes, no, abstain]\n", "/fields/0/constraints/enum/0"),
        ("primaryKey: [on]\n", "/primaryKey/0"),
        ("no: 1\n", "/False (a key)"),
    ],
)
def test_the_check_catches_bare_yes_no_on_off(text, where):
    assert where in booleans_meant_as_strings(yaml.safe_load(text))


def test_real_booleans_are_allowed_where_booleans_are_meant():
    assert booleans_meant_as_strings({"fields": [{"name": "x", "constraints": {"required": True}}]}) == []
    flag = {"name": "flag", "type": "boolean", "constraints": {"enum": [True, False]}}
    assert booleans_meant_as_strings({"fields": [flag]}) == []


def test_the_check_walks_shared_and_deep_nodes_once():
    shared: list = [{"name": True}]
    for _ in range(30):  # 2**30 paths if each alias were walked again
        shared = [shared, shared]
    deep: list = []
    for _ in range(50_000):  # deeper than Python's recursion limit
        deep = [deep]
    (found,) = booleans_meant_as_strings({"a": shared, "b": deep})
    assert found.startswith("/a/") and found.endswith("/0/name")
