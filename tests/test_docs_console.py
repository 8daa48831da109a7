"""Every ``console`` example in the README and the docs runs, with the output shown.

pytest's doctest collection runs the ``pycon`` blocks; this test runs the
``$ sendkit ...`` lines of the ``console`` blocks through `sendkit.cli.main`, in
a scratch folder holding the files the pages name. Where a page shows output,
it must match; a line holding only ``...`` stands for any number of lines.
Commands shown without output must succeed (or fail with exit code 2 when the
page shows a ``sendkit:`` error line).
"""

from __future__ import annotations

import pathlib
import re
import shlex
import shutil

import pytest

from sendkit.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def _examples(page: pathlib.Path) -> list[tuple[str, list[str]]]:
    """Return (command, expected output lines) for each ``$`` line of a page."""
    examples: list[tuple[str, list[str]]] = []
    for block in BLOCK.findall(page.read_text(encoding="utf-8")):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.startswith("$ "):
                i += 1
                continue
            command = line[2:]
            while command.endswith("\\"):
                i += 1
                command = command[:-1] + " " + lines[i].strip()
            i += 1
            output = []
            while i < len(lines) and not lines[i].startswith("$ "):
                output.append(lines[i])
                i += 1
            examples.append((command, output))
    return examples


CASES = [
    pytest.param((page, number), command, output, id=f"{page.name}-{number}")
    for page in PAGES
    for number, (command, output) in enumerate(_examples(page), start=1)
]


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Match lines, with a line of only '...' standing for any number of lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head.strip() == "...":
        return any(_matches(rest, actual[k:]) for k in range(len(actual) + 1))
    return (
        bool(actual)
        and actual[0].rstrip() == head.rstrip()
        and _matches(rest, actual[1:])
    )


@pytest.fixture
def workdir(tmp_path, monkeypatch, ofsted_dir):
    """A scratch folder with the files the pages' examples name."""
    ofsted = ofsted_dir
    for name in (
        "mi_area_send_jan_to_aug_2023.csv",
        "Area_SEND_inspection_data_01_May_2016_to_31_August_2022.ods",
    ):
        shutil.copy(ofsted / name, tmp_path / name)
    (tmp_path / "local-rules.toml").write_text(
        '[rules."area-send.pap.submit"]\nperiod = "40 working days"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_pages_have_console_examples():
    """The collection finds the examples (guards against a silent regex miss)."""
    assert len(CASES) >= 20


@pytest.mark.parametrize(("where", "command", "output"), CASES)
@pytest.mark.usefixtures("workdir")
def test_console_example(where, command, output, capsys):
    """The command exits as the page implies and prints what the page shows."""
    page, number = where
    argv = shlex.split(command, comments=True)
    assert argv[0].endswith("sendkit"), command
    # Earlier commands on the same page (e.g. `ehc example`) make later inputs.
    for earlier, _ in _examples(page)[: number - 1]:
        before = shlex.split(earlier, comments=True)[1:]
        main(before)
    capsys.readouterr()
    code = main(argv[1:])
    out, err = capsys.readouterr()
    shows_error = any(line.startswith("sendkit: ") for line in output)
    assert code == (2 if shows_error else 0), (command, err)
    if output:
        actual = (out + err).splitlines()
        assert _matches(output, actual), (command, output, actual)
