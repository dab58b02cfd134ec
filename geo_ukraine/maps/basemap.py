"""The embedded offline basemap: land, borders, and the names of countries and towns."""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["NEIGHBOURHOOD", "reference_layers", "towns"]

#: Where detail is drawn (W, S, E, N): oblast-level borders, town names, fine coastlines.
NEIGHBOURHOOD = (22.0, 44.0, 42.0, 56.0)
# Countries whose names are written on the map (the theatre and its neighbours).
_NAMED = ("UA", "RU", "BY", "MD", "PL", "SK", "HU", "RO", "LT", "LV", "EE", "GE", "TR", "BG",
          "FI", "KZ")
# Kyiv city sits inside Kyiv oblast: one label for both.
_UNLABELLED = frozenset({"UA.12"})
# Town tiers: the zoom from which each is written.
OBLAST_CENTRE_ZOOM, TOWN_ZOOM, VILLAGE_ZOOM = 6, 8, 10
TOWN_POPULATION = 10_000


def _feature(geometry: Any, **properties: Any) -> dict[str, Any]:
    from shapely.geometry import mapping

    return {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}


def _land() -> tuple[list[dict[str, Any]], list[list[Any]]]:
    """Every country (fine near the theatre, coarse far away) and the names to write."""
    import shapely
    from shapely.geometry import box

    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    near = box(*NEIGHBOURHOOD).buffer(8)
    countries, labels = [], []
    for place in gaz.places("country"):
        geom = gaz.polygon(place)
        if geom is None or geom.is_empty:
            continue
        fine = geom.intersects(near)
        simple = shapely.set_precision(geom.simplify(0.03 if fine else 0.15),
                                       0.001 if fine else 0.01)
        if not simple.is_empty:
            countries.append(_feature(simple))
        if place.country in _NAMED:
            spot = geom.intersection(near) if place.country == "RU" else geom
            point = shapely.point_on_surface(spot if not spot.is_empty else geom)
            labels.append([round(point.x, 3), round(point.y, 3), place.name])
    return countries, labels


@functools.cache
def reference_layers() -> tuple[dict[str, Any], dict[str, Any], list[list[Any]]]:
    """Countries and the admin-1 units of the theatre, simplified for display.

    Returns
    -------
    countries : dict
        GeoJSON FeatureCollection of every country; its ``labels`` member lists
        ``[lon, lat, name]`` for the countries of the theatre and their neighbours.
    admin1 : dict
        GeoJSON FeatureCollection; each feature carries its ``code``.
    labels : list of [lon, lat, name]
        Where to write each Ukrainian oblast's name.
    """
    import shapely
    from shapely.geometry import box

    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    near = box(*NEIGHBOURHOOD)
    countries, country_labels = _land()
    admin1, labels = [], []
    for place in gaz.places("admin1"):
        code, geom = place.admin1 or "", gaz.polygon(place)
        if geom is None or (not code.startswith("UA") and not geom.intersects(near)):
            continue
        admin1.append(_feature(shapely.set_precision(geom.simplify(0.01), 0.0001), code=code))
        if code.startswith("UA") and code not in _UNLABELLED:
            labels.append([round(place.lon, 3), round(place.lat, 3), place.name])
    return ({"type": "FeatureCollection", "features": countries, "labels": country_labels},
            {"type": "FeatureCollection", "features": admin1}, labels)


@functools.cache
def towns() -> list[list[Any]]:
    """Settlements to write on the map, as ``[lon, lat, name, zoom]``.

    Each oblast's largest settlement from zoom 6, towns of 10,000 people or more (in Ukraine
    and near it) from zoom 8, and Ukraine's villages with coordinates of their own from zoom
    10; a village placed only at the centre of its hromada is not written.
    """
    from ..gazetteer import Gazetteer

    west, south, east, north = NEIGHBOURHOOD
    centres: dict[str, Any] = {}
    rows: dict[str, list[Any]] = {}
    for place in Gazetteer.default().places("settlement"):
        if place.location_precision != "point":
            continue
        near = west <= place.lon <= east and south <= place.lat <= north
        if place.population >= TOWN_POPULATION and (near or place.country == "UA"):
            zoom = TOWN_ZOOM
        elif place.country == "UA":
            zoom = VILLAGE_ZOOM
        else:
            continue
        rows[place.place_id] = [round(place.lon, 4), round(place.lat, 4), place.name, zoom]
        best = centres.get(place.admin1 or "")
        if place.country == "UA" and place.admin1 and (
                best is None or place.population > best.population):
            centres[place.admin1] = place
    for place in centres.values():
        rows[place.place_id][3] = OBLAST_CENTRE_ZOOM
    return sorted(rows.values(), key=lambda row: (row[3], row[2]))
