"""Shared test settings.

Hypothesis profiles are registered, never loaded: under CI=true Hypothesis loads
its own derandomised "ci" profile. Use ``--hypothesis-profile=thorough`` before a
release.
"""

from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import settings

settings.register_profile("dev", max_examples=20)
settings.register_profile("thorough", max_examples=2_000)

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = pathlib.Path(__file__).resolve().parent / "data"


@pytest.fixture
def shared_dir() -> pathlib.Path:
    """The shared reference folder beside the project (tests may read it)."""
    if not SHARED.is_dir():
        if os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}:
            # CI always has shared/ beside the clone: a skip there would hide
            # every test of the real Ofsted files.
            pytest.fail(f"shared folder not found at {SHARED} (CI is set)")
        pytest.skip(f"shared folder not found at {SHARED}")
    return SHARED
