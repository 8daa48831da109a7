"""``sendkit ehc timeliness`` and ``sendkit ehc cases``."""

from __future__ import annotations

import json
import re

import pytest

from sendkit.cli import main

from .conftest import DATA
from .test_ehc_io import assert_no_personal_data

CSV = str(DATA / "ehc_cases.csv")
XML = str(DATA / "ehc_sen2.xml")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestTimeliness:
    def test_json_object(self, capsys):
        """--json prints one object with the DfE counts, bands, months and national row."""
        code, out, err = run(
            capsys, "ehc", "timeliness", CSV, "--year", "2024", "--json"
        )
        assert code == 0
        data = json.loads(out)
        assert data["issued"] == 7
        assert data["within_20_weeks"] == 2
        assert data["percent"] == 28.6
        assert data["issued_excluding_exceptions"] == 5
        assert data["within_20_weeks_excluding_exceptions"] == 2
        assert data["percent_excluding_exceptions"] == 40.0
        assert len(data["by_month"]) == 12
        assert data["national"]["year"] == 2024
        assert "[U]" in data["convention"]
        tags = {part["item"]: part["confidence"] for part in data["definition"]}
        assert tags["exclusion"] == "[INFERRED]"
        assert tags["day_140"] == tags["band_52_weeks"] == "[U]"
        assert "Gateshead" in data["definition"][2]["text"]
        assert len(data["problems"]) == 4
        assert "row 9" in err

    def test_day_140_late(self, capsys):
        """--day-140-late moves C001 (day 140) out of time."""
        _, out, _ = run(
            capsys,
            "ehc",
            "timeliness",
            CSV,
            "--year",
            "2024",
            "--json",
            "--day-140-late",
        )
        assert json.loads(out)["within_20_weeks"] == 1

    def test_text_table(self, capsys):
        """The text form shows both rates, England's figure and the convention."""
        code, out, _ = run(capsys, "ehc", "timeliness", XML, "--year", "2024")
        assert code == 0
        assert "Within 20 weeks" in out
        assert "England 2024 (published)" in out
        assert "46.4% [P]" in out
        assert "  [U] Day 0 is the day the request was received" in out
        assert "  [INFERRED] Excluding exceptions" in out
        assert "  [U] Over 52 weeks: more than 364 days" in out

    def test_strict_stops_with_exit_2(self, capsys):
        """--strict turns the first bad row into a one-line error and exit code 2."""
        code, out, err = run(
            capsys, "ehc", "timeliness", CSV, "--year", "2024", "--strict"
        )
        assert code == 2
        assert out == ""
        assert err.strip().count("\n") == 0
        assert "row 9" in err

    def test_missing_file(self, capsys, tmp_path):
        """A missing file is one line and exit code 2."""
        code, _, err = run(
            capsys, "ehc", "timeliness", str(tmp_path / "none.csv"), "--year", "2024"
        )
        assert code == 2
        assert "does not exist" in err


class TestQueriesInOutput:
    def test_queries_listed_in_json_and_on_stderr(self, capsys, tmp_path):
        """A blank Week20 on an issued plan is queried: kept, listed on stderr and in JSON."""
        path = tmp_path / "q.csv"
        path.write_text(
            "CaseId,ReceivedDate,StartDate\nA,2024-01-01,2024-04-01\n", encoding="utf-8"
        )
        code, out, err = run(
            capsys, "ehc", "timeliness", str(path), "--year", "2024", "--json"
        )
        assert code == 0
        data = json.loads(out)
        assert data["issued"] == 1
        assert data["week20_not_recorded"] == 1
        assert "Week20" in data["queries"][0]
        assert "sendkit check" in err


class TestCases:
    def test_soonest_first_by_case_id(self, capsys):
        """Open steps are listed by opaque id, soonest due first."""
        code, out, _ = run(
            capsys, "ehc", "cases", CSV, "--as-of", "2024-10-01", "--json"
        )
        assert code == 0
        steps = json.loads(out)["steps"]
        dues = [step["due"] for step in steps]
        assert dues == sorted(dues)
        # C010's plan is dated 31 December, so on 1 October it was still overdue
        assert {step["case_id"] for step in steps} == {"C007", "C010"}

    def test_within_keeps_overdue_and_near_steps(self, capsys):
        """--within 30 keeps overdue steps and those due within 30 days."""
        _, out, _ = run(
            capsys,
            "ehc",
            "cases",
            XML,
            "--as-of",
            "2024-12-01",
            "--within",
            "30",
            "--json",
        )
        steps = json.loads(out)["steps"]
        assert steps
        assert all(s["status"] == "overdue" or s["days"] <= 30 for s in steps)

    def test_csv_for_a_spreadsheet(self, capsys, tmp_path):
        """--csv writes the same steps, one row each, in STEP_COLUMNS order."""
        import csv

        from sendkit.io import STEP_COLUMNS

        out_path = tmp_path / "due.csv"
        _, out, _ = run(
            capsys,
            "ehc",
            "cases",
            XML,
            "--as-of",
            "2024-12-01",
            "--json",
            "--csv",
            str(out_path),
        )
        steps = json.loads(out)["steps"]
        with out_path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert tuple(rows[0]) == STEP_COLUMNS
        assert [(r[0], r[1], r[2]) for r in rows[1:]] == [
            (s["due"], s["case_id"], s["step"]) for s in steps
        ]
        assert_no_personal_data(out_path.read_text(encoding="utf-8"))

    def test_text(self, capsys):
        """The text form has a header line and one line per step."""
        _, out, _ = run(capsys, "ehc", "cases", XML, "--as-of", "2024-10-01")
        assert out.splitlines()[0].startswith("Steps due or overdue as of 2024-10-01")
        assert "999-P2-R2" in out


class TestExample:
    def test_example_file_gives_the_library_answer(self, capsys, tmp_path):
        """`ehc example` writes the synthetic caseload; the file measures as the library does."""
        from sendkit.ehc import synthetic_caseload, timeliness

        path = tmp_path / "example.csv"
        code, out, _ = run(
            capsys, "ehc", "example", str(path), "--year", "2024", "--requests", "300"
        )
        assert code == 0
        assert "wrote 600" in out
        _, out, err = run(
            capsys, "ehc", "timeliness", str(path), "--year", "2024", "--json"
        )
        expected = timeliness(
            synthetic_caseload(year=2024, requests_per_year=300), year=2024
        )
        data = json.loads(out)
        assert (data["issued"], data["within_20_weeks_excluding_exceptions"]) == (
            expected.issued,
            expected.within_20_weeks_excluding_exceptions,
        )
        assert err == ""

    def test_negative_requests(self, capsys, tmp_path):
        """A negative request count is one line on stderr and exit code 2."""
        code, _, err = run(
            capsys,
            "ehc",
            "example",
            str(tmp_path / "x.csv"),
            "--year",
            "2024",
            "--requests",
            "-1",
        )
        assert code == 2
        assert "-1 is outside the accepted range, 1 to 200,000" in err


class TestSources:
    @pytest.mark.parametrize("year", ["2022", "2023", "2024"])
    @pytest.mark.parametrize("form", [[], ["--json"]])
    def test_outputs_cite_public_sources_not_internal_notes(self, capsys, year, form):
        """Users get DfE's and legislation.gov.uk's addresses, not files they lack."""
        _, out, _ = run(capsys, "ehc", "timeliness", CSV, "--year", year, *form)
        # No file name of a markdown note, and no section sign: a user of the
        # command has neither the notes nor their sections.
        assert not re.search(r"\b[\w-]+\.md\b", out)
        for internal in ("domain notes", "§"):
            assert internal not in out
        if form:
            data = json.loads(out)
            assert (
                "legislation.gov.uk/uksi/2014/1530/regulation/13" in data["convention"]
            )
            assert data["national"]["url"].startswith(
                "https://explore-education-statistics.service.gov.uk/"
            )
            if year != "2022":
                assert "https://" in data["national"]["source"]
                assert "timeliness_20_week.csv" in data["national"]["source"]


class TestWritingFiles:
    """Output files: no traceback when they cannot be written, no silent overwrite."""

    def test_example_into_a_missing_folder(self, capsys, tmp_path):
        target = tmp_path / "nonexistent" / "x.csv"
        code, out, err = run(capsys, "ehc", "example", str(target), "--year", "2024")
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1
        assert "cannot write" in err
        assert "Traceback" not in err

    def test_cases_csv_into_a_missing_folder(self, capsys, tmp_path):
        target = tmp_path / "nonexistent" / "o.csv"
        code, _, err = run(
            capsys, "ehc", "cases", CSV, "--as-of", "2024-06-01", "--csv", str(target)
        )
        assert code == 2
        assert err.splitlines()[-1].startswith("sendkit: cannot write")
        assert "Traceback" not in err

    def test_example_refuses_to_replace_a_file(self, capsys, tmp_path):
        keep = tmp_path / "keep.csv"
        keep.write_text("the council's real caseload\n", encoding="utf-8")
        code, out, err = run(capsys, "ehc", "example", str(keep), "--year", "2024")
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1
        assert "already exists; give --force" in err
        assert keep.read_text(encoding="utf-8") == "the council's real caseload\n"

    def test_example_force_replaces(self, capsys, tmp_path):
        keep = tmp_path / "keep.csv"
        keep.write_text("old\n", encoding="utf-8")
        code, out, _ = run(
            capsys,
            "ehc",
            "example",
            str(keep),
            "--year",
            "2024",
            "--requests",
            "5",
            "--force",
        )
        assert code == 0
        assert "wrote 10" in out
        assert keep.read_text(encoding="utf-8").startswith("CaseId,")

    def test_cases_csv_refuses_to_replace_a_file(self, capsys, tmp_path):
        """Refused before the caseload is read: nothing on stdout, file untouched."""
        keep = tmp_path / "due.csv"
        keep.write_text("keep me\n", encoding="utf-8")
        argv = ["ehc", "cases", CSV, "--as-of", "2024-06-01", "--csv", str(keep)]
        code, out, err = run(capsys, *argv)
        assert code == 2
        assert out == ""
        assert (
            err
            == f"sendkit: {str(keep)!r} already exists; give --force to replace it\n"
        )
        assert keep.read_text(encoding="utf-8") == "keep me\n"
        code, _, _ = run(capsys, *argv, "--force")
        assert code == 0
        assert keep.read_text(encoding="utf-8").startswith("due,case_id,")


class TestPrivacy:
    @pytest.mark.parametrize("path", [CSV, XML])
    @pytest.mark.parametrize(
        "argv",
        [
            ["timeliness", "--year", "2024"],
            ["timeliness", "--year", "2024", "--json"],
            ["cases", "--as-of", "2024-06-01"],
            ["cases", "--as-of", "2024-06-01", "--json"],
            ["cases", "--as-of", "2024-06-01", "--strict"],
        ],
    )
    def test_no_names_or_birth_dates_in_any_output(self, capsys, path, argv):
        """Names, birth dates, UPNs and free-text notes never reach stdout or stderr."""
        _, out, err = run(capsys, "ehc", argv[0], path, *argv[1:])
        assert_no_personal_data(out, err)
