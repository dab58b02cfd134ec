"""ACLED CSV exports: read into the event schema, and our events written in ACLED's columns."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._coords import validate_lon_lat
from ..._files import atomic_open, check_output
from ...errors import EventSchemaError, InvalidCoordinateError
from ...gazetteer import Gazetteer
from ..schema import (
    DatePrecision,
    Resolution,
    Status,
    acled_types,
    event_type_from_acled,
    is_missing,
)
from .base import WriteOptions
from .rows import events_from_rows
from .values import plain_value

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = ["ACLED_COLUMNS", "events_from_acled", "is_acled_header", "read_acled",
           "write_acled", "write_acled_file"]

#: The 31 standard columns of an ACLED export, in order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
# ACLED's time_precision codes and our date precisions.
_TIME_PRECISION = {"1": DatePrecision.DAY, "2": DatePrecision.WEEK, "3": DatePrecision.MONTH}
_TIME_PRECISION_CODE = {precision.value: code for code, precision in _TIME_PRECISION.items()}
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence",
             "Strategic developments": "Strategic developments"}
_REQUIRED = frozenset({"event_date", "event_type", "sub_event_type", "latitude", "longitude"})
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y")
# Our codes 1-3 are ACLED's; our 4 (a whole country) has no ACLED code and is written as 3.
_ACLED_MAX_PRECISION = 3


def is_acled_header(record: Mapping[str, Any]) -> bool:
    """Whether a CSV's first record (or header) has ACLED's identifying columns."""
    return "event_id_cnty" in record and "sub_event_type" in record


# ---------------------------------------------------------------------------------- reading
def read_acled(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Driver reader: :func:`events_from_acled` on a file."""
    return events_from_acled(path, gazetteer=gazetteer)


def events_from_acled(source: str | Path | pd.DataFrame, *,
                      gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Load an ACLED export into the event schema, keeping every ACLED column.

    ACLED columns with no schema counterpart are kept as ``acled_<column>`` so that
    :func:`write_acled` writes the export back unchanged. ``geo_precision`` 1-3 carries over;
    admin-1 names are matched to GeoNames codes through the gazetteer.

    Parameters
    ----------
    source : path or pandas.DataFrame
        An ACLED CSV export (31 standard columns; older and newer variants accepted).
    gazetteer : Gazetteer, optional

    Returns
    -------
    geopandas.GeoDataFrame
    """
    name, frame = _acled_table(source)
    missing = _REQUIRED - set(frame.columns)
    if missing:
        msg = f"{name}: not an ACLED export, missing columns {sorted(missing)}"
        raise EventSchemaError(msg)
    places = _AcledPlaces(gazetteer or Gazetteer.default())
    rows = [_row_from_acled(rec, f"{name} line {n}", places)
            for n, rec in enumerate(frame.to_dict("records"), start=2)]
    return events_from_rows(rows, name)


def _acled_table(source: str | Path | pd.DataFrame) -> tuple[str, pd.DataFrame]:
    """The source's name for messages, and its cells as strings."""
    import pandas as pd

    if isinstance(source, str | Path):
        return Path(source).name, pd.read_csv(source, dtype=str, keep_default_na=False)
    return "ACLED table", source.astype(str)


class _AcledPlaces:
    """ACLED's country and admin-1 names -> our codes, each name asked once."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._admin1: dict[tuple[str, str], str | None] = {}

    def country(self, name: str) -> str | None:
        place = self.gazetteer.resolve(name, kind="country").place if name else None
        return place.country if place else None

    def admin1(self, name: str, country: str | None) -> str | None:
        key = (name, country or "")
        if key not in self._admin1:
            self._admin1[key] = None
            if name:
                match = self.gazetteer.resolve(f"{name} oblast", kind="admin1", country=country)
                self._admin1[key] = match.place.admin1 if match.place else None
        return self._admin1[key]


def _acled_date(value: str, where: str) -> str:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    msg = f"{where}: event_date {value!r} is not a date ACLED writes (2024-01-05, 05 January 2024)"
    raise EventSchemaError(msg)


def _acled_point(rec: Mapping[str, str], where: str) -> Any:
    from shapely.geometry import Point

    if not (str(rec["longitude"]).strip() and str(rec["latitude"]).strip()):
        return None
    try:
        return Point(*validate_lon_lat(rec["longitude"], rec["latitude"]))
    except InvalidCoordinateError as exc:
        raise EventSchemaError(f"{where}: {exc}") from None


def _row_from_acled(rec: Mapping[str, str], where: str, places: _AcledPlaces) -> dict[str, Any]:
    point = _acled_point(rec, where)
    country = places.country(rec.get("country", ""))
    precision = rec.get("geo_precision", "")
    fatalities = rec.get("fatalities", "")
    row = {
        "event_id": rec.get("event_id_cnty") or None,
        "event_date": _acled_date(rec["event_date"], where),
        "date_precision": _TIME_PRECISION.get(rec.get("time_precision", ""),
                                              DatePrecision.DAY).value,
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
        "geo_precision": int(precision) if precision.isdigit() else None,
        "resolution": (Resolution.RESOLVED if point is not None else Resolution.UNRESOLVED).value,
        "status": Status.REPORTED.value,
        "fatalities": int(fatalities) if fatalities.strip().isdigit() else None,
        "source": rec.get("source") or None,
        "notes": rec.get("notes") or None,
        "geometry": point,
    }
    for column, value in rec.items():
        if column not in ("event_type", "sub_event_type"):
            row[f"acled_{column}"] = value
    return row


# ---------------------------------------------------------------------------------- writing
def write_acled(events: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write events as an ACLED-style CSV (the 31 standard columns, ACLED's names).

    Rows read with :func:`events_from_acled` are written back as they came. Other rows get
    their ACLED types from the taxonomy, our ``event_type`` in ``tags``
    (``geo_ukraine:event_type=...``) so that a round trip is lossless, and
    ``geo_precision`` 4 (country) written as ACLED's 3.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
    path : str or Path

    Returns
    -------
    pathlib.Path
    """
    path = check_output(path)
    write_acled_file(events, path, WriteOptions(precision=4))
    return path


def write_acled_file(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Driver writer: :func:`write_acled` to a checked ``path``."""
    names = _AcledNames(Gazetteer.default())
    with atomic_open(path, newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for _, ev in events.iterrows():
            writer.writerow(_kept_acled_row(ev) or _acled_row(ev, names))


class _AcledNames:
    """Our admin and country codes -> the names ACLED writes."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def admin(self, code: Any) -> str:
        code = plain_value(code)
        if not code:
            return ""
        place_id = ("a1:" if code.count(".") == 1 else "a2:") + code.split("|")[0]
        try:
            return self.gazetteer.get(place_id).name
        except LookupError:
            return str(code)

    def country(self, code: Any) -> str:
        code = plain_value(code)
        try:
            return self.gazetteer.get(f"c:{code}").name if code else ""
        except LookupError:
            return str(code)


def _kept_acled_row(ev: pd.Series) -> dict[str, Any] | None:
    """The ACLED row an event was read from, or None if it did not come from ACLED."""
    # acled_event_type / acled_sub_event_type are schema columns; the rest are kept only for
    # rows that came from an ACLED export.
    kept = {c: ev.get(f"acled_{c}") for c in ACLED_COLUMNS
            if c not in ("event_type", "sub_event_type")
            and not is_missing(ev.get(f"acled_{c}"))}
    if "event_date" not in kept:
        return None
    kept["event_type"] = ev["acled_event_type"]
    kept["sub_event_type"] = ev["acled_sub_event_type"]
    return kept


def _acled_row(ev: pd.Series, names: _AcledNames) -> dict[str, Any]:
    acled_event, acled_sub = acled_types(ev["event_type"])
    geom = ev.geometry
    point = None if geom is None or geom.is_empty else (
        geom if geom.geom_type == "Point" else geom.representative_point())
    precision = plain_value(ev["geo_precision"])
    return {
        "event_id_cnty": ev["event_id"], "event_date": ev["event_date"],
        "year": str(ev["event_date"])[:4],
        "time_precision": _TIME_PRECISION_CODE.get(ev["date_precision"], "1"),
        "disorder_type": _DISORDER.get(acled_event, "Strategic developments"),
        "event_type": acled_event, "sub_event_type": acled_sub,
        "actor1": plain_value(ev["actor"]) or "", "actor2": plain_value(ev["target"]) or "",
        "country": names.country(ev["country"]), "admin1": names.admin(ev["admin1"]),
        "admin2": names.admin(ev["admin2"]), "location": plain_value(ev["location"]) or "",
        "latitude": "" if point is None else f"{point.y:.4f}",
        "longitude": "" if point is None else f"{point.x:.4f}",
        "geo_precision": "" if precision is None
        else str(min(int(precision), _ACLED_MAX_PRECISION)),
        "source": plain_value(ev["source"]) or "", "notes": plain_value(ev["notes"]) or "",
        "fatalities": "" if plain_value(ev["fatalities"]) is None else ev["fatalities"],
        "tags": f"geo_ukraine:event_type={ev['event_type']}",
    }
