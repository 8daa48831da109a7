"""``sendkit ehc due FILE --as-of DATE --html OUT``: the worklist as a page.

`register` adds ``--html`` to the ``ehc due`` command and checks the output
path before any work: an existing file is refused without ``--force``, and
the caseload being read is refused even with it (one line, exit code 2).
``ehc due`` then writes the page atomically and prints the worklist's summary
line instead of every row. The page is built by
`sendkit.reports.render_worklist`, on the layout every sendkit page shares.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..errors import InvalidInputError
from ._common import output_path

__all__ = ["register"]

_OTHER_OUTPUTS = ("json", "csv", "xlsx")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``--html OUT`` to ``ehc due`` (when that command is registered)."""
    due = commands.choices.get("due")
    if due is None:
        return
    due.add_argument(
        "--html",
        metavar="OUT",
        help="write the worklist as one HTML page, to print or read on a phone",
    )
    due.set_defaults(handler=_checked(due.get_default("handler")))


def _checked(handler: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    def run(args: argparse.Namespace) -> int:
        if getattr(args, "html", None):
            if any(getattr(args, name, None) for name in _OTHER_OUTPUTS):
                msg = "give one of --json, --csv, --xlsx or --html"
                raise InvalidInputError(msg)
            output_path(args.html, force=args.force, inputs=[args.file, args.rules])
        return handler(args)

    return run
