"""Argument types and options shared by the ``sendkit`` subcommands."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import pathlib
import sys
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from ..calendars import DEFAULT_REGION, REGIONS
from ..dates import parse_date
from ..errors import SendkitError, SendkitWarning
from ..io._files import check_output, write_text
from ..io._progress import reporting


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


def add_force_option(
    parser: argparse.ArgumentParser, what: str = "output file"
) -> None:
    """Add ``--force``: replace an existing output file (never one being read)."""
    parser.add_argument(
        "--force",
        action="store_true",
        help=f"replace the {what} if it exists (never a file being read)",
    )


def output_path(
    path: str | os.PathLike[str] | None,
    *,
    force: bool,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> pathlib.Path | None:
    """Check an output path before any work; ``None`` when there is none.

    Refuses a file that exists unless *force*, and always refuses a file the
    command reads (*inputs*), with one line and exit code 2.
    """
    if path is None:
        return None
    return check_output(path, force=force, inputs=inputs)


def write_page(path: pathlib.Path, page: str) -> None:
    """Write an HTML page atomically; a failure is a one-line error.

    The caller checked *path* with `output_path` first.
    """
    write_text(path, page, encoding="utf-8")


def add_quiet_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--quiet``: no progress lines on stderr while reading."""
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress on stderr (shown only on a terminal anyway)",
    )


def add_window_options(parser: argparse.ArgumentParser, *, soon: str) -> None:
    """Add ``--within DAYS`` and ``--soon-days DAYS`` (default 14) for a worklist.

    *soon* is how the command's output names the due-soon status.
    """
    parser.add_argument(
        "--within",
        type=int_arg,
        metavar="DAYS",
        help="only steps overdue or due within DAYS days",
    )
    parser.add_argument(
        "--soon-days",
        type=int_arg,
        default=14,
        metavar="DAYS",
        help=f"steps due within DAYS days are {soon!r} (default 14)",
    )


@contextlib.contextmanager
def progress(args: argparse.Namespace) -> Iterator[None]:
    """Show progress on stderr when it is a terminal and not ``--quiet``.

    One line, rewritten in place; piped or redirected output never gets it.
    """
    stream = sys.stderr
    wanted = not getattr(args, "quiet", False) and stream.isatty()
    if not wanted:
        with reporting(None):
            yield
        return

    open_line = False

    def report(text: str, final: bool) -> None:
        nonlocal open_line
        stream.write(f"\rsendkit: {text}" + ("\n" if final else ""))
        stream.flush()
        open_line = not final

    try:
        with reporting(report):
            yield
    finally:
        if open_line:  # stopped part way (Ctrl-C, an error): end the line
            stream.write("\n")
            stream.flush()
