"""Shared paths and a fresh copy of the shipped package for tests that break it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sources" / "hrc-43-21-fr.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PACKAGE_FILES = ("datapackage.yaml", "unres.yaml", "data", "schemas", "sources")


def copy_package(target: Path) -> Path:
    """Copy the shipped package (descriptor, data, schemas, sources) to ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PACKAGE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the shipped package; returns its folder."""
    return copy_package(tmp_path / "package")
