"""The shipped DfE table, lookups, symbols and the benchmark command."""

from __future__ import annotations

import csv
import importlib.util
import json
import pathlib

import pytest

from sendkit.cli import main
from sendkit.dfe import (
    KINDS,
    MEASURES,
    AmbiguousAreaError,
    Table,
    UnknownAreaError,
    benchmark,
    find_council,
    neighbour_keys,
    shipped_table,
)
from sendkit.errors import InvalidInputError
from sendkit.io._dfe import read_dfe_file, read_dfe_table

from .conftest import printed_points, write_dfe_timeliness

#: DfE's files, cut to the headline rows and columns these tests read
#: (tools/make_dfe_test_data.py; licence and source in its README.md).
ROOT = pathlib.Path(__file__).resolve().parent.parent
DFE_DATA = ROOT / "tests" / "data" / "dfe"


@pytest.fixture
def dfe_dir():
    """DfE's headline rows, shipped in tests/data/dfe, so nothing outside the repository is read."""
    return DFE_DATA


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_shipped_table_matches_dfe_files_row_by_row(dfe_dir, kind):
    table = shipped_table()
    spec = KINDS[kind]
    checked = 0
    with (dfe_dir / f"{kind}.csv").open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            if not row["breakdown_topic"].startswith(spec.topic):
                continue
            level = row["geographic_level"]
            key = {
                "National": "E92000001",
                "Regional": row["region_code"],
            }.get(level, row["old_la_code"])
            for column in spec.columns:
                assert table.raw(key, int(row["time_period"]), column) == row[column], (
                    kind,
                    row["time_period"],
                    key,
                    column,
                )
            checked += 1
    assert checked >= 163


def test_shipped_table_has_every_year_and_area():
    table = shipped_table()
    assert table.years == (2019, 2020, 2021, 2022, 2023, 2024)
    assert len(table) == 972
    councils = [a for a in table.areas.values() if a.level == "local authority"]
    assert len(councils) == 155


def test_seed_figures_come_out_of_the_table():
    table = shipped_table()
    assert table.figure("830", "plans_issued", 2024).text == "1,253"
    assert table.figure("830", "pc_within_20_weeks", 2024).text == "35.7%"
    assert table.figure("E92000001", "pc_within_20_weeks", 2024).text == "45.9%"
    assert table.figure("891", "pc_within_20_weeks", 2020).text == "97.5%"
    assert table.figure("891", "pc_within_20_weeks", 2022).text == "4.5%"
    assert neighbour_keys("830")[0] == "891"


@pytest.mark.parametrize(
    "typed",
    ["Derbyshire", "derbyshire", " DERBYSHIRE ", "830", "E10000007", "e10000007"],
)
def test_a_council_is_found_as_people_type_it(typed):
    assert find_council(typed).key == "830"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Durham", "840"),
        ("Herefordshire", "884"),
        ("Bedford Borough", "822"),
        ("Hull", "810"),
        ("Bristol", "801"),
    ],
)
def test_names_without_dfe_suffixes_are_found(typed, key):
    assert find_council(typed).key == key


def test_unknown_name_suggests_the_nearest():
    with pytest.raises(UnknownAreaError) as caught:
        find_council("Derbyshyre")
    assert caught.value.suggestions[0] == "Derbyshire (830)"


def test_ambiguous_name_lists_the_candidates():
    with pytest.raises(AmbiguousAreaError) as caught:
        find_council("north")
    assert "North Somerset (802)" in caught.value.candidates


def test_every_neighbour_is_a_known_council_and_there_are_ten():
    table = shipped_table()
    for area in table.areas.values():
        keys = neighbour_keys(area.key)
        if keys:
            assert len(keys) == 10
            assert all(key in table.areas for key in keys)
            assert area.key not in keys


def _table(value: str) -> Table:
    row = {
        "time_period": "2024",
        "geographic_level": "Local authority",
        "region_code": "E12000004",
        "region_name": "East Midlands",
        "new_la_code": "E10000007",
        "old_la_code": "830",
        "la_name": "Derbyshire",
        "plans_issued_den": value,
    }
    return Table([row], source="test")


@pytest.mark.parametrize("symbol", ["x", "c", "z", "low"])
def test_a_suppressed_figure_is_never_a_number(symbol):
    figure = _table(symbol).figure("830", "plans_issued", 2024)
    assert figure.value is None
    assert figure.symbol == symbol
    assert figure.reason
    assert figure.text == f"not published ({symbol})"


def test_a_rate_dfe_does_not_publish_is_computed_from_its_counts_and_marked():
    figure = shipped_table().figure("830", "pc_requests_refused", 2019)
    assert figure.computed
    assert figure.text == "38.2%*"  # 269 / 705


def test_computed_rates_agree_with_dfe_where_dfe_publishes_both():
    table = shipped_table()
    for area in table.areas:
        for year in (2023, 2024):
            spec = MEASURES["pc_requests_refused"]
            published = table.figure(area, spec.key, year)
            computed = table._computed(area, year, spec)
            if published.value is not None and computed is not None:
                assert abs(published.value - computed) <= 0.1, (area, year)


def test_unknown_layout_is_one_line_naming_the_missing_columns(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text(
        "time_period,geographic_level,breakdown_topic,la_name\n", encoding="utf-8"
    )
    with pytest.raises(InvalidInputError) as caught:
        read_dfe_file(path)
    message = str(caught.value)
    assert "\n" not in message
    assert "missing columns" in message
    assert "old_la_code" in message


def test_a_newer_release_is_laid_over_the_shipped_table(tmp_path):
    path = tmp_path / "timeliness_20_week.csv"
    write_dfe_timeliness(
        path, plans_issued_den="1400", pc_plans_issued_within_20_weeks="c"
    )
    table = read_dfe_table(path)
    assert table.years[-1] == 2025
    assert table.figure("830", "plans_issued", 2025).text == "1,400"
    assert table.figure("830", "pc_within_20_weeks", 2025).text == "not published (c)"
    assert table.figure("830", "plans_issued", 2024).text == "1,253"
    assert table.areas["E12000004"].name == "East Midlands"


def test_benchmark_derbyshire_2024():
    result = benchmark("Derbyshire", year=2024)
    first = result.measures[0]
    assert (first.council.text, first.england.text) == ("35.7%", "45.9%")
    assert result.neighbours[0].name == "Nottinghamshire"
    assert len(result.neighbours) == 10
    assert first.rank == (7, 11)


def test_cli_benchmark_shows_the_seeds(capsys):
    assert main(["benchmark", "--la", "Derbyshire", "--year", "2024"]) == 0
    out = capsys.readouterr().out
    assert "1,253" in out
    assert "35.7%" in out
    assert "45.9%" in out
    assert "Nottinghamshire" in out


def test_cli_benchmark_trend_shows_nottinghamshire_fall(capsys):
    assert main(["benchmark", "--la", "891", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    trend = {f["year"]: f["value"] for f in data["measures"][0]["trend"]}
    assert trend[2020] == 97.5
    assert trend[2022] == 4.5
    assert data["series_break"]["year"] == 2023


def test_cli_unknown_council_is_one_line_with_suggestions(capsys):
    assert main(["benchmark", "--la", "Notinghamshire"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Nottinghamshire (891)" in err


def test_cli_html_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "page.html"
    out.write_text("keep", encoding="utf-8")
    assert main(["benchmark", "--la", "830", "--html", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "keep"
    assert main(["benchmark", "--la", "830", "--html", str(out), "--force"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page
    assert "Derbyshire" in page


def test_england_figures_in_the_ehc_measure_come_from_the_table_at_primary_level():
    from sendkit.ehc import NATIONAL

    table = shipped_table()
    for year in table.years:
        figure = NATIONAL[year]
        assert (figure.confidence, figure.detail_confidence) == ("P", "P")
        assert (
            figure.percent_including_exceptions
            == table.figure("E92000001", "pc_within_20_weeks", year).value
        )
        assert figure.issued == int(table.raw("E92000001", year, "plans_issued_den"))
        assert "timeliness_20_week.csv" in figure.source


def test_importing_sendkit_does_not_load_the_table():
    import subprocess
    import sys

    code = (
        "import sendkit, sendkit.ehc, sys; "
        "from sendkit.dfe._table import shipped_table; "
        "print(shipped_table.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "0"


def test_cli_xlsx_is_written_with_numbers_and_never_zero_for_suppressed(tmp_path):
    import openpyxl

    out = tmp_path / "b.xlsx"
    assert (
        main(["benchmark", "--la", "Derbyshire", "--year", "2024", "--xlsx", str(out)])
        == 0
    )
    book = openpyxl.load_workbook(out)
    sheet = book["Benchmark"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][2] == 35.7
    assert rows[2][4] == 45.9
    assert main(["benchmark", "--la", "Derbyshire", "--xlsx", str(out)]) == 2
    assert "Open Government Licence" in str(
        list(book["Source"].iter_rows(values_only=True))
    )
    book.close()


def test_xlsx_print_sheet_is_the_benchmark_turned_on_its_side_one_page_wide(tmp_path):
    import openpyxl

    out = tmp_path / "b.xlsx"
    assert (
        main(["benchmark", "--la", "Derbyshire", "--year", "2024", "--xlsx", str(out)])
        == 0
    )
    book = openpyxl.load_workbook(out)
    wide = list(book["Benchmark"].iter_rows(min_row=2, values_only=True))
    ws = book["Print"]
    tall = list(ws.iter_rows(min_row=2, values_only=True))
    areas, measures = wide[0][2:-1], [row[0] for row in wide[1:]]
    assert tall[0] == ("Area", *measures)
    # Each area's row holds, measure by measure, the Benchmark sheet's column.
    for at, area in enumerate(areas):
        assert tall[1 + at] == (area, *(row[2 + at] for row in wide[1:]))
    assert tall[1][0] == "Derbyshire"
    assert ws["A3"].font.bold
    assert tall[1 + len(areas)] == (
        "Rank among neighbours",
        *(row[-1] for row in wide[1:]),
    )
    assert "not published (x)" in tall[1 + areas.index("Dorset")]  # never 0
    # Printed on one A4 landscape page across (8 measure columns fit, where
    # the Benchmark sheet's 13 area columns print in type too small to read).
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$2:$2"
    # The model of printed type size: LibreOffice renders about the same.
    assert printed_points(ws) >= 10
    assert printed_points(book["Benchmark"]) < 6.5  # why the Print sheet exists
    assert book.sheetnames == ["Benchmark", "Trend", "Print", "Source"]
    book.close()


def test_a_missing_region_figure_keeps_every_area_in_its_own_column(tmp_path):
    import attrs
    import openpyxl

    from sendkit.io._dfe import write_benchmark_xlsx

    result = benchmark("Derbyshire", year=2024)
    first = attrs.evolve(result.measures[0], region=None)
    result = attrs.evolve(result, measures=(first, *result.measures[1:]))
    out = write_benchmark_xlsx(result, tmp_path / "b.xlsx")
    book = openpyxl.load_workbook(out)
    wide = list(book["Benchmark"].iter_rows(min_row=2, values_only=True))
    assert wide[1][2:5] == (35.7, "no figure", 45.9)  # council, region, England
    tall = list(book["Print"].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in tall[1:4]] == [35.7, "no figure", 45.9]
    book.close()


def test_cli_dfe_file_of_unknown_layout_is_one_line(tmp_path, capsys):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["benchmark", "--la", "830", "--dfe", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "missing columns" in err


def test_html_page_writes_suppressed_figures_as_not_published(tmp_path):
    out = tmp_path / "page.html"
    assert (
        main(["benchmark", "--la", "Derbyshire", "--year", "2024", "--html", str(out)])
        == 0
    )
    page = out.read_text(encoding="utf-8")
    assert "not published (x)" in page  # Dorset's excluding-exceptions rate
    assert "series break" in page
    assert "<script" not in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


class TestDfeExtractIsFaithful:
    """tests/data/dfe holds DfE's headline rows exactly as DfE published them."""

    def test_extract_is_what_the_tool_cuts_from_dfes_files(self, shared_dir):
        folder = shared_dir / "data" / "dfe"
        module = _load_tool("make_dfe_test_data.py")
        for kind in KINDS:
            assert (DFE_DATA / f"{kind}.csv").read_text(
                encoding="utf-8"
            ) == module.extract(folder / f"{kind}.csv", kind), kind
        neighbours = "statistical_neighbours.csv"
        assert (DFE_DATA / neighbours).read_bytes() == (
            folder / neighbours
        ).read_bytes()

    def test_the_shipped_tables_can_be_rebuilt_from_the_extract(self):
        module = _load_tool("make_dfe_table.py")
        shipped = ROOT / "src" / "sendkit" / "dfe"
        rows = module.headline(DFE_DATA)
        with (shipped / "headline.csv").open(encoding="utf-8", newline="") as f:
            expected = list(csv.DictReader(f))
        assert [{c: row.get(c, "") for c in expected[0]} for row in rows] == expected
        grid = module.neighbours(DFE_DATA, module.Table(rows, source="extract"))
        with (shipped / "neighbours.csv").open(encoding="utf-8", newline="") as f:
            assert grid == list(csv.reader(f))[1:]


def _load_tool(name):
    """Import a script from tools/ by path."""
    spec = importlib.util.spec_from_file_location(name[:-3], ROOT / "tools" / name)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
