"""The embedded offline basemap: land and borders of the countries, oblasts and their names."""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["BASE_BBOX", "reference_layers"]

#: The vector basemap covers the theatre and the diplomacy venues around it (W, S, E, N).
BASE_BBOX = (-30.0, 5.0, 90.0, 75.0)
# Admin-1 units outside Ukraine are drawn only near it.
_NEIGHBOURHOOD = (22.0, 44.0, 42.0, 56.0)
# Kyiv city sits inside Kyiv oblast: one label for both.
_UNLABELLED = frozenset({"UA.12"})


def _feature(geometry: Any, **properties: Any) -> dict[str, Any]:
    from shapely.geometry import mapping

    return {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}


@functools.cache
def reference_layers() -> tuple[dict[str, Any], dict[str, Any], list[list[Any]]]:
    """Countries (clipped) and admin-1 units of the theatre, simplified for display.

    Returns
    -------
    countries, admin1 : dict
        GeoJSON FeatureCollections; each admin-1 feature carries its ``code``.
    labels : list of [lon, lat, name]
        Where to write each Ukrainian oblast's name.
    """
    import shapely
    from shapely.geometry import box

    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    clip, near = box(*BASE_BBOX), box(*_NEIGHBOURHOOD)
    countries = []
    for place in gaz.places("country"):
        geom = gaz.polygon(place)
        if geom is not None and geom.intersects(clip):
            part = shapely.set_precision(geom.intersection(clip).simplify(0.03), 0.001)
            if not part.is_empty:
                countries.append(_feature(part))
    admin1, labels = [], []
    for place in gaz.places("admin1"):
        code, geom = place.admin1 or "", gaz.polygon(place)
        if geom is None or (not code.startswith("UA") and not geom.intersects(near)):
            continue
        admin1.append(_feature(shapely.set_precision(geom.simplify(0.01), 0.0001), code=code))
        if code.startswith("UA") and code not in _UNLABELLED:
            labels.append([round(place.lon, 3), round(place.lat, 3), place.name])
    return ({"type": "FeatureCollection", "features": countries},
            {"type": "FeatureCollection", "features": admin1}, labels)
