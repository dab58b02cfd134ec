"""GeoPackage: event tables as the ``events`` layer of an OGC GeoPackage, via pyogrio."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._files import atomic_path
from ...errors import EventSchemaError
from ..schema import is_missing
from .base import WriteOptions
from .rows import events_from_frame
from .source import one_line
from .text import GPKG_UNSAFE, decode_text, encode_text
from .values import read_value

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["LAYER", "read_gpkg", "write_gpkg"]

#: The layer that holds the events.
LAYER = "events"


def write_gpkg(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Write ``events`` to ``path`` as the ``events`` layer of a GeoPackage (atomically).

    Text holding a NUL, which SQLite text cannot keep, is escaped as
    :mod:`~geo_ukraine.events.io.text` describes; altitudes are kept.
    """
    import pandas as pd

    frame = events.copy()
    for column in frame.columns:
        if column == frame.geometry.name:
            continue
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = pd.Series(
                [None if is_missing(v) else encode_text(str(v), GPKG_UNSAFE)
                 for v in frame[column]], index=frame.index, dtype=object)
    with atomic_path(path) as tmp:
        frame.to_file(tmp, driver="GPKG", layer=LAYER, engine="pyogrio")


def read_gpkg(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read the ``events`` layer of a GeoPackage.

    Raises
    ------
    EventSchemaError
        For a file that is not a GeoPackage with an ``events`` layer, or a bad value, naming
        the file, the feature and the field.
    """
    import pyogrio

    try:
        with warnings.catch_warnings():
            # GDAL's notes on a foreign file ("bad application_id") are not the user's news.
            warnings.simplefilter("ignore", RuntimeWarning)
            frame = pyogrio.read_dataframe(path, layer=LAYER)
    except (RuntimeError, ValueError, OSError) as exc:
        # pyogrio's DataSourceError and DataLayerError are RuntimeErrors.
        msg = f"{path.name}: not a GeoPackage with an {LAYER!r} layer ({one_line(exc)})"
        raise EventSchemaError(msg) from None
    return events_from_frame(frame, path.name, "feature", _cell, gazetteer=gazetteer)


def _cell(value: Any) -> Any:
    plain = read_value(value)
    return decode_text(plain) if isinstance(plain, str) else plain
