"""Dense point layers as counts on a grid, so a map of a million events stays light."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["AGGREGATE_ABOVE", "CELL_DEGREES", "CELL_FROM_ZOOM", "DENSE_LAYER", "grid_summary"]

#: A map with more located events than this draws its dense point layers as grid counts.
AGGREGATE_ABOVE = 250_000
#: ... where a dense layer is one with more points than this.
DENSE_LAYER = 20_000
#: Cell sizes in degrees, coarse to fine, each with the zoom from which the page shows it:
#: cells stay 25-45 pixels wide from zoom 6 to 10 (a view of 13 layers stays a few thousand
#: cells), and grow past that.
CELL_DEGREES = (0.5, 0.2, 0.1, 0.05)
CELL_FROM_ZOOM = (0, 8, 9, 10)


def _cells(lon: Any, lat: Any, size: float, from_zoom: int, frame: Any) -> dict[str, Any]:
    import numpy as np

    ix = np.floor(lon / size).astype(np.int64)
    iy = np.floor(lat / size).astype(np.int64)
    grouped = frame.assign(ix=ix, iy=iy).groupby(["ix", "iy"], sort=False).agg(
        n=("first", "size"), first=("first", "min"), last=("last", "max"),
        killed=("killed", "sum"), injured=("injured", "sum"))
    index = grouped.index.to_frame(index=False)
    return {"size": size, "fromZoom": from_zoom, "ix": index["ix"].tolist(),
            "iy": index["iy"].tolist(), "n": grouped["n"].tolist(),
            "first": grouped["first"].tolist(),
            "last": grouped["last"].tolist(), "killed": grouped["killed"].tolist(),
            "injured": grouped["injured"].tolist()}


def grid_summary(points: gpd.GeoDataFrame) -> dict[str, Any]:
    """Point events counted per grid cell at each of :data:`CELL_DEGREES`.

    Returns
    -------
    dict
        ``n`` (events), ``dates`` (the distinct dates, sorted; cells refer to them by index)
        and ``levels``: per cell size (``size``, shown from zoom ``fromZoom``), columns
        ``ix``/``iy`` (cell index: ``lon // size``, ``lat // size``), ``n``,
        ``first``/``last`` (date indices; a cell of undated events only has ``first`` >
        ``last``), ``killed``, ``injured``.
    """
    import numpy as np
    import pandas as pd
    import shapely

    xy = shapely.get_coordinates(points.geometry.to_numpy())
    dated = points["event_date"].notna().to_numpy()
    codes, dates = pd.factorize(points["event_date"].where(dated).astype(object), sort=True)
    # An undated event counts in its cell but moves neither its first nor its last date (a
    # cell of undated events only has first > last).
    frame = pd.DataFrame({
        "first": np.where(dated, codes, len(dates)), "last": np.where(dated, codes, -1),
        "killed": pd.to_numeric(points["fatalities"], errors="coerce").fillna(0)
        .to_numpy(dtype=np.int64),
        "injured": pd.to_numeric(points["injured"], errors="coerce").fillna(0)
        .to_numpy(dtype=np.int64)})
    return {"n": len(points), "dates": [str(d) for d in dates],
            "levels": [_cells(xy[:, 0], xy[:, 1], size, zoom, frame)
                       for size, zoom in zip(CELL_DEGREES, CELL_FROM_ZOOM, strict=True)]}
