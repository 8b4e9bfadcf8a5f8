"""`unres build`: the committed package is what the build makes, and builds are atomic."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from unres.build import OUTPUTS, build
from unres.errors import InputError, ParseError
from unres.resources import schema_text

from .conftest import ROOT, SEED


def _files(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file the build owns in ``root``."""
    found = {}
    for name in OUTPUTS:
        target = root / name
        paths = [target] if target.is_file() else sorted(p for p in target.rglob("*") if p.is_file())
        for path in paths:
            found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _fresh(tmp_path: Path) -> Path:
    root = tmp_path / "fresh"
    (root / "sources").mkdir(parents=True)
    for source in (ROOT / "sources").glob("*.txt"):
        shutil.copy2(source, root / "sources" / source.name)
    shutil.copy2(ROOT / "unres.yaml", root / "unres.yaml")
    return root


def test_the_committed_package_is_exactly_what_the_build_makes(tmp_path):
    root = _fresh(tmp_path)
    build(root)
    assert _files(root) == _files(ROOT)


def test_building_twice_gives_identical_bytes(tmp_path):
    root = _fresh(tmp_path)
    build(root)
    first = _files(root)
    build(root)
    assert _files(root) == first


def test_the_build_writes_the_schemas_shipped_with_the_package(tmp_path):
    root = _fresh(tmp_path)
    build(root)
    assert (root / "schemas" / "votes.yaml").read_text(encoding="utf-8") == schema_text("votes.yaml")


def test_a_failed_build_leaves_the_previous_files_untouched(tmp_path):
    root = _fresh(tmp_path)
    build(root)
    before = _files(root)
    broken = SEED.read_text(encoding="utf-8").replace("Angola,", "Atlantide,")
    (root / "sources" / "zz-broken.txt").write_text(broken.replace("43/21.", "43/22."), encoding="utf-8")
    with pytest.raises(ParseError, match="Atlantide"):
        build(root)
    assert _files(root) == before
    assert not list(root.glob(".unres-build-*"))


def test_a_failed_swap_puts_every_previous_file_back(tmp_path, monkeypatch):
    import os

    root = _fresh(tmp_path)
    build(root)
    before = _files(root)
    (root / "sources" / "hrc-43-21-fr.txt").write_bytes(SEED.read_bytes().replace(b"45e s", b"46e s"))
    real_replace = os.replace
    calls = []

    def failing_replace(source, target):
        calls.append(target)
        if len(calls) == 4:  # the fourth move, halfway through the swap, fails
            raise OSError(28, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr("unres.build.os.replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        build(root)
    monkeypatch.setattr("unres.build.os.replace", real_replace)
    assert _files(root) == before
    assert len(calls) > 4  # the rollback's own moves ran after the failure


def test_a_build_killed_during_its_swap_is_undone_by_the_next(tmp_path):
    from unres.build import STAGE_PREFIX, recover

    root = _fresh(tmp_path)
    build(root)
    before = _files(root)
    # What a build killed after swapping data/ and before the rest leaves behind:
    stage = root / f"{STAGE_PREFIX}killed"
    (stage / "old").mkdir(parents=True)
    (root / "data").rename(stage / "old" / "data")
    (root / "data").mkdir()
    (root / "data" / "half.csv").write_text("new\n", encoding="utf-8")
    recover(root)
    assert _files(root) == before
    assert not list(root.glob(f"{STAGE_PREFIX}*"))


def test_a_committed_swap_is_not_undone(tmp_path):
    from unres.build import STAGE_PREFIX, recover

    root = _fresh(tmp_path)
    build(root)
    before = _files(root)
    stage = root / f"{STAGE_PREFIX}done"
    (stage / "old" / "data").mkdir(parents=True)
    (stage / "committed").touch()
    recover(root)
    assert _files(root) == before
    assert not stage.exists()


def test_a_folder_without_sources_is_refused(tmp_path):
    with pytest.raises(InputError, match="sources"):
        build(tmp_path)


def test_the_same_resolution_twice_is_refused(tmp_path):
    root = _fresh(tmp_path)
    shutil.copy2(SEED, root / "sources" / "copy.txt")
    with pytest.raises(InputError, match="A/HRC/RES/43/21 is already at"):
        build(root)


def test_the_descriptor_lists_every_written_file_with_size_and_hash(tmp_path):
    import yaml

    root = _fresh(tmp_path)
    build(root)
    descriptor = yaml.safe_load((root / "datapackage.yaml").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert [r["name"] for r in descriptor["resources"][:4]] == ["resolutions", "paragraphs", "footnotes", "votes"]
    for resource in descriptor["resources"]:
        data = (root / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert {"path": "sources/hrc-43-21-fr.txt"}.items() <= descriptor["resources"][-1].items()
