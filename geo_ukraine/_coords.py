"""The one validator for longitude/latitude values."""

from __future__ import annotations

import math
from numbers import Real

from .errors import InvalidCoordinateError


def validate_lon_lat(lon: object, lat: object) -> tuple[float, float]:
    """Return ``(lon, lat)`` as floats, or raise naming the bad value.

    A latitude beyond +/-90 is refused rather than "fixed": it is usually a swapped pair.
    """
    values = []
    for label, value, bound in (("longitude", lon, 180.0), ("latitude", lat, 90.0)):
        if isinstance(value, bool) or not isinstance(value, Real | str):
            msg = f"{label} must be a number, got {value!r} of type {type(value).__name__}"
            raise InvalidCoordinateError(msg)
        try:
            number = float(value)
        except ValueError:
            msg = f"{label} must be a number, got {value!r}"
            raise InvalidCoordinateError(msg) from None
        if math.isnan(number) or math.isinf(number):
            msg = f"{label} must be finite, got {value!r}"
            raise InvalidCoordinateError(msg)
        if abs(number) > bound:
            hint = " (were longitude and latitude swapped?)" if label == "latitude" else ""
            msg = f"{label} {number!r} is outside -{bound:g}..{bound:g}{hint}"
            raise InvalidCoordinateError(msg)
        values.append(number)
    return values[0], values[1]
