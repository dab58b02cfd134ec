"""ACLED CSV exports read into the event schema, every ACLED column kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._coords import validate_lon_lat
from ...errors import EventSchemaError, InvalidCoordinateError
from ...gazetteer import Gazetteer
from ..codes import DatePrecision, Resolution, Status
from ..schema import event_type_from_acled
from .acled import TIME_PRECISIONS, parse_tags
from .csvfile import read_csv_table
from .rows import PlacedRow, events_from_rows

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = ["events_from_acled", "read_acled"]

_REQUIRED = frozenset({"event_date", "event_type", "sub_event_type", "latitude", "longitude"})
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y")


def read_acled(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Driver reader: :func:`events_from_acled` on a file."""
    return events_from_acled(path, gazetteer=gazetteer)


def events_from_acled(source: str | Path | pd.DataFrame, *,
                      gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Load an ACLED export into the event schema, keeping every ACLED column.

    ACLED columns with no schema counterpart are kept as ``acled_<column>`` so that
    :func:`~geo_ukraine.events.io.write_acled` writes the export back unchanged.
    ``geo_precision`` 1-3 carries over; admin-1 names are matched to GeoNames codes through
    the gazetteer; ``geo_ukraine:`` tags (see :mod:`~geo_ukraine.events.io.acled`) restore
    our event type, status and claimant.

    Parameters
    ----------
    source : path or pandas.DataFrame
        An ACLED CSV export (31 standard columns; older and newer variants accepted).
    gazetteer : Gazetteer, optional

    Returns
    -------
    geopandas.GeoDataFrame

    Raises
    ------
    EventSchemaError
        For a table without ACLED's columns, or a bad value, naming the line and field.
    """
    name, header, records = _acled_table(source)
    missing = _REQUIRED - set(header)
    if missing:
        msg = f"{name}: not an ACLED export, missing columns {sorted(missing)}"
        raise EventSchemaError(msg)
    places = _AcledPlaces(gazetteer or Gazetteer.default())
    rows = [_row_from_acled(record, where, places) for where, record in records]
    return events_from_rows(rows, name, gazetteer=places.gazetteer)


def _acled_table(source: str | Path | pd.DataFrame,
                 ) -> tuple[str, list[str], list[tuple[str, dict[str, str]]]]:
    """The source's name, its header, and its records (cells as text) with where they are."""
    if isinstance(source, str | Path):
        path = Path(source)
        header, records = read_csv_table(path)
        return path.name, header, [(f"{path.name} line {n}", r) for n, r in records]
    frame = source.astype(object).where(source.notna(), "").astype(str)
    rows = frame.to_dict("records")
    return ("ACLED table", [str(c) for c in frame.columns],
            [(f"ACLED table row {n}", r) for n, r in enumerate(rows, start=1)])


class _AcledPlaces:
    """ACLED's country and admin-1 names -> our codes, each name asked once."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._admin1: dict[tuple[str, str], str | None] = {}

    def country(self, name: str) -> str | None:
        place = self.gazetteer.resolve(name, kind="country").place if name.strip() else None
        return place.country if place else None

    def admin1(self, name: str, country: str | None) -> str | None:
        key = (name, country or "")
        if key not in self._admin1:
            self._admin1[key] = None
            if name.strip():
                match = self.gazetteer.resolve(f"{name} oblast", kind="admin1", country=country)
                self._admin1[key] = match.place.admin1 if match.place else None
        return self._admin1[key]


def _acled_date(value: str, where: str) -> str:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    msg = (f"{where}: event_date {value[:40]!r} is not a date ACLED writes (2024-01-05, "
           "05 January 2024)")
    raise EventSchemaError(msg)


def _acled_point(rec: Mapping[str, str], where: str) -> Any:
    from shapely.geometry import Point

    if not (rec["longitude"].strip() and rec["latitude"].strip()):
        return None
    try:
        return Point(*validate_lon_lat(rec["longitude"], rec["latitude"]))
    except InvalidCoordinateError as exc:
        raise EventSchemaError(f"{where}: {exc}") from None


def _row_from_acled(rec: Mapping[str, str], where: str, places: _AcledPlaces) -> PlacedRow:
    point = _acled_point(rec, where)
    tags = parse_tags(rec.get("tags", ""))
    country = places.country(rec.get("country", ""))
    row: dict[str, Any] = {
        "event_id": rec.get("event_id_cnty") or None,
        # ACLED always dates its events; an empty date is an undated event we wrote.
        "event_date": _acled_date(rec["event_date"], where) if rec["event_date"].strip()
        else None,
        "date_precision": TIME_PRECISIONS.get(rec.get("time_precision", "").strip(),
                                              DatePrecision.DAY).value
        if rec["event_date"].strip() else DatePrecision.UNKNOWN.value,
        "event_type": event_type_from_acled(rec["event_type"], rec["sub_event_type"],
                                            rec.get("tags", "")),
        "acled_event_type": rec["event_type"],
        "acled_sub_event_type": rec["sub_event_type"],
        "actor": rec.get("actor1") or None,
        "target": rec.get("actor2") or None,
        "location": rec.get("location") or None,
        "place_name": rec.get("location") or None,
        "admin1": places.admin1(rec.get("admin1", ""), country),
        "admin2": None,
        "country": country,
        "geo_precision": rec.get("geo_precision") or None,
        "resolution": (Resolution.RESOLVED if point is not None else Resolution.UNRESOLVED).value,
        "status": tags.get("status") or Status.REPORTED.value,
        "claimed_by": tags.get("claimed_by") or None,
        "fatalities": rec.get("fatalities") or None,
        "source": rec.get("source") or None,
        "notes": rec.get("notes") or None,
        "geometry": point,
    }
    for column, value in rec.items():
        if column not in ("event_type", "sub_event_type"):
            row[f"acled_{column}"] = value
    return where, row
