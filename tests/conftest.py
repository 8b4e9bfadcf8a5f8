"""Shared paths and a fresh copy of the shipped package for tests that break it."""

from __future__ import annotations

import http.server
import shutil
import threading
from pathlib import Path

import pytest
import yaml

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


def edit_descriptor(root: Path, change) -> None:
    """Load ``root``'s datapackage.yaml, let ``change`` edit it, write it back."""
    path = root / "datapackage.yaml"
    descriptor = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(yaml.safe_dump(descriptor, sort_keys=False, allow_unicode=True), encoding="utf-8")


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace the first ``old`` in a file of the package (which must contain it)."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _drop_integrity(descriptor) -> None:
    for resource in descriptor["resources"]:
        resource.pop("bytes", None)
        resource.pop("hash", None)


@pytest.fixture
def bare(package: Path) -> Path:
    """The package copy with bytes and hash dropped from its descriptor, so that
    each rule must catch a fault on its own, not only through integrity."""
    edit_descriptor(package, _drop_integrity)
    return package


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A loopback server that records every request and answers with JSON."""

    requests: list[str] = []  # noqa: RUF012 (shared on purpose: the server makes a handler per request)

    def do_GET(self):
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'{"delimiter": ";"}')

    def log_message(self, *args):
        pass


@pytest.fixture
def recording_server():
    """(base URL, list of request paths) of a server on loopback that must stay unasked."""
    _Recorder.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", _Recorder.requests
    server.shutdown()
