"""GeoParquet: event tables as Apache Parquet with GeoParquet metadata, via geopandas/pyarrow.

Every column keeps its type (text, ``Int64`` counts, WKB geometry with any altitude) and the
CRS travels in the file's metadata, so a round trip is lossless. DuckDB, Spark, QGIS and
dask-geopandas read the result directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._files import atomic_path
from ...errors import EventSchemaError
from ..schema import is_missing
from .base import WriteOptions
from .rows import events_from_frame
from .source import one_line
from .values import read_value

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["read_parquet", "write_parquet"]


def write_parquet(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Write ``events`` to ``path`` as GeoParquet (atomically).

    A column holding values of several types (possible in extra columns) is written as text.
    """
    import pandas as pd

    frame = events.copy()
    for column in frame.columns:
        if column == frame.geometry.name or frame[column].dtype != object:
            continue
        kinds = {type(v) for v in frame[column] if not is_missing(v)}
        if len(kinds) > 1 or (kinds and kinds != {str}):
            frame[column] = pd.Series([None if is_missing(v) else str(v) for v in frame[column]],
                                      index=frame.index, dtype=object)
    with atomic_path(path) as tmp:
        frame.to_parquet(tmp, index=False)


def read_parquet(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read a GeoParquet file of events (reprojected to EPSG:4326 if it has another CRS).

    Raises
    ------
    EventSchemaError
        For a file that is not GeoParquet, or a bad value, naming the row and field.
    """
    import geopandas as gpd
    import pyarrow

    try:
        frame = gpd.read_parquet(path)
    except (pyarrow.ArrowException, ValueError, TypeError, KeyError, OSError) as exc:
        msg = f"{path.name}: not a GeoParquet file ({one_line(exc)})"
        raise EventSchemaError(msg) from None
    return events_from_frame(frame, path.name, "row", read_value, gazetteer=gazetteer)
