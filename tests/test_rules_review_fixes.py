"""Review findings on the rule engine and rule files, pinned."""

from __future__ import annotations

import datetime as dt

import pytest

from sendkit import InvalidInputError, deadline, load_rules
from sendkit.cli import main


def test_tribunal_ignores_local_closures_and_other_regions():
    """A council closure or a Scottish holiday does not move a tribunal deadline."""
    start = dt.date(2023, 9, 30)  # 2 months later is Thu 30 November 2023
    plain = deadline("tribunal.appeal", start).due
    assert plain == dt.date(2023, 11, 30)
    assert deadline("tribunal.appeal", start, closures=[plain]).due == plain
    assert deadline("tribunal.appeal", start, region="scotland").due == plain


def test_tribunal_still_rolls_off_statutory_holidays():
    """Rule 12(2): due on a bank holiday, in time on the next working day."""
    # 2 months after 27 March 2023 is Saturday 27 May 2023; Monday 29 May is the
    # Spring bank holiday, so the appeal is in time on Tuesday 30 May.
    assert deadline("tribunal.appeal", dt.date(2023, 3, 27)).due == dt.date(2023, 5, 30)


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"\xff\xfe[rules]\n", "not UTF-8"), (b"[rules\n", "not valid TOML")],
)
def test_bad_rule_files_are_clear_errors(tmp_path, content, needle):
    """A rule file saved as UTF-16, or broken TOML, is a one-line error."""
    path = tmp_path / "local.toml"
    path.write_bytes(content)
    with pytest.raises(InvalidInputError, match=needle):
        load_rules(path)


def test_rule_file_that_is_a_folder(tmp_path, capsys):
    """A folder given as --rules is an error naming it, exit code 2."""
    code = main(["deadline", "ehc.final-plan", "2023-05-16", "--rules", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "is a folder" in err
    assert "Traceback" not in err


def test_horizon_warning_is_one_line_on_stderr(capsys):
    """Past GOV.UK's announced years the CLI prints one plain warning line."""
    assert main(["workday", "2030-05-16", "5"]) == 0
    out, err = capsys.readouterr()
    assert out == "2030-05-23\n"
    assert err.startswith("sendkit: warning: dates after 2028-12-31")
    assert len(err.strip().splitlines()) == 1


def test_horizon_caveat_is_in_the_trail_and_warned_once():
    """A deadline past GOV.UK's announced years says so in its trail and JSON."""
    import warnings

    from sendkit import HolidayHorizonWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = deadline("area-send.pap.submit", dt.date(2030, 1, 31))
    assert [w.category for w in caught] == [HolidayHorizonWarning]
    assert any(
        line.startswith("Caveat: dates after 2028-12-31") for line in result.trail
    )
    assert any("2028-12-31" in line for line in result.to_dict()["trail"])
