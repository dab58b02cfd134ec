"""CSV: one event per row, geometry as ``lon``/``lat`` and WKT; or records that name places."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._coords import validate_lon_lat
from ..._files import atomic_open
from ...errors import EventSchemaError
from ..records import events_from_records
from .acled import events_from_acled, is_acled_header
from .base import WriteOptions
from .rows import events_from_rows
from .values import plain_value

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["GEOMETRY_COLUMNS", "read_csv", "write_csv"]

#: Columns the writer appends after the table's: a point (the geometry itself or a point
#: inside it) and the whole geometry as WKT.
GEOMETRY_COLUMNS: tuple[str, ...] = ("lon", "lat", "wkt")


def write_csv(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Write ``events`` to ``path`` as UTF-8 CSV with ``lon``, ``lat`` and ``wkt`` columns."""
    import shapely

    digits = options.precision
    columns = [c for c in events.columns if c != events.geometry.name]
    with atomic_open(path, newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*columns, *GEOMETRY_COLUMNS])
        for values, geom in zip(events[columns].itertuples(index=False, name=None),
                                events.geometry, strict=True):
            row = ["" if plain_value(v) is None else plain_value(v) for v in values]
            if geom is None or geom.is_empty:
                row += ["", "", ""]
            else:
                point = geom if geom.geom_type == "Point" else geom.representative_point()
                row += [round(point.x, digits), round(point.y, digits),
                        shapely.to_wkt(geom, rounding_precision=digits, trim=True)]
            writer.writerow(row)


def read_csv(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read a CSV of events: our own, an ACLED export, or records that name places.

    A CSV with ``wkt`` or ``lon``/``lat`` columns keeps its geometry; one with ACLED's
    columns is read by :func:`~geo_ukraine.events.io.events_from_acled`; any other is a table
    of records resolved through ``gazetteer``.
    """
    with path.open(newline="", encoding="utf-8-sig") as handle:
        records = list(csv.DictReader(handle))
    if records and is_acled_header(records[0]):
        return events_from_acled(path, gazetteer=gazetteer)
    if records and not (set(GEOMETRY_COLUMNS) & set(records[0])):
        return events_from_records(records, gazetteer=gazetteer, source_name=path.name)
    return events_from_rows(_placed_rows(records, path), path.name)


def _placed_rows(records: list[dict[str, str]], path: Path) -> list[dict[str, Any]]:
    import shapely
    from shapely.geometry import Point

    rows = []
    for n, record in enumerate(records, start=2):
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
            msg = f"{path.name} line {n}: bad geometry: {exc}"
            raise EventSchemaError(msg) from None
        rows.append(row)
    return rows
