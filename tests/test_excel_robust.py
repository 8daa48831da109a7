"""Whatever a cell holds, a formula answers with a value or a short message.

Every formula is fed arbitrary cell values (None, booleans, NaN and huge
numbers, text, dates, error values, ranges). In the Lite/Server runtime a bad
input must raise `xlwings.XlwingsError` (``#VALUE!`` with the message) or
answer with an Excel error value, and nothing else; in classic it must return
a value or a COM error value (``VT_ERROR``), never raise. Any other exception
would reach the officer as a Python traceback.
"""

from __future__ import annotations

import datetime as dt
import inspect
import math
import sys
import types
import warnings

import pytest
import xlwings as xw
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sendkit
from sendkit_excel import formulas, functions

# Every registered formula (the review, phase-transfer and DfE ones too).
FORMULAS = [getattr(formulas, name) for name in formulas.__all__]

SCALARS = st.one_of(
    st.none(),
    st.just(""),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([45062, 45062.5, 60, 0, 1, 2_958_466, math.nan, 2024, 2026]),
    st.text(max_size=30),
    st.sampled_from(
        [
            *("16/05/2023", "2023-05-16", "05/16/2023", "ehc.final-plan", "3"),
            *("scotland", "Derbyshire", "830", "England", "plans_issued"),
            "pc_within_20_weeks",
        ]
    ),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 1, 1)),
    st.datetimes(min_value=dt.datetime(1800, 1, 1), max_value=dt.datetime(2200, 1, 1)),
    st.just({"type": "Error", "basicValue": "#N/A"}),
)
CELLS = st.one_of(
    SCALARS,
    SCALARS.map(lambda v: [[v]]),
    st.lists(SCALARS, min_size=1, max_size=4).map(lambda col: [[v] for v in col]),
    st.lists(st.lists(SCALARS, min_size=2, max_size=2), min_size=1, max_size=3),
)


def _arity(formula):
    parameters = inspect.signature(formula).parameters.values()
    required = sum(p.default is inspect.Parameter.empty for p in parameters)
    return required, len(parameters)


class FakeVariant:
    """What `win32com.client.VARIANT` records: a COM type and a value."""

    def __init__(self, varianttype, value):
        self.varianttype = varianttype
        self.value = value


def _fine(value):
    """A value Excel can show: a scalar, or a rectangle of scalars."""
    ok = (str, int, float, bool, dt.date, FakeVariant)
    if isinstance(value, ok):
        return True
    return (
        isinstance(value, list)
        and all(isinstance(row, list) for row in value)
        and len({len(row) for row in value}) == 1
        and all(isinstance(cell, ok) for row in value for cell in row)
    )


@pytest.mark.parametrize("formula", FORMULAS, ids=lambda f: f.__name__)
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=100)
@given(data=st.data())
def test_any_cells_give_a_value_or_an_xlwings_error(formula, data):
    required, total = _arity(formula)
    count = data.draw(st.integers(min_value=required, max_value=total))
    args = [data.draw(CELLS) for _ in range(count)]
    try:
        with warnings.catch_warnings():
            # Dates after the announced holidays warn; in Excel that is no error.
            warnings.simplefilter("ignore", sendkit.HolidayHorizonWarning)
            result = formula(*args)
    except xw.XlwingsError as exc:
        message = str(exc)
        assert message
        assert len(message) <= 255
        assert "Traceback" not in message
        return
    assert _fine(result), result


@pytest.mark.parametrize("formula", FORMULAS, ids=lambda f: f.__name__)
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=50)
@given(data=st.data())
def test_classic_never_raises(formula, data):
    required, total = _arity(formula)
    count = data.draw(st.integers(min_value=required, max_value=total))
    args = [data.draw(CELLS) for _ in range(count)]
    client = types.ModuleType("win32com.client")
    client.VARIANT = FakeVariant
    pythoncom = types.ModuleType("pythoncom")
    pythoncom.VT_ERROR = 10
    stubs = {"win32com": types.ModuleType("win32com"), "win32com.client": client}
    stubs["pythoncom"] = pythoncom
    use1904 = data.draw(st.sampled_from([False, True, None]))
    with (
        pytest.MonkeyPatch.context() as patch,
        warnings.catch_warnings(),
    ):
        for name, module in stubs.items():
            patch.setitem(sys.modules, name, module)
        patch.setattr(functions, "CLASSIC", True)
        patch.setattr(functions, "_classic_date1904", lambda: use1904)
        # Dates after the announced holidays warn; in Excel that is no error.
        warnings.simplefilter("ignore", sendkit.HolidayHorizonWarning)
        result = formula(*args)
    assert _fine(result), result
    cells = result if isinstance(result, list) else [[result]]
    for row in cells:
        for cell in row:
            if isinstance(cell, FakeVariant):
                assert cell.varianttype == 10
                assert cell.value in functions.BASIC_ERRORS.values()
