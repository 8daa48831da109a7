"""Overriding rules: RuleBook changes and local rule files."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from sendkit import (
    RULES,
    Basis,
    Confidence,
    InvalidInputError,
    Period,
    Unit,
    UnknownRuleError,
    deadline,
)
from sendkit.io import load_rules

SEED = dt.date(2023, 5, 16)


def test_with_period_changes_a_copy() -> None:
    book = RULES.with_period("area-send.pap.submit", Period(40, Unit.WORKING_DAYS))
    assert RULES["area-send.pap.submit"].period == Period(35, Unit.WORKING_DAYS)
    rule = book["area-send.pap.submit"]
    assert rule.period == Period(40, Unit.WORKING_DAYS)
    assert rule.overridden == "period 35 working days -> 40 working days"
    assert rule.confidence is Confidence.UNCONFIRMED
    assert len(book) == len(RULES)
    assert book != RULES
    assert "1 overridden" in repr(book)


def test_override_is_used_and_shown() -> None:
    book = RULES.with_period(
        "area-send.pap.submit", "40 working days", reason="DfE letter"
    )
    result = deadline("area-send.pap.submit", SEED, rules=book)
    assert result.due == dt.date(2023, 7, 12)
    assert "Locally overridden: DfE letter." in result.trail
    assert result.to_dict()["overridden"] == "DfE letter"
    assert not result.confirmed
    assert deadline("area-send.pap.submit", SEED).due == dt.date(2023, 7, 5)


def test_override_other_fields_keeps_confidence() -> None:
    book = RULES.override("ehc.final-plan", note="Local note")
    rule = book["ehc.final-plan"]
    assert rule.confidence is Confidence.PRIMARY
    assert rule.overridden == "note changed"
    explicit = RULES.override(
        "area-send.pap.submit", period="35 working days", confidence="primary"
    )
    assert explicit["area-send.pap.submit"].overridden == "confidence changed"


def test_override_refuses_code_and_unknown_fields() -> None:
    with pytest.raises(InvalidInputError, match="cannot override code"):
        RULES.override("ehc.final-plan", code="ehc.other")
    with pytest.raises(UnknownRuleError):
        RULES.with_period("ehc.nope", "2 weeks")
    with pytest.raises(InvalidInputError, match="not understood"):
        RULES.with_period("ehc.final-plan", "20 wks")


def test_plain_mapping_of_rules_is_accepted() -> None:
    mine = {"ehc.final-plan": RULES["ehc.final-plan"]}
    assert deadline("ehc.final-plan", SEED, rules=mine).due == dt.date(2023, 10, 3)
    with pytest.raises(UnknownRuleError):
        deadline("ehc.advice", SEED, rules=mine)


def _write(tmp_path: pathlib.Path, text: str) -> pathlib.Path:
    path = tmp_path / "local-rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_local_file_changes_and_adds(tmp_path: pathlib.Path) -> None:
    path = _write(
        tmp_path,
        """
[rules."area-send.pap.submit"]
period = "40 working days"
reason = "letter of 3 March 2026"

[rules."local.panel-decision"]
summary = "Panel decision on a request for assessment"
clock_starts = "the request is received"
period = "20 working days"
basis = "usual practice"
source = "Panel terms of reference, section 4"
url = "https://example.org/panel"
valid_from = 2024-01-01
""",
    )
    book = load_rules(path)
    changed = book["area-send.pap.submit"]
    assert changed.period == Period(40, Unit.WORKING_DAYS)
    assert (
        changed.overridden == "local rule file local-rules.toml: letter of 3 March 2026"
    )
    added = book["local.panel-decision"]
    assert added.basis is Basis.USUAL_PRACTICE
    assert added.confidence is Confidence.UNCONFIRMED
    assert added.valid_from == dt.date(2024, 1, 1)
    assert added.overridden == "local rule file local-rules.toml"
    result = deadline("local.panel-decision", dt.date(2025, 4, 17), rules=book)
    assert result.due == dt.date(2025, 5, 20)
    assert any(
        line.startswith("Locally overridden: local rule file") for line in result.trail
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not toml [", "not valid TOML"),
        ("[other]\nx = 1\n", "expected only"),
        ('[rules."ehc.final-plan"]\nperiod = "twenty weeks"\n', "field 'period'"),
        (
            '[rules."ehc.final-plan"]\nbasis = "statute"\n',
            "'law', 'framework', 'usual_practice'",
        ),
        (
            '[rules."ehc.final-plan"]\ncolour = "red"\n',
            "field 'colour': not a rule field",
        ),
        ('[rules."ehc.final-plan"]\nsource = 3\n', "expected text"),
        ('[rules."ehc.final-plan"]\nvalid_from = 3\n', "expected a date"),
        ('[rules."ehc.final-plan"]\nvalid_from = "2024-02-30"\n', "not a real date"),
        ('[rules."ehc.final-plan"]\nreason = 3\n', "field 'reason'"),
        (
            '[rules."local.x"]\nperiod = "2 weeks"\n',
            "needs summary, clock_starts, basis, source, url",
        ),
        (
            '[rules."Local X"]\nsummary = "s"\nclock_starts = "c"\nperiod = "2 weeks"\nbasis = "law"\nsource = "s"\nurl = "https://x.org"\n',
            "not dotted lowercase",
        ),
        (
            '[rules."ehc.final-plan"]\nurl = "legislation.gov.uk"\n',
            "url must start with",
        ),
    ],
)
def test_bad_local_rule_files_are_refused_with_the_reason(
    tmp_path: pathlib.Path, text: str, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        load_rules(_write(tmp_path, text))


def test_a_missing_local_rule_file_is_reported_not_found(
    tmp_path: pathlib.Path,
) -> None:
    with pytest.raises(InvalidInputError, match="not found"):
        load_rules(tmp_path / "nope.toml")


class TestUnreadableRuleFiles:
    """A rule file that cannot be read as UTF-8 TOML is a one-line error."""

    @pytest.mark.parametrize(
        ("content", "needle"),
        [(b"\xff\xfe[rules]\n", "not UTF-8"), (b"[rules\n", "not valid TOML")],
    )
    def test_bad_rule_files_are_clear_errors(self, tmp_path, content, needle):
        """A rule file saved as UTF-16, or broken TOML, is a one-line error."""
        path = tmp_path / "local.toml"
        path.write_bytes(content)
        with pytest.raises(InvalidInputError, match=needle):
            load_rules(path)
