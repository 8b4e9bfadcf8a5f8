"""Validate a data package: frictionless, JSON Schema, and the project's rules.

``validate(path)`` runs every registered rule and returns a
:class:`~unres.validate.report.Report`; it raises
:class:`~unres.errors.InputError` only when the descriptor cannot be read at all.
"""

from __future__ import annotations

from pathlib import Path

from unres.validate.package import Package
from unres.validate.report import Issue, Report
from unres.validate.rules import RULES, Rule

__all__ = ["RULES", "Issue", "Report", "Rule", "validate"]


def validate(descriptor: str | Path = "datapackage.yaml", max_errors: int | None = None) -> Report:
    """Check the package described by ``descriptor``; stop at ``max_errors`` errors."""
    package = Package(descriptor)
    report = Report(str(descriptor))
    for rule in RULES.values():
        for issue in rule.check(package):
            report.errors.append(issue)
            if max_errors is not None and len(report.errors) >= max_errors:
                report.truncated = True
                return report
    return report
