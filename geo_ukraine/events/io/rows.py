"""Rows read from a file that already carry their geometry -> checked -> a validated table.

Every field is checked where it was read, so that an error names the file, the row (line,
feature or Placemark) and the field: counts are whole numbers >= 0, text is text, dates are
dates, codes are in the vocabulary, admin-1 codes exist, coordinates are finite and within
range. Nothing is silently nulled, truncated or "fixed".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ...errors import EventSchemaError
from ..fields import (
    TEXT_COLUMNS,
    Admin1Codes,
    check_geometry,
    check_scalar,
    check_vocabulary,
    text_value,
    whole_number,
)
from ..frame import event_frame
from ..records import parse_event_date
from ..schema import INT_COLUMNS

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["PlacedRow", "check_row", "events_from_frame", "events_from_rows"]

#: A row as read: where it came from ("events.geojson feature 3") and column -> value, with
#: ``geometry`` a shapely geometry or None.
PlacedRow = tuple[str, dict[str, Any]]


def events_from_frame(frame: gpd.GeoDataFrame, source: str, unit: str,
                      cell: Callable[[Any], Any], *, gazetteer: Any = None
                      ) -> gpd.GeoDataFrame:
    """Events from a GeoDataFrame a reader loaded (GeoPackage, GeoParquet), row by row checked.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        In any CRS; reprojected to EPSG:4326.
    source : str
        The file's name, for messages ("events.gpkg feature 3").
    unit : str
        What a row is called in messages: ``feature`` or ``row``.
    cell : callable
        Turns one stored value into the value the schema reads.
    """
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    geom_col = frame.geometry.name
    rows = []
    for n, (record, geom) in enumerate(zip(frame.drop(columns=geom_col).to_dict("records"),
                                           frame.geometry, strict=True), start=1):
        row = {k: cell(v) for k, v in record.items()}
        row["geometry"] = geom
        rows.append((f"{source} {unit} {n}", row))
    return events_from_rows(rows, source, gazetteer=gazetteer)


def events_from_rows(rows: Sequence[PlacedRow], source: str, *,
                     gazetteer: Any = None) -> gpd.GeoDataFrame:
    """An event table from rows read out of ``source``, each checked by :func:`check_row`.

    Parameters
    ----------
    rows : sequence of (str, dict)
    source : str
        The file's name, for errors about the table as a whole.
    gazetteer : Gazetteer, optional
        Knows the admin-1 codes; loaded only when a row has one.

    Returns
    -------
    geopandas.GeoDataFrame

    Raises
    ------
    EventSchemaError
        Naming the row and field of the first bad value, or ``source``.
    """
    admin1 = Admin1Codes(gazetteer)
    checked = [check_row(row, where, admin1) for where, row in rows]
    try:
        return event_frame(checked)
    except EventSchemaError as exc:
        raise EventSchemaError(f"{source}: {exc}") from None


def check_row(row: dict[str, Any], where: str, admin1: Admin1Codes) -> dict[str, Any]:
    """One row with its values checked and normalised (text as ``str``, counts as ``int``)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == "geometry":
            continue
        check_scalar(value, str(key), where)
        if key in TEXT_COLUMNS and key != "event_date":
            value = text_value(value, key, where)
        elif key in (*INT_COLUMNS, "geo_precision"):
            value = whole_number(value, key, where)
        out[key] = value
    if out.get("event_date") in (None, "") and out.get("date_precision") != "unknown":
        msg = f"{where}: event_date is missing (an undated event says date_precision: unknown)"
        raise EventSchemaError(msg)
    try:
        out["event_date"], precision = parse_event_date(out["event_date"],
                                                        out.get("date_precision") or None)
    except EventSchemaError as exc:
        raise EventSchemaError(f"{where}: {exc}") from None
    out["date_precision"] = precision
    check_vocabulary(out, where)
    admin1.check(out.get("admin1"), where)
    geometry = row.get("geometry")
    check_geometry(geometry, where)
    out["geometry"] = geometry
    return out
