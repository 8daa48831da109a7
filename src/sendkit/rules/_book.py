"""`RuleBook`: an immutable, code-indexed set of rules that can be overridden locally."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Final, overload

import attrs

from ..errors import InvalidInputError, InvalidTypeError, UnknownRuleError
from ._model import Basis, Confidence, Counting, Direction, Period, Roll, Rule

__all__ = ["OVERRIDABLE_FIELDS", "RuleBook"]

#: The fields of a `Rule` that `RuleBook.override` and local rule files may change.
OVERRIDABLE_FIELDS: Final = (
    "summary",
    "clock_starts",
    "period",
    "basis",
    "source",
    "url",
    "confidence",
    "direction",
    "counting",
    "roll",
    "valid_from",
    "valid_until",
    "note",
)

_MAX_SUGGESTIONS: Final = 5

_ENUM_FIELDS: Final[Mapping[str, type[enum.Enum]]] = {
    "basis": Basis,
    "confidence": Confidence,
    "direction": Direction,
    "counting": Counting,
    "roll": Roll,
}


def enum_member(kind: type[enum.Enum], text: object, where: str) -> Any:
    """Return the member of *kind* whose value is *text* (case, spaces and - or _ ignored).

    Raises:
        InvalidInputError: No member has that value; the message lists them.
    """
    key = str(text).strip().lower().replace(" ", "_").replace("-", "_")
    for member in kind:
        if key == member.value.replace("-", "_"):
            return member
    accepted = ", ".join(repr(member.value) for member in kind)
    msg = f"{where}: {text!r} is not one of {accepted}"
    raise InvalidInputError(msg)


class RuleBook(Mapping[str, Rule]):
    """An immutable mapping from rule code to `Rule`.

    `sendkit.RULES` is the catalogue's book. Overriding never changes a book:
    `with_period`, `override` and `with_rules` return a new one, which
    `sendkit.deadline` then takes as ``rules=``. A changed rule carries an
    ``overridden`` note, shown in every output that uses it.

    Looking up an unknown code raises `UnknownRuleError` (a `LookupError`)
    with the nearest codes as suggestions; ``in`` and `get` behave as for any
    mapping.

    Examples:
        >>> from sendkit import RULES, Period, Unit
        >>> mine = RULES.with_period("area-send.pap.submit", Period(40, Unit.WORKING_DAYS))
        >>> str(mine["area-send.pap.submit"].period), str(RULES["area-send.pap.submit"].period)
        ('40 working days', '35 working days')
    """

    __slots__ = ("_rules",)

    _rules: Mapping[str, Rule]

    def __init__(self, rules: Iterable[object] = ()) -> None:
        table: dict[str, Rule] = {}
        for rule in rules:
            if not isinstance(rule, Rule):
                msg = f"a RuleBook holds Rule values, got {rule!r} ({type(rule).__name__})"
                raise InvalidTypeError(msg)
            if rule.code in table:
                msg = f"duplicate rule code {rule.code!r}"
                raise InvalidInputError(msg)
            table[rule.code] = rule
        object.__setattr__(self, "_rules", MappingProxyType(table))

    def __setattr__(self, name: str, value: object) -> None:
        msg = "a RuleBook cannot be changed; use with_period, override or with_rules"
        raise AttributeError(msg)

    # -- mapping -------------------------------------------------------------------

    def __getitem__(self, code: str) -> Rule:
        try:
            return self._rules[code]
        except (KeyError, TypeError):
            raise self._unknown(code) from None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._rules

    def __iter__(self) -> Iterator[str]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    @overload
    def get(self, key: str, /) -> Rule | None: ...
    @overload
    def get(self, key: str, /, default: Rule | Any) -> Rule | Any: ...
    def get(self, key: str, /, default: Any = None) -> Any:
        """Return the rule for *key*, or *default* when there is none."""
        if key in self:
            return self._rules[key]
        return default

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RuleBook):
            return dict(self._rules) == dict(other._rules)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self._rules.values()))

    def __reduce__(self) -> tuple[type[RuleBook], tuple[tuple[Rule, ...]]]:
        return (RuleBook, (tuple(self._rules.values()),))

    def __repr__(self) -> str:
        changed = sum(rule.overridden is not None for rule in self._rules.values())
        return f"<RuleBook of {len(self)} rules, {changed} overridden>"

    # -- look-ups ------------------------------------------------------------------

    def suggest(self, code: str) -> tuple[str, ...]:
        """Return the known codes nearest to *code*, best first (at most 5).

        Codes that extend *code* (``"area-send.full-inspection"`` gives its
        ``.after-*`` codes) come first, then close spellings.
        """
        text = str(code).strip().lower()
        found = [known for known in self._rules if known.startswith(f"{text}.")]
        found += difflib.get_close_matches(text, list(self._rules), n=5, cutoff=0.6)
        return tuple(dict.fromkeys(found))[:_MAX_SUGGESTIONS]

    def _unknown(self, code: object) -> UnknownRuleError:
        suggestions = self.suggest(str(code))
        hint = (
            f"; did you mean {', '.join(repr(s) for s in suggestions)}?"
            if suggestions
            else "; 'sendkit rules' lists the known codes"
        )
        return UnknownRuleError(
            f"unknown rule {code!r}{hint}", code=str(code), suggestions=suggestions
        )

    # -- overriding -----------------------------------------------------------------

    def override(
        self, code: str, /, *, reason: str | None = None, **changes: Any
    ) -> RuleBook:
        """Return a new book in which rule *code* has the given fields changed.

        Only the fields in `OVERRIDABLE_FIELDS` may change. A new period can be
        a `Period` or text such as ``"40 working days"``. When the period
        changes and no ``confidence`` is given, the confidence becomes
        ``unconfirmed``: the catalogue's source does not support the new figure.

        Args:
            code: The rule to change.
            reason: Why, for the ``overridden`` note shown in every output;
                by default a description of the change.
            **changes: New values for the rule's fields.

        Raises:
            UnknownRuleError: No rule has *code*.
            InvalidInputError: A field cannot be overridden, or a value is invalid.
        """
        rule = self[code]
        bad = sorted(set(changes) - set(OVERRIDABLE_FIELDS))
        if bad:
            msg = (
                f"cannot override {', '.join(bad)} of rule {code!r}; "
                f"fields that can be changed: {', '.join(OVERRIDABLE_FIELDS)}"
            )
            raise InvalidInputError(msg)
        if isinstance(changes.get("period"), str):
            changes["period"] = Period.parse(changes["period"])
        for name, kind in _ENUM_FIELDS.items():
            if isinstance(changes.get(name), str):
                changes[name] = enum_member(kind, changes[name], f"{code} {name}")
        period_changed = "period" in changes and changes["period"] != rule.period
        if reason is None:
            described = [
                f"period {rule.period} -> {changes['period']}"
                if name == "period"
                else f"{name} changed"
                for name in changes
                if changes[name] != getattr(rule, name)
            ]
            reason = "; ".join(described) or "no change"
        if period_changed and "confidence" not in changes:
            changes["confidence"] = Confidence.UNCONFIRMED
        try:
            new = attrs.evolve(rule, overridden=reason, **changes)
        except InvalidInputError:
            raise
        except (TypeError, ValueError) as exc:
            detail = exc.args[0] if exc.args else exc
            msg = f"cannot override rule {code!r}: {detail}"
            raise InvalidInputError(msg) from None
        return self.with_rules(new)

    def with_period(
        self, code: str, /, period: Period | str, *, reason: str | None = None
    ) -> RuleBook:
        """Return a new book in which rule *code* runs for *period*.

        Examples:
            >>> from sendkit import RULES
            >>> book = RULES.with_period("area-send.pap.publish", "60 working days")
            >>> book["area-send.pap.publish"].overridden
            'period 70 working days -> 60 working days'
        """
        return self.override(code, period=period, reason=reason)

    def with_rules(self, *rules: object) -> RuleBook:
        """Return a new book with *rules* added, replacing any with the same code."""
        table: dict[str, object] = dict(self._rules)
        for rule in rules:
            if not isinstance(rule, Rule):
                msg = f"with_rules takes Rule values, got {rule!r}"
                raise InvalidTypeError(msg)
            table[rule.code] = rule
        return RuleBook(table.values())
