"""Writing never destroys: --force, never over the input, atomic replacement.

Every command that writes a file refuses to replace one without ``--force``,
refuses outright to write over a file it is reading, and writes to a
temporary file in the same folder that is renamed into place, so a write that
fails halfway leaves the old file whole.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import pathlib

import pytest

from sendkit.cli import main
from sendkit.ehc import EhcCase
from sendkit.errors import InvalidInputError
from sendkit.io import _files, read_plan, write_cases
from sendkit.io._files import atomic_write, check_output, save_atomic, write_text

OLD = "the old content\n"


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _leftovers(folder: pathlib.Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def tracker(tmp_path):
    """A small tracker written by ``plan new``."""
    path = tmp_path / "t.xlsx"
    code = main(
        [
            "plan",
            "new",
            "--outcome",
            "3",
            "--report-received",
            "2024-12-02",
            "--area",
            "Waiting times",
            "-o",
            str(path),
        ]
    )
    assert code == 0
    return path


# -- the helper ---------------------------------------------------------------------


def test_atomic_write_replaces_only_when_complete(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text(OLD)
    with atomic_write(target) as handle:
        handle.write("new")
        assert target.read_text() == OLD  # not yet replaced
    assert target.read_text() == "new"
    assert _leftovers(tmp_path) == []


def test_atomic_write_failing_mid_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text(OLD)
    with (  # noqa: PT012 - the failure happens inside the writing block
        pytest.raises(InvalidInputError, match="the old file is unchanged"),
        atomic_write(target) as handle,
    ):
        handle.write("half of the new")
        _disk_full()
    assert target.read_text() == OLD
    assert _leftovers(tmp_path) == []


def test_an_error_that_is_not_about_files_also_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text(OLD)
    with pytest.raises(KeyboardInterrupt), atomic_write(target) as handle:  # noqa: PT012
        handle.write("half")
        raise KeyboardInterrupt
    assert target.read_text() == OLD
    assert _leftovers(tmp_path) == []


def test_save_atomic_failing_keeps_the_old_file(tmp_path):
    target = tmp_path / "book.xlsx"
    target.write_text(OLD)

    def save(path):
        path.write_text("half a workbook")
        _disk_full()

    with pytest.raises(InvalidInputError, match="No space left on device"):
        save_atomic(target, save)
    assert target.read_text() == OLD
    assert _leftovers(tmp_path) == []


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "page.html"
    target.write_text(OLD)
    target.chmod(0o640)
    write_text(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_check_output_refuses_the_input_even_with_force(tmp_path):
    source = tmp_path / "t.xlsx"
    source.write_text(OLD)
    with pytest.raises(InvalidInputError, match="the file being read"):
        check_output(tmp_path / "." / "t.xlsx", force=True, inputs=[source])


def test_check_output_refuses_an_existing_file_without_force(tmp_path):
    target = tmp_path / "x.html"
    target.write_text(OLD)
    with pytest.raises(InvalidInputError, match="give --force"):
        check_output(target, force=False)
    assert check_output(target, force=True) == target


# -- every writer -------------------------------------------------------------------


def test_plan_status_refuses_to_write_html_over_the_tracker_it_reads(tracker, capsys):
    before = tracker.read_bytes()
    for extra in ([], ["--force"]):
        code = main(
            [
                "plan",
                "status",
                str(tracker),
                "--as-of",
                "2025-03-31",
                "--html",
                str(tracker),
                *extra,
            ]
        )
        assert code == 2
        err = capsys.readouterr().err
        assert "the file being read" in err
        assert len(err.splitlines()) == 1
    assert tracker.read_bytes() == before
    read_plan(tracker)  # still a tracker


def test_plan_status_html_refuses_to_replace_without_force(tracker, tmp_path, capsys):
    page = tmp_path / "board.html"
    page.write_text(OLD)
    args = ["plan", "status", str(tracker), "--as-of", "2025-03-31", "--html"]
    assert main([*args, str(page)]) == 2
    assert "already exists; give --force" in capsys.readouterr().err
    assert page.read_text() == OLD
    assert main([*args, str(page), "--force"]) == 0
    assert page.read_text().startswith("<!DOCTYPE html>")


def test_demo_html_refuses_to_replace_without_force(tmp_path, capsys):
    page = tmp_path / "board.html"
    page.write_text(OLD)
    assert main(["demo", "--html", str(page)]) == 2
    err = capsys.readouterr().err
    assert "already exists; give --force" in err
    assert page.read_text() == OLD
    assert main(["demo", "--html", str(page), "--force"]) == 0
    assert page.read_text().startswith("<!DOCTYPE html>")


def test_plan_new_refuses_to_replace_without_force(tracker, capsys):
    before = tracker.read_bytes()
    args = [
        "plan",
        "new",
        "--outcome",
        "3",
        "--report-received",
        "2024-12-02",
        "--area",
        "Other",
        "-o",
        str(tracker),
    ]
    assert main(args) == 2
    assert "give --force" in capsys.readouterr().err
    assert tracker.read_bytes() == before


def test_ehc_example_refuses_to_replace_without_force(tmp_path, capsys):
    out = tmp_path / "cases.csv"
    out.write_text(OLD)
    assert main(["ehc", "example", str(out), "--year", "2024"]) == 2
    assert "give --force" in capsys.readouterr().err
    assert out.read_text() == OLD


def test_ehc_cases_refuses_to_write_its_csv_over_the_caseload(tmp_path, capsys):
    cases = tmp_path / "cases.csv"
    assert (
        main(["ehc", "example", str(cases), "--year", "2024", "--requests", "5"]) == 0
    )
    before = cases.read_bytes()
    code = main(
        [
            "ehc",
            "cases",
            str(cases),
            "--as-of",
            "2024-06-01",
            "--csv",
            str(cases),
            "--force",
        ]
    )
    assert code == 2
    assert "the file being read" in capsys.readouterr().err
    assert cases.read_bytes() == before


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["demo", "--html", "{out}.html", "--force"], id="demo-html"),
        pytest.param(
            [
                "plan",
                "status",
                "{tracker}",
                "--as-of",
                "2025-03-31",
                "--html",
                "{out}.html",
                "--force",
            ],
            id="plan-status-html",
        ),
        pytest.param(
            [
                "plan",
                "new",
                "--outcome",
                "3",
                "--report-received",
                "2024-12-02",
                "--area",
                "X",
                "-o",
                "{out}.xlsx",
                "--force",
            ],
            id="plan-new-xlsx",
        ),
        pytest.param(
            [
                "plan",
                "new",
                "--outcome",
                "3",
                "--report-received",
                "2024-12-02",
                "--area",
                "X",
                "-o",
                "{out}.csv",
                "--force",
            ],
            id="plan-new-csv",
        ),
        pytest.param(
            ["ehc", "example", "{out}.csv", "--year", "2024", "--force"],
            id="ehc-example",
        ),
        pytest.param(
            [
                "ehc",
                "cases",
                "{caseload}",
                "--as-of",
                "2024-06-01",
                "--csv",
                "{out}.csv",
                "--force",
            ],
            id="ehc-cases-csv",
        ),
        pytest.param(
            [
                "ehc",
                "timeliness",
                "{caseload}",
                "--year",
                "2024",
                "--html",
                "{out}.html",
                "--force",
            ],
            id="ehc-timeliness-html",
        ),
        pytest.param(
            [
                "ehc",
                "timeliness",
                "{caseload}",
                "--year",
                "2024",
                "--cases-behind",
                "{out}.csv",
                "--force",
            ],
            id="ehc-timeliness-cases-behind",
        ),
        pytest.param(
            [
                "ehc",
                "due",
                "{caseload}",
                "--as-of",
                "2024-06-01",
                "--csv",
                "{out}.csv",
                "--force",
            ],
            id="ehc-due-csv",
        ),
        pytest.param(
            [
                "ehc",
                "due",
                "{caseload}",
                "--as-of",
                "2024-06-01",
                "--xlsx",
                "{out}.xlsx",
                "--force",
            ],
            id="ehc-due-xlsx",
        ),
        pytest.param(
            [
                "ehc",
                "example",
                "{out}.csv",
                "--year",
                "2024",
                "--plans",
                "3",
                "--force",
            ],
            id="ehc-example-plans",
        ),
        pytest.param(
            ["benchmark", "--la", "Derbyshire", "--html", "{out}.html", "--force"],
            id="benchmark-html",
        ),
        pytest.param(
            ["benchmark", "--la", "Derbyshire", "--xlsx", "{out}.xlsx", "--force"],
            id="benchmark-xlsx",
        ),
    ],
)
def test_a_forced_write_that_fails_leaves_the_old_file_whole(
    command, tracker, tmp_path, monkeypatch, capsys
):
    caseload = tmp_path / "caseload.csv"
    write_cases([EhcCase(case_id="R1", received=dt.date(2024, 1, 8))], caseload)
    out = tmp_path / "out"
    args = [
        part.format(tracker=tracker, caseload=caseload, out=out) for part in command
    ]
    target = pathlib.Path(next(a for a in args if a.startswith(str(out))))
    target.write_text(OLD)
    monkeypatch.setattr(_files.os, "fsync", _disk_full)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "the old file is unchanged" in err
    assert "Traceback" not in err
    assert target.read_text() == OLD
    assert _leftovers(tmp_path) == []


def test_a_writer_failing_halfway_through_its_rows_leaves_the_old_file(tmp_path):
    target = tmp_path / "cases.csv"
    target.write_text(OLD)

    def rows():
        yield EhcCase(case_id="R1", received=dt.date(2024, 1, 8))
        _disk_full()

    with pytest.raises(InvalidInputError, match="the old file is unchanged"):
        write_cases(rows(), target)
    assert target.read_text() == OLD
    assert _leftovers(tmp_path) == []


# -- every writer, against the files its command reads ----------------------------------

READS_AND_WRITES = {
    "ehc-timeliness-html": [
        "ehc",
        "timeliness",
        "{caseload}",
        "--year",
        "2024",
        "--html",
        "{same}",
    ],
    "ehc-timeliness-cases-behind": [
        "ehc",
        "timeliness",
        "{caseload}",
        "--year",
        "2024",
        "--cases-behind",
        "{same}",
    ],
    "ehc-timeliness-rules-html": [
        "ehc",
        "timeliness",
        "{caseload}",
        "--year",
        "2024",
        "--rules",
        "{rules}",
        "--html",
        "{rules}",
    ],
    "ehc-timeliness-two-outputs": [
        "ehc",
        "timeliness",
        "{caseload}",
        "--year",
        "2024",
        "--html",
        "{out}",
        "--cases-behind",
        "{out}",
    ],
    "ehc-cases-csv": [
        "ehc",
        "cases",
        "{caseload}",
        "--as-of",
        "2024-06-01",
        "--csv",
        "{same}",
    ],
    "ehc-due-csv": [
        "ehc",
        "due",
        "{caseload}",
        "--as-of",
        "2024-06-01",
        "--csv",
        "{same}",
    ],
    "ehc-due-xlsx": [
        "ehc",
        "due",
        "{caseload}",
        "--as-of",
        "2024-06-01",
        "--xlsx",
        "{same}",
    ],
    "ehc-due-rules-csv": [
        "ehc",
        "due",
        "{caseload}",
        "--as-of",
        "2024-06-01",
        "--rules",
        "{rules}",
        "--csv",
        "{rules}",
    ],
    "benchmark-dfe-html": [
        "benchmark",
        "--la",
        "Derbyshire",
        "--dfe",
        "{rules}",
        "--html",
        "{rules}",
    ],
    "demo-rules-html": ["demo", "--rules", "{rules}", "--html", "{rules}"],
}


def _reads_and_writes(
    name: str, folder: pathlib.Path
) -> tuple[list[str], dict[str, bytes]]:
    caseload = folder / "caseload.csv"
    write_cases([EhcCase(case_id="R1", received=dt.date(2024, 1, 8))], caseload)
    rules = folder / "local.toml"
    rules.write_text('[rules."ehc.final-plan"]\nreason = "kept"\n', encoding="utf-8")
    out = folder / "out.csv"
    out.write_text(OLD)
    args = [
        part.format(caseload=caseload, same=caseload, rules=rules, out=out)
        for part in READS_AND_WRITES[name]
    ]
    files = {str(path): path.read_bytes() for path in (caseload, rules, out)}
    return args, files


@pytest.mark.parametrize("name", READS_AND_WRITES)
def test_no_writer_writes_over_a_file_its_command_reads_even_with_force(
    name, tmp_path, capsys
):
    args, files = _reads_and_writes(name, tmp_path)
    assert main([*args, "--force"]) == 2
    err = capsys.readouterr().err
    assert "the file being read" in err
    assert len(err.strip().splitlines()) == 1, err
    for path, content in files.items():
        assert pathlib.Path(path).read_bytes() == content


@pytest.mark.parametrize(
    "command",
    [
        ["ehc", "timeliness", "{caseload}", "--year", "2024", "--html", "{out}"],
        [
            "ehc",
            "timeliness",
            "{caseload}",
            "--year",
            "2024",
            "--cases-behind",
            "{out}",
        ],
        ["ehc", "due", "{caseload}", "--as-of", "2024-06-01", "--csv", "{out}"],
        ["ehc", "due", "{caseload}", "--as-of", "2024-06-01", "--xlsx", "{out}"],
        ["ehc", "example", "{out}", "--year", "2024", "--plans", "2"],
        ["benchmark", "--la", "Derbyshire", "--html", "{out}"],
        ["benchmark", "--la", "Derbyshire", "--xlsx", "{out}"],
    ],
    ids=lambda c: "-".join(p for p in c[:3] if "{" not in p),
)
def test_every_writer_refuses_to_replace_without_force(command, tmp_path, capsys):
    caseload = tmp_path / "caseload.csv"
    write_cases([EhcCase(case_id="R1", received=dt.date(2024, 1, 8))], caseload)
    out = tmp_path / "out.csv"
    out.write_text(OLD)
    args = [part.format(caseload=caseload, out=out) for part in command]
    assert main(args) == 2
    assert "already exists; give --force to replace it" in capsys.readouterr().err
    assert out.read_text() == OLD


def test_ehc_due_with_no_usable_row_exits_1_after_listing_the_rows(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("CaseId,ReceivedDate\nR1,SECRET-2024-02-30\nR2,not a date\n")
    assert main(["ehc", "due", str(path), "--as-of", "2024-06-01"]) == 1
    err = capsys.readouterr().err
    assert "row 2" in err
    assert "row 3" in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("sendkit: no request or plan could be read from bad.csv")
    assert "SECRET-" not in err
