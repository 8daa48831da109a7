"""Reading outcomes as reports, the press and Ofsted's files write them.

Text is normalised first (lower case; ``&`` read as "and"; every run of
punctuation and spaces becomes one space, so ``"and/or"`` reads as
``"and or"``). It is then looked up in two tables: whole forms (`OUTCOME_FORMS`,
such as ``"outcome 3"`` or Ofsted's short labels), then key phrases
(`OUTCOME_KEY_PHRASES`) found inside a longer sentence, such as a report's
full outcome statement. Text that matches nothing, or phrases of two different
outcomes, is an error: an outcome is never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from ..errors import InvalidInputError, InvalidTypeError
from ._model import MonitoringOutcome, Outcome

__all__ = [
    "MONITORING_FORMS",
    "OUTCOME_FORMS",
    "OUTCOME_KEY_PHRASES",
    "normalise_phrase",
    "parse_monitoring_outcome",
    "parse_outcome",
]

_P, _I, _S = Outcome.POSITIVE, Outcome.INCONSISTENT, Outcome.SYSTEMIC

#: Whole texts that name an outcome, normalised (see `normalise_phrase`).
OUTCOME_FORMS: Final[Mapping[str, Outcome]] = MappingProxyType(
    {
        # The stable codes and the outcome numbers.
        "positive": _P,
        "inconsistent": _I,
        "systemic": _S,
        "1": _P,
        "2": _I,
        "3": _S,
        "outcome 1": _P,
        "outcome 2": _I,
        "outcome 3": _S,
        "outcome one": _P,
        "outcome two": _I,
        "outcome three": _S,
        # Ofsted's MI labels and the shorter forms the press uses.
        "typically positive experiences and outcomes": _P,
        "typically positive": _P,
        "positive experiences and outcomes": _P,
        "inconsistent experiences and outcomes": _I,
        "widespread and or systemic failings": _S,
        "widespread and systemic failings": _S,
        "widespread or systemic failings": _S,
        "systemic failings": _S,
        "widespread failings": _S,
    }
)

#: Phrases that identify an outcome inside a longer text, such as a report's
#: full statement ("There are widespread and/or systemic failings leading to
#: significant concerns ..."). Normalised, matched on whole words.
OUTCOME_KEY_PHRASES: Final[tuple[tuple[str, Outcome], ...]] = (
    ("typically lead to positive experiences and outcomes", _P),
    ("typically positive experiences and outcomes", _P),
    ("taking action where improvements are needed", _P),
    ("lead to inconsistent experiences and outcomes", _I),
    ("inconsistent experiences and outcomes", _I),
    ("must work jointly to make improvements", _I),
    ("widespread and or systemic failings", _S),
    ("widespread and systemic failings", _S),
    ("widespread or systemic failings", _S),
    ("systemic failings leading to significant concerns", _S),
)

#: Whole texts that name a monitoring-inspection outcome, normalised.
MONITORING_FORMS: Final[Mapping[str, MonitoringOutcome]] = MappingProxyType(
    {
        "effective": MonitoringOutcome.EFFECTIVE_ACTION,
        "effective action": MonitoringOutcome.EFFECTIVE_ACTION,
        "taken effective action": MonitoringOutcome.EFFECTIVE_ACTION,
        "ineffective": MonitoringOutcome.INEFFECTIVE_ACTION,
        "ineffective action": MonitoringOutcome.INEFFECTIVE_ACTION,
        "taken ineffective action": MonitoringOutcome.INEFFECTIVE_ACTION,
        "not effective": MonitoringOutcome.INEFFECTIVE_ACTION,
    }
)

_PUNCTUATION: Final = re.compile(r"[^0-9a-z]+")
_NUMBERED: Final = re.compile(r"\boutcome (?:1|2|3|one|two|three)\b")


def normalise_phrase(text: str) -> str:
    """Return *text* lower-cased with punctuation and spacing reduced to single spaces.

    Examples:
        >>> normalise_phrase("  Widespread and/or SYSTEMIC failings. ")
        'widespread and or systemic failings'
    """
    lowered = text.lower().replace("&", " and ").replace("\u2019", "'")
    return _PUNCTUATION.sub(" ", lowered.replace("'", "")).strip()


def parse_outcome(text: object) -> Outcome:
    """Read a 2023-framework outcome as it is written in a report, file or article.

    Accepted: the codes ``positive``, ``inconsistent``, ``systemic``; the
    numbers ``1``-``3`` and ``outcome 1``-``outcome 3``; Ofsted's short labels
    ("Widespread and/or systemic failings"); the press's variants ("widespread
    and or systemic failings"); and any longer text, such as the report's full
    outcome sentence, that contains the key phrase of exactly one outcome.
    Case, spacing and punctuation do not matter.

    Args:
        text: The outcome as written.

    Returns:
        The outcome.

    Raises:
        InvalidInputError: The text names no outcome, or phrases of two.
        InvalidTypeError: *text* is not a string.

    Examples:
        >>> parse_outcome("Widespread and/or systemic failings")
        <Outcome.SYSTEMIC: 'systemic'>
        >>> parse_outcome("Outcome 2")
        <Outcome.INCONSISTENT: 'inconsistent'>
        >>> parse_outcome("good")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        sendkit.errors.InvalidInputError: outcome 'good' is not an area SEND outcome; ...
    """
    if not isinstance(text, str):
        msg = f"outcome must be text, got {text!r} ({type(text).__name__})"
        raise InvalidTypeError(msg)
    key = normalise_phrase(text)
    if key in OUTCOME_FORMS:
        return OUTCOME_FORMS[key]
    padded = f" {key} "
    found = {
        outcome for phrase, outcome in OUTCOME_KEY_PHRASES if f" {phrase} " in padded
    }
    # "Outcome 1: inconsistent ..." names two outcomes: the number counts too.
    found.update(OUTCOME_FORMS[match.group(0)] for match in _NUMBERED.finditer(key))
    if len(found) == 1:
        return found.pop()
    if len(found) > 1:
        names = ", ".join(sorted(outcome.value for outcome in found))
        msg = (
            f"outcome {text!r} contains the phrases of more than one outcome ({names})"
        )
        raise InvalidInputError(msg)
    msg = (
        f"outcome {text!r} is not an area SEND outcome; accepted: positive, "
        "inconsistent, systemic; 1, 2, 3 or 'outcome 1'..'outcome 3'; Ofsted's labels "
        + ", ".join(repr(outcome.label) for outcome in Outcome)
        + "; or a report's outcome sentence"
    )
    raise InvalidInputError(msg)


def parse_monitoring_outcome(text: object) -> MonitoringOutcome:
    """Read a monitoring-inspection outcome: "effective action" or "ineffective action".

    Raises:
        InvalidInputError: The text names neither outcome.
        InvalidTypeError: *text* is not a string.

    Examples:
        >>> parse_monitoring_outcome("Effective action")
        <MonitoringOutcome.EFFECTIVE_ACTION: 'effective_action'>
    """
    if not isinstance(text, str):
        msg = f"monitoring outcome must be text, got {text!r} ({type(text).__name__})"
        raise InvalidTypeError(msg)
    key = normalise_phrase(text)
    if key in MONITORING_FORMS:
        return MONITORING_FORMS[key]
    msg = (
        f"monitoring outcome {text!r} is not recognised; accepted: "
        "'effective action' or 'ineffective action'"
    )
    raise InvalidInputError(msg)
