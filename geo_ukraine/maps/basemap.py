"""The embedded offline basemap: land, borders, rivers, and the names of countries and towns."""

from __future__ import annotations

import functools
import gzip
import json
import math
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

from ..gazetteer import Gazetteer

if TYPE_CHECKING:
    from shapely.geometry import LineString

    from ..gazetteer import Place

__all__ = ["NEIGHBOURHOOD", "VILLAGE_ZOOM", "reference_layers", "rivers", "towns"]

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
#: GeoNames feature codes of an admin-1 unit's own centre: its seat, and the capital.
CENTRE_FEATURES = ("PPLA", "PPLC")
# Russia's and Belarus's regions that touch Ukraine (within this many degrees) get centres too.
_BORDER_COUNTRIES, _TOUCHING = ("RU", "BY"), 0.1
#: The zoom from which a river is drawn, by Natural Earth scale rank (up to 6, up to 9, more);
#: its name is written from the next zoom, and more often two zooms further in.
RIVER_ZOOMS = ((6, 5), (9, 6), (99, 7))
# River labels: every this many degrees along the river (at least one), then more often; a
# river shorter than _SHORT degrees in all (a Danube branch) is named only from _SHORT_ZOOM.
_LABEL_EVERY, _LABEL_OFTEN, _SHORT, _SHORT_ZOOM = 4.0, 1.5, 2.0, 9


class _Town(NamedTuple):
    lon: float
    lat: float
    name: str
    zoom: int

    @classmethod
    def of(cls, place: Place, zoom: int) -> _Town:
        # 3 decimals (about 100 m) place a name well at any zoom, in 130 KB less of page.
        return cls(round(place.lon, 3), round(place.lat, 3), place.name, zoom)


def _feature(geometry: Any, **properties: Any) -> dict[str, Any]:
    from shapely.geometry import mapping

    return {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}


def _land() -> tuple[list[dict[str, Any]], list[list[Any]]]:
    """Every country (fine near the theatre, coarse far away) and the names to write."""
    import shapely
    from shapely.geometry import box

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


def _centre_units(gaz: Gazetteer) -> list[Place]:
    """Ukraine's oblasts, and the regions of Russia and Belarus that touch Ukraine."""
    ukraine = gaz.polygon("c:UA")
    west, south, east, north = NEIGHBOURHOOD
    units = []
    for unit in gaz.places("admin1"):
        if unit.country == "UA":
            units.append(unit)
        elif (unit.country in _BORDER_COUNTRIES and ukraine is not None
              and west <= unit.lon <= east and south <= unit.lat <= north):
            geom = gaz.polygon(unit)
            if geom is not None and geom.distance(ukraine) < _TOUCHING:
                units.append(unit)
    return units


def _filled(geom: Any) -> Any:
    """A polygon with its holes filled (Kyiv oblast with Kyiv city in it)."""
    from shapely.geometry import MultiPolygon, Polygon

    parts = getattr(geom, "geoms", [geom])
    return MultiPolygon([Polygon(p.exterior) for p in parts if isinstance(p, Polygon)])


def oblast_centres(gaz: Gazetteer, settlements: dict[str, list[Place]]) -> list[Place]:
    """Each admin-1 unit's centre, where its name is written from zoom 6.

    That is its GeoNames seat (``PPLA``) or the capital (``PPLC``), else its largest town,
    unless the unit surrounds a larger centre of another unit (Kyiv oblast, whose seat is
    Kyiv, a unit of its own).

    Parameters
    ----------
    gaz : Gazetteer
    settlements : dict
        Settlements with their own coordinates, by admin-1 code.
    """
    from shapely.geometry import Point

    chosen: dict[str, Place] = {}
    largest: dict[str, Place] = {}
    for unit in _centre_units(gaz):
        members = settlements.get(unit.admin1 or "", [])
        seats = [p for p in members if p.feature in CENTRE_FEATURES]
        if seats:
            chosen[unit.admin1 or ""] = max(seats, key=lambda p: p.population)
        elif members:
            largest[unit.admin1 or ""] = max(members, key=lambda p: p.population)
    found = {**chosen, **largest}
    for code, place in largest.items():
        area = _filled(gaz.polygon(f"a1:{code}"))
        if not any(other != code and centre.population > place.population
                   and area.contains(Point(centre.lon, centre.lat))
                   for other, centre in found.items()):
            chosen[code] = place
    return list(chosen.values())


@functools.cache
def towns() -> list[list[Any]]:
    """Settlements to write on the map, as ``[lon, lat, name, zoom]``.

    Oblast centres from zoom 6 (see :func:`oblast_centres`: Ukraine's, and those of the Russian
    and Belarusian regions on its border), towns of 10,000 people or more (in Ukraine and near
    it) from zoom 8, and Ukraine's villages with coordinates of their own from zoom 10; a
    village placed only at the centre of its hromada is not written.
    """
    gaz = Gazetteer.default()
    west, south, east, north = NEIGHBOURHOOD
    rows: dict[str, _Town] = {}
    by_unit: dict[str, list[Place]] = {}
    for place in gaz.places("settlement"):
        if place.location_precision != "point":
            continue
        if place.admin1:
            by_unit.setdefault(place.admin1, []).append(place)
        near = west <= place.lon <= east and south <= place.lat <= north
        if place.population >= TOWN_POPULATION and (near or place.country == "UA"):
            zoom = TOWN_ZOOM
        elif place.country == "UA":
            zoom = VILLAGE_ZOOM
        else:
            continue
        rows[place.place_id] = _Town.of(place, zoom)
    for place in oblast_centres(gaz, by_unit):
        rows[place.place_id] = _Town.of(place, OBLAST_CENTRE_ZOOM)
    return [list(town) for town in sorted(rows.values(), key=lambda t: (t.zoom, t.name))]


def _mercator_y(lat: float) -> float:
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _river_label(line: LineString, at: float, name: str, zoom: int) -> list[Any]:
    """``[lon, lat, name, zoom, angle]``: a name written along the river at ``at`` degrees.

    The angle (degrees clockwise on screen, -90..90 so the text never reads upside down) is
    the same at every zoom: Web Mercator keeps angles.
    """
    point = line.interpolate(at)
    before, after = line.interpolate(max(at - 0.15, 0)), line.interpolate(at + 0.15)
    angle = -math.degrees(math.atan2(_mercator_y(after.y) - _mercator_y(before.y),
                                     after.x - before.x))
    angle = angle - 180 if angle > 90 else angle + 180 if angle <= -90 else angle
    return [round(point.x, 4), round(point.y, 4), name, zoom, round(angle)]


def _river_labels(geom: Any, name: str, zoom: int) -> list[list[Any]]:
    """Where a river's name is written: along its longest stretch, and any other long one."""
    parts = sorted(getattr(geom, "geoms", [geom]), key=lambda part: -part.length)
    labels = []
    for i, part in enumerate(parts):
        if i and part.length < _LABEL_EVERY / 2:
            break
        count = max(1, int(part.length // _LABEL_EVERY))
        first = [(k + 0.5) * part.length / count for k in range(count)]
        labels += [_river_label(part, at, name, zoom) for at in first]
        often = max(1, int(part.length // _LABEL_OFTEN))
        labels += [_river_label(part, at, name, zoom + 2)
                   for at in ((k + 0.5) * part.length / often for k in range(often))
                   if min(abs(at - f) for f in first) > _LABEL_OFTEN / 2]
    return labels


@functools.cache
def rivers() -> tuple[dict[str, Any], list[list[Any]]]:
    """The basemap's rivers (Natural Earth, public domain; see ``maps/data/README.md``).

    Returns
    -------
    lines : dict
        GeoJSON FeatureCollection; each feature has ``name`` (or None), ``zoom`` (drawn from
        that zoom on) and ``rank`` (0 for the largest rivers, 1, 2 for the smallest).
    labels : list of [lon, lon, name, zoom, angle]
        Where each name is written, from which zoom, and at what angle (see
        :func:`_river_label`).
    """
    from shapely.geometry import shape

    packed = resources.files("geo_ukraine.maps").joinpath("data/rivers.geojson.gz").read_bytes()
    features, labels = [], []
    for feature in json.loads(gzip.decompress(packed))["features"]:
        name, scalerank = feature["properties"]["name"], feature["properties"]["scalerank"]
        rank = next(i for i, (top, _) in enumerate(RIVER_ZOOMS) if scalerank <= top)
        zoom = RIVER_ZOOMS[rank][1]
        features.append({"type": "Feature", "geometry": feature["geometry"],
                         "properties": {"name": name, "zoom": zoom, "rank": rank}})
        if name:
            geom = shape(feature["geometry"])
            first = zoom + 1 if geom.length >= _SHORT else max(zoom + 1, _SHORT_ZOOM)
            labels += _river_labels(geom, name, first)
    return {"type": "FeatureCollection", "features": features}, labels
