"""The synthetic corpus (unres/corpus.py): every text parses back to exactly what the generator wrote."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from functools import cache
from typing import Any

import pytest

from unres import corpus
from unres.build import build
from unres.countries import iso3_of
from unres.model import Resolution
from unres.parse import parse_text
from unres.validate import validate

from .conftest import ROOT

SEEDS = (0, 1, 2)
FIELDS = ("symbol", "body", "kind", "number", "session", "language", "title", "meeting", "date")


@cache
def generated(seed: int, count: int = 60) -> tuple[corpus.GeneratedText, ...]:
    return tuple(corpus.generate(count, seed))


def projected(resolution: Resolution) -> dict[str, Any]:
    """The parser's reading of a resolution, in the shape of ``GeneratedText.expected``."""
    document = resolution.to_document()
    adoption = document["adoption"]
    paragraphs = []
    for paragraph in resolution.paragraphs:
        parent = {"part": paragraph.part, "number": paragraph.number}
        paragraphs.append({"position": paragraph.position, **parent, "label": None, "text": paragraph.text})
        for sub in paragraph.subparagraphs:
            paragraphs.append({"position": sub.position, **parent, "label": sub.label, "text": sub.text})
    return {
        **{key: document[key] for key in FIELDS},
        "adoption": {
            **{key: adoption[key] for key in ("method", "yes", "no", "abstain")},
            "votes": [{key: vote[key] for key in ("country", "iso3", "vote")} for vote in adoption["votes"]],
        },
        "paragraphs": paragraphs,
        # "anchor" only when the parser gives one: the generator never puts a marker in the adoption block
        "footnotes": [
            {key: note[key] for key in ("marker", "text", "paragraph", "anchor") if key in note}
            for note in document["footnotes"]
        ],
    }


@pytest.mark.parametrize("seed", SEEDS)
def test_every_text_parses_back_to_what_the_generator_wrote(seed: int) -> None:
    for text in generated(seed):
        resolutions = parse_text(text.text, text.name)
        parsed = [projected(resolution) for resolution in resolutions]
        assert [d["symbol"] for d in parsed] == [d["symbol"] for d in text.expected], text.name
        for found, expected in zip(parsed, text.expected, strict=True):
            assert found.keys() == expected.keys()
            for key, value in expected.items():
                assert found[key] == value, f"{text.name}, {expected['symbol']}: {key}"
        # every label is printed: none may be taken for lost and inferred
        assert not any(sub.inferred for r in resolutions for p in r.paragraphs for sub in p.subparagraphs)


def test_the_corpus_holds_every_layout() -> None:
    texts = [text for seed in SEEDS for text in generated(seed)]
    documents = [document for text in texts for document in text.expected]
    lines = [line for text in texts for line in text.text.split("\n")]
    assert {d["language"] for d in documents} == {"fr", "en"}
    assert {d["body"] for d in documents} == {"HRC", "GA"}
    assert {d["adoption"]["method"] for d in documents} == {None, "without-vote", "recorded-vote"}
    votes = [d["adoption"] for d in documents if d["adoption"]["method"] == "recorded-vote"]
    assert any(v["abstain"] == 0 for v in votes) and any(v["abstain"] for v in votes)
    assert any(len(v["votes"]) < 47 for v in votes) and any(len(v["votes"]) == 47 for v in votes)
    assert {len(text.expected) for text in texts} == {1, 2, 3}
    assert any(text.text.startswith("Nations Unies\n") for text in texts)
    assert any(text.text.startswith("United Nations\n") for text in texts)
    assert any(not any(text.text.split("\n")[1::2]) for text in texts)  # a blank line after every line
    for furniture in (r"GE\.\d\d-\d{5}\([EF]\)", r"\d\d-\d{5} \([EF]\)", r"\*\d{7}\*", r"\d/\d", r"A/HRC/RES/\d+/\d+"):
        assert any(re.fullmatch(furniture, line) for line in lines), furniture
    assert any(re.fullmatch(r"\d+\.|\(?[a-e]\)", line) for line in lines)  # a number or label alone
    assert any(re.fullmatch(r"1er \w+ 2020", line) for line in lines)
    assert any(" et " in line or " and " in line for line in lines if "]" in line)  # "Uruguay et Venezuela]"
    paragraphs = [p for d in documents for p in d["paragraphs"]]
    assert {p["part"] for p in paragraphs} == {"preamble", "operative"}
    assert any(p["label"] == "e" for p in paragraphs)
    footnotes = [(d, f) for d in documents for f in d["footnotes"]]
    assert any(f["marker"] == "3" for _, f in footnotes)
    assert any(d["paragraphs"][f["paragraph"] - 1]["label"] for d, f in footnotes)  # carried by a sub-paragraph
    assert max(len(line) for line in lines) <= 100


def test_the_same_seed_gives_the_same_texts_whatever_the_global_random() -> None:
    random.seed(1)
    first = corpus.generate(20, 5)
    random.seed(2)
    again = corpus.generate(20, 5)
    assert [(t.name, t.text, t.expected) for t in first] == [(t.name, t.text, t.expected) for t in again]
    other = corpus.generate(20, 6)
    assert [t.text for t in first] != [t.text for t in other]
    assert {t.text for t in first}.isdisjoint(t.text for t in other)


def test_numbers_are_unique_in_a_large_corpus_and_dates_in_2020() -> None:
    documents = [d for text in corpus.generate(800, 3) for d in text.expected]
    assert len(documents) > 1000  # more than the Council's sessions 43 to 45 can number
    assert len({d["symbol"] for d in documents}) == len(documents)
    for document in documents:
        serial = int(document["number"].split("/")[1])
        assert 1 <= serial < (101 if document["body"] == "HRC" else 401), document["symbol"]
        assert document["date"].startswith("2020-")


def test_every_council_member_is_printed_as_a_name_that_maps_back() -> None:
    members = corpus.council_2020()
    assert len(members) == 47
    for iso3 in members:
        for language in ("fr", "en"):
            name = corpus.country_name(iso3, language)
            assert "," not in name, name  # a comma would split the name in a vote list
            assert iso3_of(name) == iso3, (language, name)


def test_a_written_corpus_builds_into_a_valid_package(tmp_path) -> None:
    texts = corpus.generate(30, 4)
    paths = corpus.write(30, 4, tmp_path)
    assert [path.name for path in paths] == [text.name for text in texts]
    assert [path.read_bytes() for path in paths] == [text.text.encode("utf-8") for text in texts]
    result = build(tmp_path, charts=False)
    assert result.resolutions == sum(len(text.expected) for text in texts)
    report = validate(tmp_path / "datapackage.yaml")
    assert report.errors == [] and report.warnings == []


def test_the_script_writes_the_generated_texts(tmp_path) -> None:
    command = [sys.executable, str(ROOT / "scripts" / "generate_corpus.py"), "3", str(tmp_path), "--seed", "9"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    written = sorted((tmp_path / "sources").iterdir())
    assert [(p.name, p.read_bytes()) for p in written] == [
        (t.name, t.text.encode("utf-8")) for t in corpus.generate(3, 9)
    ]
    (tmp_path / "sources" / "old.txt").write_text("left by another run\n", encoding="utf-8")
    refused = subprocess.run(command, capture_output=True, text=True, check=False)
    assert refused.returncode == 2 and "old.txt" in refused.stderr
