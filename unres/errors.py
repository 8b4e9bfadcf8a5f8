"""The project's exceptions: one base class people can catch.

Every error names the file and, where there is one, the line, what was
expected and what was found, so that the CLI can print it on one line.
"""

from __future__ import annotations

from pathlib import Path


class UnresError(Exception):
    """Base class of every error this project raises on purpose."""

    exit_code = 1


class InputError(UnresError):
    """The input cannot be used: missing, not text, not a resolution (exit 2)."""

    exit_code = 2

    def __init__(
        self,
        path: str | Path | None,
        line: int | None,
        expected: str,
        found: str,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.expected = expected
        self.found = found
        super().__init__(self.message)

    @property
    def where(self) -> str:
        if self.path is None:
            return ""
        if self.line is None:
            return f"{self.path}: "
        return f"{self.path}:{self.line}: "

    @property
    def message(self) -> str:
        return f"{self.where}expected {self.expected}, found {self.found}"


class ParseError(InputError):
    """The text was read but is not a resolution this parser understands."""


def cut(text: str, limit: int = 200) -> str:
    """A piece of text cut to ``limit`` characters for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shorten(value: object, limit: int = 60) -> str:
    """Quote a piece of input for an error message, cut to ``limit`` characters."""
    return cut(repr(value.strip() if isinstance(value, str) else value), limit)
