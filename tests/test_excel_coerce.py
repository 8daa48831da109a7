"""The add-in's cell coercion: every shape Excel hands over, in every runtime."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils.datetime import from_excel

from sendkit.errors import InvalidInputError
from sendkit_excel import coerce
from sendkit_excel.coerce import ExcelInputError

# -- serial numbers ------------------------------------------------------------


def test_every_serial_to_80000_matches_openpyxl():
    mismatches = [
        serial
        for serial in range(1, 80_001)
        if serial != 60 and coerce.serial_to_date(serial) != from_excel(serial).date()
    ]
    assert mismatches == []


def test_every_serial_to_80000_round_trips():
    bad = [
        s
        for s in range(1, 80_001)
        if s != 60 and coerce.date_to_serial(coerce.serial_to_date(s)) != s
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, dt.date(1900, 1, 1)),
        (59, dt.date(1900, 2, 28)),
        (61, dt.date(1900, 3, 1)),
        (45062, dt.date(2023, 5, 16)),
        (45062.999, dt.date(2023, 5, 16)),  # time of day dropped
        (2_958_465, dt.date(9999, 12, 31)),
    ],
)
def test_known_serials(serial, expected):
    assert coerce.serial_to_date(serial) == expected


@pytest.mark.parametrize(
    ("serial", "words"),
    [
        (60, "did not exist"),
        (60.5, "did not exist"),
        (0, "run from 1"),
        (0.5, "run from 1"),
        (-3, "run from 1"),
        (2_958_466, "run from 1"),
        (math.nan, "not a date"),
        (math.inf, "not a date"),
    ],
)
def test_impossible_serials_are_refused(serial, words):
    with pytest.raises(ExcelInputError, match=words):
        coerce.serial_to_date(serial, "start_date")


def test_date_to_serial_takes_a_datetime():
    assert coerce.date_to_serial(dt.datetime(2023, 5, 16, 13, 30)) == 45062


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)))
def test_serial_round_trip_from_dates(day):
    assert coerce.serial_to_date(coerce.date_to_serial(day)) == day


# -- to_date -------------------------------------------------------------------

MAY16 = dt.date(2023, 5, 16)


@pytest.mark.parametrize(
    "value",
    [
        MAY16,
        dt.datetime(2023, 5, 16),  # classic: a date cell
        dt.datetime(2023, 5, 16, 17, 45),
        45062.0,  # classic: DATE() or TODAY() result
        45062,  # Office.js: every date is a serial
        45062.25,
        "2023-05-16",
        "16/05/2023",
        " 16/05/2023 ",
        "2023-05-16 00:00:00",
        [[45062]],  # Office.js: one cell is [[v]]
        [["16/05/2023"]],
        [45062.0],
        {"type": "FormattedNumber", "basicValue": 45062, "numberFormat": "dd/mm/yyyy"},
    ],
)
def test_to_date_accepts_every_excel_shape(value):
    assert coerce.to_date(value, "start_date") == MAY16


@pytest.mark.parametrize("value", [None, "", "   ", [[None]], [[""]], [None]])
def test_to_date_empty_gives_the_default(value):
    assert coerce.to_date(value, "start_date", None) is None
    assert coerce.to_date(value, "start_date", MAY16) == MAY16
    with pytest.raises(ExcelInputError, match="start_date is empty"):
        coerce.to_date(value, "start_date")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (True, "must be a date"),
        (False, "must be a date"),
        (0, "is empty or 0"),
        (0.0, "is empty or 0"),
        (60, "did not exist"),
        ("05/16/2023", "the month is not 1-12; dates are read day first"),
        ("next tuesday", "not a date"),
        ("45062", "not a date"),
        ([[1, 2]], "one cell"),
        ({"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}, "#N/A"),
        ([[{"type": "Error", "basicValue": "#VALUE!"}]], "#VALUE!"),
        (object(), "must be a date"),
    ],
)
def test_to_date_refuses_with_a_readable_message(value, words):
    with pytest.raises(ExcelInputError, match=words) as caught:
        coerce.to_date(value, "start_date")
    assert "start_date" in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_excel_input_error_is_a_sendkit_input_error():
    assert issubclass(ExcelInputError, InvalidInputError)
    assert issubclass(ExcelInputError, ValueError)


# -- to_int and to_text ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (35, 35),
        (35.0, 35),
        ([[35]], 35),
        (1.9, 1),  # WORKDAY truncates toward zero
        (-1.5, -1),
        (-0.5, 0),
        ("35", 35),
        (" -20 ", -20),
        ("1,000", 1000),
        ({"type": "Double", "basicValue": 7.0}, 7),
    ],
)
def test_to_int(value, expected):
    assert coerce.to_int(value, "days") == expected


@pytest.mark.parametrize(
    "value", [True, False, "ten", math.nan, math.inf, -math.inf, MAY16, [[1, 2]]]
)
def test_to_int_refuses(value):
    with pytest.raises(ExcelInputError, match="days"):
        coerce.to_int(value, "days")


def test_to_int_empty():
    assert coerce.to_int(None, "days", 20) == 20
    assert coerce.to_int([[""]], "days", 20) == 20
    with pytest.raises(ExcelInputError, match="days is empty"):
        coerce.to_int(None, "days")


@given(st.floats(min_value=-1e6, max_value=1e6))
def test_to_int_truncates_every_float(x):
    assert coerce.to_int(x, "days") == math.trunc(x)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(" scotland ", "scotland"), ([["EHC-20W"]], "EHC-20W"), (6.0, "6"), (6, "6")],
)
def test_to_text(value, expected):
    assert coerce.to_text(value, "code") == expected


@pytest.mark.parametrize("value", [True, 6.5, MAY16])
def test_to_text_refuses(value):
    with pytest.raises(ExcelInputError, match="code must be text"):
        coerce.to_text(value, "code")


def test_to_text_empty():
    assert coerce.to_text("", "region", "england-and-wales") == "england-and-wales"


# -- ranges --------------------------------------------------------------------


def test_as_grid_shapes():
    assert coerce.as_grid(5) == [[5]]
    assert coerce.as_grid(None) == [[None]]
    assert coerce.as_grid([1, 2, 3]) == [[1], [2], [3]]
    assert coerce.as_grid([[1, 2], [3, 4]]) == [[1, 2], [3, 4]]
    assert coerce.as_grid(((1,), (2,))) == [[1], [2]]


@pytest.mark.parametrize("value", [[], [[1, 2], [3]], [[]]])
def test_as_grid_refuses_ragged(value):
    with pytest.raises(ExcelInputError):
        coerce.as_grid(value)


def test_broadcast_pairs_and_repeats():
    rows, cols, (a, b) = coerce.broadcast(
        [[[1, 2], [3, 4]], [[9]]], ["start_date", "days"]
    )
    assert (rows, cols) == (2, 2)
    assert a == [1, 2, 3, 4]
    assert b == [9, 9, 9, 9]


def test_broadcast_refuses_different_sizes():
    with pytest.raises(ExcelInputError, match="days is a range of 3x1"):
        coerce.broadcast([[[1], [2]], [[1], [2], [3]]], ["start_date", "days"])


def test_reshape():
    assert coerce.reshape([1, 2, 3, 4, 5, 6], 3, 2) == [[1, 2], [3, 4], [5, 6]]


def test_dates_in_skips_empty_cells():
    value = [[45062, None], ["", "17/05/2023"], [dt.datetime(2023, 5, 18), " "]]
    assert coerce.dates_in(value) == (
        MAY16,
        dt.date(2023, 5, 17),
        dt.date(2023, 5, 18),
    )
    assert coerce.dates_in(None) == ()
    assert coerce.dates_in("") == ()
    assert coerce.dates_in([[None]]) == ()


def test_dates_in_names_the_bad_cell():
    with pytest.raises(ExcelInputError, match=r"closures \(row 2\)"):
        coerce.dates_in([[45062], ["soon"]])
    with pytest.raises(ExcelInputError, match=r"closures \(row 1, column 2\)"):
        coerce.dates_in([[45062, True]])


def test_each_leaves_gaps_empty_and_reports_bad_rows():
    out = coerce.each(
        lambda d: coerce.to_date(d, "start_date"), [[45062, None, "bad", [[""]]]]
    )
    assert out[0] == MAY16
    assert out[1] == ""
    assert out[2].code == "#VALUE!"
    assert (
        out[2].message == "start_date is not a date; expected YYYY-MM-DD or DD/MM/YYYY"
    )
    assert out[3] == ""


@given(
    st.lists(
        st.one_of(
            st.datetimes(
                min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31)
            ),
            st.integers(min_value=61, max_value=2_958_465),
            st.floats(min_value=61, max_value=2_958_465.99),
        ),
        max_size=20,
    )
)
def test_quick_dates_agrees_with_to_date(cells):
    assert coerce.quick_dates(cells) == [coerce.to_date(cell) for cell in cells]


@pytest.mark.parametrize(
    "odd", [None, "", "16/05/2023", 60, 0, math.nan, True, [[45062]], MAY16, "#N/A"]
)
def test_quick_dates_leaves_anything_else_to_to_date(odd):
    assert coerce.quick_dates([45062, odd]) is None


# -- error cells, blanks and 0 -------------------------------------------------------

ERROR_SHAPES = [
    ("#N/A", "#N/A"),  # err_to_str, both runtimes
    ("#VALUE!", "#VALUE!"),
    (" #div/0! ", "#DIV/0!"),
    ("#SPILL!", "#SPILL!"),
    ({"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}, "#N/A"),
    ({"type": "Error", "errorType": "Ref"}, "#VALUE!"),  # no basicValue: still an error
    ([["#REF!"]], "#REF!"),
]


@pytest.mark.parametrize(("cell", "code"), ERROR_SHAPES)
@pytest.mark.parametrize(
    "reader", [coerce.to_date, coerce.to_int, coerce.to_text, coerce.to_flag]
)
def test_an_error_cell_is_an_error_for_every_kind_of_argument(reader, cell, code):
    with pytest.raises(coerce.ErrorCellError) as caught:
        reader(cell, "arg", None)  # even where empty would be allowed
    assert code in {caught.value.code, "#VALUE!"}
    assert coerce.error_code(caught.value) == caught.value.code


def test_an_error_cell_in_a_closure_list_is_an_error_not_a_gap():
    with pytest.raises(coerce.ErrorCellError, match=r"closures \(row 2\)") as caught:
        coerce.dates_in([[45062], ["#N/A"], [None]])
    assert caught.value.code == "#N/A"


def test_a_bad_row_keeps_the_input_error_and_the_good_rows():
    out = coerce.each(
        lambda d: coerce.to_date(d, "start_date"), [[45062, "#N/A", "soon", 0]]
    )
    assert out[0] == MAY16
    assert out[1] == coerce.CellError("#N/A", "start_date is the Excel error #N/A")
    assert out[2].code == "#VALUE!"
    assert out[3] == ""  # 0 is no date: a gap, like an empty cell


@pytest.mark.parametrize("blank", [None, "", "  ", 0, 0.0, [[0]], [[None]]])
def test_blank_and_zero_read_the_same_for_dates_and_text(blank):
    assert coerce.to_date(blank, "start_date", None) is None
    assert coerce.to_text(blank, "region", "england-and-wales") == "england-and-wales"
    with pytest.raises(ExcelInputError, match="start_date is empty"):
        coerce.to_date(blank, "start_date")


def test_zero_is_a_number_and_false_for_numbers_and_flags():
    assert coerce.to_int(0, "days") == 0
    assert coerce.to_int([[0.0]], "days") == 0
    assert coerce.to_flag(0, "detail") is False
    assert coerce.to_int(None, "due_soon_days", 10) == 10
    assert coerce.to_flag(None, "detail", True) is True
    with pytest.raises(ExcelInputError, match="days is empty"):
        coerce.to_int(None, "days")


def test_closures_skip_blanks_and_zeros():
    assert coerce.dates_in([[0], [45062], [""], [0.0]]) == (MAY16,)


# -- the 1904 date system --------------------------------------------------------------


def test_serials_follow_the_workbook_date_system():
    assert coerce.serial_to_date(45062) == MAY16
    with coerce.date_system(use1904=True):
        assert coerce.serial_to_date(43600) == MAY16
        assert coerce.to_date([[43600]], "start_date") == MAY16
        assert coerce.quick_dates([43600, 43600.5]) == [MAY16, MAY16]
        assert coerce.date_to_serial(MAY16) == 43600
    assert coerce.date1904() is False


def test_an_unknown_date_system_refuses_numbers_but_reads_dates_and_text():
    with coerce.date_system(use1904=None):
        with pytest.raises(ExcelInputError, match="1900 or the 1904 date system"):
            coerce.to_date(45062, "start_date")
        assert coerce.quick_dates([45062]) is None
        assert coerce.to_date(dt.datetime(2023, 5, 16), "start_date") == MAY16
        assert coerce.to_date("16/05/2023", "start_date") == MAY16


@given(st.integers(min_value=1, max_value=2_957_003), st.booleans())
def test_to_date_is_the_shared_converter_in_both_systems(serial, use1904):
    from sendkit.dates import excel_serial_to_date

    if not use1904 and serial == 60:
        return
    with coerce.date_system(use1904=use1904):
        assert coerce.to_date(serial, "d") == excel_serial_to_date(
            serial, date1904=use1904
        )
        assert coerce.to_date(float(serial) + 0.5, "d") == excel_serial_to_date(
            serial, date1904=use1904
        )
