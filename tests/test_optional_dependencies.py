"""sendkit imports without its test-only dependency, Hypothesis.

Each check runs in a fresh interpreter with a meta path finder that makes
``import hypothesis`` fail, as it would for a user who installed sendkit
without the ``test`` extra.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCK_HYPOTHESIS = textwrap.dedent(
    """
    import importlib.abc
    import sys

    class _NoHypothesis(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "hypothesis" or name.startswith("hypothesis."):
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, _NoHypothesis())
    """
)


def _run_without_hypothesis(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_HYPOTHESIS + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


class TestImportsWithoutHypothesis:
    """Everything but the strategies module imports without Hypothesis installed."""

    def test_the_blocker_really_blocks_hypothesis(self) -> None:
        result = _run_without_hypothesis("import hypothesis")
        assert result.returncode != 0
        assert "No module named 'hypothesis'" in result.stderr

    def test_sendkit_and_sendkit_ehc_import_and_work(self) -> None:
        result = _run_without_hypothesis(
            """
            import datetime as dt
            import sys
            import sendkit
            import sendkit.ehc
            from sendkit.ehc import timeliness
            assert timeliness([], year=2024).issued == 0
            assert sendkit.add_working_days(dt.date(2024, 1, 5), 1) == dt.date(2024, 1, 8)
            assert "hypothesis" not in sys.modules
            print("ok")
            """
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == "ok\n"

    def test_every_module_but_the_strategies_imports(self) -> None:
        result = _run_without_hypothesis(
            """
            import importlib
            import pkgutil
            import sendkit
            failed = []
            for info in pkgutil.walk_packages(sendkit.__path__, "sendkit."):
                if info.name == "sendkit.ehc.strategies" or info.name.endswith("__main__"):
                    continue
                try:
                    importlib.import_module(info.name)
                except ImportError as error:
                    if "hypothesis" in str(error):
                        failed.append(info.name)
            print(failed)
            """
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == "[]\n"

    def test_strategies_module_names_the_test_extra(self) -> None:
        result = _run_without_hypothesis(
            """
            try:
                import sendkit.ehc.strategies
            except ImportError as error:
                print(type(error).__name__, "|", error, "|", error.name)
            """
        )
        assert result.returncode == 0, result.stderr
        kind, message, name = (part.strip() for part in result.stdout.split("|"))
        assert kind == "ImportError"
        assert "sendkit-england[test]" in message
        assert "Hypothesis" in message
        assert name == "hypothesis"
