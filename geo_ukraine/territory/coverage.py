"""How much of each oblast, and of a country, a snapshot covers."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import TerritoryError
from ..gazetteer import Gazetteer
from .projection import KM2_PER_MI2, project
from .snapshots import Snapshot

if TYPE_CHECKING:
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

__all__ = ["by_oblast", "oblast_names", "share_of_country", "split_by_oblast"]

# The countries whose admin-1 units a split reports.
_SPLIT_COUNTRIES = ("UA", "RU", "BY")


class _OblastIndex(NamedTuple):
    codes: list[str]
    names: list[str]
    geoms: list[Any]
    tree: Any


@functools.cache
def _oblast_index() -> _OblastIndex:
    """Admin-1 units of Ukraine, Russia and Belarus, projected, with a spatial index."""
    import shapely

    gaz = Gazetteer.default()
    codes, names, geoms = [], [], []
    for place in gaz.places("admin1"):
        if place.country in _SPLIT_COUNTRIES and place.admin1:
            codes.append(place.admin1)
            names.append(place.name)
            geoms.append(project(place.geometry))
    return _OblastIndex(codes, names, geoms, shapely.STRtree(geoms))


def oblast_names() -> dict[str, str]:
    """Names of the admin-1 units a split reports, by GeoNames admin-1 code."""
    index = _oblast_index()
    return dict(zip(index.codes, index.names, strict=True))


def split_by_oblast(projected: BaseGeometry) -> dict[str, float]:
    """km² of a projected geometry per admin-1 unit it touches.

    Parameters
    ----------
    projected : shapely geometry
        In :data:`~geo_ukraine.territory.TERRITORY_CRS`.

    Returns
    -------
    dict
        GeoNames admin-1 code to km².
    """
    import shapely

    index = _oblast_index()
    out: dict[str, float] = {}
    if projected.is_empty:
        return out
    parts = shapely.get_parts(projected)
    for part in parts:
        for j in index.tree.query(part, predicate="intersects"):
            piece = shapely.intersection(part, index.geoms[j])
            if not piece.is_empty and piece.area > 0:
                code = index.codes[j]
                out[code] = out.get(code, 0.0) + piece.area / 1e6
    return out


def by_oblast(snapshot: Snapshot | BaseGeometry) -> pd.DataFrame:
    """Area of a snapshot (or lon/lat geometry) per oblast, km² and mi², largest first.

    Returns
    -------
    pandas.DataFrame
        Columns ``admin1`` (GeoNames code), ``name``, ``km2``, ``mi2``.
    """
    import pandas as pd

    geometry = snapshot.projected if isinstance(snapshot, Snapshot) else project(snapshot)
    split = split_by_oblast(geometry)
    name_of = oblast_names()
    rows = [{"admin1": c, "name": name_of[c], "km2": a, "mi2": a / KM2_PER_MI2}
            for c, a in split.items()]
    frame = pd.DataFrame(rows, columns=["admin1", "name", "km2", "mi2"])
    return frame.sort_values("km2", ascending=False, ignore_index=True)


def share_of_country(snapshot: Snapshot | BaseGeometry, country: str = "UA") -> float:
    """Share (0..1) of a country's territory covered by the snapshot.

    Ukraine's polygon is the embedded Natural Earth one, Crimea included.
    """
    import shapely

    land = Gazetteer.default().polygon(f"c:{country}")
    if land is None:
        msg = f"no polygon for country {country!r}"
        raise TerritoryError(msg)
    geometry = snapshot.geometry if isinstance(snapshot, Snapshot) else snapshot
    land_p = project(land)
    return shapely.intersection(project(geometry), land_p).area / land_p.area
