"""Reading and writing event tables: GeoJSON (RFC 7946), GeoPackage, CSV, KML, YAML, ACLED CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from ..._files import atomic_open, atomic_path, check_output
from ..._settings import settings
from ...errors import EventSchemaError
from ..schema import (
    acled_types,
    event_frame,
    event_type_from_acled,
    events_from_records,
    is_missing,
    validate_events,
)

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "ACLED_COLUMNS",
    "events_from_acled",
    "plain_value",
    "read_events",
    "rfc7946_geometry",
    "to_geojson",
    "write_acled",
    "write_events",
]

DRIVERS = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".csv": "csv",
           ".kml": "kml", ".yaml": "yaml", ".yml": "yaml"}
KML_NS = "http://www.opengis.net/kml/2.2"

#: The 31 standard columns of an ACLED export, in order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
_ACLED_TIME_PRECISION = {"1": "day", "2": "week", "3": "month"}
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence",
             "Strategic developments": "Strategic developments"}


def _driver(path: Path, driver: str | None) -> str:
    if driver:
        if driver.lower() not in set(DRIVERS.values()) | {"acled"}:
            msg = f"driver {driver!r} is not one of {sorted(set(DRIVERS.values()) | {'acled'})}"
            raise ValueError(msg)
        return driver.lower()
    suffix = path.suffix.lower()
    if suffix not in DRIVERS:
        msg = (f"{str(path)!r}: cannot tell the format from the extension {suffix!r}; "
               f"use one of {', '.join(sorted(DRIVERS))} or pass driver=")
        raise ValueError(msg)
    return DRIVERS[suffix]


# ---------------------------------------------------------------------------------- values
def plain_value(value: Any) -> Any:
    """A JSON-safe Python value: NaN and NA become None, numpy scalars plain numbers."""
    if is_missing(value):
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def rfc7946_geometry(geom: BaseGeometry | None, precision: int) -> dict[str, Any] | None:
    """Coordinates rounded, polygons wound counter-clockwise outside (right-hand rule)."""
    if geom is None or geom.is_empty:
        return None
    import numpy as np
    import shapely

    geom = shapely.transform(geom, lambda c: np.round(c, precision))
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        geom = shapely.orient_polygons(geom, exterior_cw=False)
    return json.loads(shapely.to_geojson(geom))


def to_geojson(events: gpd.GeoDataFrame, *, precision: int | None = None) -> dict[str, Any]:
    """The events as an RFC 7946 FeatureCollection (a dict).

    WGS84 lon/lat, no ``crs`` member, coordinates rounded to ``precision`` decimals
    (default ``settings.coordinate_precision`` = 6, about 0.1 m), exterior rings
    counter-clockwise, dates as ISO strings, and missing values as ``null``, never NaN.
    Unresolved events have ``"geometry": null``.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
    precision : int, optional

    Returns
    -------
    dict
    """
    precision = settings.coordinate_precision if precision is None else precision
    if events.crs is not None and not events.crs.equals("EPSG:4326"):
        events = events.to_crs("EPSG:4326")
    geom_col = events.geometry.name
    columns = [c for c in events.columns if c != geom_col]
    features = []
    for values, geom in zip(events[columns].itertuples(index=False, name=None),
                            events.geometry, strict=True):
        props = {c: plain_value(v) for c, v in zip(columns, values, strict=True)}
        features.append({"type": "Feature", "properties": props,
                         "geometry": rfc7946_geometry(geom, precision)})
    return {"type": "FeatureCollection", "features": features}


# ---------------------------------------------------------------------------------- writing
def write_events(events: gpd.GeoDataFrame, path: str | Path, *, driver: str | None = None,
                 precision: int | None = None) -> Path:
    """Write events to GeoJSON, GeoPackage, CSV, KML or ACLED CSV (chosen by extension).

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        An event table (see :func:`validate_events`).
    path : str or Path
    driver : str, optional
        ``geojson``, ``gpkg``, ``csv``, ``kml`` or ``acled``; default from the extension.
    precision : int, optional
        Decimal places of GeoJSON/CSV/KML coordinates (default 6).

    Returns
    -------
    pathlib.Path
        The written file.
    """
    path = check_output(path)
    kind = _driver(path, driver)
    validate_events(events)
    if kind == "geojson":
        text = json.dumps(to_geojson(events, precision=precision), ensure_ascii=False,
                          allow_nan=False)
        with atomic_open(path, encoding="utf-8") as handle:
            handle.write(text)
    elif kind == "gpkg":
        _write_gpkg(events, path)
    elif kind == "csv":
        _write_csv(events, path, precision)
    elif kind == "kml":
        _write_kml(events, path, precision)
    elif kind == "acled":
        write_acled(events, path)
    else:
        msg = f"{str(path)!r}: writing {kind} is not supported"
        raise ValueError(msg)
    return path


def _write_gpkg(events: gpd.GeoDataFrame, path: Path) -> None:
    frame = events.copy()
    for column in frame.columns:
        if column != frame.geometry.name and frame[column].dtype == object:
            frame[column] = frame[column].map(lambda v: None if is_missing(v) else str(v))
    with atomic_path(path) as tmp:
        frame.to_file(tmp, driver="GPKG", layer="events", engine="pyogrio")


def _write_csv(events: gpd.GeoDataFrame, path: Path, precision: int | None) -> None:
    import shapely

    digits = settings.coordinate_precision if precision is None else precision
    columns = [c for c in events.columns if c != events.geometry.name]
    with atomic_open(path, newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*columns, "lon", "lat", "wkt"])
        for values, geom in zip(events[columns].itertuples(index=False, name=None),
                                events.geometry, strict=True):
            row = ["" if plain_value(v) is None else plain_value(v) for v in values]
            if geom is None or geom.is_empty:
                row += ["", "", ""]
            else:
                point = geom if geom.geom_type == "Point" else geom.representative_point()
                row += [round(point.x, digits), round(point.y, digits),
                        shapely.to_wkt(geom, rounding_precision=digits, trim=True)]
            writer.writerow(row)


def _kml_coords(coords: Any, digits: int) -> str:
    return " ".join(f"{x:.{digits}f},{y:.{digits}f}" for x, y, *_ in coords)


def _kml_geometry(parent: ET.Element, geom: BaseGeometry, digits: int) -> None:
    kind = geom.geom_type
    if kind == "Point":
        point = ET.SubElement(parent, "Point")
        ET.SubElement(point, "coordinates").text = _kml_coords(geom.coords, digits)
    elif kind == "Polygon":
        import shapely

        geom = shapely.orient_polygons(geom, exterior_cw=False)
        poly = ET.SubElement(parent, "Polygon")
        outer = ET.SubElement(ET.SubElement(poly, "outerBoundaryIs"), "LinearRing")
        ET.SubElement(outer, "coordinates").text = _kml_coords(geom.exterior.coords, digits)
        for hole in geom.interiors:
            inner = ET.SubElement(ET.SubElement(poly, "innerBoundaryIs"), "LinearRing")
            ET.SubElement(inner, "coordinates").text = _kml_coords(hole.coords, digits)
    elif kind == "LineString":
        line = ET.SubElement(parent, "LineString")
        ET.SubElement(line, "coordinates").text = _kml_coords(geom.coords, digits)
    else:  # Multi* and collections
        multi = ET.SubElement(parent, "MultiGeometry")
        for part in geom.geoms:
            _kml_geometry(multi, part, digits)


def _write_kml(events: gpd.GeoDataFrame, path: Path, precision: int | None) -> None:
    digits = settings.coordinate_precision if precision is None else precision
    ET.register_namespace("", KML_NS)
    kml = ET.Element("kml", xmlns=KML_NS)
    doc = ET.SubElement(kml, "Document")
    ET.SubElement(doc, "name").text = path.stem
    columns = [c for c in events.columns if c != events.geometry.name]
    for values, geom in zip(events[columns].itertuples(index=False, name=None),
                            events.geometry, strict=True):
        props = dict(zip(columns, values, strict=True))
        mark = ET.SubElement(doc, "Placemark")
        ET.SubElement(mark, "name").text = f"{props.get('event_type')}: {props.get('location')}"
        if props.get("event_date"):
            stamp = ET.SubElement(mark, "TimeStamp")
            ET.SubElement(stamp, "when").text = str(props["event_date"])
        # ElementTree escapes text: article prose cannot inject markup into the KML.
        ET.SubElement(mark, "description").text = str(plain_value(props.get("notes")) or "")
        data = ET.SubElement(mark, "ExtendedData")
        for key, value in props.items():
            item = ET.SubElement(data, "Data", name=str(key))
            plain = plain_value(value)
            ET.SubElement(item, "value").text = "" if plain is None else str(plain)
        if geom is not None and not geom.is_empty:
            _kml_geometry(mark, geom, digits)
    with atomic_open(path, "wb") as handle:
        ET.ElementTree(kml).write(handle, encoding="utf-8", xml_declaration=True)


# ---------------------------------------------------------------------------------- reading
def read_events(path: str | Path, *, driver: str | None = None,
                gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read an event table written by :func:`write_events`, or a hand-authored one.

    A CSV with ``wkt`` or ``lon``/``lat`` columns keeps its geometry; a CSV or YAML file of
    records that only name places (``location``) is resolved through the gazetteer.

    Parameters
    ----------
    path : str or Path
        ``.geojson``, ``.gpkg``, ``.csv``, ``.kml``, ``.yaml``/``.yml``.
    driver : str, optional
        Overrides the extension; ``acled`` reads an ACLED export.
    gazetteer : Gazetteer, optional
        For records that name places.

    Returns
    -------
    geopandas.GeoDataFrame
        Validated, in the event schema.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    EventSchemaError
        Naming the file and row of the first bad value.
    """
    path = Path(path)
    kind = _driver(path, driver)
    if not path.exists():
        msg = f"{str(path)!r} does not exist"
        raise FileNotFoundError(msg)
    if kind == "acled":
        return events_from_acled(path, gazetteer=gazetteer)
    if kind == "yaml":
        return _read_yaml(path, gazetteer)
    if kind == "geojson":
        rows = _rows_from_geojson(path)
    elif kind == "gpkg":
        rows = _rows_from_gpkg(path)
    elif kind == "csv":
        with path.open(newline="", encoding="utf-8-sig") as handle:
            records = list(csv.DictReader(handle))
        if records and "event_id_cnty" in records[0] and "sub_event_type" in records[0]:
            return events_from_acled(path, gazetteer=gazetteer)
        if records and not ({"wkt", "lon", "lat"} & set(records[0])):
            return events_from_records(records, gazetteer=gazetteer, source_name=path.name)
        rows = _rows_from_csv(records, path)
    else:
        rows = _rows_from_kml(path)
    try:
        return event_frame(rows)
    except EventSchemaError as exc:
        raise EventSchemaError(f"{path.name}: {exc}") from None


def _read_yaml(path: Path, gazetteer: Any) -> gpd.GeoDataFrame:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        msg = f"{path.name}: not valid YAML: {exc}"
        raise EventSchemaError(msg) from None
    records = data.get("events") if isinstance(data, Mapping) else data
    if not isinstance(records, list):
        msg = f"{path.name}: expected a list of event records (or a mapping with 'events:')"
        raise EventSchemaError(msg)
    defaults = {k: v for k, v in data.items() if k != "events"} \
        if isinstance(data, Mapping) else {}
    defaults = defaults.get("defaults", {}) if isinstance(defaults.get("defaults"), Mapping) \
        else {}
    merged = [{**defaults, **r} if isinstance(r, Mapping) else r for r in records]
    return events_from_records(merged, gazetteer=gazetteer, source_name=path.name)


def _rows_from_geojson(path: Path) -> list[dict[str, Any]]:
    from shapely.geometry import shape

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        msg = f"{path.name}: not valid JSON: {exc}"
        raise EventSchemaError(msg) from None
    if data.get("type") != "FeatureCollection":
        msg = f"{path.name}: expected a GeoJSON FeatureCollection, got type {data.get('type')!r}"
        raise EventSchemaError(msg)
    rows = []
    for feature in data.get("features", []):
        row = dict(feature.get("properties") or {})
        geometry = feature.get("geometry")
        row["geometry"] = shape(geometry) if geometry else None
        rows.append(row)
    return rows


def _rows_from_gpkg(path: Path) -> list[dict[str, Any]]:
    import pyogrio

    frame = pyogrio.read_dataframe(path, layer="events")
    geom_col = frame.geometry.name
    rows = []
    for record, geom in zip(frame.drop(columns=geom_col).to_dict("records"), frame.geometry,
                            strict=True):
        record = {k: plain_value(v) for k, v in record.items()}
        record["geometry"] = geom
        rows.append(record)
    return rows


def _rows_from_csv(records: list[dict[str, str]], path: Path) -> list[dict[str, Any]]:
    import shapely
    from shapely.geometry import Point

    rows = []
    for n, record in enumerate(records, start=2):
        row: dict[str, Any] = {k: (v if v != "" else None) for k, v in record.items()}
        wkt, lon, lat = row.pop("wkt", None), row.pop("lon", None), row.pop("lat", None)
        try:
            if wkt:
                row["geometry"] = shapely.from_wkt(wkt)
            elif lon and lat:
                from ..._coords import validate_lon_lat

                row["geometry"] = Point(*validate_lon_lat(lon, lat))
            else:
                row["geometry"] = None
        except (shapely.errors.GEOSException, ValueError) as exc:
            msg = f"{path.name} line {n}: bad geometry: {exc}"
            raise EventSchemaError(msg) from None
        rows.append(row)
    return rows


def _rows_from_kml(path: Path) -> list[dict[str, Any]]:
    from shapely.geometry import MultiPolygon, Point, Polygon

    def coords(el: ET.Element) -> list[tuple[float, float]]:
        text = el.findtext(f"{{{KML_NS}}}coordinates") or ""
        return [tuple(float(v) for v in c.split(",")[:2]) for c in text.split()]  # type: ignore[misc]

    def geometry(mark: ET.Element) -> Any:
        point = mark.find(f".//{{{KML_NS}}}Point")
        if point is not None and mark.find(f"{{{KML_NS}}}MultiGeometry") is None:
            return Point(coords(point)[0])
        polys = []
        for poly in mark.iter(f"{{{KML_NS}}}Polygon"):
            outer = poly.find(f"{{{KML_NS}}}outerBoundaryIs/{{{KML_NS}}}LinearRing")
            if outer is None:
                msg = f"{path.name}: a Polygon without an outerBoundaryIs ring"
                raise EventSchemaError(msg)
            inner = poly.findall(f"{{{KML_NS}}}innerBoundaryIs/{{{KML_NS}}}LinearRing")
            polys.append(Polygon(coords(outer), [coords(r) for r in inner]))
        if not polys:
            return None
        return polys[0] if len(polys) == 1 and mark.find(f"{{{KML_NS}}}MultiGeometry") is None \
            else MultiPolygon(polys)

    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        msg = f"{path.name}: not valid KML: {exc}"
        raise EventSchemaError(msg) from None
    rows = []
    for mark in root.iter(f"{{{KML_NS}}}Placemark"):
        row: dict[str, Any] = {}
        for data in mark.iter(f"{{{KML_NS}}}Data"):
            value = data.findtext(f"{{{KML_NS}}}value")
            row[data.get("name", "")] = value if value != "" else None
        row["geometry"] = geometry(mark)
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------- ACLED
def _acled_date(value: str, where: str) -> str:
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    msg = f"{where}: event_date {value!r} is not a date ACLED writes (2024-01-05, 05 January 2024)"
    raise EventSchemaError(msg)


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
    import pandas as pd
    from shapely.geometry import Point

    from ..._coords import validate_lon_lat
    from ...gazetteer import Gazetteer

    name = source.name if isinstance(source, Path) else "ACLED table"
    if isinstance(source, str | Path):
        name = Path(source).name
        frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    else:
        frame = source.astype(str)
    required = {"event_date", "event_type", "sub_event_type", "latitude", "longitude"}
    missing = required - set(frame.columns)
    if missing:
        msg = f"{name}: not an ACLED export, missing columns {sorted(missing)}"
        raise EventSchemaError(msg)
    gaz = gazetteer or Gazetteer.default()
    admin_cache: dict[tuple[str, str], str | None] = {}
    rows = []
    for n, rec in enumerate(frame.to_dict("records"), start=2):
        where = f"{name} line {n}"
        event_type = event_type_from_acled(rec["event_type"], rec["sub_event_type"],
                                           rec.get("tags", ""))
        located = bool(str(rec["longitude"]).strip() and str(rec["latitude"]).strip())
        if located:
            try:
                lon, lat = validate_lon_lat(rec["longitude"], rec["latitude"])
            except EventSchemaError as exc:
                raise EventSchemaError(f"{where}: {exc}") from None
        country_iso = gaz.resolve(rec["country"], kind="country").place if rec.get("country") \
            else None
        country = country_iso.country if country_iso else None
        key = (rec.get("admin1", ""), country or "")
        if key not in admin_cache:
            admin_cache[key] = None
            if key[0]:
                match = gaz.resolve(f"{key[0]} oblast", kind="admin1", country=country)
                admin_cache[key] = match.place.admin1 if match.place else None
        precision = int(rec["geo_precision"]) if rec.get("geo_precision", "").isdigit() else None
        fatalities = rec.get("fatalities", "")
        row = {
            "event_id": rec.get("event_id_cnty") or None,
            "event_date": _acled_date(rec["event_date"], where),
            "date_precision": _ACLED_TIME_PRECISION.get(rec.get("time_precision", ""), "day"),
            "event_type": event_type,
            "acled_event_type": rec["event_type"],
            "acled_sub_event_type": rec["sub_event_type"],
            "actor": rec.get("actor1") or None,
            "target": rec.get("actor2") or None,
            "location": rec.get("location") or None,
            "place_name": rec.get("location") or None,
            "admin1": admin_cache[key],
            "admin2": None,
            "country": country,
            "geo_precision": precision,
            "resolution": "resolved" if located else "unresolved",
            "status": "reported",
            "fatalities": int(fatalities) if fatalities.strip().isdigit() else None,
            "source": rec.get("source") or None,
            "notes": rec.get("notes") or None,
            "geometry": Point(lon, lat) if located else None,
        }
        for column, value in rec.items():
            if column not in ("event_type", "sub_event_type"):
                row[f"acled_{column}"] = value
        rows.append(row)
    try:
        return event_frame(rows)
    except EventSchemaError as exc:
        raise EventSchemaError(f"{name}: {exc}") from None


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
    from ...gazetteer import Gazetteer

    path = check_output(path)
    precision_code = {"day": "1", "week": "2", "month": "3"}
    gaz = Gazetteer.default()

    def admin_name(code: Any) -> str:
        code = plain_value(code)
        if not code:
            return ""
        place_id = ("a1:" if code.count(".") == 1 else "a2:") + code.split("|")[0]
        try:
            return gaz.get(place_id).name
        except LookupError:
            return code

    def country_name(code: Any) -> str:
        code = plain_value(code)
        try:
            return gaz.get(f"c:{code}").name if code else ""
        except LookupError:
            return code
    with atomic_open(path, newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for _, ev in events.iterrows():
            # acled_event_type / acled_sub_event_type are schema columns; the rest are kept
            # only for rows that came from an ACLED export.
            kept = {c: ev.get(f"acled_{c}") for c in ACLED_COLUMNS
                    if c not in ("event_type", "sub_event_type")
                    and not is_missing(ev.get(f"acled_{c}"))}
            if "event_date" in kept:
                kept["event_type"] = ev["acled_event_type"]
                kept["sub_event_type"] = ev["acled_sub_event_type"]
                writer.writerow(kept)
                continue
            acled_event, acled_sub = acled_types(ev["event_type"])
            geom = ev.geometry
            point = None if geom is None or geom.is_empty else (
                geom if geom.geom_type == "Point" else geom.representative_point())
            precision = plain_value(ev["geo_precision"])
            writer.writerow({
                "event_id_cnty": ev["event_id"], "event_date": ev["event_date"],
                "year": str(ev["event_date"])[:4],
                "time_precision": precision_code.get(ev["date_precision"], "1"),
                "disorder_type": _DISORDER.get(acled_event, "Strategic developments"),
                "event_type": acled_event, "sub_event_type": acled_sub,
                "actor1": plain_value(ev["actor"]) or "", "actor2": plain_value(ev["target"]) or "",
                "country": country_name(ev["country"]), "admin1": admin_name(ev["admin1"]),
                "admin2": admin_name(ev["admin2"]), "location": plain_value(ev["location"]) or "",
                "latitude": "" if point is None else f"{point.y:.4f}",
                "longitude": "" if point is None else f"{point.x:.4f}",
                "geo_precision": "" if precision is None else str(min(int(precision), 3)),
                "source": plain_value(ev["source"]) or "", "notes": plain_value(ev["notes"]) or "",
                "fatalities": "" if plain_value(ev["fatalities"]) is None else ev["fatalities"],
                "tags": f"geo_ukraine:event_type={ev['event_type']}",
            })
    return path


