"""``sendkit ehc timeliness FILE --year YYYY --html OUT``: the measure as a page.

The options are added to the ``timeliness`` command by `add_html_options`;
`write_timeliness_page` writes the page. An existing file is refused without
``--force`` before any work is done, and the page is written atomically
(io's `write_page`: a temporary file in the same folder, then renamed), so
an interrupted write never leaves half a page.
"""

from __future__ import annotations

import argparse
import pathlib

from ..ehc import Timeliness
from ..io import CaseFile
from ..reports import render_timeliness
from ._common import output_path, write_page

__all__ = ["add_html_options", "check_html_output", "write_timeliness_page"]


def add_html_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--html OUT`` to the timeliness command (``--force`` is the command's own)."""
    parser.add_argument(
        "--html",
        metavar="OUT",
        help="also write the measure as one HTML page: a monthly chart beside England",
    )


def check_html_output(args: argparse.Namespace) -> None:
    """Refuse the outputs before any work: ``--html`` and ``--cases-behind``.

    An existing file needs ``--force``; a file the command reads (the
    caseload, ``--rules``, ``--dfe``) or a folder is refused even with it, and
    so are two outputs naming the same file.
    """
    inputs = [args.file, getattr(args, "rules", None), *getattr(args, "dfe", [])]
    outputs = [
        path
        for path in (getattr(args, "html", None), getattr(args, "cases_behind", None))
        if path
    ]
    for number, path in enumerate(outputs):
        output_path(path, force=args.force, inputs=[*inputs, *outputs[:number]])


def write_timeliness_page(
    args: argparse.Namespace, result: Timeliness, read: CaseFile
) -> None:
    """Write the page for ``--html`` (atomically) and say so on stdout."""
    path = pathlib.Path(args.html)
    page = render_timeliness(
        result, source=pathlib.Path(read.source).name, cases_read=len(read.cases)
    )
    write_page(path, page)
    print(f"Wrote {path} (one self-contained HTML page).")
