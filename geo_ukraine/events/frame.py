"""The event GeoDataFrame constructor: schema columns first, typed, validated."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from .fields import MAX_COUNT, whole_number
from .schema import EVENT_COLUMNS, INT_COLUMNS, validate_events

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd
    import pyproj

__all__ = ["empty_events", "event_frame"]

_WHOLE_NUMBER_COLUMNS = (*INT_COLUMNS, "geo_precision")
_TEXT_COLUMNS = tuple(c for c in EVENT_COLUMNS if c not in (*_WHOLE_NUMBER_COLUMNS, "geometry"))


def event_frame(rows: list[dict[str, Any]], *, validate: bool = True) -> gpd.GeoDataFrame:
    """An event GeoDataFrame (EPSG:4326, schema columns first) from already-checked rows.

    Parameters
    ----------
    rows : list of dict
        One mapping of column -> value per event; missing schema columns are added empty,
        extra columns kept after the schema's (in the order they first appear).
    validate : bool
        Check the table with :func:`~geo_ukraine.events.validate_events`. Only a caller
        whose rows are valid by construction (the extractor) passes False.

    Returns
    -------
    geopandas.GeoDataFrame
        Whole-number columns ``Int64``; the schema's text columns ``object`` holding ``str``
        or None; extra columns typed as pandas infers them.

    Raises
    ------
    EventSchemaError
        For a count or ``geo_precision`` that is not a whole number >= 0 (never truncated),
        or a table :func:`~geo_ukraine.events.validate_events` refuses.
    """
    import geopandas as gpd

    frame = _frame_from_columns(rows) if _plain_text(rows) else _frame_from_records(rows)
    # copy=False: the frame was built here and is not shared (pandas would copy it all)
    gdf = gpd.GeoDataFrame(frame, geometry="geometry", crs=_wgs84(), copy=False)
    if validate:
        validate_events(gdf)
    return gdf


def empty_events() -> gpd.GeoDataFrame:
    """An event GeoDataFrame with the schema's columns and no rows."""
    return event_frame([])


@functools.cache
def _wgs84() -> pyproj.CRS:
    """EPSG:4326, built once (building a CRS from its code takes longer than a small frame)."""
    import pyproj

    return pyproj.CRS.from_user_input("EPSG:4326")


def _plain_text(rows: list[dict[str, Any]]) -> bool:
    """Whether every schema text cell is a ``str`` or None (so pandas would keep it as is)."""
    return all(type(value) is str or value is None
               for row in rows for column in _TEXT_COLUMNS
               for value in (row.get(column),))


def _frame_from_columns(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The frame built column by column from plain rows, with no per-column conversion.

    Text columns are object Series as they are, whole-number columns ``Int64`` arrays and
    the geometry a geometry array (with its CRS), so pandas infers only the extra columns.
    """
    import numpy as np
    import pandas as pd
    from geopandas.array import from_shapely

    index = pd.RangeIndex(len(rows))
    text = np.dtype(object)  # taken as is (the name "object" is looked up for each column)
    data: dict[str, Any] = {}
    for column in EVENT_COLUMNS:
        values = [row.get(column) for row in rows]
        if column in _WHOLE_NUMBER_COLUMNS:
            data[column] = _whole_numbers(values, column)
            continue
        cells = np.empty(len(values), dtype=object)
        cells[:] = values
        if column == "geometry":
            data[column] = from_shapely(cells, crs=_wgs84())
        else:
            # An explicit dtype: pandas would otherwise infer its string dtype for text.
            data[column] = pd.Series(cells, index=index, dtype=text, copy=False)
    extra = [c for c in dict.fromkeys(k for row in rows for k in row) if c not in EVENT_COLUMNS]
    for column in extra:
        # A row without the column has NaN there, as a frame built from the records has.
        data[column] = pd.Series([row.get(column, np.nan) for row in rows], index=index)
    return pd.DataFrame(data, index=index, copy=False)


def _whole_numbers(values: list[Any], column: str) -> pd.api.extensions.ExtensionArray:
    """A whole-number column as an ``Int64`` array (None is missing)."""
    import numpy as np
    import pandas as pd

    counts = [_whole(v, column, i) for i, v in enumerate(values)]
    missing = np.fromiter((v is None for v in counts), dtype=bool, count=len(counts))
    data = np.fromiter((0 if v is None else v for v in counts), dtype=np.int64,
                       count=len(counts))
    return pd.arrays.IntegerArray(data, missing)


def _whole(value: Any, column: str, position: int) -> int | None:
    """A count cell: a plain int or None as it is, anything else through ``whole_number``."""
    if value is None or (type(value) is int and 0 <= value <= MAX_COUNT):
        return value  # type: ignore[no-any-return]
    return whole_number(value, column, f"row {position}")


def _frame_from_records(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The frame built through pandas' own inference, for rows with any kind of cell."""
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
    for column in _TEXT_COLUMNS:
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame
