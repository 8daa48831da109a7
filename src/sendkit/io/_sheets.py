"""Read the sheets of a CSV, ODS or XLSX file as rows of plain cell values.

This is the only module here that knows file formats. Each sheet comes back as
`Row` values, numbered as a spreadsheet numbers them (the first row is 1), with
empty rows left out but still counted, so a reported row number is the one an
officer sees on screen.

`stream_sheets` reads a file one row at a time, so memory follows the rows a
reader keeps, not the file's size; `read_sheets` keeps every row (for small
files and tests).

ODS is read with the standard library alone (``zipfile`` and
``xml.etree.ElementTree.iterparse``, each row dropped once read): repeated
cells and rows (``number-columns-repeated``, ``number-rows-repeated``) are
expanded only when something follows them, because real files end every row
with 16,000 repeated empty cells and the sheet with a million empty rows.
XLSX needs openpyxl (read-only mode, rows streamed), imported only when an
XLSX file is read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import pathlib
import re
import zipfile
from collections.abc import Generator, Iterator
from typing import IO, Any, Final
from xml.etree import ElementTree as ET

import attrs

from ..errors import InvalidInputError
from ._files import csv_rows, cut

__all__ = ["Cell", "Row", "Sheet", "SheetRows", "read_sheets", "stream_sheets"]

#: A cell's value: text, a date, a number, a boolean, or None when empty.
Cell = str | dt.date | float | int | bool | None

_TABLE: Final = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE: Final = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT: Final = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_XLINK: Final = "http://www.w3.org/1999/xlink"
_ODS_MIME: Final = "application/vnd.oasis.opendocument.spreadsheet"

#: Beyond this, repeated cells with content are not expanded further: no
#: sendkit table comes near, and a hostile file must not exhaust memory.
MAX_COLUMNS: Final = 1_000
#: A row numbered beyond this (Excel's last row) is refused with one line:
#: a hostile ODS file can repeat one row without end.
MAX_ROWS: Final = 1_048_576

_HYPERLINK: Final = re.compile(r'HYPERLINK\(\s*"([^"]+)"', re.IGNORECASE)


@attrs.frozen(kw_only=True)
class Row:
    """One non-empty row of a sheet.

    Attributes:
        number: The row's number as a spreadsheet shows it (1 is the first row).
        values: The cell values from column A on; trailing empty cells dropped.
        links: Web addresses behind cells, by 0-based column index, where the
            file records them (ODS hyperlinks and ``HYPERLINK`` formulas).
    """

    number: int
    values: tuple[Cell, ...]
    links: tuple[tuple[int, str], ...] = ()


@attrs.frozen(kw_only=True)
class Sheet:
    """The non-empty rows of one sheet.

    Attributes:
        name: The sheet's name; the file's name for a CSV file.
        rows: The non-empty rows, in order.
    """

    name: str
    rows: tuple[Row, ...]


@attrs.frozen(kw_only=True)
class SheetRows:
    """One sheet being read: its name, and its rows as they are read.

    Attributes:
        name: The sheet's name; the file's name for a CSV file.
        rows: The non-empty rows, in order, read on demand. Read them (or
            leave them) before asking `stream_sheets` for the next sheet.
        null_date: For an ODS file, the day its numbers count from when a
            number stands for a date (``table:null-date``; Calc's default is
            30 December 1899, as Excel's 1900 system from March 1900);
            ``None`` for other files.
    """

    name: str
    rows: Iterator[Row]
    null_date: dt.date | None = None


def read_sheets(path: str | pathlib.Path) -> tuple[Sheet, ...]:
    """Read every sheet of a ``.csv``, ``.ods`` or ``.xlsx``/``.xlsm`` file.

    Every row is kept in memory; `stream_sheets` reads one row at a time.

    Raises:
        InvalidInputError: The path is missing, a directory or not a regular
            file, the file is of another type, or it is not readable as the
            type its name says. The message is always one line.
    """
    with contextlib.closing(stream_sheets(path)) as sheets:
        return tuple(Sheet(name=one.name, rows=tuple(one.rows)) for one in sheets)


def stream_sheets(path: str | pathlib.Path) -> Generator[SheetRows]:
    """Yield the sheets of a ``.csv``, ``.ods`` or ``.xlsx``/``.xlsm`` file.

    Each sheet's rows are read as they are iterated, and a sheet's rows must
    be read before the next sheet is asked for (what is left is skipped).
    Close the generator (``contextlib.closing``) when done early: it holds
    the file open.

    Raises:
        InvalidInputError: The path is missing, a directory or not a regular
            file, the file is of another type, or it is not readable as the
            type its name says; while rows are read, a damaged sheet. The
            message is always one line.
    """
    path = pathlib.Path(path)
    _check_is_file(path)
    suffix = path.suffix.lower()
    if suffix in {".csv", ".txt"}:
        yield SheetRows(name=path.name, rows=_csv_rows(path))
        return
    if suffix == ".ods":
        yield from _stream_ods(path)
        return
    if suffix in {".xlsx", ".xlsm"}:
        yield from _stream_xlsx(path)
        return
    msg = f"file {path.name!r} is not a .csv, .ods or .xlsx file"
    raise InvalidInputError(msg)


def _check_is_file(path: pathlib.Path) -> None:
    """Refuse a path that is not an existing regular file, saying what it is."""
    shown = str(path)
    try:
        if not path.exists():
            msg = f"file {shown!r} does not exist"
        elif path.is_dir():
            msg = (
                f"{shown!r} is a directory, not a file; give a .csv, .ods or .xlsx file"
            )
        elif not path.is_file():
            msg = f"{shown!r} is not a regular file; give a .csv, .ods or .xlsx file"
        else:
            return
    except OSError as exc:
        msg = f"file {shown!r} cannot be opened: {_one_line(exc)}"
    raise InvalidInputError(msg)


def _one_line(exc: BaseException) -> str:
    """The exception's text on one line (file errors are reported one per line)."""
    return cut(str(exc)) or type(exc).__name__


def _csv_rows(path: pathlib.Path) -> Iterator[Row]:
    for number, record in enumerate(csv_rows(path), 1):
        values = _trim(tuple(cell if cell.strip() else None for cell in record))
        if values:
            yield Row(number=number, values=values)


def _trim(values: tuple[Cell, ...]) -> tuple[Cell, ...]:
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    return values[:end]


_TABLE_TAG: Final = f"{{{_TABLE}}}table"
_NULL_DATE_TAG: Final = f"{{{_TABLE}}}null-date"
#: Calc's day 0 when a file does not say otherwise (ODF 1.2, table:null-date).
ODS_NULL_DATE: Final = dt.date(1899, 12, 30)
_ROW_TAG: Final = f"{{{_TABLE}}}table-row"


class _OdsEvents:
    """The parse events of an ODS file's content.xml, with the open elements."""

    def __init__(self, path: pathlib.Path, handle: _Checked) -> None:
        self.path = path
        # Python's expat refuses entity-expansion bombs (since 3.7.1 / expat 2.4).
        self._events = ET.iterparse(handle, events=("start", "end"))  # noqa: S314
        self.open: list[ET.Element] = []

    def next(self) -> tuple[str, ET.Element] | None:
        try:
            event, element = next(self._events)
        except StopIteration:
            return None
        except ET.ParseError as exc:
            msg = f"file {self.path.name!r} has a damaged content.xml: {_one_line(exc)}"
            raise InvalidInputError(msg) from None
        if event == "start":
            self.open.append(element)
        else:
            self.open.pop()
        return event, element

    def drop(self, element: ET.Element) -> None:
        """Forget a finished element, so memory does not grow with the file."""
        if self.open:
            with contextlib.suppress(ValueError):
                self.open[-1].remove(element)
        element.clear()


def _open_content(path: pathlib.Path, archive: zipfile.ZipFile) -> IO[bytes]:
    """Check the file is an ODS spreadsheet and open its content.xml."""
    try:
        if "mimetype" in archive.namelist():
            mime = archive.read("mimetype").decode("ascii", "replace").strip()
            if mime != _ODS_MIME:
                msg = f"file {path.name!r} is not an ODS spreadsheet (its type is {mime!r})"
                raise InvalidInputError(msg)
        return archive.open("content.xml")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
        msg = f"file {path.name!r} is not a readable ODS spreadsheet: {_one_line(exc)}"
        raise InvalidInputError(msg) from None


def _stream_ods(path: pathlib.Path) -> Iterator[SheetRows]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        msg = f"file {path.name!r} is not a readable ODS spreadsheet: {_one_line(exc)}"
        raise InvalidInputError(msg) from None
    with archive, _open_content(path, archive) as handle:
        events = _OdsEvents(path, _Checked(path, handle))
        null_date = ODS_NULL_DATE  # table:calculation-settings come before the tables
        while (item := events.next()) is not None:
            event, element = item
            if event == "end" and element.tag == _NULL_DATE_TAG:
                null_date = _null_date(element)
            if event != "start" or element.tag != _TABLE_TAG:
                continue
            done: list[bool] = []
            yield SheetRows(
                name=element.get(f"{{{_TABLE}}}name", ""),
                rows=_ods_rows(events, element, done),
                null_date=null_date,
            )
            while not done and (item := events.next()) is not None:
                if item[1] is element and item[0] == "end":
                    break
                if item[0] == "end" and item[1].tag == _ROW_TAG:
                    events.drop(item[1])
            events.drop(element)


def _null_date(element: ET.Element) -> dt.date:
    """The day of a ``table:null-date`` element (its ``table:date-value``)."""
    raw = element.get(f"{{{_TABLE}}}date-value", "")
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        return ODS_NULL_DATE


class _Checked:
    """A zip member's stream whose read errors become one-line file errors."""

    def __init__(self, path: pathlib.Path, handle: IO[bytes]) -> None:
        self._path = path
        self._handle = handle

    def read(self, size: int = -1) -> bytes:
        try:
            return self._handle.read(size)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            msg = f"file {self._path.name!r} is not a readable ODS spreadsheet: {_one_line(exc)}"
            raise InvalidInputError(msg) from None


def _ods_rows(events: _OdsEvents, table: ET.Element, done: list[bool]) -> Iterator[Row]:
    number = 0
    while (item := events.next()) is not None:
        event, row = item
        if event != "end":
            continue
        if row is table:
            done.append(True)
            return
        if row.tag != _ROW_TAG:
            continue
        repeat = _repeat(row, "number-rows-repeated")
        values, links = _ods_cells(row)
        events.drop(row)
        if not values:
            number += repeat
            continue
        if number + repeat > MAX_ROWS:
            msg = (
                f"file {events.path.name!r} has rows beyond row {MAX_ROWS:,}, the "
                "last a spreadsheet has; split the file"
            )
            raise InvalidInputError(msg)
        for _ in range(repeat):
            number += 1
            yield Row(number=number, values=values, links=links)
    done.append(True)


def _repeat(element: ET.Element, name: str) -> int:
    try:
        return max(1, int(element.get(f"{{{_TABLE}}}{name}", "1")))
    except ValueError:
        return 1


def _ods_cells(row: ET.Element) -> tuple[tuple[Cell, ...], tuple[tuple[int, str], ...]]:
    values: list[Cell] = []
    links: list[tuple[int, str]] = []
    pending = 0  # empty cells not yet written: written only if content follows
    for cell in row:
        if cell.tag not in {
            f"{{{_TABLE}}}table-cell",
            f"{{{_TABLE}}}covered-table-cell",
        }:
            continue
        repeat = _repeat(cell, "number-columns-repeated")
        value = _ods_value(cell)
        link = _ods_link(cell)
        if value is None and link is None:
            pending += repeat
            continue
        values.extend([None] * min(pending, MAX_COLUMNS - len(values)))
        pending = 0
        for _ in range(min(repeat, MAX_COLUMNS - len(values))):
            if link is not None:
                links.append((len(values), link))
            values.append(value)
    return tuple(values), tuple(links)


def _ods_value(cell: ET.Element) -> Cell:
    kind = cell.get(f"{{{_OFFICE}}}value-type")
    if kind == "date":
        raw = cell.get(f"{{{_OFFICE}}}date-value", "")
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            return _ods_text(cell) or raw or None
    if kind in {"float", "percentage", "currency"}:
        raw = cell.get(f"{{{_OFFICE}}}value", "")
        try:
            number = float(raw)
        except ValueError:
            return _ods_text(cell) or None
        return int(number) if number.is_integer() else number
    if kind == "boolean":
        return cell.get(f"{{{_OFFICE}}}boolean-value", "").lower() == "true"
    text = cell.get(f"{{{_OFFICE}}}string-value")
    if text is None:
        text = _ods_text(cell)
    return text if text.strip() else None


def _ods_text(cell: ET.Element) -> str:
    paragraphs = cell.findall(f"{{{_TEXT}}}p")
    return "\n".join(_inline_text(p) for p in paragraphs)


def _inline_text(element: ET.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{{{_TEXT}}}s":
            parts.append(" " * _count(child))
        elif child.tag == f"{{{_TEXT}}}tab":
            parts.append("\t")
        elif child.tag == f"{{{_TEXT}}}line-break":
            parts.append("\n")
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _count(element: ET.Element) -> int:
    try:
        return max(1, int(element.get(f"{{{_TEXT}}}c", "1")))
    except ValueError:
        return 1


def _ods_link(cell: ET.Element) -> str | None:
    for anchor in cell.iter(f"{{{_TEXT}}}a"):
        href = anchor.get(f"{{{_XLINK}}}href")
        if href:
            return href
    formula = cell.get(f"{{{_TABLE}}}formula", "")
    if match := _HYPERLINK.search(formula.replace("&quot;", '"')):
        return match.group(1)
    return None


def _stream_xlsx(path: pathlib.Path) -> Iterator[SheetRows]:
    try:
        import openpyxl  # noqa: PLC0415 - only when an XLSX file is read
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        msg = "reading .xlsx files needs openpyxl: pip install openpyxl"
        raise InvalidInputError(msg) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds
        msg = f"file {path.name!r} is not a readable XLSX workbook: {_one_line(exc)}"
        raise InvalidInputError(msg) from None
    try:
        for sheet in book.worksheets:
            yield SheetRows(name=sheet.title, rows=_xlsx_rows(path, sheet))
    finally:
        book.close()


def _xlsx_rows(path: pathlib.Path, sheet: Any) -> Iterator[Row]:
    records = enumerate(sheet.iter_rows(values_only=True), 1)
    while True:
        try:
            number, record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - a damaged sheet fails as it is read
            msg = f"file {path.name!r} has a damaged sheet: {_one_line(exc)}"
            raise InvalidInputError(msg) from None
        values = _trim(tuple(_xlsx_value(value) for value in record))
        if values:
            yield Row(number=number, values=values)


def _xlsx_value(value: object) -> Cell:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date | bool | int | float):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    text = str(value)
    return text if text.strip() else None
