"""Each validator rule: silent on the shipped package, and firing on exactly its fault.

Every fault is injected into a copy of the real package whose descriptor has
no ``bytes`` or ``hash``, so that each rule must catch its fault on its own,
not only through ``integrity`` or ``source-mismatch``.
"""

from __future__ import annotations

import sys

import pytest

from unres.validate import validate
from unres.validate.package import Package
from unres.validate.rules import ORDER, RULES

from .conftest import ROOT, edit, edit_descriptor

RESOLUTION = "A/HRC/RES/43/21"


def issues(root, code):
    return [issue for issue in validate(root / "datapackage.yaml").errors if issue.code == code]


@pytest.mark.parametrize("code", ORDER)
def test_rule_is_silent_on_the_shipped_package(code):
    assert list(RULES[code].check(Package(ROOT / "datapackage.yaml"))) == []


def test_the_shipped_package_is_valid_with_no_warnings():
    report = validate(ROOT / "datapackage.yaml")
    assert (report.errors, report.warnings) == ([], [])


# -- descriptor and files -------------------------------------------------------


def test_descriptor_unquoted_yes_in_a_schema(bare):
    edit(bare, "schemas/votes.yaml", 'enum: ["yes", "no", "abstain"]', "enum: [yes, no, abstain]")
    found = issues(bare, "descriptor")
    assert found and all(i.resource == "votes" and "YAML boolean" in i.message for i in found)


def test_descriptor_unquoted_no_in_the_descriptor(bare):
    edit(bare, "datapackage.yaml", "name: votes", "name: no")
    assert any("/resources/3/name" in issue.message for issue in issues(bare, "descriptor"))


def test_descriptor_missing_schema_file(bare):
    (bare / "schemas" / "footnotes.yaml").unlink()
    (issue,) = issues(bare, "descriptor")
    assert (issue.resource, issue.field) == ("footnotes", "schema")
    assert "no such file" in issue.message


def test_integrity_changed_file(package):
    edit(package, "sources/hrc-43-21-fr.txt", "45e séance", "46e séance")
    (issue,) = issues(package, "integrity")
    assert (issue.resource, issue.field) == ("source-hrc-43-21-fr", "hash")


def test_integrity_wrong_size(package):
    edit_descriptor(package, lambda d: d["resources"][0].update(bytes=1))
    (issue,) = issues(package, "integrity")
    assert (issue.resource, issue.field) == ("resolutions", "bytes")


@pytest.fixture
def opened_files():
    """Paths this process opens while the test runs (Python's audit events)."""
    seen: list[str] = []
    active = [True]

    def hook(event, args):
        if event == "open" and active[0] and isinstance(args[0], str):
            seen.append(args[0])

    sys.addaudithook(hook)
    yield seen
    active[0] = False


def test_unsafe_path_url_is_refused_and_never_fetched(bare, recording_server):
    base, requests = recording_server
    edit_descriptor(bare, lambda d: d["resources"][3].update(path=f"{base}/votes.csv"))
    (issue,) = issues(bare, "unsafe-path")
    assert (issue.resource, issue.field) == ("votes", "path")
    assert "URL" in issue.message
    assert requests == []


@pytest.mark.parametrize("kind", ["absolute", "dotdot", "link"])
def test_unsafe_path_outside_the_package_is_refused_and_never_opened(bare, tmp_path, opened_files, kind):
    outside = tmp_path / "secret.csv"
    outside.write_text("resolution,country,iso3,vote,line\nsecret,secret,SEC,yes,1\n", encoding="utf-8")
    if kind == "absolute":
        path = str(outside)
    elif kind == "dotdot":
        path = "../secret.csv"
    else:
        (bare / "data" / "link.csv").symlink_to(outside)
        path = "data/link.csv"
    edit_descriptor(bare, lambda d: d["resources"][3].update(path=path))
    opened_files.clear()  # from here on, only what the validator opens
    # In one process, so that the audit hook sees what frictionless opens too.
    report = validate(bare / "datapackage.yaml", parallel=False)
    (issue,) = [i for i in report.errors if i.code == "unsafe-path"]
    assert (issue.resource, issue.field) == ("votes", "path")
    assert opened_files, "the audit hook sees the files the validator opens"
    assert not any(opened.endswith("secret.csv") for opened in opened_files)


def test_unsafe_schema_path(bare):
    edit_descriptor(bare, lambda d: d["resources"][2].update(schema="/etc/passwd"))
    (issue,) = issues(bare, "unsafe-path")
    assert (issue.resource, issue.field) == ("footnotes", "schema")


# -- paragraphs and footnotes ----------------------------------------------------


def test_paragraph_order_position_out_of_sequence(bare):
    edit(bare, "data/paragraphs.csv", f"{RESOLUTION},2,preamble", f"{RESOLUTION},5,preamble")
    (first, *_) = issues(bare, "paragraph-order")
    assert (first.resource, first.row, first.field) == ("paragraphs", 2, "position")


def test_paragraph_order_preamble_after_operative(bare):
    edit(bare, "data/paragraphs.csv", f"{RESOLUTION},31,operative,10,", f"{RESOLUTION},31,preamble,,")
    (issue,) = issues(bare, "paragraph-order")
    assert (issue.row, issue.field) == (31, "part")


@pytest.mark.parametrize(
    ("old", "new", "fault"),
    [
        (",23,operative,2,", ",23,operative,3,", "a gap"),
        (",24,operative,3,", ",24,operative,2,", "a repeat"),
        (",23,operative,2,", ",23,operative,,", "found none"),
    ],
)
def test_operative_numbering(bare, old, new, fault):
    edit(bare, "data/paragraphs.csv", old, new)
    (first, *_) = issues(bare, "operative-numbering")
    assert (first.resource, first.field) == ("paragraphs", "number")
    assert fault in first.message


def _add_subparagraphs(root, labels):
    rows = "".join(
        f"{RESOLUTION},{32 + index},operative,10,{label},,Texte du sous-alinéa.,278,278\n"
        for index, label in enumerate(labels)
    )
    with (root / "data" / "paragraphs.csv").open("a", encoding="utf-8") as handle:
        handle.write(rows)


def test_subparagraph_labels_in_order_are_accepted(bare):
    _add_subparagraphs(bare, ["a", "b", "b-i", "b-ii", "c"])
    assert issues(bare, "subparagraph-labels") == []


@pytest.mark.parametrize(("labels", "row"), [(["a", "c"], 33), (["b"], 32), (["a", "a-ii"], 33)])
def test_subparagraph_labels_out_of_order(bare, labels, row):
    _add_subparagraphs(bare, labels)
    (issue,) = issues(bare, "subparagraph-labels")
    assert (issue.resource, issue.row, issue.field) == ("paragraphs", row, "label")


def test_footnote_reference_to_a_missing_paragraph(bare):
    edit(bare, "data/footnotes.csv", f"{RESOLUTION},1,26,", f"{RESOLUTION},1,99,")
    (issue,) = issues(bare, "footnote-reference")
    assert (issue.resource, issue.row, issue.field) == ("footnotes", 1, "paragraph")


def test_footnote_reference_carried_by_no_paragraph(bare):
    edit(bare, "data/footnotes.csv", f"{RESOLUTION},1,26,", f"{RESOLUTION},1,,")
    (issue,) = issues(bare, "footnote-reference")
    assert "found none" in issue.message


# -- adoption and votes ----------------------------------------------------------


def test_adoption_consistency_without_vote_but_counted(bare):
    edit(bare, "data/resolutions.csv", "recorded-vote", "without-vote")
    found = issues(bare, "adoption-consistency")
    assert {issue.field for issue in found} == {"yes", "no", "abstain", "adoption"}


def test_adoption_consistency_recorded_vote_without_rows(bare):
    (bare / "data" / "votes.csv").write_text("resolution,country,iso3,vote,line\n", encoding="utf-8")
    (issue,) = issues(bare, "adoption-consistency")
    assert (issue.resource, issue.row, issue.field) == ("resolutions", 1, "adoption")


def test_vote_count(bare):
    edit(bare, "data/resolutions.csv", ",23,16,8,", ",24,16,8,")
    (issue,) = issues(bare, "vote-count")
    assert (issue.resource, issue.row, issue.field) == ("resolutions", 1, "yes")
    assert "expected 24" in issue.message and "found 23" in issue.message


def test_vote_total(bare):
    edit(bare, "data/resolutions.csv", ",23,16,8,", ",30,16,8,")
    (issue,) = issues(bare, "vote-total")
    assert "at most 47" in issue.message and "found 54" in issue.message


def test_duplicate_voter(bare):
    with (bare / "data" / "votes.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{RESOLUTION},Angola,AGO,no,290\n")
    (issue,) = issues(bare, "duplicate-voter")
    assert (issue.resource, issue.row, issue.field) == ("votes", 48, "iso3")


def test_non_member(bare):
    edit(bare, "data/votes.csv", "Angola,AGO,yes", "France,FRA,yes")
    (issue,) = issues(bare, "non-member")
    assert (issue.resource, issue.row, issue.field) == ("votes", 1, "iso3")
    assert "FRA" in issue.message


def test_non_member_warns_where_the_year_is_not_covered(bare):
    edit(bare, "data/resolutions.csv", "2020-06-22", "2031-06-22")
    report = validate(bare / "datapackage.yaml")
    assert [w.code for w in report.warnings] == ["non-member"]
    assert "2031" in report.warnings[0].message
    assert not [e for e in report.errors if e.code in ("non-member", "vote-total")]


@pytest.mark.parametrize(
    ("old", "new", "field"), [("Angola,AGO", "Angola,AGX", "iso3"), ("Angola,AGO", "Angola,ARG", "iso3")]
)
def test_country_code(bare, old, new, field):
    edit(bare, "data/votes.csv", old, new)
    (issue,) = issues(bare, "country-code")
    assert (issue.resource, issue.row, issue.field) == ("votes", 1, field)


# -- agreement -------------------------------------------------------------------


def test_json_csv_mismatch(bare):
    edit(bare, "data/paragraphs.csv", "Décide de rester saisi de la question.", "Décide de ne pas rester saisi.")
    (issue,) = issues(bare, "json-csv-mismatch")
    assert (issue.resource, issue.row, issue.field) == ("paragraphs", 31, "text")


def test_json_csv_mismatch_when_a_document_is_missing(bare):
    edit_descriptor(bare, lambda d: d.update(resources=[r for r in d["resources"] if r["name"] != "a-hrc-res-43-21"]))
    (bare / "data" / "documents" / "a-hrc-res-43-21.json").unlink()
    edit_descriptor(
        bare,
        lambda d: d["resources"].append(
            {"name": "other", "path": "data/other.json", "jsonSchema": "schemas/resolution.schema.json"}
        ),
    )
    (bare / "data" / "other.json").write_text("[]", encoding="utf-8")
    found = issues(bare, "json-csv-mismatch")
    assert [(i.resource, i.field) for i in found] == [("resolutions", "symbol")]


def test_source_mismatch_alone_catches_an_edited_source(bare):
    edit(bare, "sources/hrc-43-21-fr.txt", "45e séance", "44e séance")
    codes = {issue.code for issue in validate(bare / "datapackage.yaml").errors}
    assert codes == {"source-mismatch"}


def test_every_rule_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [code for code in ORDER if code != "frictionless" and f"| `{code}` |" not in readme]
    assert missing == []
