"""Validate a data package: frictionless, JSON Schema, and the project's rules.

``validate(path)`` runs every rule (see :mod:`unres.validate.rules`) and
returns a :class:`~unres.validate.report.Report`; it raises
:class:`~unres.errors.InputError` only when the descriptor cannot be read at
all (missing, not YAML, not a mapping), which :func:`unusable` turns into a
report for the machine-readable formats.
"""

from __future__ import annotations

from pathlib import Path

from unres.errors import InputError
from unres.validate.package import Package
from unres.validate.report import Issue, Report
from unres.validate.rules import RULES, Rule

__all__ = ["RULES", "Issue", "Report", "Rule", "unusable", "validate"]


def validate(descriptor: str | Path = "datapackage.yaml", max_errors: int | None = None) -> Report:
    """Check the package described by ``descriptor``; stop after ``max_errors`` errors."""
    package = Package(descriptor)
    report = Report(str(descriptor))
    # Paths as seen from where the command runs, so that annotations point at the files.
    folder = Path(descriptor).parent
    report.paths = {
        str(r.get("name")): (folder / r["path"]).as_posix() for r in package.resources if isinstance(r.get("path"), str)
    }
    for rule in RULES.values():
        for issue in rule.check(package):
            report.add(issue)
            if max_errors is not None and len(report.errors) >= max_errors:
                report.truncated = True
                return report
    return report


def unusable(descriptor: str | Path, error: InputError) -> Report:
    """The report of a descriptor that could not be read at all."""
    return Report(str(descriptor), errors=[Issue("descriptor", error.message)])
