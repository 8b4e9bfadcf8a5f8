"""Reading a source file: decoding, line endings, spaces, and unusable files."""

from __future__ import annotations

import pytest

from unres import read
from unres.errors import InputError
from unres.read import decode, read_source


def test_lines_are_numbered_from_one_without_their_endings():
    lines = decode(b"a\nb\n", "x.txt")
    assert [(line.number, line.text) for line in lines] == [(1, "a"), (2, "b")]


@pytest.mark.parametrize(
    "data",
    [b"a \r\nb\r\n", b"\xef\xbb\xbfa \nb\n", b"a \rb"],
    ids=["crlf", "byte-order-mark", "old-mac"],
)
def test_byte_order_mark_and_line_endings_do_not_change_the_lines(data):
    assert [line.text for line in decode(data, "x.txt")] == ["a ", "b"]


def test_no_break_spaces_become_spaces():
    text = "droits de l’homme\u00a0;\u202fet\f".encode()
    assert decode(text, "x.txt")[0].text == "droits de l’homme ; et "


def test_a_form_feed_does_not_start_a_line():
    assert len(decode(b"page one\x0cpage two\n", "x.txt")) == 1


def test_latin1_text_names_the_line_of_the_first_bad_byte():
    with pytest.raises(InputError) as caught:
        decode("ligne\nR\u00e9affirmant\n".encode("latin-1"), "x.txt")
    assert caught.value.line == 2
    assert "UTF-8" in caught.value.expected
    assert "0xe9" in caught.value.found


def test_binary_data_is_refused():
    with pytest.raises(InputError, match="NUL byte"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "x.png")


@pytest.mark.parametrize("data", [b"", b"\n \n\t\n"])
def test_an_empty_file_is_refused(data):
    with pytest.raises(InputError, match="empty file"):
        decode(data, "x.txt")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file") as caught:
        read_source(tmp_path / "missing.txt")
    assert caught.value.path.endswith("missing.txt")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="a directory"):
        read_source(tmp_path)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 10)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 11)
    with pytest.raises(InputError, match="at most"):
        read_source(big)


def test_source_records_the_sha256_of_the_bytes(tmp_path):
    file = tmp_path / "a.txt"
    file.write_bytes(b"abc\n")
    assert read_source(file).sha256 == "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb"
