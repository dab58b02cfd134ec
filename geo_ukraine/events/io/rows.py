"""Rows read from a file that already carry their geometry -> a validated event table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...errors import EventSchemaError
from ..frame import event_frame

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["events_from_rows"]


def events_from_rows(rows: list[dict[str, Any]], source: str) -> gpd.GeoDataFrame:
    """An event table from rows read out of ``source``; schema errors name the file.

    Parameters
    ----------
    rows : list of dict
        Column -> value, with ``geometry`` a shapely geometry or None.
    source : str
        The file's name, for error messages.

    Returns
    -------
    geopandas.GeoDataFrame

    Raises
    ------
    EventSchemaError
        Prefixed with ``source``.
    """
    try:
        return event_frame(rows)
    except EventSchemaError as exc:
        raise EventSchemaError(f"{source}: {exc}") from None
