"""Areas named by phrases: several regions, directional parts of a region, buffers in km."""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING, Any

from .names import normalize

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from .resolver import Gazetteer

__all__ = ["EU_MEMBERS", "area_for_phrase", "buffer_km", "directional_part", "geodesic_circle",
           "reproject"]

#: ISO codes of the European Union's member states (for "near the EU border").
EU_MEMBERS = frozenset(
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ]
)
_DIRECTIONS = {
    "north": (0.0, 1.0), "south": (0.0, -1.0), "east": (1.0, 0.0), "west": (-1.0, 0.0),
    "northeast": (1.0, 1.0), "northwest": (-1.0, 1.0), "southeast": (1.0, -1.0),
    "southwest": (-1.0, -1.0),
}
_DIRECTION_RE = re.compile(
    r"^(?:the\s+)?(?P<dir>(?:north|south)?\s?(?:east|west)|north|south|central)(?:ern)?\s+"
    r"(?P<rest>.+?)(?:\s+near\s+(?:the\s+)?(?P<border>.+?)\s+border)?$"
)
_NEAR_BORDER_RE = re.compile(r"^(?P<rest>.+?)\s+near\s+(?:the\s+)?(?P<border>.+?)\s+border$")
_SEVERAL_REGIONS = re.compile(r"^(?P<names>.+?)\s+(?P<word>regions|oblasts|provinces)$")
BORDER_BAND_KM = 50.0
#: Vertices of the ring :func:`geodesic_circle` draws (a point buffered with 32 per quarter).
CIRCLE_VERTICES = 128
_DEMONYMS = {"polish": "PL", "romanian": "RO", "hungarian": "HU", "slovak": "SK",
             "slovakian": "SK", "belarusian": "BY", "belarus": "BY", "russian": "RU",
             "moldovan": "MD", "ukrainian": "UA", "lithuanian": "LT", "latvian": "LV",
             "estonian": "EE", "finnish": "FI", "georgian": "GE", "turkish": "TR"}


def buffer_km(geometry: BaseGeometry, radius_km: float) -> BaseGeometry:
    """Buffer a lon/lat geometry by ``radius_km`` on the ground.

    A point becomes the geodesic circle around it (128 vertices on the WGS84 ellipsoid).
    Any other geometry is buffered in an azimuthal equidistant projection centred on it, so
    distances are true to well under 0.1% at the scale of a village or an oblast.
    """
    if geometry.geom_type == "Point" and not geometry.is_empty and radius_km > 0:
        return geodesic_circle(geometry.x, geometry.y, radius_km)
    centre = geometry.centroid
    local = f"+proj=aeqd +lat_0={centre.y} +lon_0={centre.x} +datum=WGS84 +units=m"
    projected = reproject(geometry, "EPSG:4326", local)
    return reproject(projected.buffer(radius_km * 1000.0, quad_segs=32), local, "EPSG:4326")


def geodesic_circle(lon: float, lat: float, radius_km: float,
                    vertices: int = CIRCLE_VERTICES) -> BaseGeometry:
    """The polygon of points ``radius_km`` from (``lon``, ``lat``) on the WGS84 ellipsoid.

    The same ring as buffering the point in an azimuthal equidistant projection centred on
    it (where circles are geodesic circles), without building a projection per point: one
    vectorised forward geodesic problem. The ring starts due east and runs clockwise, vertex
    for vertex the ring GEOS draws when it buffers a point.
    """
    import numpy as np
    from shapely.geometry import Polygon

    if radius_km <= 0:
        msg = f"a buffer radius must be above 0 km, got {radius_km!r}"
        raise ValueError(msg)
    angles = np.arange(vertices) * (2.0 * np.pi / vertices)
    azimuths = 90.0 + np.degrees(angles)  # bearings from north: east, then south...
    lons, lats, _ = _wgs84().fwd(np.full(vertices, lon), np.full(vertices, lat), azimuths,
                                 np.full(vertices, radius_km * 1000.0))
    return Polygon(np.column_stack([lons, lats]))


@functools.cache
def _wgs84() -> Any:
    from pyproj import Geod

    return Geod(ellps="WGS84")


def reproject(geometry: BaseGeometry, source: str, target: str) -> BaseGeometry:
    """Transform a shapely geometry between two CRSs (always x=lon, y=lat order)."""
    import numpy as np
    import shapely

    transformer = _transformer(source, target)

    def _apply(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, _apply)


@functools.lru_cache(maxsize=256)
def _transformer(source: str, target: str) -> Any:
    """A PROJ transformer, kept: building one costs milliseconds, using one microseconds."""
    from pyproj import Transformer

    return Transformer.from_crs(source, target, always_xy=True)


def directional_part(polygon: BaseGeometry, direction: str) -> BaseGeometry:
    """The part of ``polygon`` on one side: "southeast" keeps the half beyond its centre.

    The split line passes through the polygon's centroid, perpendicular to the direction
    (longitudes scaled by the cosine of the latitude so that "east" means east on the ground);
    "central" keeps the middle: the polygon shrunk towards its centroid to half its width.
    """
    from shapely import affinity
    from shapely.geometry import box

    centre = polygon.centroid
    if direction == "central":
        return polygon.intersection(affinity.scale(polygon, 0.5, 0.5, origin=centre))
    dx, dy = _DIRECTIONS[direction.replace(" ", "")]
    dx *= 1.0 / max(math.cos(math.radians(centre.y)), 1e-6)
    # A huge half-plane: the box on the far side of the line through the centre.
    minx, miny, maxx, maxy = polygon.bounds
    reach = 4 * max(maxx - minx, maxy - miny, 1e-6)
    norm = math.hypot(dx, dy)
    ux, uy = dx / norm, dy / norm
    half = box(0, -reach, reach, reach)
    half = affinity.rotate(half, math.degrees(math.atan2(uy, ux)), origin=(0, 0))
    half = affinity.translate(half, centre.x, centre.y)
    return polygon.intersection(half)


def _area_place(name: str, gaz: Gazetteer) -> Any:
    """An admin-1 unit or country named by ``name`` (a bare name prefers the region)."""
    for kind in ("admin1", "country"):
        match = gaz.resolve(name, kind=kind)
        if match.place is not None:
            return match.place
    return None


def _border_band(polygon: BaseGeometry, border: str, gaz: Gazetteer) -> BaseGeometry | None:
    from shapely import union_all

    key = normalize(border)
    if key in ("eu", "european union", "nato"):
        codes = EU_MEMBERS
    elif key in _DEMONYMS:
        codes = frozenset([_DEMONYMS[key]])
    else:
        place = _area_place(border, gaz)
        if place is None or place.kind != "country":
            return None
        codes = frozenset([place.country])
    neighbours = [gaz.polygon(f"c:{code}") for code in codes]
    neighbours = [n for n in neighbours if n is not None]
    if not neighbours:
        return None
    line = polygon.boundary.intersection(union_all(neighbours).buffer(0.02))
    if line.is_empty:
        return None
    return buffer_km(line, BORDER_BAND_KM).intersection(polygon)


@functools.lru_cache(maxsize=512)
def area_for_phrase(phrase: str, gaz: Gazetteer) -> dict[str, Any] | None:
    """Geometry for a phrase naming an area rather than one place, or None.

    Cached per phrase (an article repeats its region phrases); callers must not change the
    returned dict.

    Handles several regions ("Zaporizhzhia and Donetsk regions", "Kursk and Belgorod regions"),
    groups ("Donbas"), directional parts ("southeastern Zaporizhzhia", "eastern Ukraine") and
    border bands ("western Ukraine near the EU border").
    """
    from shapely import union_all

    key = normalize(phrase)
    key = re.sub(r"^(?:ukraines|russias|ukraine s|russia s)\s+", "", key)
    several = _SEVERAL_REGIONS.match(key)
    if several:
        parts = [p.strip() for p in re.split(r",|\band\b|&", several.group("names")) if p.strip()]
        found = [gaz.resolve(f"{p} oblast", kind="admin1").place for p in parts]
        places = [p for p in found if p is not None]
        if places and len(places) == len(found):
            return _area_result(union_all([p.geometry for p in places]), places, 3)
    direction = _DIRECTION_RE.match(key)
    phrase_match = direction or _NEAR_BORDER_RE.match(key)
    if phrase_match is not None:
        rest = phrase_match.group("rest")
        place = _area_place(rest, gaz)
        if place is None:
            return None
        polygon = place.geometry
        if direction:
            polygon = directional_part(polygon, direction.group("dir"))
        band_name = phrase_match.group("border")
        if band_name:
            band = _border_band(polygon, band_name, gaz)
            if band is None or band.is_empty:
                return None
            polygon = band
        return _area_result(polygon, [place], 2)
    match = gaz.resolve(phrase)
    if match.status == "group":
        group = [c.place for c in match.candidates]
        return _area_result(union_all([p.geometry for p in group]), group, 3)
    return None


def _area_result(geometry: BaseGeometry, places: list[Any], precision: int) -> dict[str, Any]:
    single = len(places) == 1
    first = places[0]
    return {
        "place_id": "|".join(p.place_id for p in places),
        "place_name": " + ".join(p.name for p in places),
        "admin1": first.admin1 if single and first.kind == "admin1" else (
            "|".join(p.admin1 for p in places) if all(p.admin1 for p in places) else None),
        "admin2": None,
        "country": first.country if len({p.country for p in places}) == 1 else None,
        "geo_precision": precision if first.kind != "country" or precision == 2 else 4,
        "geometry": geometry,
    }
