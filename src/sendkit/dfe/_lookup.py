"""Finding a council, region or England by the name or code people type.

Accepted: the name in any case and spacing ("Derbyshire", "derbyshire"),
with or without DfE's suffixes ("Herefordshire" for "Herefordshire, County
of", "Durham" for "County Durham", "Bedford Borough" for "Bedford"), the
three-digit DfE number ("830"), or any ONS code DfE's files give it
("E10000007"). A unique word-start match is accepted too ("Hull").
"""

from __future__ import annotations

import difflib
import re
from typing import Final

from ..errors import InvalidInputError
from ._table import Area, Table, shipped_table

__all__ = [
    "AmbiguousAreaError",
    "UnknownAreaError",
    "find_area",
    "find_council",
    "normalise",
]

#: Words dropped before names are compared ("Bristol, City of" is "Bristol").
_FILLER: Final = frozenset({"city", "of", "county", "borough", "council", "the"})


class UnknownAreaError(InvalidInputError):
    """No council (or region) matches what was typed.

    Attributes:
        query: What was typed.
        suggestions: The nearest names, best first.
    """

    def __init__(
        self, message: str, *, query: str, suggestions: tuple[str, ...]
    ) -> None:
        super().__init__(message)
        self.query = query
        self.suggestions = suggestions


class AmbiguousAreaError(InvalidInputError):
    """Several councils match what was typed.

    Attributes:
        query: What was typed.
        candidates: The matching names with their DfE numbers.
    """

    def __init__(
        self, message: str, *, query: str, candidates: tuple[str, ...]
    ) -> None:
        super().__init__(message)
        self.query = query
        self.candidates = candidates


def normalise(name: str) -> str:
    """Reduce a name to lower-case words without DfE's suffixes.

    Examples:
        >>> normalise("Kingston upon Hull, City of")
        'kingston upon hull'
        >>> normalise("  St. Helens ") == normalise("st helens")
        True
        >>> normalise("County Durham")
        'durham'
    """
    words = re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and ")).split()
    kept = [word for word in words if word not in _FILLER]
    return " ".join(kept or words)


def _names(table: Table, levels: tuple[str, ...]) -> dict[str, list[Area]]:
    index: dict[str, list[Area]] = {}
    for area in table.areas.values():
        if area.level not in levels:
            continue
        for name in {*area.names, area.name}:
            hits = index.setdefault(normalise(name), [])
            if area not in hits:
                hits.append(area)
    return index


def find_area(
    query: str,
    *,
    table: Table | None = None,
    levels: tuple[str, ...] = ("national", "regional", "local authority"),
) -> Area:
    """Return the area *query* names.

    Args:
        query: A name, a three-digit DfE number or an ONS code.
        table: The table to search (the shipped one by default).
        levels: Which kinds of area may match.

    Raises:
        UnknownAreaError: Nothing matches; the message suggests the nearest.
        AmbiguousAreaError: Several councils match; the message lists them.

    Examples:
        >>> find_area("derbyshire").label
        'Derbyshire (830)'
        >>> find_area("E10000007").name, find_area("830").name
        ('Derbyshire', 'Derbyshire')
        >>> find_area("England").key
        'E92000001'
    """
    table = table or shipped_table()
    text = str(query).strip()
    if not text:
        raise UnknownAreaError(
            "no council name or code given", query=text, suggestions=()
        )
    code = text.upper()
    for area in table.areas.values():
        if area.level in levels and (code == area.key or code in area.codes):
            return area
    index = _names(table, levels)
    key = normalise(text)
    exact = index.get(key, [])
    if len(exact) == 1:
        return exact[0]
    starts = exact or [
        area
        for name, areas in index.items()
        if re.search(rf"\b{re.escape(key)}", name)
        for area in areas
    ]
    unique = list(dict.fromkeys(starts))
    if len(unique) == 1:
        return unique[0]
    if unique:
        names = tuple(sorted(area.label for area in unique))
        shown = ", ".join(names[:12]) + (" ..." if len(names) > 12 else "")  # noqa: PLR2004
        msg = f"{text!r} matches {len(names)} councils: {shown}; give the name in full or the DfE number"
        raise AmbiguousAreaError(msg, query=text, candidates=names)
    close = difflib.get_close_matches(key, list(index), n=3, cutoff=0.8)
    close = close or difflib.get_close_matches(key, list(index), n=3, cutoff=0.5)
    suggestions = tuple(dict.fromkeys(index[name][0].label for name in close))
    hint = f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
    msg = f"no council matches {text!r} in DfE's figures{hint}"
    raise UnknownAreaError(msg, query=text, suggestions=suggestions)


def find_council(query: str, *, table: Table | None = None) -> Area:
    """Return the council *query* names (not a region or England).

    Examples:
        >>> find_council("Nottinghamshire").key
        '891'
        >>> find_council("Notinghamshire")
        Traceback (most recent call last):
        ...
        sendkit.dfe._lookup.UnknownAreaError: no council matches 'Notinghamshire' in DfE's figures; did you mean Nottinghamshire (891)?
    """
    return find_area(query, table=table, levels=("local authority",))
