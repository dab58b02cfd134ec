"""Where places are: polygons of admin-1 units and countries, and reverse lookups of points."""

from __future__ import annotations

import bisect
import math
from typing import TYPE_CHECKING, Any

from .. import _data
from .._coords import validate_lon_lat
from .ranking import haversine_km
from .records import PlaceKind
from .store import PlaceStore

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["PointIndex", "Polygons"]


class Polygons:
    """The embedded polygons of admin-1 units (``a1:<code>``) and countries (``c:<ISO2>``).

    Loaded on first use; a spatial index is built on the first point query.
    """

    def __init__(self) -> None:
        self._polygons: dict[str, BaseGeometry] | None = None
        self._tree: Any = None
        self._ids: list[str] = []

    @property
    def by_id(self) -> dict[str, BaseGeometry]:
        """Place id -> polygon."""
        if self._polygons is None:
            from shapely.geometry import shape

            polygons: dict[str, BaseGeometry] = {}
            for name, prefix in (("admin1.geojson.gz", "a1:"), ("countries.geojson.gz", "c:")):
                for feat in _data.geojson_features(name):
                    polygons[prefix + feat["properties"]["code"]] = shape(feat["geometry"])
            self._polygons = polygons
        return self._polygons

    def get(self, place_id: str) -> BaseGeometry | None:
        """The polygon of a place id, or None."""
        return self.by_id.get(place_id)

    def containing(self, lon: float, lat: float) -> list[str]:
        """Ids of the polygons that contain a point."""
        import shapely

        if self._tree is None:
            self._ids = list(self.by_id)
            self._tree = shapely.STRtree([self.by_id[k] for k in self._ids])
        hits = self._tree.query(shapely.Point(lon, lat), predicate="intersects")
        return [self._ids[j] for j in hits]


class PointIndex:
    """Settlements with their own coordinates, sorted by latitude for nearest-point queries."""

    def __init__(self, store: PlaceStore) -> None:
        self._store = store
        order = sorted((float(r.lat), i) for i, r in enumerate(store.rows)
                       if r.kind == PlaceKind.SETTLEMENT and r.precision == "point")
        self._lats = [lat for lat, _ in order]
        self._rows = [i for _, i in order]

    def nearest(self, lon: float, lat: float) -> tuple[int | None, float | None]:
        """Row and distance (km) of the settlement nearest a point, within 5° of latitude."""
        lon, lat = validate_lon_lat(lon, lat)
        best, best_d = None, math.inf
        for window in (0.25, 1.0, 5.0):
            lo = bisect.bisect_left(self._lats, lat - window)
            hi = bisect.bisect_right(self._lats, lat + window)
            for j in range(lo, hi):
                row = self._store.rows[self._rows[j]]
                d = haversine_km(lon, lat, float(row.lon), float(row.lat))
                if d < best_d:
                    best, best_d = self._rows[j], d
            if best is not None and best_d <= window * 111.0:
                break
        if best is None:
            return None, None
        return best, round(best_d, 3)
