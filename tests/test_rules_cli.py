"""``sendkit rules`` and ``sendkit deadline``."""

from __future__ import annotations

import json
import pathlib

import pytest

from sendkit import RULES
from sendkit.cli import main


def _run(args: list[str]) -> int | str | None:
    """Run the CLI; argparse errors exit through SystemExit, input errors return."""
    try:
        return main(args)
    except SystemExit as exc:
        return exc.code


def test_rules_prints_one_row_per_rule_with_confirmation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:4] == ["CODE", "PERIOD", "BASIS", "CONFIRMED"]
    assert len(out) == len(RULES) + 1
    pap = next(line for line in out if line.startswith("area-send.pap.submit "))
    assert "35 working days" in pap
    assert "no [S]" in pap
    assert "Nottinghamshire" in pap
    final = next(line for line in out if line.startswith("ehc.final-plan "))
    assert " yes " in final
    assert "reg 13(2)" in final


def test_rules_family_filter(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "tribunal", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["code"] for row in rows} == {
        code for code in RULES if code.startswith("tribunal.")
    }
    appeal = next(row for row in rows if row["code"] == "tribunal.appeal")
    assert appeal["confirmed"] is True
    assert (
        appeal["period"]
        == "2 months (or 1 month from certificate_issued, whichever is later)"
    )
    assert appeal["url"].startswith("https://www.legislation.gov.uk/")


def test_rules_unknown_family(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "ehcp"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("sendkit: unknown rule 'ehcp'")


def test_deadline_prints_the_date_then_its_trail(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["deadline", "area-send.pap.submit", "16/05/2023"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2023-07-05"
    assert "  Mon 29 May 2023  bank holiday: Spring Bank Holiday" in "\n".join(out)
    assert any("Caveat: this figure is not confirmed" in line for line in out)


def test_deadline_json_gives_the_deadline_as_data(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["deadline", "ehc.final-plan", "2025-01-06", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rule"] == "ehc.final-plan"
    assert data["start"] == "2025-01-06"
    assert data["due"] == "2025-05-26"
    assert data["basis"] == "law"
    assert data["source"].startswith("SEND Regulations 2014, reg 13(2)")
    assert data["confirmed"] is True
    assert isinstance(data["trail"], list)


def test_deadline_with_input_region_and_closure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [
        "deadline",
        "tribunal.appeal",
        "2024-03-04",
        "--input",
        "certificate_issued=29/04/2024",
        "--json",
    ]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["due"] == "2024-05-29"
    args = [
        "deadline",
        "area-send.on-site",
        "2024-07-29",
        "--region",
        "scotland",
        "--closure",
        "2024-08-13",
    ]
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2024-08-14"


def test_deadline_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "ehc.final-plna", "2025-01-06"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err
        == "sendkit: unknown rule 'ehc.final-plna'; did you mean 'ehc.final-plan'?\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["deadline", "ehc.final-plan", "2023-02-30"],
            "date is not a real date (that month has no such day)",
        ),
        (
            [
                "deadline",
                "tribunal.appeal",
                "2025-01-06",
                "--input",
                "certificate_issued",
            ],
            "is not NAME=DATE",
        ),
        (
            [
                "deadline",
                "tribunal.appeal",
                "2025-01-06",
                "--input",
                "certificate_issued=2025-13-01",
            ],
            "is not a real date (the month is not 1-12)",
        ),
        (
            ["deadline", "tribunal.appeal", "2025-01-06", "--input", "cert=2025-02-01"],
            "has no input 'cert'",
        ),
        (["deadline", "legacy.wsoa.submit", "2024-01-02"], "is outside that"),
        (
            ["deadline", "ehc.final-plan", "2025-01-06", "--region", "wales-only"],
            "unknown region",
        ),
    ],
)
def test_deadline_input_errors_are_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert _run(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err


def test_deadline_with_local_rules(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        '[rules."area-send.pap.submit"]\nperiod = "40 working days"\n', encoding="utf-8"
    )
    assert (
        main(
            [
                "deadline",
                "area-send.pap.submit",
                "2023-05-16",
                "--rules",
                str(path),
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["due"] == "2023-07-12"
    assert data["overridden"] == "local rule file rules.toml"
    assert data["confirmed"] is False
    assert main(["rules", "area-send.pap", "--rules", str(path)]) == 0
    assert "no [U] local" in capsys.readouterr().out
    assert main(["rules", "--rules", str(tmp_path / "missing.toml")]) == 2
    assert "not found" in capsys.readouterr().err


class TestRuleFileAndHorizonMessages:
    """The command line reports a bad --rules path and the holiday horizon in one line."""

    def test_rule_file_that_is_a_folder(self, tmp_path, capsys):
        """A folder given as --rules is an error naming it, exit code 2."""
        code = main(
            ["deadline", "ehc.final-plan", "2023-05-16", "--rules", str(tmp_path)]
        )
        err = capsys.readouterr().err
        assert code == 2
        assert "is a folder" in err
        assert "Traceback" not in err

    def test_horizon_warning_is_one_line_on_stderr(self, capsys):
        """Past GOV.UK's announced years the CLI prints one plain warning line."""
        assert main(["workday", "2030-05-16", "5"]) == 0
        out, err = capsys.readouterr()
        assert out == "2030-05-23\n"
        assert err.startswith("sendkit: warning: dates after 2028-12-31")
        assert len(err.strip().splitlines()) == 1
