"""Shared test settings.

Two Hypothesis profiles, chosen by the environment so that no run of
``./dev test`` can fail because the machine is slow or busy:

* ``ci`` (loaded when ``CI`` is set, as it is in ``.ci/run``): derandomised, so a
  given commit always tries the same examples; no deadline; no example database
  (a CI clone starts empty anyway); failing examples printed as reproduction
  blobs; the too-slow health check off.
* ``dev`` (loaded otherwise): random examples, so local runs keep exploring; no
  deadline and the too-slow health check off, for the same reason as CI.

``--hypothesis-profile=thorough`` runs 2,000 examples per test before a release;
``--hypothesis-profile=mutation`` is the CI profile as tools/mutate.py needs it.
"""

from __future__ import annotations

import os
import pathlib
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Shared by every profile: no deadline, and no too-slow health check.
# Built on Hypothesis's own "default" profile: a bare register_profile
# inherits whatever profile is current, and Hypothesis itself switches to its
# derandomised "ci" profile whenever a CI variable exists, even an empty one.
settings.register_profile(
    "dev",
    parent=settings.get_profile("default"),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    parent=settings.get_profile("dev"),
    derandomize=True,
    database=None,
    print_blob=True,
)
settings.register_profile(
    "thorough", parent=settings.get_profile("dev"), max_examples=2_000
)
# tools/mutate.py: the CI profile, run again and again in one process by
# mutmut, which calls each test method from a fresh instance of its class.
settings.register_profile(
    "mutation",
    parent=settings.get_profile("ci"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}


settings.load_profile("ci" if _in_ci() else "dev")

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = pathlib.Path(__file__).resolve().parent / "data"


#: Ofsted's published area SEND files, copied into the repository (Open
#: Government Licence; see tests/data/ofsted/README.md) so a fresh clone tests
#: the real files without anything beside it.
OFSTED = DATA / "ofsted"


@pytest.fixture
def ofsted_dir() -> pathlib.Path:
    """Ofsted's published area SEND files, shipped in tests/data/ofsted."""
    return OFSTED


@pytest.fixture
def shared_dir() -> pathlib.Path:
    """The shared reference folder beside the project (tests may read it)."""
    if not SHARED.is_dir():
        if _in_ci():
            # CI always has shared/ beside the clone: a skip there would hide
            # every test of the real Ofsted files.
            pytest.fail(f"shared folder not found at {SHARED} (CI is set)")
        pytest.skip(f"shared folder not found at {SHARED}")
    return SHARED


#: A local rule file that changes the priority action plan's submission period.
LOCAL_RULES = """\
[rules."area-send.pap.submit"]
period = "40 working days"
reason = "Confirmed by our DfE adviser"
"""


@pytest.fixture
def rule_file(tmp_path: pathlib.Path) -> pathlib.Path:
    """A local rule file (local.toml) moving area-send.pap.submit to 40 working days."""
    path = tmp_path / "local.toml"
    path.write_text(LOCAL_RULES, encoding="utf-8")
    return path


def write_dfe_timeliness(path: pathlib.Path, **cells: str) -> None:
    """Write a DfE 20-week timeliness CSV with one council row: Derbyshire, 2025.

    The layout is DfE's (the geography columns, then the measure's own);
    *cells* set or override values, e.g. ``la_name=...`` or
    ``plans_issued_den="1400"``. Every other cell is blank.
    """
    import csv

    from sendkit.dfe import KINDS

    columns = [
        "time_period",
        "time_identifier",
        "geographic_level",
        "country_code",
        "region_code",
        "region_name",
        "new_la_code",
        "old_la_code",
        "la_name",
        "breakdown_topic",
        "breakdown",
        *KINDS["timeliness_20_week"].columns,
    ]
    row = dict.fromkeys(columns, "")
    row.update(
        time_period="2025",
        time_identifier="Calendar year",
        geographic_level="Local authority",
        region_code="E12000004",
        region_name="East Midlands",
        new_la_code="E10000007",
        old_la_code="830",
        la_name="Derbyshire",
        breakdown_topic="All EHC plans issued",
        breakdown="All EHC plans issued",
    )
    row.update(cells)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerow(row)


def printed_points(ws: Any) -> float:
    """The size 11 pt type prints at on landscape A4, fitted *fitToWidth* pages wide.

    A model, for tests of print layout: Excel's column width ``w``
    (characters of the default font, Calibri 11) is ``7 w + 5`` pixels at
    96 dpi, 0.75 pt a pixel; the page is 297 mm less the side margins.
    """
    from openpyxl.utils import get_column_letter  # only the print-layout tests need it

    widths = [
        ws.column_dimensions[get_column_letter(c)].width or 8.43
        for c in range(1, ws.max_column + 1)
    ]
    sheet = sum(0.75 * (7 * w + 5) for w in widths)
    page = (297 / 25.4 - ws.page_margins.left - ws.page_margins.right) * 72
    return float(11 * min(1.0, ws.page_setup.fitToWidth * page / sheet))
