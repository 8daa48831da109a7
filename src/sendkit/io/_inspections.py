"""Read Ofsted's published area SEND inspection files into `Inspection` values.

Two layouts are recognised by their column names, wherever the header row sits
(Ofsted puts title rows above it):

* the management-information (MI) file of the 2023 framework, one row per
  local area partnership (`MI_COLUMNS`);
* the official statistics of the 2016-2022 framework, one row per area with
  its written statement of action and revisit (`LEGACY_COLUMNS`).

Column names are matched after `normalise_phrase`, so Ofsted's own names, the
dotted names of an R export (``Inspection.start.date``) and other case or
punctuation changes all match. Columns not listed are ignored.

Every non-empty row below the header becomes either one inspection or one
`Problem` naming its row number and what was wrong: nothing is dropped
silently, so ``len(result.inspections) + len(result.problems) == result.rows``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import pathlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from ..dates import parse_date
from ..errors import InvalidInputError, RowError, SendkitError
from ..inspections._model import Framework, Inspection, RevisitOutcome, WsoaOutcome
from ..inspections._parse import normalise_phrase, parse_outcome
from ._problem import Problem
from ._sheets import Cell, Row, stream_sheets

__all__ = [
    "LEGACY_COLUMNS",
    "MI_COLUMNS",
    "FileFormat",
    "Problem",
    "ReadResult",
    "read_inspections",
    "read_ofsted_legacy",
    "read_ofsted_mi",
]

#: Only the first rows of a sheet are searched for the header.
HEADER_SEARCH_ROWS: Final = 30

#: Cell text that means "empty" in Ofsted's files and their exports.
_EMPTY: Final = frozenset({"", "na", "n a", "null"})
_DASHES: Final = frozenset({"-", "\u2013", "\u2014", ".", ".."})


class FileFormat:
    """The names of the two layouts `read_inspections` recognises."""

    MI: Final = "ofsted_mi"
    LEGACY: Final = "ofsted_2016_2022"


#: MI file (2023 framework): Ofsted's column name -> field. Required columns
#: are marked with ``*``; in Ofsted's file the first is a hyperlink column.
MI_COLUMNS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "Link to report webpage for the local authority and local area partnership": (
            "link"
        ),
        "Local authority code": "la_code",
        "Local area partnership*": "local_area",
        "Ofsted region": "ofsted_region",
        "Inspection start date": "start",
        "Inspection publication date": "published",
        "Inspection outcome*": "outcome",
        "Priority action plan required?": "pap_required",
        "Number of areas for priority action": "priority_action_count",
    }
)

#: 2016-2022 official statistics: Ofsted's column name -> field (``*`` = required).
LEGACY_COLUMNS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "Web link to Ofsted local authority webpage": "link",
        "Local authority code": "la_code",
        "Area name*": "local_area",
        "Ofsted region": "ofsted_region",
        "Inspection start date": "start",
        "Inspection publication date": "published",
        "Inspection outcome: written statement of action required?*": "wsoa",
        "Number significant weaknesses identified in written statement of action": (
            "wsoa_weaknesses"
        ),
        "Revisit start date": "revisit_start",
        "Revisit publication date": "revisit_published",
        "Revisit outcome: sufficient progress in addressing all significant "
        "weaknesses?": "revisit_outcome",
        "Number significant weaknesses where sufficient progress has been made": (
            "weaknesses_progress_made"
        ),
        "Number significant weaknesses where sufficient progress has not been made": (
            "weaknesses_progress_not_made"
        ),
    }
)


@attrs.frozen(kw_only=True)
class ReadResult:
    """What a reader found in a file.

    Attributes:
        source: The file's name.
        sheet: The sheet read (the file name for CSV).
        format: `FileFormat.MI` or `FileFormat.LEGACY`.
        framework: The framework the file's inspections belong to.
        header_row: The row number of the header.
        rows: The number of non-empty rows below the header.
        inspections: One inspection per row that could be read, in file order.
        problems: One problem per row that could not be read, in file order.
        notes: Other things worth knowing, such as expected columns not found.
    """

    source: str
    sheet: str
    format: str
    framework: Framework
    header_row: int
    rows: int
    inspections: tuple[Inspection, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()


@attrs.frozen
class _Layout:
    format: str
    framework: Framework
    columns: Mapping[str, str]  # normalised name -> field
    names: Mapping[str, str]  # field -> Ofsted's name
    required: frozenset[str]
    build: Callable[[dict[str, _Field]], Inspection]


@attrs.frozen
class _Field:
    column: str  # the name as written in the file
    value: Cell


def _layout(
    format_: str,
    framework: Framework,
    columns: Mapping[str, str],
    build: Callable[[dict[str, _Field]], Inspection],
) -> _Layout:
    normalised = {
        normalise_phrase(name.rstrip("*")): field for name, field in columns.items()
    }
    names = {field: name.rstrip("*") for name, field in columns.items()}
    required = frozenset(field for name, field in columns.items() if name.endswith("*"))
    return _Layout(
        format_, framework, MappingProxyType(normalised), names, required, build
    )


# ---------------------------------------------------------------- cell readers


def _text(field: _Field | None) -> str | None:
    if field is None or field.value is None:
        return None
    if isinstance(field.value, dt.date):
        msg = f"expected text, found the date {field.value.isoformat()}"
        raise RowError(msg, column=field.column)
    text = str(field.value).strip()
    if normalise_phrase(text) in _EMPTY or text in _DASHES:
        return None
    return text


def _date(field: _Field | None) -> dt.date | None:
    if field is None or field.value is None:
        return None
    if isinstance(field.value, dt.date):
        return field.value
    if isinstance(field.value, bool | int | float):
        msg = f"{field.value!r} is a number, not a date; expected DD/MM/YYYY or YYYY-MM-DD"
        raise RowError(msg, column=field.column)
    text = _text(field)
    if text is None:
        return None
    try:
        return parse_date(text, field="date")
    except SendkitError as exc:
        raise RowError(str(exc), column=field.column) from None


def _count(field: _Field | None) -> int | None:
    if field is None or field.value is None:
        return None
    value = field.value
    if isinstance(value, bool | dt.date):
        msg = f"{value!r} is not a whole number"
        raise RowError(msg, column=field.column)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        text = _text(field)
        if text is None:
            return None
        if not text.isdigit():
            msg = f"{text!r} is not a whole number"
            raise RowError(msg, column=field.column)
        number = int(text)
    if number < 0 or number > 99:  # noqa: PLR2004 - reports list a handful
        msg = f"{number!r} is not a plausible number of areas or weaknesses (0-99)"
        raise RowError(msg, column=field.column)
    return number


_YES_NO: Final = MappingProxyType({"yes": True, "y": True, "no": False, "n": False})
_REVISIT: Final = MappingProxyType(
    {
        "yes": RevisitOutcome.ALL,
        "all": RevisitOutcome.ALL,
        "some": RevisitOutcome.SOME,
        "no": RevisitOutcome.NONE,
        "none": RevisitOutcome.NONE,
    }
)
_NOT_REVISITED: Final = "not revisited yet"


def _yes_no(field: _Field | None) -> bool | None:
    text = _text(field)
    if text is None or field is None:
        return None
    key = normalise_phrase(text)
    if key not in _YES_NO:
        msg = f"{text!r} is not Yes or No"
        raise RowError(msg, column=field.column)
    return _YES_NO[key]


def _required(
    fields: dict[str, _Field], name: str, layout_names: Mapping[str, str]
) -> str:
    field = fields.get(name)
    text = _text(field)
    if text is None:
        raise RowError("is empty", column=field.column if field else layout_names[name])
    return text


# ---------------------------------------------------------------- row builders


def _build_mi(fields: dict[str, _Field]) -> Inspection:
    local_area = _required(fields, "local_area", _MI_NAMES)
    outcome_field = fields["outcome"]
    try:
        outcome = parse_outcome(_required(fields, "outcome", _MI_NAMES))
    except RowError:
        raise
    except SendkitError as exc:
        raise RowError(str(exc), column=outcome_field.column) from None
    pap = _yes_no(fields.get("pap_required"))
    if pap is not None and pap != outcome.requires_priority_action_plan:
        field = fields["pap_required"]
        msg = (
            f"'Priority action plan required?' is {field.value!r} but the outcome is "
            f"{outcome.label!r}; only outcome 3 requires one"
        )
        raise RowError(msg, column=field.column)
    return Inspection(
        local_area=local_area,
        framework=Framework.AREA_SEND_2023,
        outcome=outcome,
        la_code=_text(fields.get("la_code")),
        ofsted_region=_text(fields.get("ofsted_region")),
        start=_date(fields.get("start")),
        published=_date(fields.get("published")),
        priority_action_count=_count(fields.get("priority_action_count")),
        link=_link(fields.get("link")),
    )


def _build_legacy(fields: dict[str, _Field]) -> Inspection:
    local_area = _required(fields, "local_area", _LEGACY_NAMES)
    wsoa_text = _required(fields, "wsoa", _LEGACY_NAMES)
    wsoa = _yes_no(fields["wsoa"])
    outcome = WsoaOutcome.REQUIRED if wsoa else WsoaOutcome.NOT_REQUIRED
    revisit_start_field = fields.get("revisit_start")
    not_revisited = (
        revisit_start_field is not None
        and normalise_phrase(str(revisit_start_field.value or "")) == _NOT_REVISITED
    )
    if not_revisited and outcome is WsoaOutcome.NOT_REQUIRED:
        msg = f"'Not revisited yet' but the outcome is {wsoa_text!r} (no written statement)"
        raise RowError(
            msg, column=revisit_start_field.column if revisit_start_field else None
        )
    revisit_outcome = None
    revisit_field = fields.get("revisit_outcome")
    revisit_text = _text(revisit_field)
    if revisit_text is not None and revisit_field is not None:
        key = normalise_phrase(revisit_text)
        if key == _NOT_REVISITED:
            not_revisited = True
        elif key in _REVISIT:
            revisit_outcome = _REVISIT[key]
        else:
            msg = f"{revisit_text!r} is not Yes, Some, No or 'Not revisited yet'"
            raise RowError(msg, column=revisit_field.column)
    inspection = Inspection(
        local_area=local_area,
        framework=Framework.LOCAL_AREA_SEND_2016,
        outcome=outcome,
        la_code=_text(fields.get("la_code")),
        ofsted_region=_text(fields.get("ofsted_region")),
        start=_date(fields.get("start")),
        published=_date(fields.get("published")),
        wsoa_weaknesses=_count(fields.get("wsoa_weaknesses")),
        revisit_start=None if not_revisited else _date(revisit_start_field),
        revisit_published=_date(fields.get("revisit_published")),
        revisit_outcome=revisit_outcome,
        weaknesses_progress_made=_count(fields.get("weaknesses_progress_made")),
        weaknesses_progress_not_made=_count(fields.get("weaknesses_progress_not_made")),
        link=_link(fields.get("link")),
    )
    _check_revisit(inspection, fields)
    return inspection


def _check_revisit(insp: Inspection, fields: dict[str, _Field]) -> None:
    made, not_made = insp.weaknesses_progress_made, insp.weaknesses_progress_not_made
    column = fields["revisit_outcome"].column if "revisit_outcome" in fields else None
    weaknesses = insp.wsoa_weaknesses
    if (
        made is not None
        and not_made is not None
        and weaknesses is not None
        and made + not_made != weaknesses
    ):
        msg = (
            f"{made} weaknesses with progress plus {not_made} without do not add "
            f"up to the {weaknesses} in the written statement"
        )
        raise RowError(msg, column=column)
    expected = {
        RevisitOutcome.ALL: not_made in {None, 0},
        RevisitOutcome.NONE: made in {None, 0},
        RevisitOutcome.SOME: made != 0 and not_made != 0,
    }
    if insp.revisit_outcome is not None and not expected[insp.revisit_outcome]:
        msg = (
            f"revisit outcome {insp.revisit_outcome.label!r} does not match "
            f"{made} weaknesses with progress and {not_made} without"
        )
        raise RowError(msg, column=column)


def _link(field: _Field | None) -> str | None:
    text = _text(field)
    if text is not None and text.startswith(("https://", "http://")):
        return text
    return None


_MI = _layout(FileFormat.MI, Framework.AREA_SEND_2023, MI_COLUMNS, _build_mi)
_LEGACY = _layout(
    FileFormat.LEGACY, Framework.LOCAL_AREA_SEND_2016, LEGACY_COLUMNS, _build_legacy
)
_MI_NAMES: Final = _MI.names
_LEGACY_NAMES: Final = _LEGACY.names
_LAYOUTS: Final = (_MI, _LEGACY)


# ---------------------------------------------------------------- the readers


def read_inspections(
    path: str | pathlib.Path, *, sheet: str | None = None, layout: str | None = None
) -> ReadResult:
    r"""Read an Ofsted area SEND file, recognising its layout from its columns.

    The file may be CSV, ODS or XLSX. The first sheet (or the one named by
    *sheet*) whose first 30 rows hold a known header row is read. Every
    non-empty row below the header gives one inspection or one `Problem`.
    The report-received date is never in Ofsted's files, so every inspection
    read has `Inspection.received_is_assumed` set.

    Args:
        path: The file.
        sheet: The sheet to read; by default the first with a known header.
        layout: `FileFormat.MI` or `FileFormat.LEGACY` to insist on one
            layout; by default either.

    Returns:
        The inspections and the problems.

    Raises:
        InvalidInputError: The file cannot be read, the sheet does not exist,
            or no sheet has a header row of a known layout.

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "mi.csv"
        >>> _ = path.write_text(
        ...     "Local area partnership,Inspection outcome\n"
        ...     "Rutland,Typically positive experiences and outcomes\n"
        ...     "Nowhere,Good\n"
        ... )
        >>> result = read_inspections(path)
        >>> [(one.local_area, one.outcome_code) for one in result.inspections]
        [('Rutland', 'positive')]
        >>> print(result.problems[0])  # doctest: +ELLIPSIS
        row 3, column 'Inspection outcome': outcome 'Good' is not an area SEND outcome; ...
    """
    path = pathlib.Path(path)
    layouts: tuple[_Layout, ...] = _LAYOUTS
    if layout is not None:
        layouts = tuple(one for one in _LAYOUTS if one.format == layout)
        if not layouts:
            known = ", ".join(repr(one.format) for one in _LAYOUTS)
            msg = f"layout {layout!r} is not known; expected one of {known}"
            raise InvalidInputError(msg)
    names: list[str] = []
    with contextlib.closing(stream_sheets(path)) as sheets:
        for candidate in sheets:
            names.append(candidate.name)
            if sheet is not None and candidate.name != sheet:
                continue
            found = _find_header(candidate.rows, layouts)
            if found is not None:
                layout_found, header, rest = found
                return _read_rows(path.name, candidate.name, layout_found, header, rest)
    if sheet is not None and sheet not in names:
        shown = ", ".join(repr(name) for name in names)
        msg = f"file {path.name!r} has no sheet {sheet!r}; its sheets are {shown}"
        raise InvalidInputError(msg)
    expected = "; ".join(
        f"{one.format}: " + ", ".join(repr(name) for name in one.names.values())
        for one in layouts
    )
    msg = (
        f"file {path.name!r} has no header row of an Ofsted inspection file in the first "
        f"{HEADER_SEARCH_ROWS} rows of any sheet; expected columns ({expected})"
    )
    raise InvalidInputError(msg)


def read_ofsted_mi(path: str | pathlib.Path, *, sheet: str | None = None) -> ReadResult:
    """Read Ofsted's management-information file of the 2023 framework.

    The same as ``read_inspections(path, layout=FileFormat.MI)``; the expected
    columns are `MI_COLUMNS`.
    """
    return read_inspections(path, sheet=sheet, layout=FileFormat.MI)


def read_ofsted_legacy(
    path: str | pathlib.Path, *, sheet: str | None = None
) -> ReadResult:
    """Read Ofsted's 2016-2022 official statistics (written statements, revisits).

    The same as ``read_inspections(path, layout=FileFormat.LEGACY)``; the
    expected columns are `LEGACY_COLUMNS`.
    """
    return read_inspections(path, sheet=sheet, layout=FileFormat.LEGACY)


def _find_header(
    rows: Iterator[Row], layouts: tuple[_Layout, ...]
) -> tuple[_Layout, Row, Iterator[Row]] | None:
    """Find the header in the first rows; return it and the rows below it."""
    for row in itertools.islice(rows, HEADER_SEARCH_ROWS):
        names = {
            normalise_phrase(str(value)) for value in row.values if value is not None
        }
        for layout in layouts:
            required = {
                key for key, field in layout.columns.items() if field in layout.required
            }
            if required <= names:
                return layout, row, rows
    return None


def _read_rows(
    source: str, sheet: str, layout: _Layout, header: Row, rows: Iterable[Row]
) -> ReadResult:
    positions: dict[int, tuple[str, str]] = {}  # column index -> (field, name in file)
    for index, value in enumerate(header.values):
        if value is None:
            continue
        field = layout.columns.get(normalise_phrase(str(value)))
        if field is not None and field not in {f for f, _ in positions.values()}:
            positions[index] = (field, str(value))
    seen = {field for field, _ in positions.values()}
    notes = tuple(
        f"column {layout.names[field]!r} not found; left empty"
        for field in layout.names
        if field not in seen and field != "la_code"
    )
    inspections: list[Inspection] = []
    problems: list[Problem] = []
    count = 0
    for row in rows:
        count += 1
        links = dict(row.links)
        fields: dict[str, _Field] = {}
        for index, (field, name) in positions.items():
            value = row.values[index] if index < len(row.values) else None
            if field == "link" and index in links:
                value = links[index]
            fields[field] = _Field(name, value)
        try:
            inspections.append(layout.build(fields))
        except RowError as exc:
            problems.append(
                Problem(row=row.number, reason=exc.reason, column=exc.column)
            )
        except SendkitError as exc:
            problems.append(Problem(row=row.number, reason=str(exc)))
    return ReadResult(
        source=source,
        sheet=sheet,
        format=layout.format,
        framework=layout.framework,
        header_row=header.number,
        rows=count,
        inspections=tuple(inspections),
        problems=tuple(problems),
        notes=notes,
    )
