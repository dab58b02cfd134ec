"""GeoJSON (RFC 7946): event tables as FeatureCollections, written and read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._files import atomic_open
from ..._settings import settings
from ...errors import EventSchemaError
from .base import WriteOptions
from .rows import PlacedRow, events_from_rows
from .source import one_line, read_text
from .values import plain_column

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

    # An altitude, when there is one, is kept (RFC 7946 section 3.1.1).
    geom = shapely.transform(geom, lambda c: np.round(c, precision), include_z=geom.has_z)
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
    features = [{"type": "Feature", "properties": props, "geometry": json.loads(shape)}
                for props, shape in _features(events, precision)]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Write ``events`` to ``path`` as RFC 7946 GeoJSON (UTF-8, atomically).

    The text is that of ``json.dumps(to_geojson(events))``, written feature by feature
    with each distinct geometry serialised once (an oblast's polygon is the geometry of
    every event placed at the oblast).
    """
    dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    features = (f'{{"type": "Feature", "properties": {dumps(props)}, "geometry": {shape}}}'
                for props, shape in _features(events, options.precision))
    with atomic_open(path, encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [')
        handle.write(", ".join(features))
        handle.write("]}")


def _features(events: gpd.GeoDataFrame, precision: int | None
              ) -> Iterator[tuple[dict[str, Any], str]]:
    """Each event's properties and its geometry as GeoJSON text (``null`` when none)."""
    import numpy as np
    import shapely

    precision = settings.coordinate_precision if precision is None else precision
    if events.crs is not None and not events.crs.equals("EPSG:4326"):
        events = events.to_crs("EPSG:4326")
    geom_col = events.geometry.name
    positions = [i for i, c in enumerate(events.columns) if c != geom_col]
    columns = [events.columns[i] for i in positions]
    geoms = np.asarray(events.geometry.values, dtype=object)
    cells = [plain_column(events.iloc[:, i]) for i in positions]
    # Equal well-known binary is equal coordinates, so equal GeoJSON: each is written once.
    shapes: dict[bytes | None, str] = {}
    for values, geom, key in zip(zip(*cells, strict=True), geoms, shapely.to_wkb(geoms),
                                 strict=True):
        shape = shapes.get(key)
        if shape is None:
            shape = shapes[key] = json.dumps(rfc7946_geometry(geom, precision),
                                             ensure_ascii=False, allow_nan=False)
        yield dict(zip(columns, values, strict=True)), shape


def read_geojson(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read a GeoJSON FeatureCollection of events (UTF-8, a byte-order mark allowed).

    Raises
    ------
    EventSchemaError
        For text that is not JSON (``NaN`` and ``Infinity`` are not JSON either), a top level
        that is not a FeatureCollection, or a feature whose geometry or properties are not
        usable, naming the file, the feature and the field.
    """
    data = _load(path)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        found = data.get("type") if isinstance(data, dict) else type(data).__name__
        msg = f"{path.name}: expected a GeoJSON FeatureCollection, got type {found!r}"
        raise EventSchemaError(msg)
    features = data.get("features", [])
    if not isinstance(features, list):
        msg = f"{path.name}: 'features' must be a list, got {type(features).__name__}"
        raise EventSchemaError(msg)
    rows = [_feature_row(feature, f"{path.name} feature {n}")
            for n, feature in enumerate(features, start=1)]
    return events_from_rows(rows, path.name, gazetteer=gazetteer)


def _load(path: Path) -> Any:
    def no_constants(name: str) -> Any:
        msg = f"{path.name}: {name} is not a JSON number (RFC 8259); use null"
        raise EventSchemaError(msg)

    try:
        return json.loads(read_text(path), parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        msg = f"{path.name}: not valid JSON: {one_line(exc)}"
        raise EventSchemaError(msg) from None
    except RecursionError:
        msg = f"{path.name}: JSON nested too deeply to be a GeoJSON FeatureCollection"
        raise EventSchemaError(msg) from None


def _feature_row(feature: object, where: str) -> PlacedRow:
    from shapely.errors import ShapelyError
    from shapely.geometry import shape

    if not isinstance(feature, dict):
        msg = f"{where}: a feature must be an object, got {type(feature).__name__}"
        raise EventSchemaError(msg)
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        msg = f"{where}: properties must be an object, got {type(properties).__name__}"
        raise EventSchemaError(msg)
    row = dict(properties)
    geometry = feature.get("geometry")
    try:
        row["geometry"] = shape(geometry) if geometry else None
    except (ShapelyError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        kind = geometry.get("type") if isinstance(geometry, dict) else type(geometry).__name__
        msg = f"{where}: geometry of type {str(kind)[:40]!r} is not usable: {one_line(exc)}"
        raise EventSchemaError(msg) from None
    return where, row
