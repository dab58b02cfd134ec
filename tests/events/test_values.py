"""Cells on their way into files: plain JSON-safe values, of the plain types."""

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from geo_ukraine.events.io.values import plain_column, plain_value

CASES = [
    ("Kharkiv", "Kharkiv"),
    ("", ""),
    (0, 0),
    (12, 12),
    (10**30, 10**30),
    (True, True),
    (False, False),
    (2.5, 2.5),
    (-0.0, -0.0),
    (float("nan"), None),
    (float("inf"), None),
    (-float("inf"), None),
    (None, None),
    (pd.NA, None),
    (pd.NaT, None),
    (np.nan, None),
    (np.float64("nan"), None),
    (np.float64(2.5), 2.5),
    (np.int64(3), 3),
    (np.int32(7), 7),
    (np.bool_(True), True),
    (dt.date(2024, 1, 2), "2024-01-02"),
    (dt.datetime(2024, 1, 2, 3, 4), "2024-01-02T03:04:00"),
]


@pytest.mark.parametrize(("value", "expected"), CASES, ids=[repr(v) for v, _ in CASES])
def test_each_cell_becomes_a_plain_value_of_a_plain_type(value, expected):
    got = plain_value(value)
    assert got == expected or (got is None and expected is None)
    assert type(got) is type(expected)
    if isinstance(expected, float):
        assert math.copysign(1, got) == math.copysign(1, expected)


class Text(str):
    """A str subclass: not a plain type, and still text."""


def test_subclasses_of_plain_types_take_the_general_path():
    assert plain_value(Text("Sumy")) == "Sumy"


COLUMNS = {
    "Int64": pd.Series([3, None, 0, 10**12], dtype="Int64"),
    "int64": pd.Series([3, -1, 0], dtype="int64"),
    "uint8": pd.Series([3, 255], dtype="uint8"),
    "bool": pd.Series([True, False]),
    "boolean": pd.Series([True, None], dtype="boolean"),
    "float64": pd.Series([2.5, float("nan"), float("inf"), -0.0]),
    "float32": pd.Series([2.5, float("nan")], dtype="float32"),
    "Float64": pd.Series([2.5, None], dtype="Float64"),
    "object": pd.Series(["Sumy", None, float("nan"), pd.NA, np.int64(4), Text("Lviv")],
                        dtype=object),
    "str": pd.Series(["Sumy", None], dtype="str"),
    "datetime": pd.Series(pd.to_datetime(["2024-01-02", None])),
    "date objects": pd.Series([dt.date(2024, 1, 2), None], dtype=object),
    "category": pd.Series(["a", None, "a"], dtype="category"),
    "empty": pd.Series([], dtype=object),
}


@pytest.mark.parametrize("name", list(COLUMNS))
def test_a_column_at_a_time_gives_what_each_cell_gives(name):
    column = COLUMNS[name]
    got = plain_column(column)
    expected = [plain_value(v) for v in column]
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert type(g) is type(e)
        assert g == e or (g is None and e is None)
        if isinstance(e, float):
            assert math.copysign(1, g) == math.copysign(1, e)
