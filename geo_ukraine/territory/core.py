"""Control-area snapshots: areas in km² and square miles, shares, per-oblast breakdowns, changes.

Areas are computed in one equal-area projection suited to Ukraine and the front: a Lambert
azimuthal equal-area projection on the WGS84 ellipsoid centred at 48.5°N 34.0°E
(``TERRITORY_CRS``). It preserves area exactly; edges longer than ``SEGMENT_DEGREES`` are
densified before projecting, so the only departure from ellipsoidal (geodesic) areas is the
shape of sub-2 km edges, which the tests bound at under 0.1% against
:meth:`pyproj.Geod.geometry_area_perimeter` for shapes from village to oblast size.
Overlays (gains, losses, per-oblast splits) run once in that projection.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import TerritoryError

if TYPE_CHECKING:
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

__all__ = ["KM2_PER_MI2", "TERRITORY_CRS", "Change", "Snapshot", "area_km2", "by_oblast",
           "changes", "read_snapshot", "share_of_country", "snapshot_from_geometry",
           "time_series"]

#: The equal-area projection all territory figures are computed in.
TERRITORY_CRS = "+proj=laea +lat_0=48.5 +lon_0=34 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
#: Square kilometres in one square mile (international mile).
KM2_PER_MI2 = 2.589988110336
STATUSES = ("controlled", "assessed", "claimed")
#: Edges longer than this (degrees, about 2 km) are densified before projecting.
SEGMENT_DEGREES = 0.02
_DATE_IN_NAME = re.compile(r"(\d{4})[-_]?(\d{2})[-_]?(\d{2})")


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """The area under one side's control (or claimed) on a date.

    Attributes
    ----------
    date : datetime.date
    status : str
        ``controlled``, ``assessed`` (an assessed advance) or ``claimed``.
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
        """The geometry in :data:`TERRITORY_CRS` (metres)."""
        return _project(self.geometry)

    @property
    def area_km2(self) -> float:
        """Area in square kilometres."""
        return self.projected.area / 1e6

    @property
    def area_mi2(self) -> float:
        """Area in square miles."""
        return self.area_km2 / KM2_PER_MI2


@dataclasses.dataclass(frozen=True)
class Change:
    """What changed hands between two snapshots (areas in km²; ``*_mi2`` properties too)."""

    before: Snapshot
    after: Snapshot
    gained: Any
    lost: Any
    gained_km2: float
    lost_km2: float
    by_oblast: pd.DataFrame

    @property
    def net_km2(self) -> float:
        """Gained minus lost, km²."""
        return self.gained_km2 - self.lost_km2

    @property
    def gained_mi2(self) -> float:
        """Gained area, square miles."""
        return self.gained_km2 / KM2_PER_MI2

    @property
    def lost_mi2(self) -> float:
        """Lost area, square miles."""
        return self.lost_km2 / KM2_PER_MI2

    @property
    def net_mi2(self) -> float:
        """Gained minus lost, square miles."""
        return self.net_km2 / KM2_PER_MI2

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures: gained/lost/net in km² and mi², and ``by_oblast``."""
        return {
            "before": self.before.date.isoformat(), "after": self.after.date.isoformat(),
            "gained_km2": round(self.gained_km2, 3), "lost_km2": round(self.lost_km2, 3),
            "net_km2": round(self.net_km2, 3), "gained_mi2": round(self.gained_mi2, 3),
            "lost_mi2": round(self.lost_mi2, 3), "net_mi2": round(self.net_mi2, 3),
            "by_oblast": [
                {"admin1": r.admin1, "name": r.name, "gained_km2": round(r.gained_km2, 3),
                 "lost_km2": round(r.lost_km2, 3)} for r in self.by_oblast.itertuples()],
        }


# ---------------------------------------------------------------------------------- geometry
def _project(geometry: BaseGeometry, inverse: bool = False) -> BaseGeometry:
    import shapely

    from ..gazetteer.areas import reproject

    if inverse:
        return reproject(geometry, TERRITORY_CRS, "EPSG:4326")
    # Long edges are densified first so that an edge follows the same curve in every
    # snapshot (two boxes sharing a parallel must not differ by a chord's sliver).
    return reproject(shapely.segmentize(geometry, SEGMENT_DEGREES), "EPSG:4326", TERRITORY_CRS)


def area_km2(geometry: BaseGeometry) -> float:
    """Area of a lon/lat geometry in km², in the equal-area :data:`TERRITORY_CRS`.

    Parameters
    ----------
    geometry : shapely geometry
        WGS84 lon/lat.

    Returns
    -------
    float
    """
    return _project(geometry).area / 1e6


def _polygonal(geometry: BaseGeometry) -> BaseGeometry:
    import shapely

    parts = shapely.get_parts(geometry)
    polys = [p for p in parts if p.geom_type in ("Polygon", "MultiPolygon") and not p.is_empty]
    return shapely.union_all(polys) if polys else shapely.Polygon()


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

    when = _as_date(date, source)
    if status not in STATUSES:
        msg = f"{source or 'snapshot'}: status {status!r} is not one of {', '.join(STATUSES)}"
        raise TerritoryError(msg)
    geoms = list(shapely.get_parts(geometry)) if geometry is not None else []
    return _snapshot(geoms, when, status, source)


def _snapshot(geoms: list[Any], when: dt.date, status: str, source: str) -> Snapshot:
    import shapely

    if not geoms or all(g is None or g.is_empty for g in geoms):
        msg = f"{source or 'snapshot'}: no polygons (the file or geometry is empty)"
        raise TerritoryError(msg)
    repairs = []
    polys = []
    for n, geom in enumerate(geoms, start=1):
        if geom is None or geom.is_empty:
            continue
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
        if not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            fixed = _polygonal(shapely.make_valid(geom))
            repairs.append(f"feature {n}: {reason}; made valid, "
                           f"{area_km2(fixed):.3f} km2 after repair")
            geom = fixed
        polys.append(geom)
    union = shapely.union_all(polys)
    return Snapshot(when, status, union, source, tuple(repairs))


def _as_date(value: Any, source: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or str(value).strip() == "":
        msg = (f"{source or 'snapshot'} has no date: pass date=YYYY-MM-DD, add a 'date' "
               "property, or put the date in the file name")
        raise TerritoryError(msg)
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        msg = f"{source or 'snapshot'}: date {value!r} is not YYYY-MM-DD"
        raise TerritoryError(msg) from None


# ---------------------------------------------------------------------------------- reading
def read_snapshot(path: str | Path, *, date: str | dt.date | None = None,
                  status: str | None = None, layer: str | None = None,
                  crs: str | None = None) -> Snapshot:
    """Read a control-area snapshot from GeoJSON, KML, KMZ, GeoPackage or a shapefile.

    The date comes from ``date``, else a ``date`` (or ``snapshot_date``) property, else a
    ``YYYY-MM-DD`` in the file name; the status from ``status``, else a ``status`` property,
    else ``controlled``. Invalid polygons are repaired and reported in ``repairs``.

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
    import pyogrio

    path = Path(path)
    if not path.exists():
        msg = f"{str(path)!r} does not exist"
        raise FileNotFoundError(msg)
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
    columns = {c.lower(): c for c in frame.columns}
    if date is None:
        for key in ("date", "snapshot_date", "as_of"):
            if key in columns:
                values = {str(v)[:10] for v in frame[columns[key]].dropna()}
                if len(values) > 1:
                    msg = f"{source}: features carry several dates {sorted(values)}: one per file"
                    raise TerritoryError(msg)
                date = values.pop() if values else None
                break
    if date is None:
        match = _DATE_IN_NAME.search(path.stem)
        if match:
            date = "-".join(match.groups())
    when = _as_date(date, source)
    if status is None:
        values = {str(v) for v in frame[columns["status"]].dropna()} if "status" in columns \
            else set()
        status = values.pop() if len(values) == 1 else "controlled"
    if status not in STATUSES:
        msg = f"{source}: status {status!r} is not one of {', '.join(STATUSES)}"
        raise TerritoryError(msg)
    return _snapshot(list(frame.geometry), when, status, source)


# ---------------------------------------------------------------------------------- figures
@functools.cache
def _oblast_index() -> tuple[list[str], list[str], list[Any], Any]:
    """Admin-1 units of Ukraine, Russia and Belarus, projected, with a spatial index."""
    import shapely

    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    codes, names, geoms = [], [], []
    for place in gaz.places("admin1"):
        if place.country in ("UA", "RU", "BY") and place.admin1:
            codes.append(place.admin1)
            names.append(place.name)
            geoms.append(_project(place.geometry))
    return codes, names, geoms, shapely.STRtree(geoms)


def _split_by_oblast(projected: BaseGeometry) -> dict[str, float]:
    """km² of a projected geometry per admin-1 unit it touches."""
    import shapely

    codes, _names, geoms, tree = _oblast_index()
    out: dict[str, float] = {}
    if projected.is_empty:
        return out
    parts = shapely.get_parts(projected)
    for part in parts:
        for j in tree.query(part, predicate="intersects"):
            piece = shapely.intersection(part, geoms[j])
            if not piece.is_empty and piece.area > 0:
                out[codes[j]] = out.get(codes[j], 0.0) + piece.area / 1e6
    return out


def by_oblast(snapshot: Snapshot | BaseGeometry) -> pd.DataFrame:
    """Area of a snapshot (or lon/lat geometry) per oblast, km² and mi², largest first.

    Returns
    -------
    pandas.DataFrame
        Columns ``admin1`` (GeoNames code), ``name``, ``km2``, ``mi2``.
    """
    import pandas as pd

    geometry = snapshot.projected if isinstance(snapshot, Snapshot) else _project(snapshot)
    split = _split_by_oblast(geometry)
    codes, names, *_ = _oblast_index()
    name_of = dict(zip(codes, names, strict=True))
    rows = [{"admin1": c, "name": name_of[c], "km2": a, "mi2": a / KM2_PER_MI2}
            for c, a in split.items()]
    frame = pd.DataFrame(rows, columns=["admin1", "name", "km2", "mi2"])
    return frame.sort_values("km2", ascending=False, ignore_index=True)


def share_of_country(snapshot: Snapshot | BaseGeometry, country: str = "UA") -> float:
    """Share (0..1) of a country's territory covered by the snapshot.

    Ukraine's polygon is the embedded Natural Earth one, Crimea included.
    """
    import shapely

    from ..gazetteer import Gazetteer

    land = Gazetteer.default().polygon(f"c:{country}")
    if land is None:
        msg = f"no polygon for country {country!r}"
        raise TerritoryError(msg)
    geometry = snapshot.geometry if isinstance(snapshot, Snapshot) else snapshot
    land_p = _project(land)
    return shapely.intersection(_project(geometry), land_p).area / land_p.area


def changes(before: Snapshot, after: Snapshot) -> Change:
    """Gained and lost areas between two snapshots, with a per-oblast breakdown.

    Both differences are computed in the equal-area projection; the per-oblast split only
    intersects the (small) changed parts with the oblasts that touch them.

    Parameters
    ----------
    before, after : Snapshot

    Returns
    -------
    Change
    """
    import pandas as pd
    import shapely

    if before.date > after.date:
        msg = f"before ({before.date}) is later than after ({after.date}): swap them"
        raise TerritoryError(msg)
    a, b = before.projected, after.projected
    shapely.prepare(a)
    shapely.prepare(b)
    gained_p = shapely.difference(b, a)
    lost_p = shapely.difference(a, b)
    gained_split = _split_by_oblast(gained_p)
    lost_split = _split_by_oblast(lost_p)
    codes, names, *_ = _oblast_index()
    name_of = dict(zip(codes, names, strict=True))
    rows = [{"admin1": c, "name": name_of[c], "gained_km2": gained_split.get(c, 0.0),
             "lost_km2": lost_split.get(c, 0.0)}
            for c in sorted(set(gained_split) | set(lost_split))]
    frame = pd.DataFrame(rows, columns=["admin1", "name", "gained_km2", "lost_km2"])
    frame = frame.sort_values(["gained_km2", "lost_km2"], ascending=False, ignore_index=True)
    return Change(before, after, _project(gained_p, inverse=True),
                  _project(lost_p, inverse=True), gained_p.area / 1e6, lost_p.area / 1e6, frame)


def time_series(snapshots: Iterable[Snapshot]) -> pd.DataFrame:
    """Area and week-to-week change over many snapshots, in date order.

    Returns
    -------
    pandas.DataFrame
        ``date``, ``status``, ``area_km2``, ``area_mi2``, ``gained_km2``, ``lost_km2``,
        ``net_km2`` (changes against the previous snapshot; NaN for the first).
    """
    import pandas as pd

    ordered = sorted(snapshots, key=lambda s: s.date)
    rows = []
    for n, snap in enumerate(ordered):
        row = {"date": snap.date.isoformat(), "status": snap.status, "area_km2": snap.area_km2,
               "area_mi2": snap.area_mi2, "gained_km2": float("nan"),
               "lost_km2": float("nan"), "net_km2": float("nan")}
        if n:
            change = changes(ordered[n - 1], snap)
            row.update(gained_km2=change.gained_km2, lost_km2=change.lost_km2,
                       net_km2=change.net_km2)
        rows.append(row)
    return pd.DataFrame(rows)
