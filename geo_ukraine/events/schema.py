"""The event schema and taxonomy, the one validator, and constructors that attach geometry."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import warnings
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..errors import EventSchemaError, InvalidCoordinateError, UnresolvedPlaceWarning
from ..gazetteer import Gazetteer, Match
from ..gazetteer.areas import area_for_phrase

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "ACLED_TYPES",
    "EVENT_COLUMNS",
    "EVENT_TYPES",
    "GEO_PRECISION",
    "STATUSES",
    "acled_types",
    "empty_events",
    "event_frame",
    "event_type_from_acled",
    "events_from_records",
    "is_missing",
    "validate_events",
]

#: Columns of the event schema, in order. Extra columns are kept after these.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "date_precision", "event_type", "acled_event_type",
    "acled_sub_event_type", "actor", "target", "location", "place_id", "place_name", "admin1",
    "admin2", "country", "geo_precision", "resolution", "status", "claimed_by", "fatalities",
    "injured", "source", "source_url", "notes", "geometry",
)

#: Our taxonomy, each with its ACLED ``(event_type, sub_event_type)``.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "missile_strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "glide_bomb": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "combined_strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "infrastructure_damage": ("Explosions/Remote violence", "Air/drone strike"),
    "civilian_casualties": ("Violence against civilians", "Attack"),
    "territorial_claim": ("Battles", "Non-state actor overtakes territory"),
    "territorial_change": ("Battles", "Non-state actor overtakes territory"),
    "cross_border_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "incursion": ("Battles", "Armed clash"),
    "diplomacy": ("Strategic developments", "Agreement"),
    "aid": ("Strategic developments", "Other"),
    "other": ("Strategic developments", "Other"),
}
EVENT_TYPES: tuple[str, ...] = tuple(ACLED_TYPES)

# ACLED sub-event -> our type, when the export carries no geo_ukraine tag.
_FROM_ACLED_SUB = {
    "Air/drone strike": "drone_strike",
    "Shelling/artillery/missile attack": "shelling",
    "Non-state actor overtakes territory": "territorial_change",
    "Government regains territory": "territorial_change",
    "Non-violent transfer of territory": "territorial_change",
    "Armed clash": "incursion",
    "Agreement": "diplomacy",
}
_FROM_ACLED_EVENT = {"Violence against civilians": "civilian_casualties"}

STATUSES: tuple[str, ...] = ("claimed", "reported", "confirmed")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month")

#: ``geo_precision`` codes. ACLED's codebook has 1-3; our 4 (whole country) exports as ACLED 3.
GEO_PRECISION: dict[int, str] = {
    1: "the named place itself (a settlement or facility with its own coordinates)",
    2: "near a named place or part of a region: an approximate village location, a claimed-"
       "capture buffer, or a directional sub-area such as 'southeastern Zaporizhzhia'",
    3: "a whole admin-1 region (oblast) or several",
    4: "a whole country",
}

_INT_COLUMNS = ("fatalities", "injured")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def acled_types(event_type: str) -> tuple[str, str]:
    """ACLED ``(event_type, sub_event_type)`` of one of our event types.

    Parameters
    ----------
    event_type : str
        A name from :data:`EVENT_TYPES`.

    Returns
    -------
    tuple of str

    Raises
    ------
    EventSchemaError
        For a name outside the taxonomy.
    """
    try:
        return ACLED_TYPES[event_type]
    except KeyError:
        msg = f"event_type {event_type!r} is not in the taxonomy: {', '.join(EVENT_TYPES)}"
        raise EventSchemaError(msg) from None


def event_type_from_acled(event_type: str, sub_event_type: str, tags: str = "") -> str:
    """Our event type for an ACLED row: from its ``geo_ukraine:`` tag, else by sub-event type."""
    match = re.search(r"geo_ukraine:event_type=(\w+)", tags or "")
    if match and match.group(1) in ACLED_TYPES:
        return match.group(1)
    return _FROM_ACLED_SUB.get(sub_event_type) or _FROM_ACLED_EVENT.get(event_type, "other")


def parse_event_date(value: object, precision: str | None = None) -> tuple[str, str]:
    """Normalise a date to ISO ``YYYY-MM-DD`` and a precision.

    ``2026-02`` is the 1st of the month with precision ``month``; ``2026-W05`` the Monday of
    ISO week 5 with precision ``week``.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), precision or "day"
    if isinstance(value, dt.date):
        return value.isoformat(), precision or "day"
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date().isoformat(), precision or "day"
    text = str(value).strip()
    if match := _MONTH.match(text):
        return f"{match.group(1)}-{match.group(2)}-01", precision or "month"
    if match := _WEEK.match(text):
        monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        return monday.isoformat(), precision or "week"
    try:
        return dt.date.fromisoformat(text[:10]).isoformat(), precision or "day"
    except ValueError:
        msg = (f"event_date {value!r} is not a date: use YYYY-MM-DD, YYYY-MM (a month) "
               "or YYYY-Www (an ISO week)")
        raise EventSchemaError(msg) from None


def _event_id(record: Mapping[str, Any]) -> str:
    key = "|".join(str(record.get(k, "")) for k in ("event_date", "event_type", "location",
                                                    "source", "notes"))
    return "gu-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _int_or_none(value: object, column: str, where: str) -> int | None:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        msg = f"{where}: {column} must be a whole number, got {value!r}"
        raise EventSchemaError(msg) from None
    if number < 0 or number != float(value):  # type: ignore[arg-type]
        msg = f"{where}: {column} must be a non-negative whole number, got {value!r}"
        raise EventSchemaError(msg)
    return number


def attach_place(location: str, *, event_type: str = "other", gazetteer: Gazetteer | None = None,
                 country: str | None = None, admin1: str | None = None,
                 buffer_km: float | None = None) -> dict[str, Any]:
    """Resolve ``location`` and choose the geometry that honestly shows where it happened.

    A settlement gives its point (``geo_precision`` 1, or 2 when KATOTTG only places it at its
    hromada's centre); a claimed or assessed capture of a settlement gives a buffer of
    ``buffer_km`` around it (2); a region phrase gives the oblast polygon (3), several
    ("Zaporizhzhia and Donetsk regions") their union; a directional phrase ("southeastern
    Zaporizhzhia", "western Ukraine near the EU border") the part of the area on that side (2);
    a country its polygon (4).

    Parameters
    ----------
    location : str
        The place as the source wrote it.
    event_type : str
        Decides whether a settlement is drawn as a point or as a capture area.
    gazetteer : Gazetteer, optional
        Defaults to :meth:`Gazetteer.default`.
    country, admin1 : str, optional
        Hints passed to :meth:`Gazetteer.resolve`.
    buffer_km : float, optional
        Radius of a capture area (default: ``settings.capture_buffer_km``).

    Returns
    -------
    dict
        ``place_id``, ``place_name``, ``admin1``, ``admin2``, ``country``, ``geo_precision``,
        ``resolution`` (resolved / ambiguous / unresolved) and ``geometry`` (None when
        unresolved).
    """
    from .._settings import settings

    gaz = gazetteer or Gazetteer.default()
    out: dict[str, Any] = {"place_id": None, "place_name": None, "admin1": None,
                           "admin2": None, "country": None, "geo_precision": None,
                           "resolution": "unresolved", "geometry": None}
    area = area_for_phrase(location, gaz)
    if area is not None:
        out.update(area)
        out["resolution"] = "resolved"
        return out
    match: Match = gaz.resolve(location, country=country, admin1=admin1)
    if match.place is None:
        out["resolution"] = match.status if match.status != "group" else "resolved"
        return out
    place = match.place
    out.update(place_id=place.place_id, place_name=place.name, country=place.country,
               admin1=place.admin1, admin2=place.admin2, resolution="resolved")
    if place.kind == "country":
        out.update(geo_precision=4, geometry=place.geometry)
    elif place.kind == "admin1":
        out.update(geo_precision=3, geometry=place.geometry)
    elif place.kind == "admin2":
        out.update(geo_precision=2, geometry=place.geometry)
    else:
        precise = place.location_precision == "point"
        geometry = place.geometry
        if event_type in ("territorial_claim", "territorial_change"):
            from ..gazetteer.areas import buffer_km as buffer_around

            radius = settings.capture_buffer_km if buffer_km is None else buffer_km
            geometry = buffer_around(geometry, radius)
            precise = False
        out.update(geo_precision=1 if precise else 2, geometry=geometry)
    return out


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
    from shapely.geometry import Point

    from .._coords import validate_lon_lat

    rows = []
    unresolved = []
    for n, record in enumerate(records, start=1):
        where = f"{source_name} record {n}"
        if not isinstance(record, Mapping):
            msg = f"{where}: expected a mapping of column -> value, got {type(record).__name__}"
            raise EventSchemaError(msg)
        row = dict(record)
        for column in ("event_date", "event_type", "location"):
            if row.get(column) in (None, ""):
                msg = f"{where}: {column!r} is missing (record: {dict(record)!r})"
                raise EventSchemaError(msg)
        try:
            row["event_date"], row["date_precision"] = parse_event_date(
                row["event_date"], row.get("date_precision") or None)
            row["acled_event_type"], row["acled_sub_event_type"] = acled_types(row["event_type"])
        except EventSchemaError as exc:
            raise EventSchemaError(f"{where}: {exc}") from None
        for column in _INT_COLUMNS:
            row[column] = _int_or_none(row.get(column), column, where)
        lon, lat = row.pop("lon", None), row.pop("lat", None)
        if lon not in (None, "") and lat not in (None, ""):
            try:
                lon, lat = validate_lon_lat(lon, lat)
            except InvalidCoordinateError as exc:
                raise EventSchemaError(f"{where}: {exc}") from None
            place = attach_place(row["location"], event_type=row["event_type"],
                                 gazetteer=gazetteer, country=row.get("country"),
                                 admin1=row.get("admin1"))
            place["geometry"] = Point(lon, lat)
            place["geo_precision"] = int(row.get("geo_precision") or 1)
            place["resolution"] = "resolved"
        else:
            place = attach_place(row["location"], event_type=row["event_type"],
                                 gazetteer=gazetteer, country=row.get("country"),
                                 admin1=row.get("admin1"), buffer_km=row.pop("buffer_km", None))
        if place["resolution"] != "resolved":
            unresolved.append(f"{row['location']!r} ({place['resolution']})")
        for key, value in place.items():
            if key == "geo_precision" and row.get("geo_precision") not in (None, ""):
                continue
            row[key] = value
        row.setdefault("status", "reported")
        row.setdefault("event_id", None)
        row["event_id"] = row["event_id"] or _event_id(row)
        rows.append(row)
    if unresolved:
        msg = (f"{source_name}: {len(unresolved)} place(s) kept without geometry: "
               + ", ".join(unresolved))
        warnings.warn(msg, UnresolvedPlaceWarning, stacklevel=2)
    return event_frame(rows)


def empty_events() -> gpd.GeoDataFrame:
    """An event GeoDataFrame with the schema's columns and no rows."""
    return event_frame([])


def event_frame(rows: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    """An event GeoDataFrame (EPSG:4326, schema columns first) from already-checked rows."""
    import geopandas as gpd
    import pandas as pd

    frame = pd.DataFrame(rows)
    for column in EVENT_COLUMNS:
        if column not in frame.columns:
            frame[column] = None
    extra = [c for c in frame.columns if c not in EVENT_COLUMNS]
    frame = frame[[*EVENT_COLUMNS, *extra]]
    for column in (*_INT_COLUMNS, "geo_precision"):
        frame[column] = pd.array(
            [None if is_missing(v) else int(v) for v in frame[column]], dtype="Int64")
    for column in EVENT_COLUMNS:
        if column not in (*_INT_COLUMNS, "geo_precision", "geometry"):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    gdf = gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")
    validate_events(gdf)
    return gdf


def is_missing(value: object) -> bool:
    """Whether a cell is empty: None, NaN, NaT or pandas NA."""
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def validate_events(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Check an event table against the schema; return it unchanged or raise.

    Parameters
    ----------
    events : geopandas.GeoDataFrame

    Returns
    -------
    geopandas.GeoDataFrame
        The same object.

    Raises
    ------
    EventSchemaError
        Listing every problem found: missing columns, unknown event types, statuses or date
        precisions, bad dates, negative figures, geo_precision outside 1-4, a CRS other than
        EPSG:4326, or a resolved row without geometry.
    """
    import geopandas as gpd

    if not isinstance(events, gpd.GeoDataFrame):
        msg = f"events must be a GeoDataFrame, got {type(events).__name__}"
        raise EventSchemaError(msg)
    problems = []
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        problems.append(f"missing columns: {', '.join(missing)}")
    if events.crs is not None and not events.crs.equals("EPSG:4326"):
        problems.append(f"CRS must be EPSG:4326 (WGS84 lon/lat), got {events.crs.to_string()}")
    if not missing:
        checks = (("event_type", EVENT_TYPES), ("status", STATUSES),
                  ("date_precision", DATE_PRECISIONS), ("geo_precision", tuple(GEO_PRECISION)))
        for column, allowed in checks:
            for idx, value in events[column].items():
                if not is_missing(value) and value not in allowed:
                    problems.append(f"row {idx}: {column} {value!r} not in {allowed}")
        for idx, value in events["event_date"].items():
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                problems.append(f"row {idx}: event_date {value!r} is not YYYY-MM-DD")
        for column in _INT_COLUMNS:
            for idx, value in events[column].items():
                if not is_missing(value) and int(value) < 0:
                    problems.append(f"row {idx}: {column} {value!r} is negative")
        for idx, (resolution, geom) in enumerate(zip(events["resolution"], events.geometry,
                                                     strict=True)):
            if resolution == "resolved" and (geom is None or geom.is_empty):
                problems.append(f"row {events.index[idx]}: resolved but has no geometry")
    if problems:
        shown = "; ".join(problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise EventSchemaError(f"event table does not fit the schema: {shown}{more}")
    return events
