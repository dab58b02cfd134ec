"""CSV: one event per row, geometry as ``lon``/``lat`` and WKT; or records that name places."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._coords import validate_lon_lat
from ...errors import EventSchemaError
from ..records import events_from_records
from .acled import is_acled_header
from .acled_read import events_from_acled
from .base import WriteOptions
from .csvfile import read_csv_table, write_csv_table
from .rows import PlacedRow, events_from_rows
from .source import one_line
from .values import plain_value

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["GEOMETRY_COLUMNS", "read_csv", "write_csv"]

#: Columns the writer appends after the table's: a point (the geometry itself or a point
#: inside it) and the whole geometry as WKT, altitude included.
GEOMETRY_COLUMNS: tuple[str, ...] = ("lon", "lat", "wkt")


def write_csv(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Write ``events`` to ``path`` as UTF-8 CSV with ``lon``, ``lat`` and ``wkt`` columns.

    Text cells a spreadsheet would run as formulas are defused unless
    ``options.neutralise_formulas`` is false (see :mod:`~geo_ukraine.events.io.formulas`).
    """
    columns = [c for c in events.columns if c != events.geometry.name]
    write_csv_table(path, [*columns, *GEOMETRY_COLUMNS], _csv_rows(events, columns, options),
                    neutralise_formulas=options.neutralise_formulas)


def _csv_rows(events: gpd.GeoDataFrame, columns: Sequence[str],
              options: WriteOptions) -> Iterator[list[Any]]:
    import shapely

    digits = options.precision
    for values, geom in zip(events[columns].itertuples(index=False, name=None),
                            events.geometry, strict=True):
        row = ["" if plain_value(v) is None else plain_value(v) for v in values]
        if geom is None or geom.is_empty:
            row += ["", "", ""]
        else:
            point = geom if geom.geom_type == "Point" else geom.representative_point()
            row += [round(point.x, digits), round(point.y, digits),
                    shapely.to_wkt(geom, rounding_precision=digits, trim=True)]
        yield row


def read_csv(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read a CSV of events: our own, an ACLED export, or records that name places.

    A CSV with ``wkt`` or ``lon``/``lat`` columns keeps its geometry (WKT first, altitude
    included); one with ACLED's columns is read by
    :func:`~geo_ukraine.events.io.events_from_acled`; any other is a table of records
    resolved through ``gazetteer``. Cells defused against formula injection are restored.
    """
    header, records = read_csv_table(path)
    if is_acled_header(dict.fromkeys(header)):
        return events_from_acled(path, gazetteer=gazetteer)
    if not set(GEOMETRY_COLUMNS) & set(header):
        return events_from_records([record for _, record in records], gazetteer=gazetteer,
                                   source_name=path.name)
    rows = [_placed_row(record, f"{path.name} line {line}") for line, record in records]
    return events_from_rows(rows, path.name, gazetteer=gazetteer)


def _placed_row(record: dict[str, str], where: str) -> PlacedRow:
    import shapely
    from shapely.geometry import Point

    row: dict[str, Any] = {k: (v if v != "" else None) for k, v in record.items()}
    wkt, lon, lat = row.pop("wkt", None), row.pop("lon", None), row.pop("lat", None)
    try:
        if wkt:
            row["geometry"] = shapely.from_wkt(wkt)
        elif lon and lat:
            row["geometry"] = Point(*validate_lon_lat(lon, lat))
        else:
            row["geometry"] = None
    except (shapely.errors.GEOSException, ValueError) as exc:
        msg = f"{where}: bad geometry: {one_line(exc)}"
        raise EventSchemaError(msg) from None
    return where, row
