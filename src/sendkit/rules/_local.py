"""Local rule files: change a figure, or add a local rule, without editing sendkit.

A local rule file is TOML with one table per rule under ``rules``, keyed by
the rule's code::

    [rules."area-send.pap.submit"]
    period = "40 working days"
    reason = "Figure confirmed by our DfE adviser, letter of 3 March 2026"
    confidence = "secondary"

    [rules."local.panel-decision"]
    summary = "Panel decision on a request for assessment"
    clock_starts = "the request is received"
    period = "20 working days"
    basis = "usual_practice"
    source = "Our SEND panel's terms of reference, section 4"
    url = "https://example.org/panel-terms"

A code that is already in the base book changes only the fields given;
a new code needs ``summary``, ``clock_starts``, ``period``, ``basis``,
``source`` and ``url``. Every rule from the file is marked as locally
overridden, with the file's name and the ``reason``, in every output.

This module reads no file: `sendkit.io.load_rules` opens the file and hands
its text to `rules_from_toml`.
"""

from __future__ import annotations

import datetime as dt
import enum
import tomllib
from collections.abc import Mapping
from typing import Any, Final

from ..dates import parse_date
from ..errors import InvalidInputError
from ._book import OVERRIDABLE_FIELDS, RuleBook, enum_member
from ._engine import RULES
from ._model import Basis, Confidence, Counting, Direction, Period, Roll, Rule

__all__ = ["rules_from_toml"]

_ENUMS: Final[Mapping[str, type[enum.Enum]]] = {
    "basis": Basis,
    "confidence": Confidence,
    "direction": Direction,
    "counting": Counting,
    "roll": Roll,
}
_TEXT: Final = ("summary", "clock_starts", "source", "url", "note")
_DATES: Final = ("valid_from", "valid_until")
_REQUIRED_NEW: Final = ("summary", "clock_starts", "period", "basis", "source", "url")
_ACCEPTED: Final = (*OVERRIDABLE_FIELDS, "reason")


def _where(name: str, code: str, field: str | None = None) -> str:
    place = f"rule file {name}, rule {code!r}"
    return f"{place}, field {field!r}" if field else place


def _convert(name: str, code: str, field: str, value: object) -> Any:
    where = _where(name, code, field)
    if field == "period":
        try:
            return Period.parse(value)
        except InvalidInputError as exc:
            raise InvalidInputError(f"{where}: {exc}") from None
    if field in _ENUMS:
        return enum_member(_ENUMS[field], value, where)
    if field in _DATES:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            return parse_date(value, field=where)
        msg = f"{where}: expected a date such as 2026-03-03, got {value!r}"
        raise InvalidInputError(msg)
    if not isinstance(value, str):
        msg = f"{where}: expected text, got {value!r}"
        raise InvalidInputError(msg)
    return value


def _parse(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"rule file {name} is not valid TOML: {exc}"
        raise InvalidInputError(msg) from None


def rules_from_toml(
    text: str, *, name: str = "(text)", base: RuleBook = RULES
) -> RuleBook:
    """Return *base* with the changes and additions of a local rule file's text.

    The format is described in this module's docstring and on the
    "Deadlines" page. A changed period without a ``confidence`` becomes
    ``unconfirmed``; a new rule without one is ``unconfirmed`` too. This
    function reads no file: `sendkit.io.load_rules` reads one and passes its
    text and name here.

    Args:
        text: The TOML text.
        name: The file's name, for messages and for the note every rule from
            it carries ("local rule file NAME").
        base: The book to change; the catalogue's `RULES` by default.

    Returns:
        A new `RuleBook`; *base* is unchanged.

    Raises:
        InvalidInputError: The text is not TOML, or a rule in it is invalid;
            the message names the file, the rule and the field.

    Examples:
        >>> text = 'rules."ehc.final-plan" = {period = "21 weeks", reason = "test"}'
        >>> book = rules_from_toml(text, name="local.toml")
        >>> book["ehc.final-plan"].overridden
        'local rule file local.toml: test'
    """
    file = name
    data = _parse(text, name)
    unknown_top = sorted(set(data) - {"rules"})
    if unknown_top or not isinstance(data.get("rules", {}), dict):
        msg = f'rule file {file}: expected only [rules."CODE"] tables'
        raise InvalidInputError(msg)
    book = base
    for code, table in data.get("rules", {}).items():
        if not isinstance(table, dict):
            msg = f"{_where(file, code)}: expected a table of fields"
            raise InvalidInputError(msg)
        bad = sorted(set(table) - set(_ACCEPTED))
        if bad:
            msg = (
                f"{_where(file, code, bad[0])}: not a rule field; "
                f"accepted: {', '.join(_ACCEPTED)}"
            )
            raise InvalidInputError(msg)
        fields = {
            name: _convert(file, code, name, value)
            for name, value in table.items()
            if name != "reason"
        }
        reason = table.get("reason")
        if reason is not None and not isinstance(reason, str):
            msg = f"{_where(file, code, 'reason')}: expected text, got {reason!r}"
            raise InvalidInputError(msg)
        note = f"local rule file {file}" + (f": {reason}" if reason else "")
        if code not in book:
            missing = [name for name in _REQUIRED_NEW if name not in fields]
            if missing:
                msg = (
                    f"{_where(file, code)}: not a catalogue rule, so it needs "
                    f"{', '.join(missing)}"
                )
                raise InvalidInputError(msg)
            fields.setdefault("confidence", Confidence.UNCONFIRMED)
        try:
            if code in book:
                book = book.override(code, reason=note, **fields)
            else:
                book = book.with_rules(Rule(code=code, overridden=note, **fields))
        except InvalidInputError as exc:
            raise InvalidInputError(f"{_where(file, code)}: {exc}") from None
    return book
