"""The workday and networkdays commands."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sendkit.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestWorkday:
    def test_prints_the_iso_date(self, capsys):
        """The seed's plan deadline, from a UK-format date."""
        assert run(capsys, "workday", "16/05/2023", "35") == (0, "2023-07-05\n", "")

    def test_negative_and_region(self, capsys):
        """Negative days count back; the region changes the answer."""
        assert run(capsys, "workday", "2024-01-06", "-1")[1] == "2024-01-05\n"
        assert run(capsys, "workday", "2024-12-31", "1", "--region", "scotland")[1] == (
            "2025-01-03\n"
        )

    def test_closures(self, capsys):
        """Repeated --closure options are all skipped."""
        code, out, _ = run(
            capsys,
            "workday",
            "2024-12-23",
            "1",
            "--closure",
            "2024-12-24",
            "--closure",
            "27/12/2024",
            "--closure",
            "2024-12-30",
            "--closure",
            "2024-12-31",
        )
        assert (code, out) == (0, "2025-01-02\n")

    def test_explain_lists_skipped_days(self, capsys):
        """--explain prints the date, then every skipped day with its reason."""
        code, out, _ = run(capsys, "workday", "2023-05-16", "35", "--explain")
        lines = out.splitlines()
        assert code == 0
        assert lines[0] == "2023-07-05"
        assert "Mon 29 May 2023  bank holiday: Spring Bank Holiday" in out
        assert out.count("weekend") == 14
        assert "holidays " in lines[-1]

    @pytest.mark.parametrize(
        ("argv", "needle"),
        [
            (["workday", "2023-02-30", "5"], "not a real date"),
            (["workday", "05/16/2023", "5"], "day first"),
            (["workday", "next tuesday", "5"], "expected YYYY-MM-DD or DD/MM/YYYY"),
            (["workday", "2023-05-16", "five"], "not a whole number"),
            (
                ["workday", "2023-05-16", "5", "--region", "wales-and-england"],
                "unknown region",
            ),
            (["workday", "1850-01-01", "5"], "outside the years"),
            (["networkdays", "2023-05-16"], "required"),
        ],
    )
    def test_bad_input_is_one_line_and_exit_2(self, capsys, argv, needle):
        """Bad input never gives a traceback."""
        code, out, err = run(capsys, *argv)
        assert code == 2
        assert out == ""
        assert needle in err
        assert len(err.strip().splitlines()) == 1
        assert "Traceback" not in err


class TestNetworkdays:
    def test_counts_both_ends(self, capsys):
        """NETWORKDAYS counts both ends; reversed is negative."""
        assert run(capsys, "networkdays", "2023-05-16", "2023-07-05")[1] == "36\n"
        assert run(capsys, "networkdays", "2023-07-05", "2023-05-16")[1] == "-36\n"


def test_no_command_prints_help(capsys):
    """Bare `sendkit` shows the commands and exits 2."""
    code, out, _ = run(capsys)
    assert code == 2
    assert "workday" in out


def test_python_dash_m(tmp_path):
    """`python -m sendkit` runs the same command line."""
    result = subprocess.run(
        [sys.executable, "-m", "sendkit", "workday", "2023-05-16", "35"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0
    assert result.stdout == "2023-07-05\n"


def test_closed_pipe_is_quiet(tmp_path):
    """A reader that stops early (`| head`) gets no BrokenPipeError traceback."""
    cases = tmp_path / "cases.csv"
    assert main(["ehc", "example", str(cases), "--year", "2024"]) == 0
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sendkit",
            "ehc",
            "cases",
            str(cases),
            "--as-of",
            "2024-06-01",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # the reader goes away, like head
        error = process.stderr.read()
        process.wait(timeout=60)
    assert first.startswith("Steps due")
    assert "Traceback" not in error
    assert process.returncode == 0
