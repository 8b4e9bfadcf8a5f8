"""The `unres` command: output, exit codes, one-line errors, help text."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import jsonschema
import pytest
from click.testing import CliRunner

from unres.cli import main
from unres.resources import schema_text

from .conftest import ROOT, SEED


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """Run the real command in a subprocess, as a user or CI would."""
    return subprocess.run(
        [sys.executable, "-m", "unres", *args], capture_output=True, text=True, cwd=cwd or ROOT, check=False
    )


def test_parse_prints_a_document_that_satisfies_the_json_schema():
    result = run("parse", str(SEED))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator(json.loads(schema_text("resolution.schema.json"))).validate(document)
    assert document["symbol"] == "A/HRC/RES/43/21"
    assert document["source"]["path"] == str(SEED)


def test_parse_explain_prints_each_line_with_its_kind():
    result = CliRunner().invoke(main, ["parse", "--explain", str(SEED)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 314
    assert lines[264].split()[:3] == ["265", "footnote", "1"]


@pytest.mark.parametrize(
    ("content", "line", "expected"),
    [
        (None, None, "no such file"),
        (b"", None, "empty file"),
        ("R\u00e9affirmant".encode("latin-1"), 1, "UTF-8"),
        (b"Liste de courses\n\npain, lait\n", 1, "a resolution number and title"),
        (b"\x00\x01\x02", 1, "binary"),
    ],
    ids=["missing", "empty", "latin-1", "not-a-resolution", "binary"],
)
def test_unusable_input_exits_2_with_one_line_and_no_traceback(tmp_path, content, line, expected):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("parse", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    (message,) = result.stderr.splitlines()
    where = f"{path}:{line}: " if line else f"{path}: "
    assert message.startswith(f"unres: {where}expected ")
    assert expected in message
    assert "Traceback" not in result.stderr


def test_a_directory_exits_2(tmp_path):
    result = run("parse", str(tmp_path))
    assert result.returncode == 2 and "a directory" in result.stderr


def test_validate_exit_codes(package, tmp_path):
    assert run("validate", cwd=ROOT).returncode == 0
    (package / "data" / "votes.csv").write_text("resolution,country\n", encoding="utf-8")
    assert run("validate", str(package / "datapackage.yaml")).returncode == 1
    missing = run("validate", str(tmp_path / "none.yaml"))
    assert missing.returncode == 2 and missing.stderr.startswith("unres: ")


def test_validate_json_report_shape(package):
    (package / "data" / "footnotes.csv").write_text("resolution,marker\n", encoding="utf-8")
    result = run("validate", "--format", "json", str(package / "datapackage.yaml"))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False and isinstance(report["warnings"], list)
    assert report["errors"]
    assert all(set(error) == {"code", "resource", "row", "field", "message"} for error in report["errors"])


def test_validate_text_report_says_valid():
    result = CliRunner().invoke(main, ["validate", str(ROOT / "datapackage.yaml")])
    assert result.exit_code == 0
    assert result.output.strip().endswith("valid")


def test_build_root_writes_a_package(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "one.txt").write_bytes(SEED.read_bytes())
    result = run("build", "--root", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "datapackage.yaml").is_file()
    assert run("validate", str(tmp_path / "datapackage.yaml")).returncode == 0


def test_build_with_a_bad_source_exits_2(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "bad.txt").write_text("pas une résolution\n", encoding="utf-8")
    result = run("build", "--root", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith("unres: sources/bad.txt:1: expected ")


def test_rules_lists_every_code_in_order():
    from unres.validate.rules import ORDER

    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == list(ORDER)


def _commands(group: click.Group):
    for name, command in group.commands.items():
        yield name, command
        if isinstance(command, click.Group):
            yield from _commands(command)


def test_every_command_and_option_has_help_text():
    for name, command in _commands(main):
        assert command.help, f"{name} has no help"
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                assert parameter.help, f"{name} {parameter.opts} has no help"


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("unres, version ")
