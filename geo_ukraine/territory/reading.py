"""Reading a control-area snapshot from GeoJSON, KML, KMZ, GeoPackage or a shapefile."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import TerritoryError
from .snapshots import ControlStatus, Snapshot, check_status, snapshot_date, snapshot_from_parts

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["read_snapshot"]

_DATE_IN_NAME = re.compile(r"(\d{4})[-_]?(\d{2})[-_]?(\d{2})")
# Feature properties that may carry the snapshot's date, in order of preference.
_DATE_PROPERTIES = ("date", "snapshot_date", "as_of")


def read_snapshot(path: str | Path, *, date: str | dt.date | None = None,
                  status: str | None = None, layer: str | None = None,
                  crs: str | None = None) -> Snapshot:
    """Read a control-area snapshot from GeoJSON, KML, KMZ, GeoPackage or a shapefile.

    The date comes from ``date``, else a ``date`` (or ``snapshot_date``, ``as_of``)
    property, else a ``YYYY-MM-DD`` in the file name; the status from ``status``, else a
    ``status`` property, else ``controlled``. Invalid polygons are repaired and reported in
    ``repairs``.

    Parameters
    ----------
    path : str or Path
    date : str or date, optional
    status : str, optional
        ``controlled``, ``assessed`` or ``claimed``.
    layer : str, optional
        Layer of a multi-layer file.
    crs : str, optional
        The CRS of data that declares none (for data in lon/lat, leave it out).

    Returns
    -------
    Snapshot

    Raises
    ------
    TerritoryError
        Not a polygon, an empty file, no date, projected coordinates without a CRS.
    """
    path = Path(path)
    if not path.exists():
        msg = f"{str(path)!r} does not exist"
        raise FileNotFoundError(msg)
    source = path.name
    frame = _read_frame(path, layer, crs)
    columns = {c.lower(): c for c in frame.columns}
    when = snapshot_date(date if date is not None else _date_of(frame, columns, path), source)
    if status is None:
        values = {str(v) for v in frame[columns["status"]].dropna()} if "status" in columns \
            else set()
        status = values.pop() if len(values) == 1 else ControlStatus.CONTROLLED.value
    check_status(status, source)
    return snapshot_from_parts(list(frame.geometry), when, status, source)


def _read_frame(path: Path, layer: str | None, crs: str | None) -> gpd.GeoDataFrame:
    """The file's features in WGS84 lon/lat (a KMZ read through its KML)."""
    import pyogrio

    source = path.name
    target: Any = path
    if path.suffix.lower() == ".kmz":
        with zipfile.ZipFile(path) as archive:
            kml = next((n for n in archive.namelist() if n.lower().endswith(".kml")), None)
        if kml is None:
            msg = f"{source}: a KMZ with no .kml inside"
            raise TerritoryError(msg)
        target = f"/vsizip/{path}/{kml}"
    try:
        frame = pyogrio.read_dataframe(target, layer=layer)
    except Exception as exc:  # pyogrio raises several DataSourceError kinds
        msg = f"{source}: cannot read it as geodata: {exc}"
        raise TerritoryError(msg) from None
    if len(frame) == 0:
        msg = f"{source}: no features (the file is empty)"
        raise TerritoryError(msg)
    if crs is not None:  # GeoJSON readers assume WGS84: the caller knows better
        frame = frame.set_crs(crs, allow_override=True)
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    return frame


def _date_of(frame: gpd.GeoDataFrame, columns: dict[str, str], path: Path) -> str | None:
    """The date the features carry, else the ``YYYY-MM-DD`` in the file name, else None."""
    for key in _DATE_PROPERTIES:
        if key in columns:
            values = {str(v)[:10] for v in frame[columns[key]].dropna()}
            if len(values) > 1:
                msg = f"{path.name}: features carry several dates {sorted(values)}: one per file"
                raise TerritoryError(msg)
            if values:
                return values.pop()
            break
    match = _DATE_IN_NAME.search(path.stem)
    return "-".join(match.groups()) if match else None
