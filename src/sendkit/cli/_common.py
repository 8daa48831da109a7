"""Argument types and options shared by the ``sendkit`` subcommands."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import pathlib
import sys
import warnings
from collections.abc import Iterator
from typing import Any

from ..calendars import DEFAULT_REGION, REGIONS
from ..dates import parse_date
from ..errors import InvalidInputError, SendkitError, SendkitWarning


def date_arg(text: str) -> dt.date:
    """Parse a command-line date (``YYYY-MM-DD`` or ``DD/MM/YYYY``)."""
    try:
        return parse_date(text)
    except SendkitError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def int_arg(text: str) -> int:
    """Parse a whole number, with a plain message when it is not one."""
    try:
        return int(text)
    except ValueError:
        msg = f"{text!r} is not a whole number"
        raise argparse.ArgumentTypeError(msg) from None


def add_calendar_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--region`` and ``--closure`` to *parser*."""
    parser.add_argument(
        "--region",
        default=DEFAULT_REGION,
        help=f"bank-holiday region: {', '.join(REGIONS)} (default: {DEFAULT_REGION})",
    )
    parser.add_argument(
        "--closure",
        action="append",
        type=date_arg,
        default=[],
        metavar="DATE",
        help="a local closure day to skip as well (not statutory); repeatable",
    )


def print_json(value: Any) -> None:
    """Print *value* as indented JSON on stdout."""
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


@contextlib.contextmanager
def warnings_to_stderr() -> Iterator[None]:
    """Show sendkit's warnings raised inside as one line each on stderr, once.

    Other warnings pass through unchanged. Officers see
    ``sendkit: warning: ...`` rather than a file name and a line of source.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SendkitWarning)
        yield
    seen: set[str] = set()
    for warning in caught:
        if not issubclass(warning.category, SendkitWarning):
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
            continue
        text = str(warning.message)
        if text not in seen:
            seen.add(text)
            print(f"sendkit: warning: {text}", file=sys.stderr)


def write_page(path: pathlib.Path, page: str) -> None:
    """Write an HTML page; a path that cannot be written is a one-line error."""
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        msg = f"cannot write {str(path)!r}: {exc.strerror}"
        raise InvalidInputError(msg) from None
