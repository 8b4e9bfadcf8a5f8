"""Every Python recipe in the README runs, from the repository's folder, and prints what it says."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
RECIPES = re.findall(r"```python\n(.*?)```", README, re.DOTALL)


def test_the_readme_has_the_python_recipes():
    assert len(RECIPES) >= 3
    assert any("import duckdb" in recipe for recipe in RECIPES)
    assert any("import pandas" in recipe for recipe in RECIPES)
    assert any("from frictionless" in recipe for recipe in RECIPES)


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda recipe: recipe.split("\n")[0])
def test_recipe_runs_and_prints_what_its_comments_say(recipe, monkeypatch):
    monkeypatch.chdir(ROOT)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(recipe, "README.md", "exec"), {})
    printed = output.getvalue().splitlines()
    promised = re.findall(r"^.*\)\s+# (.+)$", recipe, re.MULTILINE)  # what each print promises
    assert printed == promised[: len(printed)] and len(printed) == len(promised)
