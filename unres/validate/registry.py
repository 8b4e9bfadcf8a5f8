"""The rule registry: ``@rule(code, summary)`` makes a function a rule.

A rule takes the :class:`~unres.validate.package.Package` and yields
:class:`~unres.validate.report.Issue` values; it never raises for bad data.
Rules run, and ``unres rules`` lists them, in the order they are registered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from unres.validate.package import Package
from unres.validate.report import Issue

Check = Callable[[Package], Iterable[Issue]]


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    check: Check


RULES: dict[str, Rule] = {}


def rule(code: str, summary: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        RULES[code] = Rule(code, summary, check)
        return check

    return register


def as_int(value: str | None) -> int | None:
    """A CSV cell as an integer, or None if empty or not a number (frictionless reports that)."""
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None
