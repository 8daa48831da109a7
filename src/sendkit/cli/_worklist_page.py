"""``sendkit ehc due FILE --as-of DATE --html OUT``: the worklist as a page.

`register` adds ``--html`` to the ``ehc due`` command and checks the output
path before any work: an existing file is refused without ``--force``, and
the caseload being read is refused even with it (one line, exit code 2).
`write_worklist_page` writes the page atomically and prints the worklist's
summary line instead of every row. The page is built by
`sendkit.reports.render_worklist`, on the layout every sendkit page shares.
"""

from __future__ import annotations

import argparse
import pathlib
from collections.abc import Callable
from typing import Any

from ..ehc import Worklist
from ..errors import InvalidInputError
from ..reports import render_worklist
from ._common import output_path, write_page

__all__ = ["register", "write_worklist_page"]

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


def write_worklist_page(args: argparse.Namespace, work: Worklist, read: Any) -> int:
    """Write ``--html``'s page and print the worklist's summary line; exit code."""
    from ._caseload import _print  # noqa: PLC0415 - the summary line, shared

    page = render_worklist(work, source=read.source, soon_days=args.soon_days)
    write_page(pathlib.Path(args.html), page)  # checked by `register`'s wrapper
    _print(work, read, rows=False)
    return 0
