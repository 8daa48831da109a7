"""Each council's ten statistical neighbours, nearest first.

The list comes from the data-to-insight send-benchmarking repository's
``statistical_neighbours.csv`` (commit 22af228), derived from DfE's
children's services statistical neighbour benchmarking model; it has not
been checked against DfE's own tool, so sendkit tags it ``[S]`` (secondary).
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from typing import Final

from ._table import Area, Table, shipped_table

__all__ = ["NEIGHBOURS_CONFIDENCE", "NEIGHBOURS_SOURCE", "neighbour_keys", "neighbours"]

#: How sure sendkit is of the neighbour lists.
NEIGHBOURS_CONFIDENCE: Final = "[S]"

#: Where the neighbour lists come from.
NEIGHBOURS_SOURCE: Final = (
    "Statistical neighbours: data-to-insight/send-benchmarking, "
    "statistical_neighbours.csv (commit 22af228), derived from DfE's children's "
    "services statistical neighbour benchmarking model; not checked against "
    "DfE's own tool [S]."
)


@functools.cache
def _grid() -> dict[str, tuple[str, ...]]:
    text = resources.files(__package__).joinpath("neighbours.csv").read_text("utf-8")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    return {row[0]: tuple(row[1:]) for row in rows if row}


def neighbour_keys(council: str) -> tuple[str, ...]:
    """Return the DfE numbers of council *council*'s neighbours, nearest first.

    A council with no list (Cumbria and Northamptonshire, which no longer
    exist) gives ``()``.

    Examples:
        >>> neighbour_keys("830")[:2]
        ('891', '933')
    """
    return _grid().get(council, ())


def neighbours(council: Area, *, table: Table | None = None) -> tuple[Area, ...]:
    """Return *council*'s ten statistical neighbours as areas, nearest first."""
    table = table or shipped_table()
    return tuple(
        table.areas[key] for key in neighbour_keys(council.key) if key in table.areas
    )
