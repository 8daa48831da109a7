"""``sendkit ehc timeliness FILE --year YYYY --html OUT``: the measure as a page.

The options are added to the ``timeliness`` command by `add_html_options`;
`write_timeliness_page` writes the page. An existing file is refused without
``--force`` before any work is done, and the page is written atomically:
to a temporary file in the same folder, then renamed, so an interrupted
write never leaves half a page.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pathlib
import tempfile

from ..ehc import CaseFile, Timeliness
from ..errors import InvalidInputError
from ..reports import render_timeliness

__all__ = ["add_html_options", "check_html_output", "write_timeliness_page"]


def add_html_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--html OUT`` to the timeliness command (``--force`` is the command's own)."""
    parser.add_argument(
        "--html",
        metavar="OUT",
        help="also write the measure as one HTML page: a monthly chart beside England",
    )


def check_html_output(args: argparse.Namespace) -> None:
    """Refuse ``--html`` before any work: an existing file without ``--force``.

    The caseload file itself and a folder are refused even with ``--force``.
    """
    if not getattr(args, "html", None):
        return
    path = pathlib.Path(args.html)
    if path.exists() and path.resolve() == pathlib.Path(args.file).resolve():
        msg = f"{args.html!r} is the file being read; give another output file"
        raise InvalidInputError(msg)
    if path.is_dir():
        msg = f"{args.html!r} is a folder; give a file name"
        raise InvalidInputError(msg)
    if path.exists() and not args.force:
        msg = f"{args.html!r} already exists; give --force to replace it"
        raise InvalidInputError(msg)


def _write_atomic(path: pathlib.Path, text: str) -> None:
    # A local stand-in for the io layer's shared atomic writer.
    folder = path.parent if str(path.parent) else pathlib.Path()
    try:
        descriptor, name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=folder
        )
    except OSError as exc:
        msg = f"cannot write {str(path)!r}: {exc.strerror}; nothing was written"
        raise InvalidInputError(msg) from None
    temporary = pathlib.Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            temporary.chmod(0o644)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        msg = f"cannot write {str(path)!r}: {exc.strerror}; the old file is unchanged"
        raise InvalidInputError(msg) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_timeliness_page(
    args: argparse.Namespace, result: Timeliness, read: CaseFile
) -> None:
    """Write the page for ``--html`` and say so on stdout."""
    path = pathlib.Path(args.html)
    page = render_timeliness(
        result, source=pathlib.Path(read.source).name, cases_read=len(read.cases)
    )
    _write_atomic(path, page)
    print(f"Wrote {path} (one self-contained HTML page).")
