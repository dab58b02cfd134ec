"""Event layer data for the page: which events each layer shows, in a compact columnar form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..events.io import plain_value, rfc7946_geometry
from ..gazetteer import Gazetteer
from .styles import CHOROPLETH, POPUP_FIELDS, LayerStyle

if TYPE_CHECKING:
    import geopandas as gpd

#: ``geo_precision`` from which an area is a whole region or more (see GEO_PRECISION).
REGION_LEVEL = 3

__all__ = ["REGION_LEVEL", "admin1_counts", "choropleth_data", "layer_data", "layer_events",
           "located"]


def located(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The events that have a geometry to draw."""
    return events[events.geometry.notna() & ~events.geometry.is_empty]


def layer_events(events: gpd.GeoDataFrame, style: LayerStyle) -> gpd.GeoDataFrame:
    """The located events one layer draws.

    The civilian-harm layer also shows every point event that killed or injured someone,
    whatever its type, sized by the people harmed.
    """
    chosen = events["event_type"].isin(style.event_types)
    if not style.sized:
        return events[chosen]
    harmed = (events["fatalities"].fillna(0) + events["injured"].fillna(0)) > 0
    subset = events[chosen | harmed]
    return subset[subset.geometry.geom_type == "Point"]


def _plain(values: list[Any]) -> list[Any]:
    return [v if v is None or isinstance(v, str | int) else plain_value(v) for v in values]


def _column(series: Any) -> dict[str, Any] | None:
    """One column: dictionary-encoded when its values repeat, else as a plain list."""
    import pandas as pd

    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    if len(uniques) == 0:
        return None
    if len(uniques) == 1 and (codes >= 0).all():
        return {"const": _plain(pd.Series(uniques).to_numpy(dtype=object).tolist())[0]}
    if (len(uniques) + 1) * 2 < len(series):
        distinct = _plain(pd.Series(uniques).to_numpy(dtype=object, na_value=None).tolist())
        if (codes < 0).any():
            codes = codes.copy()
            codes[codes < 0] = len(distinct)
            distinct.append(None)
        return {"dict": distinct, "codes": codes.tolist()}
    return {"values": _plain(series.to_numpy(dtype=object, na_value=None).tolist())}


def _badges(drawn: gpd.GeoDataFrame) -> list[list[float] | None]:
    """Where a region-level area gets its badge: a point inside it (None for the others)."""
    import shapely

    geoms = drawn.geometry.to_numpy()
    precision = drawn["geo_precision"] if "geo_precision" in drawn.columns else None
    wide = (precision.fillna(0).to_numpy() >= REGION_LEVEL if precision is not None
            else [False] * len(drawn))
    badges: list[list[float] | None] = []
    for geom, is_wide in zip(geoms, wide, strict=True):
        if is_wide and shapely.get_type_id(geom) in (3, 6):
            point = shapely.point_on_surface(geom)
            badges.append([round(point.x, 5), round(point.y, 5)])
        else:
            badges.append(None)
    return badges


def layer_data(events: gpd.GeoDataFrame, *, badges: bool = False) -> dict[str, Any]:
    """A layer's features in a compact columnar form (expanded in the browser).

    Columns with few distinct values (type, date, status, source...) are dictionary-encoded;
    points are stored as bare coordinate pairs. About half the size of plain GeoJSON. With
    ``badges``, each region-level area also carries the point of its badge (claims).
    """
    import shapely

    drawn = located(events)
    columns: dict[str, Any] = {}
    for field in (c for c in POPUP_FIELDS if c in drawn.columns):
        column = _column(drawn[field])
        if column is not None:
            columns[field] = column
    geoms = drawn.geometry.to_numpy()
    points = shapely.get_type_id(geoms) == 0
    coords = iter(shapely.get_coordinates(geoms[points]).round(5).tolist())
    geometries = [next(coords) if is_point else rfc7946_geometry(g, 5)
                  for g, is_point in zip(geoms, points, strict=True)]
    data = {"n": len(drawn), "columns": columns, "geometries": geometries}
    if badges and not points.all():
        data["badges"] = _badges(drawn)
    return data


def admin1_counts(events: gpd.GeoDataFrame) -> dict[str, int]:
    """Events per admin-1 code (an event in several units counts in each)."""
    counts: dict[str, int] = {}
    for value in events["admin1"]:
        if isinstance(value, str):
            for code in value.split("|"):
                counts[code] = counts.get(code, 0) + 1
    return counts


def choropleth_data(admin1: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    """Admin-1 features with their event count, name and colour class (empty units left out)."""
    gaz = Gazetteer.default()
    top = max(counts.values(), default=0)
    features = []
    for feat in admin1["features"]:
        code = feat["properties"]["code"]
        count = counts.get(code, 0)
        if count == 0:
            continue
        level = min(len(CHOROPLETH) - 1, int((len(CHOROPLETH) - 1) * count / max(top, 1)))
        features.append({"type": "Feature", "geometry": feat["geometry"], "properties": {
            "code": code, "name": gaz.get(f"a1:{code}").name, "count": count,
            "colour": CHOROPLETH[level]}})
    return {"type": "FeatureCollection", "features": features}
