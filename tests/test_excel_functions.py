"""The formulas give exactly the core's answers, whatever shape Excel sends.

"Classic" inputs are what classic xlwings passes over COM (datetime cells,
float serials and float numbers, None for empty); "Office.js" inputs are what
xlwings Lite and Server pass (``[[v]]`` for one cell, int serials, None or
``""`` for empty).
"""

from __future__ import annotations

import datetime as dt
import doctest
import re

import pytest
import xlwings as xw
from hypothesis import given
from hypothesis import strategies as st

import sendkit
from sendkit import ehc, inspections, plans
from sendkit.plans._schema import parse_choice
from sendkit_excel import caseload, coerce, dfe, functions
from sendkit_excel.coerce import date_to_serial

DATES = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2027, 6, 30))
DAYS = st.integers(min_value=-250, max_value=250)
REGIONS = st.sampled_from([*sendkit.REGIONS, None])


def classic_date(day, how):
    """A date as classic xlwings would deliver it."""
    return (
        dt.datetime(day.year, day.month, day.day) if how else float(date_to_serial(day))
    )


def office(value):
    """One cell as Office.js delivers it."""
    return [[value]]


class FakeVariant:
    """What `win32com.client.VARIANT` records: a COM type and a value."""

    def __init__(self, varianttype, value):
        self.varianttype = varianttype
        self.value = value


VT_ERROR = 10
CODES = {value: code for code, value in functions.BASIC_ERRORS.items()}


def shown_error(value):
    """The Excel error a classic answer stands for, or None."""
    if isinstance(value, FakeVariant) and value.varianttype == VT_ERROR:
        return CODES[value.value]
    return None


@pytest.fixture
def classic(monkeypatch):
    """Classic xlwings, with pywin32's VARIANT recorded and a 1900 workbook."""
    import sys
    import types

    client = types.ModuleType("win32com.client")
    client.VARIANT = FakeVariant
    monkeypatch.setitem(sys.modules, "win32com", types.ModuleType("win32com"))
    monkeypatch.setitem(sys.modules, "win32com.client", client)
    pythoncom = types.ModuleType("pythoncom")
    pythoncom.VT_ERROR = VT_ERROR
    monkeypatch.setitem(sys.modules, "pythoncom", pythoncom)
    monkeypatch.setattr(functions, "CLASSIC", True)
    monkeypatch.setattr(functions, "_classic_date1904", lambda: False)


def why(function, *args):
    """The message Lite shows on hover for a single-cell call."""
    with pytest.raises(xw.XlwingsError) as caught:
        function(*args)
    return str(caught.value)


def test_doctests_of_the_coerce_module():
    assert doctest.testmod(coerce).failed == 0


# -- SK_WORKDAY ------------------------------------------------------------------


@given(DATES, DAYS, REGIONS, st.booleans())
def test_workday_classic_inputs(start, days, region, as_datetime):
    expected = sendkit.add_working_days(
        start, days, region=region or sendkit.DEFAULT_REGION
    )
    got = functions.sk_workday(classic_date(start, as_datetime), float(days), region)
    assert got == expected


@given(DATES, DAYS, REGIONS)
def test_workday_office_js_inputs(start, days, region):
    expected = sendkit.add_working_days(
        start, days, region=region or sendkit.DEFAULT_REGION
    )
    region_cell = office(region) if region else office("")
    got = functions.sk_workday(office(date_to_serial(start)), office(days), region_cell)
    assert got == expected


def test_workday_over_easter_and_text_dates():
    # Tue 15 Apr 2025 + 5 working days skips Good Friday and Easter Monday.
    assert functions.sk_workday("15/04/2025", 5) == dt.date(2025, 4, 24)
    assert functions.sk_workday("2025-04-15", [[5.0]]) == dt.date(2025, 4, 24)


def test_workday_truncates_days_like_excel():
    start = dt.datetime(2025, 2, 5)
    assert functions.sk_workday(start, 1.9) == functions.sk_workday(start, 1)
    assert functions.sk_workday(start, -1.5) == functions.sk_workday(start, -1)


def test_workday_closures_range():
    start = dt.date(2025, 12, 19)
    closures = [
        [dt.datetime(2025, 12, 29)],
        [float(date_to_serial(dt.date(2025, 12, 30)))],
        [None],
        [""],
    ]  # 29 and 30 Dec
    expected = sendkit.add_working_days(
        start, 5, closures=[dt.date(2025, 12, 29), dt.date(2025, 12, 30)]
    )
    assert functions.sk_workday(start, 5, None, closures) == expected
    assert functions.sk_workday(start, 5, "", [[None]]) == sendkit.add_working_days(
        start, 5
    )


def test_workday_region():
    # 4 August 2025 is a bank holiday in Scotland only.
    friday = dt.date(2025, 8, 1)
    assert functions.sk_workday(friday, 1, "scotland") == dt.date(2025, 8, 5)
    assert functions.sk_workday(friday, 1, "England and Wales") == dt.date(2025, 8, 4)


@given(st.lists(DATES, min_size=2, max_size=40), DAYS)
def test_workday_over_a_range_spills_the_core_answers(starts, days):
    column = [[date_to_serial(day)] for day in starts]
    got = functions.sk_workday(column, office(days))
    assert got == [[sendkit.add_working_days(day, days)] for day in starts]


def test_workday_range_pairs_days_and_keeps_gaps_and_bad_rows():
    starts = [[45693], [None], ["not a date"], [dt.datetime(2025, 4, 15)], [45693]]
    days = [[10], [10], [10], [5.0], [True]]
    got = functions.sk_workday(starts, days)
    assert got[0] == [dt.date(2025, 2, 19)]
    assert got[1] == [""]
    assert got[2] == ["#VALUE!"]
    assert got[3] == [dt.date(2025, 4, 24)]
    assert got[4] == ["#VALUE!"]
    assert functions.sk_why("SK_WORKDAY", starts, days) == (
        "row 3: start_date is not a date; expected YYYY-MM-DD or DD/MM/YYYY"
    )


def test_workday_range_row_leaving_the_data_is_reported_in_its_cell():
    got = functions.sk_workday([[dt.date(2025, 1, 6)], [dt.date(1872, 1, 2)]], -5)
    assert got[0] == [sendkit.add_working_days(dt.date(2025, 1, 6), -5)]
    assert got[1] == ["#NUM!"]  # as WORKDAY gives beyond its dates


def test_workday_two_dimensional_range_keeps_its_shape():
    grid = [[45693, 45694, 45695], [45696, 45697, 45698]]
    got = functions.sk_workday(grid, 1)
    assert [len(row) for row in got] == [3, 3]
    assert got[1][2] == sendkit.add_working_days(coerce.serial_to_date(45698), 1)


def test_empty_start_gives_an_empty_cell():
    assert functions.sk_workday(None, 5) == ""
    assert functions.sk_workday([[""]], [[5]]) == ""
    assert functions.sk_networkdays(None, 45693) == ""
    assert functions.sk_isworkday([[None]]) == ""


# -- errors --------------------------------------------------------------------


BAD_CALLS = [
    (functions.sk_workday, ("next tuesday", 10), "start_date is not a date"),
    (functions.sk_workday, (45693, 1.5j), "days must be a whole number"),
    (functions.sk_workday, (45693, True), "days must be a whole number"),
    (functions.sk_workday, (60, 1), "did not exist"),
    (functions.sk_workday, (45693, None), "days is empty"),
    (functions.sk_workday, (45693, 1, "wales only"), "unknown region"),
    (functions.sk_workday, (45693, 1, None, [["soon"]]), "closures (row 1)"),
    (functions.sk_workday, ([[1], [2]], [[1], [2], [3]]), "days is a range of 3x1"),
    (functions.sk_workday, (dt.date(2100, 12, 20), 20), "leaves the years"),
    (functions.sk_networkdays, (45693, "31/02/2025"), "that month has no such day"),
    (caseload.sk_next_review, ("soon",), "plan_date is not a date"),
    (caseload.sk_next_review, (45000, 44000), "last_review is before plan_date"),
    (caseload.sk_phase_transfer_due, (1999,), "transfer_year must be a year from"),
    (caseload.sk_phase_transfer_due, (2026, 2), "post_16 must be yes or no"),
    (caseload.sk_review_notice_by, ("31/02/2025",), "meeting_date is not a real"),
    (dfe.sk_dfe, ("Derbyshyre", "plans_issued", 2024), "did you mean Derbyshire"),
    (dfe.sk_dfe, ("830", "plans", 2024), "unknown measure; one of: "),
    (dfe.sk_dfe, ("830", "plans_issued", 2031), "no DfE figures for 2031"),
    (dfe.sk_dfe, ("830", "plans_issued", "soon"), "dfe_year must be a whole number"),
    (dfe.sk_neighbours, ("England",), "no council matches"),
]

#: Text a person might type into a cell of children's data, in every kind of argument.
PRIVATE = "Jo Bloggs 31/02/2015"
PRIVATE_CALLS = [
    (functions.sk_workday, (PRIVATE, 10)),
    (functions.sk_workday, (45693, PRIVATE)),
    (functions.sk_workday, (45693, 1, None, [[PRIVATE]])),
    (functions.sk_networkdays, (45693, PRIVATE)),
    (functions.sk_ehc_due, (PRIVATE, "final-plan")),
    (functions.sk_ehc_timeliness, ([[45299]], [[PRIVATE]], [[""]], 2024)),
    (functions.sk_ehc_timeliness, ([[45299]], [[45400]], [[PRIVATE]], 2024)),
    (functions.sk_due_date, ("ehc.final-plan", PRIVATE)),
    (functions.sk_rag, ("at risk", PRIVATE, 45400, 45300)),
    (caseload.sk_next_review, (PRIVATE,)),
    (caseload.sk_next_review, (45000, PRIVATE)),
    (caseload.sk_phase_transfer_due, (PRIVATE,)),
    (caseload.sk_phase_transfer_due, (2026, PRIVATE)),
    (caseload.sk_review_notice_by, (PRIVATE,)),
    (caseload.sk_review_notice_by, ("2015-02-31",)),
    (caseload.sk_review_notice_by, ("31/13/2015",)),
]


#: Dates outside the calendar or a rule's years: sendkit's own message names them.
FAR_CALLS = [
    (functions.sk_workday, (dt.date(2100, 12, 20), 20), "2100-12-20"),
    (functions.sk_workday, (dt.date(1872, 1, 9), -20), "1872-01-09"),
    (functions.sk_networkdays, (dt.date(1800, 1, 1), 45693), "1800-01-01"),
    (functions.sk_networkdays, (45693, dt.date(2150, 6, 1)), "2150-06-01"),
    (functions.sk_isworkday, (dt.date(2150, 1, 1),), "2150-01-01"),
    (functions.sk_due_date, ("ehc.final-plan", dt.date(2100, 12, 1)), "2101-04-20"),
    (functions.sk_ehc_due, (dt.date(2100, 12, 1), "final-plan"), "2101-04-20"),
    (caseload.sk_review_notice_by, (dt.date(1872, 1, 3),), "1872-01-03"),
    (caseload.sk_next_review, (dt.date(2100, 6, 1),), "2101-05-31"),
    (caseload.sk_phase_transfer_due, (2101,), "2101-09-01"),
    (
        functions.sk_ehc_timeliness,
        ([[45299], [45300]], [[45200], [45440]], [[""], [""]], 2024),
        "2023-10-01",
    ),
]


@pytest.mark.parametrize(("function", "args", "given"), FAR_CALLS)
def test_messages_about_far_dates_say_which_date_not_the_date(function, args, given):
    message = functions.sk_why(function.__name__, *args)
    assert message != "OK"
    assert not re.search(r"\d{4}-\d{2}-\d{2}", message.split("starting from")[0]), (
        message
    )
    assert given not in message


@pytest.mark.parametrize(("function", "args"), PRIVATE_CALLS)
def test_messages_never_repeat_what_a_cell_holds(function, args):
    with pytest.raises(xw.XlwingsError) as caught:
        function(*args)
    for message in (str(caught.value), functions.sk_why(function.__name__, *args)):
        for piece in ("Bloggs", "2015", "31/", "-31"):
            assert piece not in message, message


@pytest.mark.parametrize(("function", "args", "words"), BAD_CALLS)
def test_lite_and_server_errors_are_xlwings_errors(function, args, words):
    with pytest.raises(xw.XlwingsError) as caught:
        function(*args)
    assert words in str(caught.value)
    assert "Traceback" not in str(caught.value)
    assert len(str(caught.value)) <= 255


@pytest.mark.parametrize(("function", "args", "words"), BAD_CALLS)
def test_classic_errors_are_excel_error_values(classic, function, args, words):
    got = function(*args)
    assert shown_error(got) in {"#VALUE!", "#NUM!"}
    assert words in functions.sk_why(function.__name__, *args)


def test_runtime_is_the_no_op_one_on_linux():
    assert functions.RUNTIME == "xlwings"
    assert functions.CLASSIC is False


# -- SK_NETWORKDAYS and SK_ISWORKDAY ---------------------------------------------


@given(DATES, DATES, REGIONS, st.booleans())
def test_networkdays_both_styles(start, end, region, as_datetime):
    expected = sendkit.count_working_days(
        start, end, region=region or sendkit.DEFAULT_REGION
    )
    assert (
        functions.sk_networkdays(
            classic_date(start, as_datetime), classic_date(end, as_datetime), region
        )
        == expected
    )
    assert (
        functions.sk_networkdays(
            office(date_to_serial(start)),
            office(date_to_serial(end)),
            office(region or ""),
            None,
        )
        == expected
    )


def test_networkdays_counts_both_ends_and_goes_negative():
    assert functions.sk_networkdays("05/02/2025", "19/02/2025") == 11
    assert functions.sk_networkdays("19/02/2025", "05/02/2025") == -11


def test_networkdays_over_ranges():
    starts = [[45693], [45694]]
    got = functions.sk_networkdays(starts, 45707)
    assert got == [
        [sendkit.count_working_days(coerce.serial_to_date(s), dt.date(2025, 2, 19))]
        for (s,) in starts
    ]


@given(DATES, REGIONS, st.booleans())
def test_isworkday_both_styles(day, region, as_datetime):
    expected = sendkit.is_working_day(day, region=region or sendkit.DEFAULT_REGION)
    assert functions.sk_isworkday(classic_date(day, as_datetime), region) is expected
    assert (
        functions.sk_isworkday(office(date_to_serial(day)), office(region or ""))
        is expected
    )


def test_isworkday_over_a_range():
    # Good Friday, Saturday, Tuesday after Easter 2025
    got = functions.sk_isworkday([[45765, 45766, 45769]])
    assert got == [[False, False, True]]


# -- SK_PARSE_OUTCOME ------------------------------------------------------------

OUTCOME_TEXTS = [
    "Widespread and/or systemic failings",
    "outcome 2",
    "positive",
    (
        "The local area partnership's SEND arrangements typically lead to positive "
        "experiences and outcomes for children and young people with SEND."
    ),
]


@pytest.mark.parametrize("text", OUTCOME_TEXTS)
def test_parse_outcome_both_styles(text):
    outcome = inspections.parse_outcome(text)
    assert functions.sk_parse_outcome(text) == outcome.value
    assert functions.sk_parse_outcome(office(text), None) == outcome.value
    assert functions.sk_parse_outcome(text, "number") == outcome.number
    assert functions.sk_parse_outcome(office(text), office("Label")) == outcome.label
    assert functions.sk_parse_outcome(text, "statement") == outcome.statement


@pytest.mark.parametrize("number", [3, 3.0, [[3]]])
def test_parse_outcome_from_a_number_cell(number):
    assert functions.sk_parse_outcome(number) == "systemic"


def test_parse_outcome_over_a_range_and_errors(classic):
    got = functions.sk_parse_outcome([["outcome 1"], [None], ["good"]])
    assert got[0] == ["positive"]
    assert got[1] == [""]
    assert shown_error(got[2][0]) == "#VALUE!"
    assert shown_error(functions.sk_parse_outcome("good")) == "#VALUE!"
    assert functions.sk_why("SK_PARSE_OUTCOME", "good").startswith(
        "outcome 'good' is not an area SEND outcome"
    )
    assert functions.sk_why("SK_PARSE_OUTCOME", "1", "colour").startswith(
        "part 'colour'"
    )


# -- SK_DUE_DATE and SK_RULES ------------------------------------------------------

RULE_CODES = st.sampled_from(sorted(sendkit.RULES))
RULE_DATES = st.dates(min_value=dt.date(2023, 9, 1), max_value=dt.date(2026, 12, 31))


def _core_due(code, start):
    """The core's due date, or the message of the error it raises."""
    try:
        return sendkit.deadline(code, start).due
    except sendkit.SendkitError as exc:
        return str(exc)


def test_due_date_equals_the_core_or_fails_the_same_way_for_every_rule():
    # Every rule, a date inside and one before most rules' validity.
    for code in sendkit.RULES:
        for start in (dt.date(2024, 2, 29), dt.date(2010, 1, 4)):
            expected = _core_due(code, start)
            if isinstance(expected, str):
                with pytest.raises(xw.XlwingsError) as caught:
                    functions.sk_due_date(code, start)
                # The core's message, less the date given (a cell may hold a child's).
                shown = coerce.message(sendkit.SendkitError(expected))
                assert str(caught.value) == shown[:252] + (
                    "..." if len(shown) > 255 else ""
                )
                assert start.isoformat() not in str(caught.value)
            else:
                assert functions.sk_due_date(code, start) == expected


@given(RULE_CODES, RULE_DATES, st.booleans())
def test_due_date_both_styles(code, start, as_datetime):
    expected = _core_due(code, start)
    if isinstance(expected, str):
        return  # covered above
    assert functions.sk_due_date(code, classic_date(start, as_datetime)) == expected
    assert (
        functions.sk_due_date(office(code.upper()), office(date_to_serial(start)), None)
        == expected
    )


def test_due_date_with_a_second_clock_and_over_a_range():
    start, certificate = dt.date(2024, 3, 4), dt.date(2024, 4, 29)
    expected = sendkit.deadline(
        "tribunal.appeal", start, certificate_issued=certificate
    ).due
    got = functions.sk_due_date(
        "tribunal.appeal", "04/03/2024", None, None, office(date_to_serial(certificate))
    )
    assert got == expected
    starts = [[dt.datetime(2023, 5, 16)], [None], [dt.datetime(2024, 2, 1)]]
    assert functions.sk_due_date("area-send.pap.submit", starts) == [
        [sendkit.deadline("area-send.pap.submit", dt.date(2023, 5, 16)).due],
        [""],
        [sendkit.deadline("area-send.pap.submit", dt.date(2024, 2, 1)).due],
    ]


def test_due_date_errors():
    with pytest.raises(xw.XlwingsError, match=r"did you mean 'ehc\.final-plan'"):
        functions.sk_due_date("ehc.final-plans", 45000)
    with pytest.raises(xw.XlwingsError, match="takes no other_date"):
        functions.sk_due_date("ehc.final-plan", 45000, None, None, 45010)


# -- how firm a due date is: SK_DUE_DATE(..., detail) and SK_RULE_STATUS --------


def _core_detail(code, start):
    found = sendkit.deadline(code, start)
    word = "confirmed" if found.confirmed else "UNCONFIRMED"
    kind = "deadline" if found.is_hard_limit else "expected"
    horizon = "announced" if found.due <= sendkit.ANNOUNCED_THROUGH else "PAST"
    return [found.due, f"{word} {found.confidence.tag}", kind, found.source, horizon]


def _flagged(row):
    """A detail row with its horizon cell cut to ``announced`` or ``PAST``."""
    return [*row[:-1], "PAST" if row[-1].startswith("PAST ANNOUNCED") else row[-1]]


def test_due_date_detail_flags_the_priority_action_plan_as_unconfirmed():
    # 35 working days comes only from local-press reporting: [S], a framework
    # deadline, and it must not look as firm as a statutory date.
    got = functions.sk_due_date(
        "area-send.pap.submit", dt.datetime(2023, 5, 16), None, None, None, True
    )
    assert got == [
        [
            dt.date(2023, 7, 5),
            "UNCONFIRMED [S]",
            "deadline",
            sendkit.get_rule("area-send.pap.submit").source,
            "announced",
        ]
    ]
    statutory = functions.sk_due_date(
        office("ehc.final-plan"), office(45299), None, None, None, office(True)
    )
    assert statutory[0][:3] == [dt.date(2024, 5, 27), "confirmed [P]", "deadline"]
    expected = functions.sk_due_date(
        "area-send.full-inspection.after-positive", "16/05/2023", "", None, "", "yes"
    )
    assert expected[0][1:3] == ["UNCONFIRMED [S]", "expected"]


@given(RULE_CODES, RULE_DATES, st.booleans(), st.sampled_from([True, 1.0, "TRUE", "y"]))
def test_due_date_detail_both_styles(code, start, as_datetime, flag):
    try:
        expected = _core_detail(code, start)
    except sendkit.SendkitError:
        return  # the errors are those of the plain form, covered above
    classic_row = functions.sk_due_date(
        code, classic_date(start, as_datetime), None, None, None, flag
    )
    office_row = functions.sk_due_date(
        office(code.upper()),
        office(date_to_serial(start)),
        office(""),
        None,
        office(""),
        office(flag),
    )
    assert classic_row == office_row
    assert [_flagged(classic_row[0])] == [expected]


def test_due_date_detail_off_keeps_the_plain_date():
    start = dt.datetime(2023, 5, 16)
    plain = functions.sk_due_date("area-send.pap.submit", start)
    for off in (None, False, 0.0, "FALSE", "", office(""), office(False)):
        got = functions.sk_due_date(
            "area-send.pap.submit", start, None, None, None, off
        )
        assert got == plain == dt.date(2023, 7, 5)


def test_due_date_detail_over_a_column_gives_a_row_per_case(classic):
    starts = [[dt.datetime(2023, 5, 16)], [None], ["soon"], [45299.0]]
    codes = [["area-send.pap.submit"], [""], ["ehc.final-plan"], ["ehc.final-plan"]]
    got = functions.sk_due_date(codes, starts, None, None, None, True)
    assert got[0] == _core_detail("area-send.pap.submit", dt.date(2023, 5, 16))
    assert got[1] == [""] * 5
    assert [shown_error(cell) for cell in got[2]] == ["#VALUE!"] * 5
    assert got[3] == _core_detail("ehc.final-plan", dt.date(2024, 1, 8))
    # one rule code for a whole column of starts
    column = functions.sk_due_date(
        "ehc.final-plan", [[45299], [45300]], None, None, None, True
    )
    assert [row[1] for row in column] == ["confirmed [P]", "confirmed [P]"]


def test_due_date_detail_errors():
    with pytest.raises(xw.XlwingsError, match="detail must be yes or no"):
        functions.sk_due_date("ehc.final-plan", 45299, None, None, None, "maybe")
    with pytest.raises(xw.XlwingsError, match="one column"):
        functions.sk_due_date("ehc.final-plan", [[45299, 45300]], None, None, None, 1)
    with pytest.raises(xw.XlwingsError, match=r"did you mean 'ehc\.final-plan'"):
        functions.sk_due_date("ehc.final-plans", 45299, None, None, None, True)
    assert functions.sk_due_date("ehc.final-plan", None, None, None, None, True) == ""


def test_rule_status_for_every_rule_both_styles():
    for code in sendkit.RULES:
        rule = sendkit.RULES[code]
        got = functions.sk_rule_status(code)
        assert got == functions.sk_rule_status(office(code.upper()))
        if rule.confirmed:
            assert got == f"confirmed {rule.confidence.tag}" == "confirmed [P]"
        else:
            assert got == f"UNCONFIRMED {rule.confidence.tag}"
    assert functions.sk_rule_status("area-send.pap.submit") == "UNCONFIRMED [S]"


def test_rule_status_over_a_range_and_errors(classic):
    got = functions.sk_rule_status(
        [["ehc.final-plan"], [None], ["area-send.pap.publish"], ["ehc.final-plans"]]
    )
    assert got[:3] == [["confirmed [P]"], [""], ["UNCONFIRMED [S]"]]
    assert shown_error(got[3][0]) == "#VALUE!"
    assert "did you mean 'ehc.final-plan'" in functions.sk_why(
        "SK_RULE_STATUS", "ehc.final-plans"
    )
    assert shown_error(functions.sk_rule_status("nope.nothing")) == "#VALUE!"


def test_every_table_that_dates_a_rule_carries_its_confirmation():
    # An unconfirmed figure is shown as such in every output (docs/rules.md, "Confidence levels").
    for table in (
        functions.sk_rules(),
        functions.sk_timeline(3, "16/05/2023"),
        functions.sk_ehc_due("08/01/2024"),
    ):
        assert "confirmed" in table[0]
        assert "confidence" in table[0]


def test_rules_table_lists_the_catalogue():
    table = functions.sk_rules()
    header, rows = table[0], table[1:]
    assert header[:4] == ["code", "summary", "clock starts", "period"]
    assert [row[0] for row in rows] == list(sendkit.RULES)
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    for code in sendkit.RULES:
        rule = sendkit.RULES[code]
        assert by_code[code]["confidence"] == rule.confidence.tag
        assert by_code[code]["confirmed"] is rule.confirmed
        assert by_code[code]["url"] == rule.url
        assert by_code[code]["period"] == rule.describe_period()
    assert all(len(row) == len(header) for row in rows)


def test_rules_table_filters_by_family():
    table = functions.sk_rules(office("EHC"))
    assert all(row[0].startswith("ehc.") for row in table[1:])
    assert len(table) - 1 == sum(code.startswith("ehc.") for code in sendkit.RULES)
    with pytest.raises(xw.XlwingsError, match="no rule code starts with 'nothing'"):
        functions.sk_rules("nothing")


# -- SK_EHC_DUE and SK_EHC_TIMELINESS ----------------------------------------------

EHC_STEPS = st.sampled_from(
    [
        "final-plan",
        "ehc.final-plan",
        "decision-to-assess",
        "decision-not-to-issue",
        "EHC.Decision-Not-To-Issue",
    ]
)


@given(RULE_DATES, EHC_STEPS, st.booleans())
def test_ehc_due_both_styles(received, step, as_datetime):
    code = step.lower() if step.lower().startswith("ehc.") else f"ehc.{step}"
    expected = sendkit.deadline(code, received).due
    assert functions.sk_ehc_due(classic_date(received, as_datetime), step) == expected
    assert (
        functions.sk_ehc_due(office(date_to_serial(received)), office(step), None)
        == expected
    )


def test_ehc_due_lists_every_step_like_the_case_timeline():
    received = dt.date(2024, 1, 8)
    case = ehc.EhcCase(case_id="x", received=received)
    steps = ehc.case_timeline(case, as_of=received).steps
    table = functions.sk_ehc_due(office(date_to_serial(received)), office(""))
    assert table[0] == ["step", "what", "due", "confidence", "confirmed", "holidays"]
    assert table[1:] == [
        [
            s.code,
            s.name,
            s.due or "",
            sendkit.get_rule(s.code).confidence.tag,
            sendkit.get_rule(s.code).confirmed,
            "announced" if s.due else "",
        ]
        for s in steps
    ]
    # The advice step's 6 weeks rest on a secondary summary: flagged, not hidden.
    advice = next(row for row in table if row[0] == "ehc.advice")
    assert advice[3:5] == ["[S]", False]
    assert functions.sk_ehc_due(dt.datetime(2024, 1, 8)) == table


#: The EHC rules whose clock starts at something other than the request's receipt.
NOT_FROM_RECEIPT = sorted(
    code
    for code in sendkit.RULES
    if code.startswith("ehc.")
    and code
    not in {"ehc.decision-to-assess", "ehc.decision-not-to-issue", "ehc.final-plan"}
)


def test_ehc_due_refuses_steps_that_do_not_count_from_the_request():
    # The draft plan's window starts when the draft is served and advice when
    # it is requested: received + 15 days or + 6 weeks would be a wrong date.
    assert "ehc.advice" in NOT_FROM_RECEIPT
    assert "ehc.draft-representations" in NOT_FROM_RECEIPT
    with pytest.raises(xw.XlwingsError) as info:
        functions.sk_ehc_due("05/01/2024", "draft-representations")
    assert str(info.value) == (
        "ehc.draft-representations does not count from the request's receipt "
        "(its clock starts: the draft EHC plan is served); "
        'use =SK_DUE_DATE("ehc.draft-representations", that date) instead'
    )
    with pytest.raises(
        xw.XlwingsError, match="its clock starts: the request for advice"
    ):
        functions.sk_ehc_due(office(45296), office("ehc.advice"), None)


@pytest.mark.parametrize("code", NOT_FROM_RECEIPT)
def test_every_other_ehc_rule_is_refused_whole_with_its_clock(code, classic):
    assert shown_error(functions.sk_ehc_due(45296.0, code)) == "#VALUE!"
    got = functions.sk_why("SK_EHC_DUE", 45296.0, code)
    rule = sendkit.get_rule(code)
    assert got == (
        f"{code} does not count from the request's receipt (its clock "
        f'starts: {rule.clock_starts}); use =SK_DUE_DATE("{code}", that date) instead'
    )  # whole: not cut at the cell's 255 characters


def test_ehc_due_in_a_range_refuses_only_the_wrong_rows(classic):
    received = dt.date(2024, 1, 5)
    got = functions.sk_ehc_due(
        [[received]] * 3, [["final-plan"], ["advice"], ["decision-to-assess"]]
    )
    assert got[0][0] == sendkit.deadline("ehc.final-plan", received).due
    assert shown_error(got[1][0]) == "#VALUE!"
    assert got[2][0] == sendkit.deadline("ehc.decision-to-assess", received).due


def test_ehc_due_unknown_step_still_suggests_a_code():
    with pytest.raises(xw.XlwingsError, match=r"did you mean 'ehc\.final-plan'"):
        functions.sk_ehc_due("05/01/2024", "final-plann")


def test_the_steps_refused_are_the_ones_the_table_leaves_blank():
    table = functions.sk_ehc_due("05/01/2024")
    blank = {row[0] for row in table[1:] if row[2] == ""}
    assert blank == {"ehc.advice", "ehc.draft-representations"}
    for code, _, due, *_flags in table[1:]:
        if code in blank:
            with pytest.raises(xw.XlwingsError, match="SK_DUE_DATE"):
                functions.sk_ehc_due("05/01/2024", code)
        else:
            assert functions.sk_ehc_due("05/01/2024", code) == due


def _timeliness_inputs():
    received = [dt.date(2024, 1, 8)] * 3 + [dt.date(2023, 3, 1), dt.date(2024, 6, 3)]
    issued = [
        dt.date(2024, 5, 27),  # day 140
        dt.date(2024, 5, 28),  # day 141
        dt.date(2024, 9, 2),
        dt.date(2024, 4, 1),
        None,
    ]
    week20 = [None, False, True, None, None]
    return received, issued, week20


@pytest.mark.parametrize("boundary", [None, True, False])
def test_ehc_timeliness_equals_the_core(boundary):
    received, issued, week20 = _timeliness_inputs()
    cases = [
        ehc.EhcCase(case_id=f"row {i}", received=r, plan_issued=p, week20=w)
        for i, (r, p, w) in enumerate(zip(received, issued, week20, strict=True))
    ]
    expected = ehc.timeliness(
        cases, year=2024, boundary_inclusive=boundary is not False
    ).to_dict()

    classic_table = functions.sk_ehc_timeliness(
        [[dt.datetime(d.year, d.month, d.day)] for d in received],
        [[dt.datetime(d.year, d.month, d.day) if d else None] for d in issued],
        [[{None: None, True: True, False: False}[w]] for w in week20],
        2024.0,
        boundary,
    )
    office_table = functions.sk_ehc_timeliness(
        [[date_to_serial(d)] for d in received] + [[""]],
        [[date_to_serial(d) if d else ""] for d in issued] + [[""]],
        [[{None: "", True: "Y", False: 0}[w]] for w in week20] + [[""]],
        office(2024),
        None if boundary is None else office(boundary),
    )
    assert classic_table == office_table
    values = dict(classic_table[1:])
    assert classic_table[0] == ["measure", "value"]
    assert values["plans issued"] == expected["issued"]
    assert values["within 20 weeks"] == expected["within_20_weeks"]
    assert (
        values["% within 20 weeks, exceptions removed"]
        == expected["percent_excluding_exceptions"]
    )
    assert values["exception cases"] == expected["exceptions"]
    assert values["limit in days"] == 140


def test_ehc_timeliness_names_the_bad_row():
    with pytest.raises(xw.XlwingsError, match=r"issued_dates \(row 2\)"):
        functions.sk_ehc_timeliness([[45299], [45299]], [[45440], ["soon"]], None, 2024)
    with pytest.raises(
        xw.XlwingsError, match=r"exceptions \(row 1\) must be yes or no"
    ):
        functions.sk_ehc_timeliness([[45299]], [[45440]], [["maybe"]], 2024)
    with pytest.raises(xw.XlwingsError, match="before the request was received"):
        functions.sk_ehc_timeliness([[45440]], [[45299]], None, 2024)


# -- SK_TIMELINE -------------------------------------------------------------------


@pytest.mark.parametrize("outcome", list(inspections.Outcome))
def test_timeline_equals_follow_up(outcome):
    received = dt.date(2023, 5, 16)
    inspection = inspections.Inspection(
        local_area="x",
        framework=inspections.Framework.AREA_SEND_2023,
        outcome=outcome,
        report_received=received,
    )
    milestones = inspections.follow_up(inspection)
    classic_table = functions.sk_timeline(
        float(outcome.number), dt.datetime(2023, 5, 16)
    )
    office_table = functions.sk_timeline(
        office(outcome.label), office(date_to_serial(received)), office(""), None
    )
    assert classic_table == office_table
    assert classic_table[0][:3] == ["milestone", "date", "kind"]
    assert [row[0] for row in classic_table[1:]] == [m.label for m in milestones]
    assert [row[1] for row in classic_table[1:]] == [m.on or "" for m in milestones]
    assert [row[3] for row in classic_table[1:]] == [m.rule or "" for m in milestones]


def test_timeline_outcome_3_starts_with_the_priority_action_plan():
    table = functions.sk_timeline("systemic", "16/05/2023")
    assert table[1][1] == dt.date(2023, 7, 5)  # 35 working days
    assert table[1][2] == "deadline"
    with pytest.raises(xw.XlwingsError, match="report_received is empty"):
        functions.sk_timeline(3, None)


# -- SK_RAG ------------------------------------------------------------------------

STATUS_TEXTS = st.sampled_from(
    [
        "not started",
        "On track",
        "at-risk",
        "OFF_TRACK",
        "complete",
        "closed - evidenced",
    ]
)
MAYBE_DATES = st.one_of(st.none(), DATES)


@given(STATUS_TEXTS, MAYBE_DATES, MAYBE_DATES, DATES)
def test_rag_equals_action_assess(status, start, due, as_of):
    try:
        action = plans.Action(
            id="a",
            status=parse_choice(plans.Status, status),
            start=start,
            due=due,
        )
    except sendkit.SendkitError:
        with pytest.raises(xw.XlwingsError, match="before"):
            functions.sk_rag(status, start, due, as_of)
        return
    expected = action.assess(as_of)
    as_classic = [None if d is None else classic_date(d, True) for d in (start, due)]
    assert functions.sk_rag(status, *as_classic, classic_date(as_of, False)) == (
        expected.rag.value
    )
    as_office = [office("" if d is None else date_to_serial(d)) for d in (start, due)]
    assert (
        functions.sk_rag(
            office(status), *as_office, office(date_to_serial(as_of)), None, None, None
        )
        == expected.rag.value
    )
    assert functions.sk_rag(status, start, due, as_of, None, None, "reason") == (
        expected.reason
    )


def test_rag_over_a_tracker_column():
    got = functions.sk_rag(
        [["at risk"], ["on track"], [""], ["bogus"]],
        None,
        [[dt.date(2024, 3, 28)], [dt.date(2024, 3, 28)], [None], [None]],
        "20/03/2024",
    )
    assert got[:3] == [["amber"], ["green"], [""]]
    assert got[3] == ["#VALUE!"]


def test_rag_window_and_errors():
    # due in 6 working days: amber with the default window, green with 5
    assert functions.sk_rag("at risk", None, "28/03/2024", "20/03/2024") == "amber"
    assert functions.sk_rag("at risk", None, "28/03/2024", "20/03/2024", 5) == "green"
    with pytest.raises(xw.XlwingsError, match="as_of is empty"):
        functions.sk_rag("at risk", None, "28/03/2024", None)
    with pytest.raises(xw.XlwingsError, match="part 'colour'"):
        functions.sk_rag("at risk", None, None, 45000, None, None, "colour")


def test_a_start_near_excels_last_date_gives_a_message(classic):
    # 140 days after November 9999 is past 31/12/9999: the core refuses it with
    # OutsideCalendarError; the cell shows that message, not a traceback.
    got = functions.sk_ehc_due([[2_958_424]], "final-plan")
    assert shown_error(got) in {"#NUM!", "#VALUE!"}
    message = functions.sk_why("SK_EHC_DUE", [[2_958_424]], "final-plan")
    assert message.startswith("20 weeks from the date given leaves")
    assert "years 1 to 9999" in message
    got = functions.sk_ehc_due([[2_958_424], [45299]], "final-plan")
    assert shown_error(got[0][0]) in {"#NUM!", "#VALUE!"}
    assert got[1][0] == sendkit.deadline("ehc.final-plan", dt.date(2024, 1, 8)).due


@given(st.lists(DATES, min_size=2, max_size=40), DAYS, st.sampled_from(["dt", "float"]))
def test_workday_range_of_classic_cells_spills_the_core_answers(starts, days, kind):
    if kind == "dt":
        column = [[dt.datetime(d.year, d.month, d.day, 10, 30)] for d in starts]
    else:
        column = [[date_to_serial(d) + 0.25] for d in starts]
    got = functions.sk_workday(column, float(days))
    assert got == [[sendkit.add_working_days(day, days)] for day in starts]
