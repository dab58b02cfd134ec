"""Control-area snapshots: one side's (or a claimed) area on a date, validated and repaired."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ..errors import TerritoryError
from .projection import KM2_PER_MI2, area_km2, project

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["CONTROL_STATUSES", "ControlStatus", "Snapshot", "check_status",
           "snapshot_date", "snapshot_from_geometry", "snapshot_from_parts"]


class ControlStatus(StrEnum):
    """What a snapshot's area is.

    Not to be confused with an event's status (:data:`geo_ukraine.STATUSES`).
    """

    CONTROLLED = "controlled"  # held by a side
    ASSESSED = "assessed"      # an advance an analyst assesses
    CLAIMED = "claimed"        # an advance a side claims


#: The control statuses as strings, in order.
CONTROL_STATUSES: tuple[str, ...] = tuple(status.value for status in ControlStatus)


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """The area under one side's control (or claimed) on a date.

    Attributes
    ----------
    date : datetime.date
    status : str
        ``controlled``, ``assessed`` (an assessed advance) or ``claimed``
        (:class:`ControlStatus`).
    geometry : shapely (Multi)Polygon
        In WGS84 lon/lat.
    source : str
        File or description it came from.
    repairs : tuple of str
        What was repaired on reading ("feature 3: Self-intersection[...]: made valid").
    """

    date: dt.date
    status: str
    geometry: Any
    source: str = ""
    repairs: tuple[str, ...] = ()

    @property
    def projected(self) -> BaseGeometry:
        """The geometry in :data:`~geo_ukraine.territory.TERRITORY_CRS` (metres)."""
        return project(self.geometry)

    @property
    def area_km2(self) -> float:
        """Area in square kilometres."""
        return self.projected.area / 1e6

    @property
    def area_mi2(self) -> float:
        """Area in square miles."""
        return self.area_km2 / KM2_PER_MI2


def snapshot_from_geometry(geometry: BaseGeometry, date: str | dt.date, *,
                           status: str = "controlled", source: str = "") -> Snapshot:
    """Build a snapshot from a lon/lat geometry, repairing it if invalid.

    Raises
    ------
    TerritoryError
        For a non-polygonal or empty geometry, coordinates outside lon/lat range, a bad date
        or an unknown status.
    """
    import shapely

    when = snapshot_date(date, source)
    check_status(status, source or "snapshot")
    geoms = list(shapely.get_parts(geometry)) if geometry is not None else []
    return snapshot_from_parts(geoms, when, status, source)


def check_status(status: str, label: str) -> None:
    """Raise :class:`~geo_ukraine.TerritoryError` unless ``status`` is a control status.

    Parameters
    ----------
    status : str
    label : str
        What the status belongs to (a file name), to start the message with.
    """
    if status not in CONTROL_STATUSES:
        msg = f"{label}: status {status!r} is not one of {', '.join(CONTROL_STATUSES)}"
        raise TerritoryError(msg)


def snapshot_from_parts(geoms: list[Any], when: dt.date, status: str,
                        source: str) -> Snapshot:
    """A snapshot of the union of polygons, each checked and, if invalid, repaired.

    Parameters
    ----------
    geoms : list of shapely geometry or None
        Features in lon/lat; empty and missing ones are skipped.
    when : date
    status : str
        Already checked.
    source : str

    Returns
    -------
    Snapshot

    Raises
    ------
    TerritoryError
        No polygons at all, a feature that is not an area, or coordinates that are not
        lon/lat.
    """
    import shapely

    if not geoms or all(g is None or g.is_empty for g in geoms):
        msg = f"{source or 'snapshot'}: no polygons (the file or geometry is empty)"
        raise TerritoryError(msg)
    repairs = []
    polys = []
    for n, geom in enumerate(geoms, start=1):
        if geom is None or geom.is_empty:
            continue
        _check_feature(geom, n, source)
        if not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            fixed = _polygonal(shapely.make_valid(geom))
            repairs.append(f"feature {n}: {reason}; made valid, "
                           f"{area_km2(fixed):.3f} km2 after repair")
            geom = fixed
        polys.append(geom)
    union = shapely.union_all(polys)
    return Snapshot(when, status, union, source, tuple(repairs))


def _check_feature(geom: BaseGeometry, n: int, source: str) -> None:
    """Refuse a feature that is not an area or not in lon/lat."""
    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        msg = (f"{source or 'snapshot'} feature {n}: a {geom.geom_type} is not an area; "
               "control snapshots must be Polygon or MultiPolygon")
        raise TerritoryError(msg)
    minx, miny, maxx, maxy = geom.bounds
    if min(minx, miny) < -180 or maxx > 180 or maxy > 90 or miny < -90:
        msg = (f"{source or 'snapshot'} feature {n}: coordinates up to "
               f"({maxx:.0f}, {maxy:.0f}) are not longitude/latitude; the data looks "
               "projected but declares no CRS: pass crs= (e.g. 'EPSG:3857')")
        raise TerritoryError(msg)


def _polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """The polygonal parts of a geometry (make_valid may add lines and points)."""
    import shapely

    parts = shapely.get_parts(geometry)
    polys = [p for p in parts if p.geom_type in ("Polygon", "MultiPolygon") and not p.is_empty]
    return shapely.union_all(polys) if polys else shapely.Polygon()


def snapshot_date(value: Any, source: str) -> dt.date:
    """A snapshot's date from a date, datetime or ``YYYY-MM-DD`` string.

    ``YYYY/MM/DD`` (as ogr2ogr writes KML dates) and ``YYYY.MM.DD`` are read too, and a time
    after the date is ignored.

    Parameters
    ----------
    value : date, datetime, str or None
    source : str
        The file or description, for messages.

    Returns
    -------
    datetime.date

    Raises
    ------
    TerritoryError
        No date, or not ``YYYY-MM-DD``.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or str(value).strip() == "":
        msg = (f"{source or 'snapshot'} has no date: give a date (YYYY-MM-DD), add a 'date' "
               "property, or put the date in the file name")
        raise TerritoryError(msg)
    text = str(value).strip()[:10]
    if len(text) == 10 and text[4] == text[7] and text[4] in "/.":
        text = text.replace(text[4], "-")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"{source or 'snapshot'}: date {value!r} is not YYYY-MM-DD"
        raise TerritoryError(msg) from None
