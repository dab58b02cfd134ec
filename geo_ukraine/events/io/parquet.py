"""GeoParquet: event tables as Apache Parquet with GeoParquet metadata, via geopandas/pyarrow.

Every column keeps its type (text, ``Int64`` counts, WKB geometry with any altitude) and the
CRS travels in the file's metadata, so a round trip is lossless. DuckDB, Spark, QGIS and
dask-geopandas read the result directly.
"""

from __future__ import annotations

import re
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

    ``path`` may also be a partitioned dataset: a directory of ``*.parquet`` parts, such as
    ``extract_corpus(..., engine="dask")`` writes. Its parts are read in the order of their
    numbers (``part.2`` before ``part.10``), and rows are numbered across the dataset.

    Raises
    ------
    EventSchemaError
        For a file that is not GeoParquet, a directory without parts, or a bad value,
        naming the row and field.
    """
    import pandas as pd

    if path.is_dir():
        parts = sorted(path.glob("*.parquet"), key=_part_order)
        if not parts:
            msg = f"{path.name}: a directory without *.parquet parts, not a GeoParquet dataset"
            raise EventSchemaError(msg)
        frames = [_read_frame(part, f"{path.name}/{part.name}") for part in parts]
        frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    else:
        frame = _read_frame(path, path.name)
    return events_from_frame(frame, path.name, "row", read_value, gazetteer=gazetteer)


def _read_frame(path: Path, name: str) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import pyarrow

    try:
        return gpd.read_parquet(path)
    except (pyarrow.ArrowException, ValueError, TypeError, KeyError, OSError) as exc:
        msg = f"{name}: not a GeoParquet file ({one_line(exc)})"
        raise EventSchemaError(msg) from None


def _part_order(part: Path) -> tuple[bool, tuple[int, ...], str]:
    """Sort key of a dataset part: the numbers in its name, as numbers, then the name."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", part.stem))
    return not numbers, numbers, part.name
