"""Descriptors and files built to slip past the validator or make it misbehave.

Each case must end in a report (exit 1) or a one-line refusal (exit 2):
never a skipped check, a fetched URL, a file read outside the package, or a
traceback.
"""

from __future__ import annotations

import json

import pytest

from unres.build import build
from unres.errors import InputError
from unres.validate import validate

from .conftest import SEED, edit_descriptor


def codes(root):
    return {issue.code for issue in validate(root / "datapackage.yaml").errors}


def test_a_multipart_path_is_refused_not_half_checked(package):
    edit_descriptor(package, lambda d: d["resources"][0].update(path=["data/resolutions.csv"]))
    issues = [i for i in validate(package / "datapackage.yaml").errors if i.code == "descriptor"]
    assert [(i.resource, i.field) for i in issues] == [("resolutions", "path")]


def test_a_resource_without_a_path_is_reported(package):
    edit_descriptor(package, lambda d: d["resources"][4].pop("path"))
    assert "descriptor" in codes(package)


def test_removing_the_json_schema_does_not_switch_off_the_document_checks(package):
    def change(descriptor):
        for resource in descriptor["resources"]:
            resource.pop("bytes", None)
            resource.pop("hash", None)
        descriptor["resources"][5].pop("jsonSchema")

    edit_descriptor(package, change)
    path = package / "data" / "documents" / "a-hrc-res-43-21.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["title"] = "Forged"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    found = codes(package)
    assert {"descriptor", "source-mismatch", "json-csv-mismatch"} <= found


@pytest.mark.parametrize("where", ["package-profile", "resource-profile", "dialect"])
def test_profiles_and_dialects_at_urls_are_never_fetched(package, recording_server, where):
    base, requests = recording_server
    url = f"{base}/{where}.json"
    if where == "package-profile":
        edit_descriptor(package, lambda d: d.update(profile=url))
    elif where == "resource-profile":
        edit_descriptor(package, lambda d: d["resources"][3].update(profile=url))
    else:
        edit_descriptor(package, lambda d: d["resources"][3].update(dialect=url))
    assert "unsafe-path" in codes(package)
    assert requests == []


def test_a_json_schema_ref_to_a_url_or_a_file_outside_is_never_retrieved(package, recording_server, tmp_path):
    base, requests = recording_server
    outside = tmp_path / "outside.json"
    outside.write_text('{"type": "string"}', encoding="utf-8")
    schema_path = package / "schemas" / "resolution.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["title"] = {"$ref": f"{base}/title.json"}
    schema["properties"]["body"] = {"$ref": outside.as_uri()}
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    issues = [i for i in validate(package / "datapackage.yaml").errors if i.code == "json-schema"]
    assert issues and "usable JSON Schema" in issues[0].message
    assert requests == []


@pytest.mark.parametrize("schema", [[1, 2], {"type": "bogus"}, {"$ref": "#/nowhere"}])
def test_a_broken_json_schema_is_reported(package, schema):
    (package / "schemas" / "resolution.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    assert "json-schema" in codes(package)


@pytest.mark.parametrize(
    ("stated", "expected"),
    [("shake_128:abcd", "hash algorithm"), (None, "a hash such as"), ("sha256:00", "expected sha256")],
)
def test_odd_hashes_are_reported(package, stated, expected):
    edit_descriptor(package, lambda d: d["resources"][0].update(hash=stated))
    issues = [i for i in validate(package / "datapackage.yaml").errors if i.code == "integrity"]
    assert issues and expected in issues[0].message


def test_bytes_as_a_string_is_reported(package):
    edit_descriptor(package, lambda d: d["resources"][0].update(bytes="317"))
    issues = [i for i in validate(package / "datapackage.yaml").errors if i.code == "integrity"]
    assert issues and "a number" in issues[0].message


def test_a_document_of_the_wrong_shape_is_reported_not_a_crash(package):
    path = package / "data" / "documents" / "a-hrc-res-43-21.json"
    path.write_text('{"symbol": ["x"], "adoption": 5}', encoding="utf-8")
    assert "json-schema" in codes(package)


@pytest.mark.parametrize(
    "text",
    [
        "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"b{i}: &b{i} [*a, *a, *a, *a]\n" for i in range(40)),
        "resources: " + "[" * 5000 + "]" * 5000 + "\n",
        "!!python/object/apply:os.system ['echo owned']\n",
    ],
    ids=["alias-bomb", "deep-nesting", "python-tag"],
)
def test_a_hostile_descriptor_cannot_be_used(tmp_path, text):
    path = tmp_path / "datapackage.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        validate(path)


def test_a_deeply_nested_json_document_is_reported(package):
    (package / "data" / "documents" / "a-hrc-res-43-21.json").write_text("[" * 100_000 + "]" * 100_000)
    assert "json-schema" in codes(package)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"name: [unclosed\n", "syntax error"), (b"\xff\xfe", "not UTF-8"), (b"name: yes\n", "YAML boolean")],
)
def test_a_bad_unres_yaml_stops_the_build_with_one_line(tmp_path, content, message):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "unres.yaml").write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        build(tmp_path)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "data").exists()


def test_github_annotations_name_files_from_where_the_command_runs(package, monkeypatch):
    from click.testing import CliRunner

    from unres.cli import main

    (package / "data" / "votes.csv").write_text("resolution,country\n", encoding="utf-8")
    monkeypatch.chdir(package.parent)
    result = CliRunner().invoke(main, ["validate", "--format", "github", "package/datapackage.yaml"])
    assert result.exit_code == 1
    assert "file=package/data/votes.csv" in result.output


def test_a_second_document_claiming_the_same_symbol_is_compared_too(package):
    import shutil

    documents = package / "data" / "documents"
    tampered = json.loads((documents / "a-hrc-res-43-21.json").read_text(encoding="utf-8"))
    tampered["adoption"]["statement"] = "Adopted unanimously."
    (documents / "tampered.json").write_text(json.dumps(tampered, ensure_ascii=False), encoding="utf-8")
    shutil.copy2(documents / "a-hrc-res-43-21.json", documents / "untouched.json")

    def change(descriptor):
        resource = {"name": "tampered", "path": "data/documents/tampered.json", "format": "json"}
        descriptor["resources"].insert(5, {**resource, "jsonSchema": "schemas/resolution.schema.json"})

    edit_descriptor(package, change)
    issues = [i for i in validate(package / "datapackage.yaml").errors if i.code == "source-mismatch"]
    assert [(i.resource, i.field) for i in issues] == [("tampered", "/adoption/statement")]


@pytest.mark.parametrize(
    ("schema", "document"),
    [
        ({"$defs": {"n": {"type": "integer"}}, "properties": {"a": {"$ref": "#/$defs/n", "maximum": 3}}}, {"a": 10}),
        ({"$defs": {"o": {"type": "object"}}, "$ref": "#/$defs/o", "required": ["z"]}, {}),
        ({"multipleOf": 0.1}, 0.3),
    ],
    ids=["ref-with-a-sibling", "ref-beside-required", "multiple-of-a-fraction"],
)
def test_the_fast_json_schema_path_never_accepts_what_jsonschema_rejects(schema, document):
    import jsonschema

    from unres.validate.rules.documents import _Checker

    assert list(jsonschema.Draft202012Validator(schema).iter_errors(document))
    assert _Checker(schema).errors(document)


def test_the_shipped_schema_takes_the_fast_path():
    from unres.validate.rules.documents import _Checker

    schema = json.loads((SEED.parent.parent / "schemas" / "resolution.schema.json").read_text(encoding="utf-8"))
    assert _Checker(schema).fast is not None


def test_a_path_with_a_nul_byte_is_unsafe(package):
    edit_descriptor(package, lambda d: d["resources"][3].update(path="data/vo\x00tes.csv"))
    assert "unsafe-path" in codes(package)


def _validate_in_a_worker(descriptor: str) -> bool:
    return validate(descriptor).valid


def test_validate_works_inside_a_pool_worker():
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_validate_in_a_worker, (str(SEED.parent.parent / "datapackage.yaml"),)) is True


def test_an_unquoted_date_in_unres_yaml_is_kept_as_text(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "unres.yaml").write_text("created: 2024-01-02T03:04:05Z\n", encoding="utf-8")
    build(tmp_path, charts=False)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["created"] == "2024-01-02T03:04:05Z"
