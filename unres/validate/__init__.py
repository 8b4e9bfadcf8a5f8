"""Validate a data package: frictionless, JSON Schema, and the project's rules.

``validate(path)`` runs every rule (see :mod:`unres.validate.rules`) and
returns a :class:`~unres.validate.report.Report`; it raises
:class:`~unres.errors.InputError` only when the descriptor cannot be read at
all (missing, not YAML, not a mapping), which :func:`unusable` turns into a
report for the machine-readable formats.

frictionless's structural validation, the slowest part, runs in a second
process beside the project's own rules where the system can fork: on a
machine with two cores the whole costs about what frictionless alone does.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path

from unres.errors import InputError
from unres.validate.package import Package
from unres.validate.report import Issue, Report
from unres.validate.rules import RULES, Rule

__all__ = ["RULES", "Issue", "Report", "Rule", "unusable", "validate"]


def validate(
    descriptor: str | Path = "datapackage.yaml", max_errors: int | None = None, parallel: bool = True
) -> Report:
    """Check the package described by ``descriptor``; stop after ``max_errors`` errors.

    With ``parallel`` (the default) frictionless runs in a forked process while
    the other rules run here; the report is the same either way.
    """
    package = Package(descriptor)
    report = Report(str(descriptor))
    # Paths as seen from where the command runs, so that annotations point at the files.
    folder = Path(descriptor).parent
    report.paths = {
        str(r.get("name")): (folder / r["path"]).as_posix() for r in package.resources if isinstance(r.get("path"), str)
    }
    pending = _in_another_process(RULES["frictionless"].check, package) if parallel else None
    found: dict[str, list[Issue]] = {}
    try:
        for code, rule in RULES.items():
            if not (pending and code == "frictionless"):
                found[code] = list(rule.check(package))
        if pending:
            found["frictionless"] = pending()
    finally:
        if pending:
            pending.stop()
    for code in RULES:  # the report lists issues in rule order, however they were found
        for issue in found[code]:
            if max_errors is not None and issue.severity == "error" and len(report.errors) >= max_errors:
                report.truncated = True  # there is at least one more
                return report
            report.add(issue)
    return report


class _Pending:
    """The issues a check finds in a forked process, collected on demand."""

    def __init__(self, check: Callable[[Package], object], package: Package) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_run_and_send, args=(check, package, sender), daemon=True)
        self._process.start()
        sender.close()

    def __call__(self) -> list[Issue]:
        try:
            outcome = self._receiver.recv()
        except EOFError:  # the child died without a word: say so rather than hang or pass
            return [Issue("frictionless", "expected frictionless's report, found none (its process ended early)")]
        finally:
            self._process.join()
        if isinstance(outcome, str):  # the child's error, as text: not every exception pickles
            raise RuntimeError(f"frictionless failed: {outcome}")
        return outcome

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.close()


def _run_and_send(check: Callable[[Package], object], package: Package, sender) -> None:
    try:
        sender.send(list(check(package)))  # type: ignore[call-overload]
    except BaseException as error:
        sender.send(error)
    finally:
        sender.close()


def _in_another_process(check: Callable[[Package], object], package: Package) -> _Pending | None:
    if "fork" not in multiprocessing.get_all_start_methods():
        return None  # spawn would import everything again: slower than doing it here
    if multiprocessing.current_process().daemon:
        return None  # a pool's worker may not have children: do it here
    return _Pending(check, package)


def unusable(descriptor: str | Path, error: InputError) -> Report:
    """The report of a descriptor that could not be read at all."""
    return Report(str(descriptor), errors=[Issue("descriptor", error.message)])
