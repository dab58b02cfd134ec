"""The event GeoDataFrame constructor: schema columns first, typed, validated."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .fields import whole_number
from .schema import EVENT_COLUMNS, INT_COLUMNS, validate_events

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["empty_events", "event_frame"]

_WHOLE_NUMBER_COLUMNS = (*INT_COLUMNS, "geo_precision")


def event_frame(rows: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    """An event GeoDataFrame (EPSG:4326, schema columns first) from already-checked rows.

    Parameters
    ----------
    rows : list of dict
        One mapping of column -> value per event; missing schema columns are added empty,
        extra columns kept after the schema's.

    Returns
    -------
    geopandas.GeoDataFrame
        Validated by :func:`~geo_ukraine.events.validate_events`.

    Raises
    ------
    EventSchemaError
        For a count or ``geo_precision`` that is not a whole number >= 0 (never truncated),
        or a table :func:`~geo_ukraine.events.validate_events` refuses.
    """
    import geopandas as gpd
    import pandas as pd

    frame = pd.DataFrame(rows)
    for column in EVENT_COLUMNS:
        if column not in frame.columns:
            frame[column] = None
    extra = [c for c in frame.columns if c not in EVENT_COLUMNS]
    frame = frame[[*EVENT_COLUMNS, *extra]]
    for column in _WHOLE_NUMBER_COLUMNS:
        frame[column] = pd.array(
            [whole_number(v, column, f"row {i}") for i, v in enumerate(frame[column])],
            dtype="Int64")
    for column in EVENT_COLUMNS:
        if column not in (*_WHOLE_NUMBER_COLUMNS, "geometry"):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    gdf = gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")
    validate_events(gdf)
    return gdf


def empty_events() -> gpd.GeoDataFrame:
    """An event GeoDataFrame with the schema's columns and no rows."""
    return event_frame([])
