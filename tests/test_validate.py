"""`unres validate` as a library: the shipped package is valid, and faults are named."""

from __future__ import annotations

import json

import frictionless
import pytest

from unres.errors import InputError
from unres.validate import RULES, validate

from .conftest import ROOT, edit


def test_the_shipped_package_is_valid():
    report = validate(ROOT / "datapackage.yaml")
    assert report.errors == [] and report.valid


def test_frictionless_alone_finds_the_shipped_package_valid():
    assert frictionless.validate(str(ROOT / "datapackage.yaml")).valid


def test_an_edited_vote_is_a_source_mismatch_with_its_row_and_field(bare):
    edit(bare, "data/votes.csv", "Argentine,ARG,yes", "Argentine,ARG,no")
    report = validate(bare / "datapackage.yaml")
    (issue,) = [i for i in report.errors if i.code == "source-mismatch"]
    assert (issue.resource, issue.row, issue.field) == ("votes", 2, "vote")
    assert "'yes'" in issue.message and "'no'" in issue.message


def test_an_edited_document_is_a_source_mismatch_naming_the_field(bare):
    edit(bare, "data/documents/a-hrc-res-43-21.json", '"meeting": 45', '"meeting": 46')
    report = validate(bare / "datapackage.yaml")
    (issue,) = [i for i in report.errors if i.code == "source-mismatch"]
    assert (issue.resource, issue.field) == ("a-hrc-res-43-21", "/meeting")


def test_an_edited_source_is_a_source_mismatch(bare):
    edit(bare, "sources/hrc-43-21-fr.txt", "45e séance", "44e séance")
    codes = {issue.code for issue in validate(bare / "datapackage.yaml").errors}
    assert codes == {"source-mismatch"}


def test_a_document_against_its_json_schema(bare):
    path = bare / "data" / "documents" / "a-hrc-res-43-21.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["adoption"]["votes"][0]["vote"] = "maybe"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    issues = [i for i in validate(bare / "datapackage.yaml").errors if i.code == "json-schema"]
    assert [(i.resource, i.field) for i in issues] == [("a-hrc-res-43-21", "/adoption/votes/0/vote")]


def test_frictionless_errors_keep_their_type_and_data_row(bare):
    edit(bare, "data/resolutions.csv", ",45,2020-06-22,", ",quarante-cinq,2020-06-22,")
    issues = [i for i in validate(bare / "datapackage.yaml").errors if i.code == "type-error"]
    assert [(i.resource, i.row, i.field) for i in issues] == [("resolutions", 1, "meeting")]


def test_max_errors_stops_early(bare):
    for old in (",45,", ",23,"):
        edit(bare, "data/resolutions.csv", old, ",x,")
    assert len(validate(bare / "datapackage.yaml").errors) > 1
    report = validate(bare / "datapackage.yaml", max_errors=1)
    assert len(report.errors) == 1 and report.truncated


def test_a_missing_descriptor_cannot_be_used(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        validate(tmp_path / "datapackage.yaml")


@pytest.mark.parametrize("text", ["- a\n- list\n", "just a string\n", "key: [unclosed\n"])
def test_a_descriptor_that_is_not_a_mapping_cannot_be_used(tmp_path, text):
    path = tmp_path / "datapackage.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        validate(path)


def test_every_rule_has_a_code_and_a_summary():
    assert all(code == rule.code and rule.summary for code, rule in RULES.items())


def test_the_validator_writes_nothing_into_the_package(package):
    before = {p: p.stat().st_mtime_ns for p in package.rglob("*")}
    validate(package / "datapackage.yaml")
    assert {p: p.stat().st_mtime_ns for p in package.rglob("*")} == before
