"""Event records that name places -> normalised rows -> a validated event table."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import warnings
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .._coords import validate_lon_lat
from ..errors import (
    EventSchemaError,
    InvalidCoordinateError,
    InvalidNameError,
    UnknownPlaceError,
    UnresolvedPlaceWarning,
)
from ..gazetteer import Gazetteer
from .fields import (
    TEXT_COLUMNS,
    Admin1Codes,
    check_buffer_km,
    check_scalar,
    check_vocabulary,
    text_value,
    whole_number,
)
from .frame import event_frame
from .places import attach_place, place_at
from .schema import INT_COLUMNS, DatePrecision, Resolution, Status, acled_types, is_missing

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["event_id", "events_from_records", "normalise_record", "parse_event_date"]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_REQUIRED = ("event_date", "event_type", "location")


def parse_event_date(value: object, precision: str | None = None) -> tuple[str | None, str]:
    """Normalise a date to ISO ``YYYY-MM-DD`` and a precision.

    ``2026-02`` is the 1st of the month with precision ``month``; ``2026-W05`` the Monday of
    ISO week 5 with precision ``week``.

    Parameters
    ----------
    value : str, datetime.date, datetime.datetime or pandas.Timestamp
    precision : str, optional
        Overrides the precision read from the value's form.

    Returns
    -------
    tuple
        ``(date, precision)``; the date is None only for precision ``unknown``.

    A missing value with precision ``unknown`` is an undated event: ``(None, "unknown")``.

    Raises
    ------
    EventSchemaError
        When ``value`` is not a date in one of those forms, or a date is given with precision
        ``unknown``.
    """
    if precision == DatePrecision.UNKNOWN:
        if value is None or is_missing(value) or str(value).strip() == "":
            return None, DatePrecision.UNKNOWN.value
        msg = f"event_date {value!r} is given but date_precision says 'unknown'"
        raise EventSchemaError(msg)
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), precision or DatePrecision.DAY.value
    if isinstance(value, dt.date):
        return value.isoformat(), precision or DatePrecision.DAY.value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date().isoformat(), precision or DatePrecision.DAY.value
    text = str(value).strip()[:40]
    try:
        if match := _MONTH.match(text):
            first = dt.date(int(match.group(1)), int(match.group(2)), 1)
            return first.isoformat(), precision or DatePrecision.MONTH.value
        if match := _WEEK.match(text):
            monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
            return monday.isoformat(), precision or DatePrecision.WEEK.value
        if match := _SLASHED.match(text):  # as ogr2ogr writes dates: 2026/01/27
            day = dt.date(*(int(part) for part in match.groups()))
            return day.isoformat(), precision or DatePrecision.DAY.value
        return dt.date.fromisoformat(text[:10]).isoformat(), precision or DatePrecision.DAY.value
    except ValueError:
        msg = (f"event_date {text!r} is not a date: use YYYY-MM-DD, YYYY-MM (a month) "
               "or YYYY-Www (an ISO week)")
        raise EventSchemaError(msg) from None


def event_id(record: Mapping[str, Any]) -> str:
    """A stable id for an event that has none: a hash of its date, type, place, source, notes."""
    key = "|".join(str(record.get(k, "")) for k in ("event_date", "event_type", "location",
                                                    "source", "notes"))
    return "gu-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def normalise_record(record: object, where: str, *, gazetteer: Gazetteer | None = None,
                     admin1_codes: Admin1Codes | None = None) -> dict[str, Any]:
    """One record that names its place -> one schema row with its place attached.

    Parameters
    ----------
    record : mapping
        See :func:`events_from_records`.
    where : str
        Names the record in error messages ("events.yaml record 3").
    gazetteer : Gazetteer, optional
    admin1_codes : Admin1Codes, optional
        Checks an ``admin1`` hint written as a code (shared across records: it caches).

    Returns
    -------
    dict
        The row; its ``resolution`` says whether the place was found.

    Raises
    ------
    EventSchemaError
        Naming ``where`` and the column of the first bad value.
    """
    if not isinstance(record, Mapping):
        msg = f"{where}: expected a mapping of column -> value, got {type(record).__name__}"
        raise EventSchemaError(msg)
    row = dict(record)
    undated = row.get("date_precision") == DatePrecision.UNKNOWN
    for column in _REQUIRED:
        if row.get(column) in (None, "") and not (undated and column == "event_date"):
            given = " ".join(", ".join(map(str, row)).split())[:200] or "none"
            msg = f"{where}: {column!r} is missing (fields given: {given})"
            raise EventSchemaError(msg)
    for key, value in row.items():
        check_scalar(value, str(key), where)
        if key in TEXT_COLUMNS and key != "event_date":
            row[key] = text_value(value, key, where)
    try:
        row["event_date"], row["date_precision"] = parse_event_date(
            row.get("event_date"), row.get("date_precision") or None)
        row["acled_event_type"], row["acled_sub_event_type"] = acled_types(row["event_type"])
    except EventSchemaError as exc:
        raise EventSchemaError(f"{where}: {exc}") from None
    for column in (*INT_COLUMNS, "geo_precision"):
        row[column] = whole_number(row.get(column), column, where)
    check_vocabulary(row, where)
    (admin1_codes or Admin1Codes(gazetteer)).check_hint(row.get("admin1"), where)
    place = _place_of(row, where, gazetteer)
    for key, value in place.items():
        if key == "geo_precision" and row.get("geo_precision") is not None:
            continue
        row[key] = value
    row.setdefault("status", Status.REPORTED.value)
    row["event_id"] = row.get("event_id") or event_id(row)
    return row


def _place_of(row: dict[str, Any], where: str, gazetteer: Gazetteer | None) -> dict[str, Any]:
    """Pop ``lon``/``lat``/``buffer_km`` from ``row`` and return its place."""
    lon, lat = row.pop("lon", None), row.pop("lat", None)
    hints = {"event_type": row["event_type"], "gazetteer": gazetteer,
             "country": row.get("country"), "admin1": row.get("admin1")}
    try:
        if lon in (None, "") or lat in (None, ""):
            radius = check_buffer_km(row.pop("buffer_km", None), where)
            return attach_place(row["location"], buffer_km=radius, **hints)
        lon, lat = validate_lon_lat(lon, lat)
        return place_at(row["location"], lon, lat, geo_precision=row.get("geo_precision"),
                        **hints)
    except EventSchemaError:
        raise
    except (InvalidCoordinateError, InvalidNameError, UnknownPlaceError) as exc:
        # Bad coordinates, an over-long name or an admin1 hint no unit has: name the record.
        raise EventSchemaError(f"{where}: {exc}") from None


def events_from_records(records: Iterable[Mapping[str, Any]], *,
                        gazetteer: Gazetteer | None = None,
                        source_name: str = "records") -> gpd.GeoDataFrame:
    """Build a validated event GeoDataFrame from records that name places.

    Each record needs ``event_date``, ``event_type`` and ``location`` (the place as written);
    any schema column may be given, plus extra keys (kept as columns). ``country`` and
    ``admin1`` act as resolution hints. Records that already carry ``lon``/``lat`` keep them.
    A place that cannot be resolved keeps its row with ``resolution`` ``unresolved`` (or
    ``ambiguous``) and no geometry, and an :class:`UnresolvedPlaceWarning` is issued.

    Parameters
    ----------
    records : iterable of mappings
    gazetteer : Gazetteer, optional
    source_name : str
        Named in error messages ("events.yaml").

    Returns
    -------
    geopandas.GeoDataFrame
        In the event schema, CRS EPSG:4326.

    Raises
    ------
    EventSchemaError
        Naming the record number and column of the first bad value.

    Examples
    --------
    >>> from geo_ukraine import events_from_records
    >>> ev = events_from_records([{"event_date": "2026-02-04", "event_type": "shelling",
    ...                            "location": "Druzhkivka", "fatalities": 7}])
    >>> ev.loc[0, "admin1"], int(ev.loc[0, "geo_precision"])
    ('UA.05', 1)
    """
    rows = []
    unresolved = []
    admin1_codes = Admin1Codes(gazetteer)
    for n, record in enumerate(records, start=1):
        row = normalise_record(record, f"{source_name} record {n}", gazetteer=gazetteer,
                               admin1_codes=admin1_codes)
        if row["resolution"] != Resolution.RESOLVED:
            unresolved.append(f"{row['location']!r} ({row['resolution']})")
        rows.append(row)
    if unresolved:
        msg = (f"{source_name}: {len(unresolved)} place(s) kept without geometry: "
               + ", ".join(unresolved))
        warnings.warn(msg, UnresolvedPlaceWarning, stacklevel=2)
    return event_frame(rows)
