"""What the people who use the package rely on: JSON descriptor, metadata,
exports, charts, progress, and the files that hook it into CI."""

from __future__ import annotations

import csv
import html
import json
import re
import sqlite3
from collections import Counter

import pytest
import yaml
from click.testing import CliRunner

from unres.cli import main
from unres.export import export_sqlite, export_undl

from .conftest import ROOT

DESCRIPTOR = yaml.safe_load((ROOT / "datapackage.yaml").read_text(encoding="utf-8"))


def test_datapackage_json_says_what_datapackage_yaml_says():
    assert json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8")) == DESCRIPTOR


def test_portal_metadata():
    assert re.fullmatch(r"\d+\.\d+\.\d+", DESCRIPTOR["version"])
    assert DESCRIPTOR["created"] == "2020-06-22T00:00:00Z"  # as of the newest text in the package
    assert "Human Rights Council" in DESCRIPTOR["keywords"]
    assert all(licence.get("path") and licence.get("title") for licence in DESCRIPTOR["licenses"])
    assert DESCRIPTOR["sources"] == [
        {
            "title": "A/HRC/RES/43/21: Promotion d’une coopération mutuellement avantageuse dans le domaine des "
            "droits de l’homme",
            "path": "https://undocs.org/fr/A/HRC/RES/43/21",
        }
    ]
    members = next(r for r in DESCRIPTOR["resources"] if r["name"] == "members")
    assert any("ohchr.org" in source["path"] for source in members["sources"])


def test_sqlite_export_has_its_keys_and_enforces_them(tmp_path):
    out = tmp_path / "package.db"
    counts = export_sqlite(ROOT / "datapackage.yaml", out)
    assert counts == {"resolutions": 1, "paragraphs": 31, "footnotes": 1, "votes": 47, "members": 47}
    connection = sqlite3.connect(out)
    connection.execute("PRAGMA foreign_keys = ON")
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert connection.execute("SELECT yes, no, abstain FROM resolutions").fetchone() == (23, 16, 8)
    keys = connection.execute("PRAGMA foreign_key_list(footnotes)").fetchall()
    assert {(row[2], row[3], row[4]) for row in keys} >= {
        ("paragraphs", "resolution", "resolution"),
        ("paragraphs", "paragraph", "position"),
    }
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute("INSERT INTO footnotes VALUES ('A/HRC/RES/43/21', '9', 99, 'x', 1, 1, NULL)")
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute("INSERT INTO votes VALUES ('A/HRC/RES/43/21', 'Angola', 'AGO', 'yes', 1)")  # primary key


def test_undl_export_has_a_row_per_member_and_totals_that_match(tmp_path):
    out = tmp_path / "undl.csv"
    assert export_undl(ROOT / "datapackage.yaml", out) == 47
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "undl_id", "ms_code", "ms_name", "ms_vote", "voeten_vote", "date", "session", "resolution", "meeting",
        "title", "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms",
    ]  # fmt: skip
    cast = Counter(row["ms_vote"] for row in rows)
    first = rows[0]
    assert (cast["Y"], cast["N"], cast["A"], cast["X"]) == (23, 16, 8, 0)
    assert (first["total_yes"], first["total_no"], first["total_abstentions"]) == ("23", "16", "8")
    assert (first["total_non_voting"], first["total_ms"], first["resolution"]) == ("0", "47", "A/HRC/RES/43/21")
    assert {(row["ms_vote"], row["voeten_vote"]) for row in rows} == {("Y", "1"), ("N", "3"), ("A", "2")}


def test_undl_marks_members_that_did_not_vote(bare, tmp_path):
    from .conftest import edit

    edit(bare, "data/votes.csv", "A/HRC/RES/43/21,Angola,AGO,yes,290\n", "")
    out = tmp_path / "undl.csv"
    assert export_undl(bare / "datapackage.yaml", out) == 47
    with out.open(encoding="utf-8", newline="") as handle:
        angola = next(row for row in csv.DictReader(handle) if row["ms_code"] == "AGO")
    assert (angola["ms_vote"], angola["voeten_vote"], angola["total_non_voting"]) == ("X", "8", "1")


def test_the_chart_names_every_member_and_its_vote():
    svg = (ROOT / "data" / "charts" / "a-hrc-res-43-21.svg").read_text(encoding="utf-8")
    texts = [html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    with (ROOT / "data" / "members.csv").open(encoding="utf-8", newline="") as handle:
        members = [row["country"] for row in csv.DictReader(handle) if row["year"] == "2020"]
    assert len(members) == 47
    assert [name for name in members if name not in texts] == []
    assert {"Yes", "No", "Abstain", "Not voting"} <= set(texts)  # the legend
    assert any(text.startswith("A/HRC/RES/43/21: Promotion") for text in texts)
    assert any("2020-06-22" in text for text in texts)
    chart = next(r for r in DESCRIPTOR["resources"] if r["name"] == "chart-a-hrc-res-43-21")
    assert chart["mediatype"] == "image/svg+xml"


def test_the_readme_shows_the_chart():
    assert "](data/charts/a-hrc-res-43-21.svg)" in (ROOT / "README.md").read_text(encoding="utf-8")


def _build_output(tmp_path, monkeypatch, terminal: bool) -> str:
    for number in range(3):
        (tmp_path / "sources").mkdir(exist_ok=True)
        text = (
            (ROOT / "sources" / "hrc-43-21-fr.txt").read_text(encoding="utf-8").replace("43/21.", f"43/{21 + number}.")
        )
        (tmp_path / "sources" / f"{number}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr("unres.cli._on_a_terminal", lambda: terminal)
    result = CliRunner().invoke(main, ["build", "--no-charts", "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    return result.output


def test_no_progress_bar_when_output_is_not_a_terminal(tmp_path, monkeypatch):
    assert "parsing" not in _build_output(tmp_path, monkeypatch, terminal=False)


def test_a_terminal_is_one_only_outside_ci(monkeypatch):
    from unres.cli import _on_a_terminal

    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    monkeypatch.setenv("CI", "true")
    assert _on_a_terminal() is False
    monkeypatch.delenv("CI")
    assert _on_a_terminal() is True


def test_a_progress_bar_on_a_terminal(tmp_path, monkeypatch):
    assert "unres: parsing" in _build_output(tmp_path, monkeypatch, terminal=True)


def test_the_pre_commit_hook_file_satisfies_pre_commit_s_schema():
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert (hook["id"], hook["entry"], hook["pass_filenames"]) == ("unres-validate", "unres validate", False)


def test_the_ci_workflow_runs_the_readme_commands():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    assert "on" in workflow and True not in workflow  # "on" quoted: not the YAML 1.1 boolean
    runs = [step.get("run") for step in workflow["jobs"]["test"]["steps"]]
    assert runs[-3:] == ["make", "make test", "git diff --exit-code"]


def test_every_data_file_of_the_library_is_installed_with_it():
    """`pip install .` copies only the package data pyproject.toml names."""
    import fnmatch
    import tomllib

    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    package = ROOT / "unres"
    files = [p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file() and p.suffix != ".py"]
    files = [f for f in files if "__pycache__" not in f]
    assert [f for f in files if not any(fnmatch.fnmatch(f, pattern) for pattern in globs["unres"])] == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda root: (root / "data" / "members.csv").write_text("body,year,iso3,country,group\n"), "members of HRC"),
        (lambda root: (root / "data" / "votes.csv").unlink(), "readable votes table"),
    ],
    ids=["members-unknown", "votes-missing"],
)
def test_undl_export_refuses_what_it_cannot_know(package, tmp_path, change, message):
    from unres.errors import InputError

    change(package)
    with pytest.raises(InputError, match=message):
        export_undl(package / "datapackage.yaml", tmp_path / "undl.csv")
    assert not (tmp_path / "undl.csv").exists()


def test_undl_export_is_an_ordinary_readable_file(tmp_path):
    out = tmp_path / "undl.csv"
    export_undl(ROOT / "datapackage.yaml", out)
    assert out.stat().st_mode & 0o044 == 0o044  # group and others may read it


def test_sqlite_export_of_rows_that_break_a_key_is_a_clear_error(bare, tmp_path):
    from unres.errors import UnresError

    with (bare / "data" / "votes.csv").open("a", encoding="utf-8") as handle:
        handle.write("A/HRC/RES/43/21,Angola,AGO,no,290\n")
    with pytest.raises(UnresError, match="votes: expected rows that fit the table's keys"):
        export_sqlite(bare / "datapackage.yaml", tmp_path / "out.db")


def test_a_chart_title_with_dollar_signs_is_text_not_math(monkeypatch, tmp_path):
    from unres.chart import vote_chart
    from unres.members import member_rows

    document = json.loads((ROOT / "data" / "documents" / "a-hrc-res-43-21.json").read_text(encoding="utf-8"))
    members = [row for row in member_rows() if row["year"] == 2020]
    plain = vote_chart(document, members)
    (tmp_path / "matplotlibrc").write_text("patch.linewidth: 3\nsavefig.pad_inches: 1\n", encoding="utf-8")
    monkeypatch.setenv("MATPLOTLIBRC", str(tmp_path / "matplotlibrc"))
    import matplotlib

    monkeypatch.setattr(matplotlib, "rcParams", matplotlib.rc_params_from_file(str(tmp_path / "matplotlibrc")))
    assert vote_chart(document, members) == plain  # a user's matplotlibrc changes nothing
    document["title"] = "Costs of US$5 and US$10 a $\\frac{1}{$ b"
    svg = vote_chart(document, members)
    assert "US$5 and US$10 a $\\frac{1}{$ b" in html.unescape(svg)
