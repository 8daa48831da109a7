"""The Hypothesis profile in force can never fail a test for being slow."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings


def test_active_profile_has_no_deadline() -> None:
    assert settings.default.deadline is None


def test_active_profile_suppresses_too_slow_health_check() -> None:
    assert HealthCheck.too_slow in settings.default.suppress_health_check


def test_ci_profile_is_derandomised_without_database_and_prints_blobs() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize is True
    assert ci.database is None
    assert ci.print_blob is True
    assert ci.deadline is None


def test_ci_environment_loads_the_ci_profile() -> None:
    if os.environ.get("CI", "").lower() in {"", "0", "false", "no"}:
        assert settings.default.derandomize is False
    else:
        assert settings.default.derandomize is True
        assert settings.default.database is None
