"""A count that is not one whole number is refused by name, even when it has ``__index__``.

numpy arrays define ``__index__`` but raise numpy's own ``TypeError`` from it
unless they hold one integer with no dimensions
(https://numpy.org/doc/stable/reference/arrays.ndarray.html). sendkit must
name the argument and say what it accepts, as for any other wrong count.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sendkit import InvalidTypeError, WorkingCalendar, add_working_days

np = pytest.importorskip("numpy")

DAY = dt.date(2024, 3, 4)


@pytest.mark.parametrize("count", [np.array([5]), np.array([[5]]), np.array([5, 6])])
def test_an_array_count_is_refused_naming_days(count: object) -> None:
    with pytest.raises(InvalidTypeError, match=r"^days must be a whole number \(int\)"):
        add_working_days(DAY, count, region="england-and-wales")  # type: ignore[arg-type]


def test_an_array_inside_a_list_of_counts_is_refused_by_position() -> None:
    with pytest.raises(InvalidTypeError, match=r"days\[1\] must be a whole number"):
        WorkingCalendar().add_working_days_many([DAY, DAY], [5, np.array([5])])


def test_numpy_integer_scalars_are_still_counts() -> None:
    """np.int64(5) and a 0-d array hold one integer: they mean 5."""
    expected = add_working_days(DAY, 5, region="england-and-wales")
    assert add_working_days(DAY, np.int64(5), region="england-and-wales") == expected
    assert add_working_days(DAY, np.array(5), region="england-and-wales") == expected  # type: ignore[arg-type]
