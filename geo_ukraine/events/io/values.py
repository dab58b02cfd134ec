"""Cell values on their way into files: plain JSON-safe values."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from ..schema import is_missing

__all__ = ["plain_value", "read_value"]


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


def read_value(value: Any) -> Any:
    """A cell as a reader passes it on: NA and NaN become None, numpy scalars plain values.

    Unlike :func:`plain_value`, an infinite number is kept, for the checks to refuse it.
    """
    if is_missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    return value
