"""Cell values on their way into files: plain JSON-safe values."""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

from ..schema import is_missing

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["plain_column", "plain_value", "read_value"]


def plain_value(value: Any) -> Any:
    """A JSON-safe Python value: NaN and NA become None, numpy scalars plain numbers.

    Parameters
    ----------
    value : object

    Returns
    -------
    object
        None, a ``str``, ``int``, ``float``, ``bool`` or whatever else was given.

    Examples
    --------
    >>> import numpy as np
    >>> plain_value(np.int64(3)), plain_value(float("nan"))
    (3, None)
    """
    # The plain types first, as they are: a file's cells are mostly text and whole numbers,
    # and this runs once per cell of every event written.
    kind = type(value)
    if kind is str or kind is int or kind is bool:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if is_missing(value):
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def plain_column(column: pd.Series) -> list[Any]:
    """A column's cells as :func:`plain_value` gives them, converted a column at a time.

    Whole-number, float and boolean columns are converted by numpy in one pass (NaN, NA and
    infinities become None); any other column cell by cell.

    Parameters
    ----------
    column : pandas.Series

    Returns
    -------
    list
        One plain value per cell, in order.

    Examples
    --------
    >>> import pandas as pd
    >>> plain_column(pd.Series([3, None], dtype="Int64"))
    [3, None]
    """
    import numpy as np
    import pandas as pd

    dtype = column.dtype
    if isinstance(dtype, pd.Int64Dtype | pd.Int32Dtype | pd.Int16Dtype | pd.Int8Dtype):
        values: list[Any] = column.to_numpy(dtype=object, na_value=None).tolist()
        return values
    if isinstance(dtype, np.dtype) and dtype.kind in "iub":
        values = column.to_numpy().tolist()
        return values
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        return [v if math.isfinite(v) else None for v in column.to_numpy().tolist()]
    # Text columns hold str or None, taken as they are; anything else goes cell by cell.
    cells = column.tolist() if dtype == np.dtype(object) else list(column)
    return [v if type(v) is str or v is None else plain_value(v) for v in cells]


def read_value(value: Any) -> Any:
    """A cell as a reader passes it on: NA and NaN become None, numpy scalars plain values.

    Unlike :func:`plain_value`, an infinite number is kept, for the checks to refuse it.
    """
    if is_missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    return value
