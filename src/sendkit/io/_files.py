"""Opening, decoding and writing files: the helpers every reader and writer uses.

Conventions:

* Every problem with a file is a `FileError`: one line that names the file
  and says what is wrong and what is accepted. It never quotes a cell.
* Text files are decoded by `open_text`: UTF-8 with or without a byte-order
  mark, UTF-16 with a byte-order mark, and Windows-1252 (what Excel for
  Windows saves as "CSV") when the bytes are not UTF-8. A file with NUL
  bytes and no UTF-16 mark is refused as binary.
* Writers go through `atomic_write` / `save_atomic`: the new content goes to
  a temporary file in the same folder, which then replaces the target in one
  `os.replace`; if anything fails, the old file is left whole and the
  temporary file is removed.
* `check_output` is what the command line calls before any work: it refuses
  to replace an existing file without ``force``, and refuses outright to
  write over a file the command is reading.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import os
import pathlib
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Final

from ..errors import InvalidInputError
from ._progress import counted

__all__ = [
    "CELL_LIMIT",
    "MAX_SHOWN",
    "FileError",
    "atomic_write",
    "check_input",
    "check_output",
    "csv_rows",
    "cut",
    "detect_encoding",
    "open_text",
    "read_text",
    "save_atomic",
    "write_text",
]

#: Longest piece of text from a file shown in a message; longer is cut.
MAX_SHOWN: Final = 60
#: Bytes looked at to recognise a byte-order mark or a binary file.
_SNIFF: Final = 4096
#: Bytes decoded at a time when checking that a file is UTF-8.
_CHUNK: Final = 1 << 20


class FileError(InvalidInputError):
    """A file that cannot be read or written at all.

    The message is one line: the file's name, what is wrong and, where it
    helps, what is accepted.

    Attributes:
        path: The file, as given.
        reason: What is wrong, without the file's name.
        writing: Whether the file was being written (the message then
            starts "cannot write").
    """

    def __init__(
        self, path: str | os.PathLike[str], reason: str, *, writing: bool = False
    ) -> None:
        shown = os.fspath(path)
        if writing:
            super().__init__(f"cannot write {shown!r}: {reason}")
        else:
            super().__init__(f"{shown!r} {reason}")
        self.path = shown
        self.reason = reason


def cut(text: str, limit: int = MAX_SHOWN) -> str:
    """Return *text* on one line, cut to *limit* characters with an ellipsis.

    Examples:
        >>> cut("a" * 100, 10)
        'aaaaaaaaa…'
        >>> cut("two   spaced  words")
        'two spaced words'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def os_reason(exc: OSError) -> str:
    """Say in a few words why the operating system refused a file."""
    if isinstance(exc, FileNotFoundError):
        return "does not exist"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "cannot be opened (permission denied)"
    return f"cannot be opened ({exc.strerror or type(exc).__name__})"


def check_input(path: str | os.PathLike[str], *, accepted: str) -> pathlib.Path:
    """Return *path* if it is an existing regular file, else raise `FileError`.

    Args:
        path: The file to read.
        accepted: What the command reads, for the message (".csv or .xlsx file").
    """
    file = pathlib.Path(path)
    try:
        if not file.exists():
            reason = "does not exist"
        elif file.is_dir():
            reason = f"is a folder, not a file; give a {accepted}"
        elif not file.is_file():
            reason = f"is not a regular file; give a {accepted}"
        else:
            return file
    except OSError as exc:
        reason = os_reason(exc)
    raise FileError(path, reason)


def _same_file(a: pathlib.Path, b: pathlib.Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def check_output(
    path: str | os.PathLike[str],
    *,
    force: bool,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> pathlib.Path:
    """Refuse an output path before any work is done.

    Args:
        path: Where the command will write.
        force: Whether ``--force`` was given (replace an existing file).
        inputs: The files the command reads; writing over one of them is
            refused even with ``force``.

    Returns:
        The output path.

    Raises:
        FileError: *path* is one of *inputs*, is a folder, or exists and
            *force* is false.
    """
    file = pathlib.Path(path)
    for given in inputs:
        if given is not None and _same_file(file, pathlib.Path(given)):
            reason = (
                "it is the file being read; give another output file "
                "(nothing was written)"
            )
            raise FileError(path, reason, writing=True)
    if file.is_dir():
        raise FileError(path, "it is a folder; give a file name", writing=True)
    if file.exists() and not force:
        raise FileError(path, "already exists; give --force to replace it")
    if not file.parent.is_dir():
        raise FileError(path, "its folder does not exist", writing=True)
    return file


def _temporary(file: pathlib.Path) -> tuple[int, pathlib.Path]:
    """Create an empty temporary file next to *file*; return its descriptor."""
    try:
        descriptor, name = tempfile.mkstemp(
            dir=file.parent, prefix=f".{file.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise FileError(file, _why(exc), writing=True) from None
    return descriptor, pathlib.Path(name)


def _why(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "its folder does not exist"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or type(exc).__name__


def _finish(temporary: pathlib.Path, file: pathlib.Path) -> None:
    """Give the temporary file the usual permissions, then move it into place."""
    mask = os.umask(0)
    os.umask(mask)
    try:
        mode = file.stat().st_mode & 0o7777 if file.exists() else 0o666 & ~mask
        temporary.chmod(mode)
    except OSError:
        pass  # best effort: the content matters more than the mode bits
    temporary.replace(file)


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    newline: str | None = "",
) -> Iterator[IO[str]]:
    """Open a text file for writing that appears at *path* only when complete.

    The text goes to a temporary file in the same folder; when the block ends
    without an error the file is flushed to disk and renamed over *path*.
    On any error (a full disk, Ctrl-C, a bug) the temporary file is removed
    and *path*, if it existed, is left exactly as it was.

    Raises:
        FileError: The folder is missing or not writable, or writing failed;
            the message says the old file is unchanged.
    """
    file = pathlib.Path(path)
    descriptor, temporary = _temporary(file)
    try:
        with open(  # noqa: PTH123 - a descriptor, not a path
            descriptor, "w", encoding=encoding, newline=newline
        ) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _finish(temporary, file)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        reason = f"{_why(exc)}; {_unchanged(file)}"
        raise FileError(path, reason, writing=True) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _unchanged(file: pathlib.Path) -> str:
    return "the old file is unchanged" if file.exists() else "nothing was written"


def write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8"
) -> None:
    """Write *text* to *path* atomically (see `atomic_write`)."""
    with atomic_write(path, encoding=encoding, newline=None) as handle:
        handle.write(text)


def save_atomic(
    path: str | os.PathLike[str], save: Callable[[pathlib.Path], None]
) -> None:
    """Call ``save(temporary_path)``, then move the result to *path*.

    For writers that insist on a path of their own, such as openpyxl's
    ``Workbook.save``. On any error the temporary file is removed and *path*
    is left as it was.

    Raises:
        FileError: The folder is missing or not writable, or saving failed
            with an operating-system error.
    """
    file = pathlib.Path(path)
    descriptor, temporary = _temporary(file)
    os.close(descriptor)
    try:
        save(temporary)
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        _finish(temporary, file)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        reason = f"{_why(exc)}; {_unchanged(file)}"
        raise FileError(path, reason, writing=True) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# -- reading text ----------------------------------------------------------------

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: What `open_text` accepts, for messages.
TEXT_ENCODINGS: Final = (
    "UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, "
    "or Windows-1252 as Excel for Windows saves CSV"
)


def detect_encoding(path: str | os.PathLike[str]) -> str:
    """Return the encoding to read a text file with (see `open_text`).

    The whole file is checked for UTF-8 a megabyte at a time, so memory does
    not grow with the file.

    Raises:
        FileError: The file cannot be opened, is not UTF-8 and holds NUL or
            other control bytes (a binary file), or is neither UTF-8 nor
            Windows-1252.
    """
    try:
        with pathlib.Path(path).open("rb") as handle:
            head = handle.read(_SNIFF)
            for mark, encoding in _BOMS:
                if head.startswith(mark):
                    return encoding
            handle.seek(0)
            decoder = codecs.getincrementaldecoder("utf-8")()
            try:
                while chunk := handle.read(_CHUNK):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                pass
            else:
                return "utf-8"
            if _looks_binary(head):
                reason = f"is not text (it holds binary data); give {_TEXT_FILE}"
                raise FileError(path, reason)
            handle.seek(0)
            cp1252 = codecs.getincrementaldecoder("cp1252")()
            try:
                while chunk := handle.read(_CHUNK):
                    cp1252.decode(chunk)
            except UnicodeDecodeError:
                reason = f"is not text in an encoding sendkit reads ({TEXT_ENCODINGS})"
                raise FileError(path, reason) from None
            return "cp1252"
    except OSError as exc:
        raise FileError(path, os_reason(exc)) from None


_TEXT_FILE: Final = "a CSV text file"
#: Control bytes that never appear in text (everything below a space but
#: tab, line feed, form feed and carriage return).
_CONTROL: Final = frozenset(range(32)) - {9, 10, 12, 13}


def _looks_binary(head: bytes) -> bool:
    """Whether bytes that are not UTF-8 are binary rather than Windows-1252 text.

    Text holds no NUL, and hardly any other control byte.
    """
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return controls * 100 > len(head)  # more than 1 in 100


def open_text(path: str | os.PathLike[str]) -> IO[str]:
    """Open a text file for reading, decoded as `detect_encoding` decides.

    The handle is opened with ``newline=""`` as the `csv` module wants, and
    reads lazily, so rows can be streamed.

    Raises:
        FileError: See `detect_encoding`.
    """
    encoding = detect_encoding(path)
    try:
        return pathlib.Path(path).open(encoding=encoding, newline="")
    except OSError as exc:
        raise FileError(path, os_reason(exc)) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Return the whole text of a file, decoded as `open_text` does."""
    with open_text(path) as handle:
        try:
            return handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise FileError(path, f"cannot be read ({type(exc).__name__})") from None


#: The `csv` module's limit on one cell, in characters (its default).
CELL_LIMIT: Final = 131_072


def csv_rows(path: str | os.PathLike[str]) -> Iterator[list[str]]:
    """Yield the records of a CSV file one at a time, decoded by `open_text`.

    Memory follows the longest record, not the file. A damaged file stops
    with a `FileError` naming the row (a cell over `CELL_LIMIT` characters,
    a stray quote), never with the cell's text.

    Raises:
        FileError: See `detect_encoding`; or the file is not CSV.
    """
    with open_text(path) as handle:
        yield from counted(_records(path, handle), f"reading {pathlib.Path(path).name}")


def _records(path: str | os.PathLike[str], handle: IO[str]) -> Iterator[list[str]]:
    reader = csv.reader(handle)
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise FileError(path, _csv_reason(exc, reader.line_num)) from None
        except UnicodeDecodeError:
            reason = f"cannot be decoded near line {reader.line_num + 1}"
            raise FileError(path, reason) from None
        yield record


def _csv_reason(exc: csv.Error, line: int) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return (
            f"line {line}: a cell is longer than {CELL_LIMIT:,} characters, "
            "which no column sendkit reads needs; is this the right file?"
        )
    return f"line {line}: is not readable as CSV ({cut(text)})"
