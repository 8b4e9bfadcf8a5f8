"""The validation report in its three formats: text, JSON and GitHub annotations."""

from __future__ import annotations

import json

from click.testing import CliRunner

from unres.cli import main
from unres.validate.report import Issue, Report, warning

from .conftest import ROOT


def _report() -> Report:
    report = Report("datapackage.yaml", paths={"votes": "data/votes.csv", "a-doc": "data/documents/a.json"})
    report.add(Issue("country-code", "expected AGO for 'Angola', found ARG", "votes", 1, "iso3"))
    report.add(Issue("duplicate-voter", "expected AGO once, found it again", "votes", 48, "iso3"))
    report.add(Issue("json-schema", "'maybe' is not one of ['yes', 'no', 'abstain']", "a-doc", None, "/adoption"))
    report.add(warning("non-member", "membership not checked", "resolutions", 1))
    return report


def test_text_groups_by_resource_one_line_per_issue_and_a_summary():
    lines = _report().to_text().splitlines()
    assert lines == [
        "votes (data/votes.csv)",
        "  row 1, field iso3: [country-code] expected AGO for 'Angola', found ARG",
        "  row 48, field iso3: [duplicate-voter] expected AGO once, found it again",
        "a-doc (data/documents/a.json)",
        "  field /adoption: [json-schema] 'maybe' is not one of ['yes', 'no', 'abstain']",
        "resolutions",
        "  row 1: warning [non-member] membership not checked",
        "datapackage.yaml: 3 errors in 2 resources, 1 warning",
    ]


def test_text_has_colour_only_when_asked():
    assert "\x1b[" not in _report().to_text()
    assert "\x1b[" in _report().to_text(colour=True)


def test_the_command_prints_no_colour_when_output_is_not_a_terminal():
    result = CliRunner().invoke(main, ["validate", str(ROOT / "datapackage.yaml")])
    assert result.exit_code == 0
    assert "\x1b[" not in result.output
    assert result.output == "datapackage.yaml: valid\n".replace("datapackage.yaml", str(ROOT / "datapackage.yaml"))


def test_json_is_the_documented_shape():
    data = json.loads(_report().to_json())
    assert set(data) == {"valid", "descriptor", "errors", "warnings", "truncated"}
    assert data["valid"] is False
    assert data["errors"][0] == {
        "code": "country-code",
        "resource": "votes",
        "row": 1,
        "field": "iso3",
        "message": "expected AGO for 'Angola', found ARG",
    }
    assert [w["code"] for w in data["warnings"]] == ["non-member"]


def test_github_annotations_point_at_the_csv_line():
    lines = _report().to_github().splitlines()
    assert lines[0] == (
        "::error file=data/votes.csv,line=2,title=country-code::"
        "[country-code] expected AGO for 'Angola', found ARG (row 1, field iso3)"
    )
    assert lines[1].startswith("::error file=data/votes.csv,line=49,")
    assert lines[2].startswith("::error file=data/documents/a.json,title=json-schema::")
    assert lines[3].startswith("::warning file=datapackage.yaml,")
    assert lines[-1] == "datapackage.yaml: 3 errors in 2 resources, 1 warning"


def test_github_escapes_newlines_and_percent():
    report = Report("d.yaml")
    report.add(Issue("x", "100% wrong\nsecond line"))
    assert report.to_github().splitlines()[0] == "::error file=d.yaml,title=x::[x] 100%25 wrong%0Asecond line"


def test_an_unreadable_descriptor_still_gives_a_machine_report(tmp_path):
    bad = tmp_path / "datapackage.yaml"
    bad.write_text("resources: [unclosed\n", encoding="utf-8")
    for output_format in ("json", "github"):
        result = CliRunner().invoke(main, ["validate", "--format", output_format, str(bad)])
        assert result.exit_code == 2
        assert "descriptor" in result.output
    data = json.loads(CliRunner().invoke(main, ["validate", "--format", "json", str(bad)]).output)
    assert data["errors"][0]["code"] == "descriptor" and "syntax error" in data["errors"][0]["message"]
