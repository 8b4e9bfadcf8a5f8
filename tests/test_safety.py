"""What the tools guarantee with broken input: same data, clear refusals, atomic builds."""

from __future__ import annotations

import fcntl
import hashlib
import random
import signal
import subprocess
import sys
import time

import pytest

from unres.build import OUTPUTS, build, recover
from unres.read import decode

from .conftest import ROOT, SEED, edit

SEED_BYTES = SEED.read_bytes()


@pytest.mark.parametrize(
    "variant",
    [
        lambda data: data.replace(b"\n", b"\r\n"),
        lambda data: b"\xef\xbb\xbf" + data,
        lambda data: b"\n".join(line.rstrip() for line in data.split(b"\n")),
        lambda data: data.replace(b" :", "\u00a0:".encode()).replace(b" ;", "\u202f;".encode()),
    ],
    ids=["crlf", "byte-order-mark", "trailing-whitespace-stripped", "no-break-spaces"],
)
def test_the_same_text_in_another_dress_gives_the_same_data(variant):
    changed = variant(SEED_BYTES)
    assert changed != SEED_BYTES
    from unres.read import SourceText

    def document(data: bytes) -> dict:
        from unres.parse import parse_source

        (resolution,) = parse_source(SourceText("sources/x.txt", "0" * 64, decode(data, "sources/x.txt")))
        return resolution.to_document()

    assert document(changed) == document(SEED_BYTES)


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "unres", *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def test_windows_1252_text_is_refused_with_file_and_line(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").replace("’", "'").encode("cp1252"))
    result = run("parse", str(path))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"unres: {path}:1: expected UTF-8 text, found the byte 0xe9")


def test_a_50_mb_input_is_refused_at_once(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: nothing is written, nothing must be read
    started = time.monotonic()
    result = run("parse", str(path))
    assert result.returncode == 2
    assert "expected a text of at most 32 MB, found 50.0 MB" in result.stderr
    assert time.monotonic() - started < 30


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"resolution,country,iso3,vote,line\nA/HRC/RES/43/21,Ango\x00la,AGO,yes,290\n", None),
        (b"resolution,country,iso3,vote,line\nA/HRC/RES/43/21," + b"x" * 10_000_000 + b",AGO,yes,290\n", None),
        (b"resolution,country,iso3,vote,line\n", "adoption-consistency"),
    ],
    ids=["nul-byte", "10-mb-cell", "header-only"],
)
def test_broken_csv_files_give_a_report_not_a_traceback(bare, content, code):
    (bare / "data" / "votes.csv").write_bytes(content)
    result = run("validate", "--format", "json", str(bare / "datapackage.yaml"))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    import json

    report = json.loads(result.stdout)
    assert report["errors"]
    if code:
        assert code in {error["code"] for error in report["errors"]}


def test_formula_like_cells_are_a_warning(bare):
    edit(bare, "data/votes.csv", "Angola,AGO", "=HYPERLINK(1),AGO")
    from unres.validate import validate

    report = validate(bare / "datapackage.yaml")
    issues = [w for w in report.warnings if w.code == "formula-like-cell"]
    assert [(w.resource, w.row, w.field) for w in issues] == [("votes", 1, "country")]


def _checksums(root) -> dict[str, str]:
    found = {}
    for name in OUTPUTS:
        target = root / name
        for path in [target] if target.is_file() else sorted(p for p in target.rglob("*") if p.is_file()):
            found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _package(tmp_path):
    root = tmp_path / "package"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "a.txt").write_bytes(SEED_BYTES)
    build(root)
    return root


def test_a_build_killed_at_any_moment_leaves_the_old_files_or_the_new(tmp_path):
    import shutil

    root = _package(tmp_path)
    for fixture in (ROOT / "tests" / "fixtures").glob("*.txt"):  # more to parse: a longer build to cut
        (root / "sources" / fixture.name).write_bytes(fixture.read_bytes())
    build(root)
    moments = random.Random(43)
    outcomes = []
    for meeting in range(46, 54):
        old = _checksums(root)
        (root / "sources" / "a.txt").write_bytes(SEED_BYTES.replace(b"45e s", f"{meeting}e s".encode()))
        reference = tmp_path / f"reference-{meeting}"
        shutil.copytree(root / "sources", reference / "sources")
        build(reference)
        new = _checksums(reference)
        process = subprocess.Popen(
            [sys.executable, "-m", "unres", "build", "--root", str(root)], stderr=subprocess.DEVNULL
        )
        time.sleep(moments.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        recover(root)  # what the next build does first: undo a swap cut in the middle
        now = _checksums(root)
        assert now in (old, new), "a killed build left a mix of old and new files"
        outcomes.append("old" if now == old else "new")
        build(root)  # finish it, for the next round
    assert "old" in outcomes  # some kills landed before the swap, and changed nothing
    assert not list(root.glob(".unres-build-*"))


def test_a_second_build_waits_for_the_first(tmp_path):
    root = _package(tmp_path)
    with open(root / ".unres.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build in progress
        process = subprocess.Popen(
            [sys.executable, "-m", "unres", "build", "--root", str(root)], stderr=subprocess.PIPE
        )
        time.sleep(1.5)
        assert process.poll() is None, "the second build went ahead without the lock"
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert process.wait(timeout=60) == 0
