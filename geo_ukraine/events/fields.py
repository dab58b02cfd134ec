"""Checks of single fields, shared by every way events come in: counts, text, places, geometry.

Each check names where the value came from (``where``: "events.csv line 4") and the field, and
raises :class:`~geo_ukraine.errors.EventSchemaError`; nothing is silently nulled, truncated or
"fixed".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._coords import validate_lon_lat
from ..errors import EventSchemaError, InvalidCoordinateError
from ..gazetteer import Gazetteer
from .codes import DATE_PRECISIONS, GEO_PRECISION, RESOLUTIONS, STATUSES
from .schema import EVENT_COLUMNS, EVENT_TYPES, INT_COLUMNS, is_missing

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "MAX_BUFFER_KM",
    "MAX_COUNT",
    "TEXT_COLUMNS",
    "Admin1Codes",
    "check_buffer_km",
    "check_geometry",
    "check_scalar",
    "check_vocabulary",
    "text_value",
    "whole_number",
]

#: The largest count accepted: the largest integer every JSON reader keeps exactly (2**53 - 1).
MAX_COUNT = 2**53 - 1
#: The largest capture-area radius accepted, in kilometres (a typo guard: the front is
#: about 1,000 km long).
MAX_BUFFER_KM = 1000.0
#: Schema columns that hold text.
TEXT_COLUMNS: tuple[str, ...] = tuple(
    c for c in EVENT_COLUMNS if c not in (*INT_COLUMNS, "geo_precision", "geometry"))

_ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.[0-9A-Za-z]{1,20}$")
_VOCABULARIES = (("event_type", EVENT_TYPES), ("status", STATUSES),
                 ("date_precision", DATE_PRECISIONS), ("resolution", RESOLUTIONS))


def whole_number(value: object, column: str, where: str) -> int | None:
    """A count such as ``fatalities``: a whole number >= 0, or None for an empty cell.

    ``7``, ``7.0`` and ``"7"`` are 7; ``-5``, ``"abc"``, ``2.7``, ``true`` and infinities are
    refused rather than nulled, truncated or read as 1.

    Parameters
    ----------
    value : object
    column : str
        Named in the error message.
    where : str
        Where the value came from ("events.csv line 4"), named in the error message.

    Returns
    -------
    int or None

    Raises
    ------
    EventSchemaError
        For anything that is not a whole number from 0 to :data:`MAX_COUNT`.
    """
    if isinstance(value, str):
        return _whole_number_text(value, column, where) if value.strip() else None
    if is_missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, int | float):  # numpy scalars
        return whole_number(value.item(), column, where)
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    return _count(number, value, column, where)


def _whole_number_text(text: str, column: str, where: str) -> int:
    try:
        number = int(text) if text.strip().isdigit() else float(text)
    except ValueError:
        number = None
    return _count(number, text, column, where)


def _count(number: float | None, shown: object, column: str, where: str) -> int:
    """``number`` as a count, or an error quoting the value as it was given (``shown``)."""
    if number is None or (isinstance(number, float)
                          and not (math.isfinite(number) and number.is_integer())):
        msg = f"{where}: {column} must be a whole number, got {_short(shown)}"
        raise EventSchemaError(msg)
    if number < 0:
        msg = f"{where}: {column} must be a non-negative whole number, got {_short(shown)}"
        raise EventSchemaError(msg)
    if number > MAX_COUNT:
        msg = f"{where}: {column} must be at most {MAX_COUNT}, got {_short(shown)}"
        raise EventSchemaError(msg)
    return int(number)


def check_scalar(value: object, column: str, where: str) -> None:
    """Refuse a list, mapping or other container, or an infinite number, as a field value.

    Raises
    ------
    EventSchemaError
        Naming ``where`` and ``column``.
    """
    if isinstance(value, list | tuple | set | dict | Mapping | bytes | bytearray):
        msg = (f"{where}: {column} must be a single value, got a {type(value).__name__} "
               f"({_short(value)})")
        raise EventSchemaError(msg)
    if isinstance(value, float) and math.isinf(value):
        msg = f"{where}: {column} must be a finite number, got {value!r}"
        raise EventSchemaError(msg)


def text_value(value: object, column: str, where: str) -> str | None:
    """A text field: a string, or None when empty; numbers and dates become their text.

    A boolean is refused: YAML reads an unquoted ``yes``/``no``/``on``/``off`` as one.

    Raises
    ------
    EventSchemaError
        For a container, an infinite number or a boolean.
    """
    check_scalar(value, column, where)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        msg = (f"{where}: {column} must be text, got {value!r} (YAML reads yes/no/on/off "
               "as true/false: put the text in quotes)")
        raise EventSchemaError(msg)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


def check_vocabulary(row: Mapping[str, Any], where: str) -> None:
    """Refuse an ``event_type``, ``status``, ``date_precision`` or ``resolution`` not in use.

    Raises
    ------
    EventSchemaError
        Naming ``where``, the field and the allowed values.
    """
    for column, allowed in _VOCABULARIES:
        value = row.get(column)
        if value is not None and value not in allowed:
            msg = f"{where}: {column} {_short(value)} is not one of {', '.join(allowed)}"
            raise EventSchemaError(msg)
    precision = row.get("geo_precision")
    if precision is not None and precision not in GEO_PRECISION:
        msg = f"{where}: geo_precision {precision!r} is not one of 1, 2, 3, 4"
        raise EventSchemaError(msg)


def check_buffer_km(value: object, where: str = "buffer_km") -> float | None:
    """A capture-area radius in km: a number above 0 and at most :data:`MAX_BUFFER_KM`.

    Returns
    -------
    float or None
        None when no radius is given (use the setting).

    Raises
    ------
    EventSchemaError
        For anything else: a negative, zero, absurd or non-numeric radius.
    """
    if value is None or value == "":
        return None
    try:
        radius = float(value) if not isinstance(value, bool) else math.nan  # type: ignore[arg-type]
    except (TypeError, ValueError):
        radius = math.nan
    if not 0 < radius <= MAX_BUFFER_KM:  # also False for NaN
        msg = (f"{where}: buffer_km must be a radius in km above 0 and at most "
               f"{MAX_BUFFER_KM:g}, got {_short(value)}")
        raise EventSchemaError(msg)
    return radius


def check_geometry(geom: BaseGeometry | None, where: str) -> None:
    """Refuse a geometry with a coordinate that is not finite or is out of lon/lat range.

    Altitudes (a third coordinate) are kept; they must be finite.

    Raises
    ------
    EventSchemaError
        Naming ``where`` and the first bad coordinate.
    """
    if geom is None:
        return
    import numpy as np
    import shapely

    coords = shapely.get_coordinates(geom, include_z=bool(geom.has_z))
    if coords.size == 0:
        return
    bad = ~np.isfinite(coords).all(axis=1) | (np.abs(coords[:, 0]) > 180) \
        | (np.abs(coords[:, 1]) > 90)
    if not bad.any():
        return
    lon, lat, *alt = coords[int(np.argmax(bad))].tolist()
    try:
        validate_lon_lat(lon, lat)
    except InvalidCoordinateError as exc:
        raise EventSchemaError(f"{where}: geometry: {exc}") from None
    msg = f"{where}: geometry: altitude {alt[0]!r} is not a finite number"
    raise EventSchemaError(msg)


class Admin1Codes:
    """The admin-1 codes an event table may hold: known units, or well-formed elsewhere.

    The gazetteer has the admin-1 units of the countries of the theatre (Ukraine, Russia,
    Belarus, Moldova): there, a code it does not know (``UA.99``) is refused. Elsewhere a
    GeoNames code of the right form (``CH.GE``) is accepted as it stands.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Loaded on the first check (default :meth:`Gazetteer.default`).
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._known: frozenset[str] | None = None
        self._countries: frozenset[str] = frozenset()

    def check(self, value: object, where: str) -> None:
        """Refuse ``value`` unless each ``|``-separated part is an acceptable code."""
        if value is None or value == "":
            return
        for code in str(value).split("|"):
            if not _ADMIN1_CODE.match(code):
                msg = (f"{where}: admin1 {_short(value)} is not a GeoNames admin-1 code such "
                       "as 'UA.05' (several joined with '|')")
                raise EventSchemaError(msg)
            if code[:2] in self._countries_with_units() and code not in self._units():
                msg = f"{where}: admin1 {code!r} is not an admin-1 unit of {code[:2]}"
                raise EventSchemaError(msg)

    def check_hint(self, value: object, where: str) -> None:
        """Check an ``admin1`` resolution hint that is written as a code; leave names be."""
        if isinstance(value, str) and all(_ADMIN1_CODE.match(c) for c in value.split("|")):
            self.check(value, where)

    def _units(self) -> frozenset[str]:
        if self._known is None:
            gaz = self._gazetteer or Gazetteer.default()
            units = [p for p in gaz.places("admin1") if p.admin1]
            self._known = frozenset(p.admin1 for p in units if p.admin1)
            self._countries = frozenset(p.country for p in units)
        return self._known

    def _countries_with_units(self) -> frozenset[str]:
        self._units()
        return self._countries


def _short(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters: messages stay one short line."""
    if isinstance(value, list | tuple | set | dict):
        return f"{type(value).__name__} of {len(value)}"
    try:
        text = repr(value)
    except ValueError:  # an int too long to print (sys.get_int_max_str_digits)
        return f"a {type(value).__name__} too long to print"
    return text if len(text) <= limit else text[: limit - 3] + "..."
