"""Validation issues as data, rendered for people (text) or machines (JSON).

An :class:`Issue` has a ``code`` (the rule's, or frictionless's own error
type), the ``resource`` and 1-based data ``row`` and ``field`` where there
are some, and a message that says what was expected and what was found.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Issue:
    code: str
    message: str
    resource: str | None = None
    row: int | None = None
    field: str | None = None

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        return {key: data[key] for key in ("code", "resource", "row", "field", "message")}

    def location(self) -> str:
        parts = [self.resource or "package"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field is not None:
            parts.append(f"field {self.field}")
        return ", ".join(parts)


@dataclass
class Report:
    descriptor: str
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    #: True when --max-errors stopped the run before every rule had run
    truncated: bool = False

    @property
    def valid(self) -> bool:
        return not self.errors

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

    def to_text(self) -> str:
        lines = [f"{issue.location()}: [{issue.code}] {issue.message}" for issue in self.errors] + [
            f"{issue.location()}: warning [{issue.code}] {issue.message}" for issue in self.warnings
        ]
        if self.valid:
            summary = f"{self.descriptor}: valid"
        else:
            summary = f"{self.descriptor}: invalid, {len(self.errors)} error(s)"
            if self.truncated:
                summary += " (stopped at --max-errors; there may be more)"
        if self.warnings:
            summary += f", {len(self.warnings)} warning(s)"
        return "\n".join([*lines, summary])
