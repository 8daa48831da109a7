"""``sendkit timeline`` and ``sendkit inspections``."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sendkit.cli import main
from sendkit.io import read_plan

D = dt.date


@pytest.fixture
def mi_csv(ofsted_dir):
    return ofsted_dir / "mi_area_send_jan_to_aug_2023.csv"


@pytest.fixture
def legacy_ods(ofsted_dir):
    return ofsted_dir / "Area_SEND_inspection_data_01_May_2016_to_31_August_2022.ods"


class TestTimeline:
    @pytest.mark.parametrize(
        "outcome", ["systemic", "3", "outcome 3", "Widespread and/or systemic failings"]
    )
    def test_json(self, capsys, outcome):
        """An array of milestones with rule, ISO date, basis, confirmed and label."""
        code = main(
            [
                "timeline",
                "--outcome",
                outcome,
                "--report-received",
                "16/05/2023",
                "--json",
            ]
        )
        assert code == 0
        data = json.loads(capsys.readouterr().out)
        assert [item["date"] for item in data[:2]] == ["2023-07-05", "2023-08-23"]
        for item in data:
            assert {"rule", "date", "basis", "confirmed", "label"} <= set(item)
        assert data[0]["basis"] == "framework"
        assert data[0]["is_hard_limit"] is True
        assert data[-1]["rule"] == "area-send.full-inspection.after-systemic"
        assert all(item["assumptions"] == [] for item in data[:3])

    def test_text_with_explanations(self, capsys):
        """The text table and, with --explain, how each date was reached."""
        assert (
            main(
                [
                    "timeline",
                    "--outcome",
                    "1",
                    "--report-received",
                    "2023-05-16",
                    "--explain",
                ]
            )
            == 0
        )
        out = capsys.readouterr().out
        assert out.startswith("Outcome 1: Typically positive experiences and outcomes")
        assert "2028-05-16  expected  Next full inspection" in out
        assert "12 months after Tuesday 16 May 2023 is Thursday 16 May 2024." in out

    def test_status_with_as_of(self, capsys):
        """--as-of adds each milestone's status; JSON too."""
        main(
            [
                "timeline",
                "--outcome",
                "systemic",
                "--report-received",
                "2023-05-16",
                "--as-of",
                "2025-01-01",
                "--json",
            ]
        )
        data = json.loads(capsys.readouterr().out)
        statuses = {item["rule"]: item["status"] for item in data}
        assert statuses["area-send.pap.submit"] == "passed"
        assert statuses["area-send.monitoring-inspection"] == "overdue"
        assert statuses["area-send.full-inspection.after-systemic"] == "upcoming"

    def test_region(self, capsys):
        """--region counts working days on that region's bank holidays."""
        args = [
            "timeline",
            "--outcome",
            "3",
            "--report-received",
            "2023-11-20",
            "--json",
        ]
        main(args)
        england = json.loads(capsys.readouterr().out)[0]["date"]
        main([*args, "--region", "scotland"])
        scotland = json.loads(capsys.readouterr().out)[0]["date"]
        assert scotland > england  # St Andrew's Day, 30 November

    def test_holiday_horizon_is_one_warning_line(self, capsys):
        """A date past the announced bank holidays gives one plain warning line on stderr."""
        assert (
            main(
                [
                    "timeline",
                    "--outcome",
                    "3",
                    "--report-received",
                    "2028-11-01",
                    "--json",
                ]
            )
            == 0
        )
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1
        assert err[0].startswith("sendkit: warning: dates after 2028-12-31")

    def test_bad_outcome_is_one_line_and_exit_2(self, capsys):
        """An unknown outcome lists the accepted forms."""
        code = main(
            ["timeline", "--outcome", "good", "--report-received", "2023-05-16"]
        )
        err = capsys.readouterr().err
        assert code == 2
        assert "positive, inconsistent, systemic" in err
        assert len(err.strip().splitlines()) == 1


class TestInspectionsCommand:
    def test_json_for_the_mi_file(self, capsys, mi_csv):
        """One object per partnership with local_area, outcome code, ISO published, framework."""
        assert main(["inspections", str(mi_csv), "--json"]) == 0
        captured = capsys.readouterr()
        data = json.loads(captured.out)
        assert len(data) == 16
        notts = next(item for item in data if item["local_area"] == "Nottinghamshire")
        assert notts["outcome"] == "systemic"
        assert notts["published"] == "2023-05-16"
        assert notts["framework"] == "area_send_2023"
        assert notts["received_is_assumed"] is True
        assert notts["priority_actions"] == 2
        assert notts["overdue"] is None
        assert "no overdue flags were computed" in captured.err

    def test_overdue_flags_with_as_of(self, capsys, mi_csv):
        """With --as-of, expected events before that day are flagged overdue."""
        main(["inspections", str(mi_csv), "--json", "--as-of", "2025-01-01"])
        data = json.loads(capsys.readouterr().out)
        notts = next(item for item in data if item["local_area"] == "Nottinghamshire")
        assert "Monitoring inspection" in notts["overdue"]
        assert notts["as_of"] == "2025-01-01"
        oxon = next(item for item in data if item["local_area"] == "Oxfordshire")
        assert "Monitoring inspection" not in oxon["overdue"]  # due 2025-03-15

    def test_text_for_the_legacy_file(self, capsys, legacy_ods):
        """The 2016-2022 file lists every area; revisits done are marked DONE."""
        assert main(["inspections", str(legacy_ods), "--as-of", "2022-08-31"]) == 0
        out = capsys.readouterr().out
        assert "149 partnerships read" in out
        assert "header on row 5" in out
        devon = out.split("Devon (South West)")[1].split("\n\n")[0]
        assert "DONE" in devon
        assert "Revisit by Ofsted and CQC" in devon

    def test_text_without_as_of_says_so(self, capsys, mi_csv):
        """Without --as-of the output says no overdue flags are computed."""
        main(["inspections", str(mi_csv)])
        assert "no overdue flags are computed" in capsys.readouterr().out

    def test_problems_go_to_stderr_with_row_numbers(self, capsys, tmp_path):
        """Bad rows are listed on stderr; the good rows are still printed; exit 0."""
        path = tmp_path / "mi.csv"
        path.write_text(
            "Local area partnership,Inspection publication date,Inspection outcome\n"
            "Rutland,03/08/2023,Typically positive experiences and outcomes\n"
            "Nowhere,31/02/2023,positive\n",
            encoding="utf-8",
        )
        assert main(["inspections", str(path), "--json"]) == 0
        captured = capsys.readouterr()
        assert [item["local_area"] for item in json.loads(captured.out)] == ["Rutland"]
        assert "mi.csv row 3, column 'Inspection publication date'" in captured.err

    def test_nothing_readable_exits_1(self, capsys, tmp_path):
        """A file with a header but no readable row exits 1."""
        path = tmp_path / "mi.csv"
        path.write_text(
            "Local area partnership,Inspection outcome\nX,good\n", encoding="utf-8"
        )
        assert main(["inspections", str(path)]) == 1
        assert "no row of mi.csv could be read" in capsys.readouterr().err

    def test_legacy_revisits_lapse_after_december_2022(self, capsys, legacy_ods):
        """In 2024 no revisit is overdue: revisits ended; a 2025 inspection is expected."""
        assert main(["inspections", str(legacy_ods), "--as-of", "2024-06-01"]) == 0
        out = capsys.readouterr().out
        assert "OVERDUE   expected" not in out.split("Revisit by Ofsted")[0]
        assert not [
            line
            for line in out.splitlines()
            if "OVERDUE" in line and "Revisit by" in line
        ]
        bristol = out.split("Bristol (South West)")[1].split("\n\n")[0]
        assert (
            "LAPSED    expected  2021-10-02  Revisit by Ofsted and CQC: "
            "revisits ended December 2022; not revisited"
        ) in bristol
        assert (
            "UPCOMING  expected  2025-12-31  Full inspection under the 2023 framework"
            in bristol
        )

    def test_legacy_json_counts_lapsed_and_overdue(self, capsys, legacy_ods):
        """JSON: the 36 areas never revisited have a lapsed revisit, none overdue."""
        main(["inspections", str(legacy_ods), "--json", "--as-of", "2026-06-01"])
        data = json.loads(capsys.readouterr().out)
        lapsed = [
            item["local_area"]
            for item in data
            for m in item["milestones"]
            if m["status"] == "lapsed"
        ]
        assert len(lapsed) == 36
        assert "Bristol" in lapsed
        bristol = next(item for item in data if item["local_area"] == "Bristol")
        assert bristol["overdue"] == [
            "Full inspection under the 2023 framework (areas never revisited)"
        ]
        (revisit,) = [m for m in bristol["milestones"] if m["rule"] == "legacy.revisit"]
        assert (revisit["ended"], revisit["ended_note"]) == (
            "2022-12-31",
            "revisits ended December 2022; not revisited",
        )

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (lambda tmp: tmp, "is a directory, not a file"),
            (lambda tmp: tmp / "nope.ods", "does not exist"),
            (lambda tmp: _write(tmp / "bad.xlsx", b"not a zip"), "not a readable XLSX"),
            (lambda tmp: _write(tmp / "bad.ods", b"not a zip"), "not a readable ODS"),
            (lambda tmp: _write(tmp / "r.pdf", b"%PDF"), "not a .csv, .ods or .xlsx"),
        ],
    )
    def test_file_problems_are_one_line_and_exit_2(
        self, capsys, tmp_path, make, message
    ):
        """Every problem with the file itself: one line on stderr, exit 2."""
        assert main(["inspections", str(make(tmp_path))]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        (line,) = captured.err.splitlines()
        assert line.startswith("sendkit: ")
        assert message in line

    def test_unreadable_file_exits_2(self, capsys, tmp_path):
        """A file that is not an Ofsted file is one line on stderr and exit 2."""
        path = tmp_path / "x.csv"
        path.write_text("a,b\n", encoding="utf-8")
        assert main(["inspections", str(path)]) == 2
        assert "no header row of an Ofsted inspection file" in capsys.readouterr().err


def _write(path, data):
    path.write_bytes(data)
    return path


class TestRulesOptionOnInspectionCommands:
    """--rules reaches timeline, inspections, demo and plan new; a bad file is one line, exit 2."""

    def test_timeline_dates_with_the_rule_file_and_marks_it(self, capsys, rule_file):
        """sendkit timeline --rules dates with the file and says which rule it changed."""
        argv = ["timeline", "--outcome", "3", "--report-received", "2023-05-16"]
        assert main([*argv, "--rules", str(rule_file)]) == 0
        out = capsys.readouterr().out
        assert (
            "Locally overridden rule area-send.pap.submit: local rule file local.toml"
            in out
        )
        assert "2023-07-12  deadline  Submit the priority action plan" in out
        assert "LOCAL RULE" in out
        assert main([*argv, "--rules", str(rule_file), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data[0]["date"] == "2023-07-12"
        assert data[0]["overridden"].startswith("local rule file local.toml")
        assert data[1]["overridden"] is None

    def test_inspections_moves_and_marks_every_outcome_3_submission(
        self, capsys, rule_file, ofsted_dir
    ):
        """sendkit inspections --rules: every outcome-3 submission moves and is marked."""
        mi_csv = ofsted_dir / "mi_area_send_jan_to_aug_2023.csv"
        assert (
            main(["inspections", str(mi_csv), "--rules", str(rule_file), "--json"]) == 0
        )
        entries = json.loads(capsys.readouterr().out)
        submits = [
            m
            for entry in entries
            for m in entry["milestones"]
            if m["rule"] == "area-send.pap.submit"
        ]
        assert submits
        assert all(
            m["overridden"] and m["period"] == "40 working days" for m in submits
        )
        assert main(["inspections", str(mi_csv), "--rules", str(rule_file)]) == 0
        out = capsys.readouterr().out
        assert "Locally overridden rule area-send.pap.submit" in out
        assert "(LOCAL RULE)" in out

    def test_demo_walkthrough_uses_the_rule_file(self, capsys, rule_file):
        """sendkit demo --rules: the walkthrough and its plan skeleton use the file."""
        assert main(["demo", "--rules", str(rule_file)]) == 0
        out = capsys.readouterr().out
        assert "Locally overridden rule area-send.pap.submit" in out
        assert "UNCONFIRMED [U], LOCAL RULE" in out
        assert (
            "submission: due 2023-07-12 (area-send.pap.submit, UNCONFIRMED, LOCAL RULE)"
            in out
        )
        assert "--rules FILE" in out

    def test_plan_new_takes_the_submission_deadline_from_the_rule_file(
        self, capsys, rule_file, tmp_path
    ):
        """sendkit plan new --rules: the submission deadline and its source are local."""
        out = tmp_path / "pap.csv"
        argv = ["plan", "new", "--outcome", "3", "--report-received", "2023-05-16"]
        argv += ["--area", "EHC plans", "-o", str(out), "--rules", str(rule_file)]
        assert main(argv) == 0
        text = capsys.readouterr().out
        assert "submission: due 2023-07-12 [area-send.pap.submit]" in text
        assert "(LOCAL RULE: local rule file local.toml" in text
        assert (
            "publication: due 2023-08-23 [area-send.pap.publish]  (UNCONFIRMED)\n"
            in text
        )
        submission = read_plan(out).deadlines[0]
        assert submission.due == D(2023, 7, 12)
        assert "Locally overridden: local rule file local.toml" in submission.source

    @pytest.mark.parametrize(
        "argv",
        [
            ["timeline", "--outcome", "3", "--report-received", "2023-05-16"],
            ["demo"],
            [
                "plan",
                "new",
                "--outcome",
                "3",
                "--report-received",
                "2023-05-16",
                "--area",
                "A",
                "-o",
                "never.csv",
            ],
        ],
    )
    def test_a_bad_rule_file_is_one_line_and_exit_2(self, capsys, tmp_path, argv):
        """A missing or broken rule file is reported in one line, exit 2."""
        argv = [a.replace("never.csv", str(tmp_path / "never.csv")) for a in argv]
        assert main([*argv, "--rules", str(tmp_path / "missing.toml")]) == 2
        err = capsys.readouterr().err
        assert "missing.toml" in err
        assert len(err.strip().splitlines()) == 1
        bad = tmp_path / "bad.toml"
        bad.write_text(
            '[rules."area-send.pap.submit"]\nperiod = "soon"\n', encoding="utf-8"
        )
        assert main([*argv, "--rules", str(bad)]) == 2
        assert "bad.toml" in capsys.readouterr().err
