"""The Hypothesis profile in force can never fail a test for being slow."""

from __future__ import annotations

import ast
import os
import pathlib

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


class TestNoTestOverridesTheSlownessSettings:
    """A test's own ``@settings`` keeps the profile's promises: no deadline, no too-slow check.

    ``suppress_health_check=[...]`` replaces the profile's list rather than adding
    to it, so a list without ``HealthCheck.too_slow`` would bring that check back
    for its test, and a slow machine could fail it.
    """

    def test_every_settings_call_in_the_tests_keeps_too_slow_suppressed(self) -> None:
        problems = []
        for path in sorted(pathlib.Path(__file__).parent.glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "settings"
                ):
                    continue
                for keyword in node.keywords:
                    text = ast.unparse(keyword.value)
                    where = f"{path.name}:{node.lineno}"
                    if (
                        keyword.arg == "suppress_health_check"
                        and "too_slow" not in text
                    ):
                        problems.append(f"{where}: {text} lacks HealthCheck.too_slow")
                    if keyword.arg == "deadline" and text != "None":
                        problems.append(f"{where}: deadline={text}")
        assert problems == []
