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
#: Point coordinates reach the page as whole numbers of this part of a degree (about 1 m).
COORDINATE_SCALE = 100_000
#: Columns the page needs to draw a layer; the others (notes, sentences, sources...) are read
#: only when a popup or tooltip opens, so the page parses them then (see ``"text"`` below).
DRAW_FIELDS = ("event_date", "geo_precision", "fatalities", "injured")

__all__ = ["COORDINATE_SCALE", "DRAW_FIELDS", "REGION_LEVEL", "EventColumns", "admin1_counts",
           "choropleth_data", "layer_data", "layer_positions", "located"]


def located(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The events that have a geometry to draw."""
    return events[events.geometry.notna() & ~events.geometry.is_empty]


def layer_positions(events: gpd.GeoDataFrame, style: LayerStyle) -> Any:
    """Positions (row numbers) of the located events one layer draws.

    The civilian-harm layer also shows every point event that killed or injured someone,
    whatever its type, sized by the people harmed.
    """
    import numpy as np
    import shapely

    chosen = events["event_type"].isin(style.event_types).to_numpy(dtype=bool)
    if style.sized:
        harmed = (events["fatalities"].fillna(0) + events["injured"].fillna(0)) > 0
        points = shapely.get_type_id(events.geometry.to_numpy()) == 0
        chosen = (chosen | harmed.to_numpy(dtype=bool)) & points
    return np.flatnonzero(chosen)


def _plain_objects(uniques: Any) -> Any:
    """A column's distinct values as JSON-safe Python values, then None, in a numpy array."""
    import numpy as np
    import pandas as pd

    values = pd.Series(uniques).to_numpy(dtype=object, na_value=None)
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        values = [v if v is None or isinstance(v, str | int) else plain_value(v) for v in values]
    out = np.empty(len(values) + 1, dtype=object)
    out[:-1] = values if isinstance(values, np.ndarray) else _as_objects(values)
    return out


def _as_objects(values: list[Any]) -> Any:
    """An object array of exactly these values (a list among them is never broadcast)."""
    import numpy as np

    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


class EventColumns:
    """The popup columns and geometries of located events, encoded once for every layer.

    Each column is factorised once (codes into its distinct values, missing last); a layer
    then takes its rows by position (:meth:`layer`).

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events with a geometry each (see :func:`located`).
    """

    def __init__(self, events: gpd.GeoDataFrame) -> None:
        import numpy as np
        import pandas as pd
        import shapely

        self.columns: dict[str, tuple[Any, Any]] = {}
        for field in (c for c in POPUP_FIELDS if c in events.columns):
            codes, uniques = pd.factorize(events[field], use_na_sentinel=True)
            self.columns[field] = (np.where(codes < 0, len(uniques), codes),
                                   _plain_objects(uniques))
        self.geoms = np.asarray(events.geometry.values, dtype=object)
        self.points = shapely.get_type_id(self.geoms) == 0
        self.xy = np.zeros((len(events), 2), dtype=np.int64)
        self.xy[self.points] = np.round(shapely.get_coordinates(self.geoms[self.points])
                                        * COORDINATE_SCALE)
        precision = (pd.to_numeric(events["geo_precision"], errors="coerce")
                     if "geo_precision" in events.columns else pd.Series(0, index=events.index))
        self.wide = precision.fillna(0).to_numpy() >= REGION_LEVEL

    def column(self, field: str, positions: Any) -> dict[str, Any] | None:
        """One column of a layer, or None when every value is missing.

        A constant, dictionary-encoded when its values repeat, else a plain list.
        """
        import numpy as np

        codes, values = self.columns[field]
        rows = codes[positions]
        used = np.zeros(len(values), dtype=bool)
        used[rows] = True
        has_missing = bool(used[-1])
        distinct = int(used.sum()) - has_missing
        if distinct == 0:
            return None
        if distinct == 1 and not has_missing:
            return {"const": values[rows[0]]}
        if (distinct + 1) * 2 < len(rows):
            keep = np.flatnonzero(used)
            local = np.zeros(len(values), dtype=np.int64)
            local[keep] = np.arange(len(keep))
            return {"dict": values[keep].tolist(), "codes": local[rows].tolist()}
        return {"values": values[rows].tolist()}

    def layer(self, positions: Any, *, badges: bool = False) -> dict[str, Any]:
        """A layer's events in the page's columnar form (see :func:`layer_data`)."""
        import numpy as np
        import shapely

        columns: dict[str, Any] = {}
        text: dict[str, Any] = {}
        for field in self.columns:
            column = self.column(field, positions)
            if column is not None:
                (columns if field in DRAW_FIELDS else text)[field] = column
        data: dict[str, Any] = {"n": len(positions), "columns": columns, "text": text,
                                "xy": self.xy[positions].ravel().tolist()}
        shapes = np.flatnonzero(~self.points[positions])
        if len(shapes):
            data["shapeAt"] = shapes.tolist()
            data["shapes"] = [rfc7946_geometry(g, 5) for g in self.geoms[positions[shapes]]]
            if badges:
                marked = [(int(i), g) for i, g, wide in zip(
                    shapes, self.geoms[positions[shapes]], self.wide[positions[shapes]],
                    strict=True) if wide and shapely.get_type_id(g) in (3, 6)]
                spots = shapely.point_on_surface([g for _, g in marked])
                data["badgeAt"] = [i for i, _ in marked]
                data["badges"] = [[*xy, self.location(positions[i])] for i, xy in zip(
                    data["badgeAt"], np.round(shapely.get_coordinates(spots), 5).tolist(),
                    strict=True)]
        return data

    def location(self, row: int) -> Any:
        """The place as written of one event (None when missing)."""
        if "location" not in self.columns:
            return None
        codes, values = self.columns["location"]
        return values[codes[row]]


def layer_data(events: gpd.GeoDataFrame, *, badges: bool = False) -> dict[str, Any]:
    """A layer's features in a compact columnar form (expanded in the browser).

    ``n`` events; ``columns``: each column of :data:`DRAW_FIELDS` dictionary-encoded when its
    values repeat, else as a list; ``text``: the other popup columns (type, place, status,
    source, sentence, notes...) encoded the same way; ``xy``: point coordinates as whole
    numbers of 1/:data:`COORDINATE_SCALE` degree, ``[lon0, lat0, lon1, lat1, ...]`` (0, 0
    for an area); ``shapeAt`` and ``shapes``: the positions and GeoJSON geometries of the
    areas. With ``badges``, ``badgeAt`` and ``badges`` list the region-level areas and, for
    each, ``[lon, lat, location]``: the point inside it where its badge goes and the place as
    written, its label (claims).
    """
    import numpy as np

    drawn = located(events)
    return EventColumns(drawn).layer(np.arange(len(drawn)), badges=badges)


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
