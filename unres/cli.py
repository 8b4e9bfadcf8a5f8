"""The ``unres`` command: a thin layer over the library.

It parses arguments, calls the library, and turns
:class:`~unres.errors.UnresError` into one line on stderr and an exit code:
0 success, 1 the data is invalid, 2 the input cannot be used. Heavy
libraries are imported inside the commands that need them, so that
``unres --help`` stays quick.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from unres import __version__
from unres.errors import UnresError

EXIT_INVALID = 1
EXIT_UNUSABLE = 2
EXIT_INTERNAL = 3


def _fail(error: BaseException) -> NoReturn:
    """Say what went wrong in one line on stderr and exit with its code."""
    if isinstance(error, UnresError):
        click.echo(f"unres: {error}", err=True)
        sys.exit(error.exit_code)
    if isinstance(error, KeyboardInterrupt):
        click.echo("unres: interrupted", err=True)
        sys.exit(130)
    # A bug: say so in one line, not a traceback.
    click.echo(f"unres: internal error ({type(error).__name__}: {error}); please report it", err=True)
    sys.exit(EXIT_INTERNAL)


def _reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's errors into ``unres: message`` and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (Exception, KeyboardInterrupt) as error:
            _fail(error)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="unres")
def main() -> None:
    """UN resolutions as validated open data: parse texts, build and validate packages."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option(
    "--explain", is_flag=True, help="Print each line of the file with the kind the parser gave it, instead of JSON."
)
@click.option(
    "--partial",
    is_flag=True,
    help='Accept a text cut off before its closing lines: print what was read, with "complete": false.',
)
@_reports_errors
def parse(file: str, explain: bool, partial: bool) -> None:
    """Parse FILE and print its resolution as JSON.

    A file that holds several resolutions (a session report) prints a JSON
    array of documents, one per resolution. A text cut off before its closing
    lines is an error (exit 2) unless --partial is given.
    """
    from unres.parse import explain as explain_lines
    from unres.parse import parse_source
    from unres.read import read_source

    source = read_source(file)
    if explain:
        for number, kind, text in explain_lines(source, partial):
            click.echo(f"{number:>5}  {kind:<10} {text}")
        return
    documents = [resolution.to_document() for resolution in parse_source(source, partial)]
    output = documents[0] if len(documents) == 1 else documents
    click.echo(json.dumps(output, ensure_ascii=False, indent=2))


def _on_a_terminal() -> bool:
    """Whether a person is watching: stderr is a terminal and this is not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def _progress_bar(items, label: str):
    """A progress bar on a terminal; nothing in CI or when stderr is not a terminal."""
    items = list(items)
    if len(items) < 2 or not _on_a_terminal():
        return items
    return _bar(items, label)


def _bar(items, label: str):
    with click.progressbar(items, label=f"unres: {label}", file=sys.stderr) as bar:
        yield from bar


@main.command()
@click.option(
    "--root",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False, path_type=str),
    help="The package folder: its sources/*.txt are read, its data/, schemas/ and datapackage.yaml written.",
)
@click.option("--charts/--no-charts", default=True, show_default=True, help="Draw an SVG chart of each recorded vote.")
@_reports_errors
def build(root: str, charts: bool) -> None:
    """Parse every sources/*.txt and write data/, schemas/ and datapackage.yaml (and .json).

    The files are written to a temporary folder and then moved into place:
    a build that fails leaves the previous files untouched. A progress bar
    shows on a terminal, not in CI.
    """
    from unres.build import build as build_package

    result = build_package(root, charts=charts, progress=_progress_bar)
    click.echo(
        f"unres: built {result.resolutions} resolution(s) from {result.sources} source(s) "
        f"into {len(result.files)} file(s)",
        err=True,
    )


@main.group()
def export() -> None:
    """Write the package in another shape: a SQLite database, or the UN Digital Library vote layout."""


@export.command("sqlite")
@click.argument("out", type=click.Path(dir_okay=False, path_type=str))
@click.option("--package", "descriptor", default="datapackage.yaml", show_default=True, help="The package to export.")
@_reports_errors
def export_sqlite(out: str, descriptor: str) -> None:
    """Write the package's tables to the SQLite database OUT, with primary and foreign keys.

    Foreign keys are declared in the schema; SQLite enforces them on connections
    that turn them on (PRAGMA foreign_keys = ON; datasette and sqlite-utils do).
    """
    from unres.export import export_sqlite as write

    counts = write(descriptor, out)
    click.echo(f"unres: wrote {', '.join(f'{n} {t}' for t, n in counts.items())} to {out}", err=True)


@export.command("undl")
@click.argument("out", type=click.Path(dir_okay=False, path_type=str))
@click.option("--package", "descriptor", default="datapackage.yaml", show_default=True, help="The package to export.")
@_reports_errors
def export_undl(out: str, descriptor: str) -> None:
    """Write the recorded votes to the CSV file OUT in the UN Digital Library layout.

    One row per member of the body that year: ms_vote Y, N, A, or X for a member
    that did not vote; voeten_vote codes them as Voeten does (1 yes, 2 abstain,
    3 no, 8 absent, 9 not a member).
    """
    from unres.export import export_undl as write

    rows = write(descriptor, out)
    click.echo(f"unres: wrote {rows} vote row(s) to {out}", err=True)


@main.command()
@click.argument("descriptor", default="datapackage.yaml", type=click.Path(path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text for people (colour on a terminal), json for machines ({valid, errors, warnings}), "
    "github for GitHub Actions annotations.",
)
@click.option("--max-errors", type=click.IntRange(min=1), default=None, help="Stop after this many errors.")
def validate(descriptor: str, output_format: str, max_errors: int | None) -> None:
    """Check the data package DESCRIPTOR (default: datapackage.yaml).

    Runs frictionless's structural validation, checks each JSON resource
    against its JSON Schema, and every consistency rule (`unres rules`),
    including that the data is what the source texts say. Exit code 0 if
    valid, 1 if not, 2 if the package cannot be read at all.
    """
    from unres.errors import InputError
    from unres.validate import unusable
    from unres.validate import validate as validate_package

    try:
        report = validate_package(descriptor, max_errors=max_errors)
    except InputError as error:
        if output_format == "text":
            _fail(error)
        # Machines still get a report in their format, with the descriptor error.
        report = unusable(descriptor, error)
        click.echo(report.to_json() if output_format == "json" else report.to_github())
        sys.exit(EXIT_UNUSABLE)
    except (Exception, KeyboardInterrupt) as error:
        _fail(error)
    if output_format == "json":
        click.echo(report.to_json())
    elif output_format == "github":
        click.echo(report.to_github())
    else:
        click.echo(report.to_text(colour=sys.stdout.isatty()))
    if not report.valid:
        sys.exit(EXIT_INVALID)


@main.command()
def rules() -> None:
    """List the validator's rules: code and what each one checks."""
    from unres.validate import RULES

    width = max(len(code) for code in RULES)
    for code, rule in RULES.items():
        click.echo(f"{code:<{width}}  {rule.summary}")
