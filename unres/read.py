"""Read a source file into clean, numbered lines (the first stage).

Decoding, byte-order mark, line endings and no-break spaces are dealt with
here, once, so that every later stage sees plain ``Line`` values and keeps the
line number for provenance and error messages.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from unres.errors import InputError, ParseError

#: Inputs larger than this are refused before they are read: a resolution is a
#: few kilobytes and a whole session report a few megabytes.
MAX_BYTES = 32 * 1024 * 1024

# Spaces that PDF extraction and French typography leave in text; they mean
# an ordinary space here (no-break, narrow no-break, figure, thin, form feed).
_SPACES = re.compile("[\u00a0\u202f\u2007\u2009\f\v]")
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Line:
    """One line of the source, 1-based ``number``, text without its ending."""

    number: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class SourceText:
    """A decoded source file: its path as given, its sha256 and its lines."""

    path: str
    sha256: str
    lines: tuple[Line, ...]


def decode(data: bytes, path: str) -> tuple[Line, ...]:
    """Decode UTF-8 bytes (with or without a byte-order mark) into lines.

    Bytes that are no text raise ParseError, like text that is no resolution:
    one error type for whatever is wrong with the content.
    """
    if not data.strip():
        raise ParseError(path, None, "a resolution text", "an empty file")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise ParseError(path, line, "UTF-8 text", "binary data (a NUL byte)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ParseError(
            path,
            line,
            "UTF-8 text",
            f"the byte 0x{data[error.start]:02x}, which is not UTF-8 "
            "(convert the file, for example with iconv -f windows-1252 -t utf-8)",
        ) from None
    text = text.removeprefix("\ufeff")
    parts = _NEWLINE.split(text)
    if parts and parts[-1] == "":
        parts.pop()  # the newline that ends the last line starts no new line
    return tuple(Line(number, _SPACES.sub(" ", part)) for number, part in enumerate(parts, 1))


def read_source(path: str | Path, display_path: str | None = None) -> SourceText:
    """Read ``path`` into a :class:`SourceText`; raise InputError if unusable.

    ``display_path`` is the path recorded in the data and in messages
    (defaults to ``path`` as given).
    """
    shown = display_path if display_path is not None else str(path)
    file = Path(path)
    if file.is_dir():
        raise InputError(shown, None, "a text file", "a directory")
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                shown,
                None,
                f"a text of at most {MAX_BYTES // (1024 * 1024)} MB",
                f"{size / (1024 * 1024):.1f} MB",
            )
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(shown, None, "an existing file", "no such file") from None
    except PermissionError:
        raise InputError(shown, None, "a readable file", "permission denied") from None
    except OSError as error:
        raise InputError(shown, None, "a readable file", error.strerror or str(error)) from None
    return SourceText(shown, hashlib.sha256(data).hexdigest(), decode(data, shown))
