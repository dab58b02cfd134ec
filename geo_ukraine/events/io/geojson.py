"""GeoJSON (RFC 7946): event tables as FeatureCollections, written and read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._files import atomic_open
from ..._settings import settings
from ...errors import EventSchemaError
from .base import WriteOptions
from .rows import events_from_rows
from .values import plain_value

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

__all__ = ["read_geojson", "rfc7946_geometry", "to_geojson", "write_geojson"]


def rfc7946_geometry(geom: BaseGeometry | None, precision: int) -> dict[str, Any] | None:
    """A GeoJSON geometry: coordinates rounded, polygons wound counter-clockwise outside.

    Parameters
    ----------
    geom : shapely geometry or None
    precision : int
        Decimal places to keep.

    Returns
    -------
    dict or None
        None for a missing or empty geometry.
    """
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


def write_geojson(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Write ``events`` to ``path`` as RFC 7946 GeoJSON (UTF-8, atomically)."""
    text = json.dumps(to_geojson(events, precision=options.precision), ensure_ascii=False,
                      allow_nan=False)
    with atomic_open(path, encoding="utf-8") as handle:
        handle.write(text)


def read_geojson(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read a GeoJSON FeatureCollection of events (``gazetteer`` is not needed)."""
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
    return events_from_rows(rows, path.name)
