"""Validation issues as data, rendered for people, machines and GitHub Actions.

An :class:`Issue` has a ``code`` (the rule's, or frictionless's own error
type), the ``resource`` and 1-based data ``row`` and ``field`` where there are
some, and a message that says what was expected and what was found. One
report renders as text (grouped by resource), JSON, or GitHub annotations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Issue:
    code: str
    message: str
    resource: str | None = None
    row: int | None = None
    field: str | None = None
    severity: str = "error"  # or "warning"

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "resource": self.resource,
            "row": self.row,
            "field": self.field,
            "message": self.message,
        }

    def place(self) -> str:
        parts = []
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field is not None:
            parts.append(f"field {self.field}")
        return ", ".join(parts)


def warning(
    code: str, message: str, resource: str | None = None, row: int | None = None, field: str | None = None
) -> Issue:
    return Issue(code, message, resource, row, field, severity="warning")


@dataclass
class Report:
    descriptor: str
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    #: True when --max-errors stopped the run before every rule had run
    truncated: bool = False
    #: resource name -> its path, for annotations that point at files
    paths: dict[str, str] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.errors

    def add(self, issue: Issue) -> None:
        (self.warnings if issue.severity == "warning" else self.errors).append(issue)

    def to_dict(self) -> dict[str, object]:
        return {
            "valid": self.valid,
            "descriptor": self.descriptor,
            "errors": [issue.to_dict() for issue in self.errors],
            "warnings": [issue.to_dict() for issue in self.warnings],
            "truncated": self.truncated,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def summary(self) -> str:
        if self.valid:
            text = f"{self.descriptor}: valid"
        else:
            resources = {issue.resource for issue in self.errors}
            text = (
                f"{self.descriptor}: {len(self.errors)} error{'s' * (len(self.errors) != 1)} "
                f"in {len(resources)} resource{'s' * (len(resources) != 1)}"
            )
            if self.truncated:
                text += " (stopped at --max-errors; there may be more)"
        if self.warnings:
            text += f", {len(self.warnings)} warning{'s' * (len(self.warnings) != 1)}"
        return text

    def to_text(self, colour: bool = False) -> str:
        """Issues grouped by resource, one line each, then the summary line."""

        def style(text: str, **styles: object) -> str:
            import click  # only for colour

            return click.style(text, **styles) if colour else text  # type: ignore[arg-type]

        groups: dict[str | None, list[Issue]] = {}
        for issue in [*self.errors, *self.warnings]:
            groups.setdefault(issue.resource, []).append(issue)
        lines: list[str] = []
        for resource, issues in groups.items():
            name = resource or "package"
            path = self.paths.get(resource or "", self.descriptor if resource is None else "")
            lines.append(style(f"{name} ({path})" if path else name, bold=True))
            for issue in issues:
                label = style(issue.code, fg="red" if issue.severity == "error" else "yellow")
                kind = "" if issue.severity == "error" else "warning "
                place = f"{issue.place()}: " if issue.place() else ""
                lines.append(f"  {place}{kind}[{label}] {issue.message}")
        lines.append(style(self.summary(), fg="green" if self.valid else "red", bold=True))
        return "\n".join(lines)

    def to_github(self) -> str:
        """GitHub Actions workflow commands: an annotation per issue, on the CSV line."""
        lines = []
        for issue in [*self.errors, *self.warnings]:
            file = self.paths.get(issue.resource or "", self.descriptor)
            properties = f"file={_escape_property(file)}"
            if issue.row is not None and file.endswith(".csv"):
                properties += f",line={issue.row + 1}"  # the header is line 1
            properties += f",title={_escape_property(issue.code)}"
            where = f" ({issue.place()})" if issue.place() else ""
            message = _escape_data(f"[{issue.code}] {issue.message}{where}")
            lines.append(f"::{issue.severity} {properties}::{message}")
        lines.append(self.summary())
        return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
