"""Exceptions and warnings raised by sendkit.

Every error sendkit raises on purpose derives from `SendkitError` and also from
the builtin category it resembles, so ``except ValueError`` in a caller's code
keeps working::

    SendkitError
     ├── InvalidInputError (also ValueError)     a value outside what sendkit accepts
     │    ├── UnknownRegionError                 not one of the supported regions
     │    └── RowError                           a bad row or cell in a file
     ├── InvalidTypeError (also TypeError)       an argument of the wrong type
     ├── OutsideCalendarError (also ValueError)  a date outside the holiday data
     └── UnknownRuleError (also LookupError)     no time-limit rule with that code

    SendkitWarning (UserWarning)
     ├── HolidayHorizonWarning                   bank holidays not yet announced
     └── UnconfirmedRuleWarning                  a figure not confirmed by a primary source

Messages name the argument or column as the user wrote it, show the bad value
and say what would be accepted.
Errors about files name the row and column, never the child's details.
"""

from __future__ import annotations

__all__ = [
    "HolidayHorizonWarning",
    "InvalidInputError",
    "InvalidTypeError",
    "OutsideCalendarError",
    "RowError",
    "SendkitError",
    "SendkitWarning",
    "UnconfirmedRuleWarning",
    "UnknownRegionError",
    "UnknownRuleError",
]


class SendkitError(Exception):
    """Base class of every error sendkit raises on purpose."""


class InvalidInputError(SendkitError, ValueError):
    """A value sendkit cannot accept, such as an impossible date or a huge count."""


class InvalidTypeError(SendkitError, TypeError):
    """An argument of the wrong type, such as a string where a date is needed."""


class UnknownRegionError(InvalidInputError):
    """A bank-holiday region that sendkit does not know."""


class OutsideCalendarError(SendkitError, ValueError):
    """A date, or a move, outside the years the holiday data covers."""


class UnknownRuleError(SendkitError, LookupError):
    """No time-limit rule has the code that was asked for.

    Attributes:
        code: The code that was asked for.
        suggestions: The nearest known codes, best first.
    """

    def __init__(
        self, message: str, *, code: str, suggestions: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.code = code
        self.suggestions = suggestions


class RowError(InvalidInputError):
    """A row or cell in an input file that could not be read.

    Attributes:
        row: The 1-based row number in the file, header included, when known.
        column: The column name as it appears in the file, when known.
        reason: What was wrong, without the cell's personal content.
    """

    def __init__(
        self,
        reason: str,
        *,
        row: int | None = None,
        column: str | None = None,
        source: str | None = None,
    ) -> None:
        where = []
        if source:
            where.append(source)
        if row is not None:
            where.append(f"row {row}")
        if column:
            where.append(f"column {column!r}")
        message = f"{', '.join(where)}: {reason}" if where else reason
        super().__init__(message)
        self.row = row
        self.column = column
        self.reason = reason
        self.source = source


class SendkitWarning(UserWarning):
    """Base class of sendkit's warnings: allowed, but worth a second look."""


class HolidayHorizonWarning(SendkitWarning):
    """A date lies beyond the years whose bank holidays have been announced.

    Bank holidays are computed by rule past that point, but one-off days (a
    coronation, a state funeral) are announced at short notice and can move
    a deadline later.
    """


class UnconfirmedRuleWarning(SendkitWarning):
    """A time limit whose figure is not confirmed by a primary source was used."""
