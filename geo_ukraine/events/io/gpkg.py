"""GeoPackage: event tables as the ``events`` layer of an OGC GeoPackage, via pyogrio."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._files import atomic_path
from ..schema import is_missing
from .base import WriteOptions
from .rows import events_from_rows
from .values import plain_value

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["LAYER", "read_gpkg", "write_gpkg"]

#: The layer that holds the events.
LAYER = "events"


def write_gpkg(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Write ``events`` to ``path`` as the ``events`` layer of a GeoPackage (atomically)."""
    frame = events.copy()
    for column in frame.columns:
        if column != frame.geometry.name and frame[column].dtype == object:
            frame[column] = frame[column].map(lambda v: None if is_missing(v) else str(v))
    with atomic_path(path) as tmp:
        frame.to_file(tmp, driver="GPKG", layer=LAYER, engine="pyogrio")


def read_gpkg(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read the ``events`` layer of a GeoPackage (``gazetteer`` is not needed)."""
    import pyogrio

    frame = pyogrio.read_dataframe(path, layer=LAYER)
    geom_col = frame.geometry.name
    rows = []
    for record, geom in zip(frame.drop(columns=geom_col).to_dict("records"), frame.geometry,
                            strict=True):
        record = {k: plain_value(v) for k, v in record.items()}
        record["geometry"] = geom
        rows.append(record)
    return events_from_rows(rows, path.name)
