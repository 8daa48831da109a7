"""The ``sendkit`` command line: a thin adapter over the library.

Each family of commands lives in its own module with a ``register(subparsers)``
function; `main` wires them together. Input errors (an impossible date, an
unknown region or rule) print one line on stderr and exit with code 2, never a
traceback. Nothing here reads the clock: commands that depend on the date take
``--as-of``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from ..errors import SendkitError
from . import _benchmark, _demo, _ehc, _inspections, _plans, _rules, _workdays
from ._common import progress, warnings_to_stderr

__all__ = ["main"]

#: Modules that add subcommands, in the order they appear in ``--help``.
_FAMILIES = [_demo, _workdays, _rules, _inspections, _ehc, _plans, _benchmark]

EXIT_OK = 0
EXIT_INPUT = 2
#: Stopped with Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_INPUT, f"sendkit: {message}\n")


def _version_line() -> str:
    """``sendkit 0.1.0 (sendkit-england)``: what ``sendkit --version`` prints."""
    try:
        release = version("sendkit-england")
    except PackageNotFoundError:  # pragma: no cover - a bare checkout
        release = "(not installed)"
    return f"sendkit {release} (distribution sendkit-england)"


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for every ``sendkit`` subcommand."""
    parser = _Parser(
        prog="sendkit",
        description=(
            "Working days, statutory time limits, area SEND inspections, "
            "action plans and EHC timeliness."
        ),
    )
    parser.add_argument("--version", action="version", version=_version_line())
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser
    )
    for family in _FAMILIES:
        family.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors and --help: report the code, don't exit
        return exc.code if isinstance(exc.code, int) else EXIT_INPUT
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_INPUT
    try:
        with warnings_to_stderr(), progress(args):
            code: int = args.handler(args)
        sys.stdout.flush()
    except SendkitError as exc:
        print(f"sendkit: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("sendkit: stopped by Ctrl-C", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`sendkit ... | head`): stop quietly, and point
        # stdout at nothing so the interpreter's final flush cannot fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return code
