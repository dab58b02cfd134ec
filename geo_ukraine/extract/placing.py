"""An event's place columns from the mention it is drawn at, without resolving the name again.

The mention already carries the place (or places, or area) that :func:`find_places` chose with
the whole article as context; resolving its phrase a second time could pick another namesake.
So the geometry is built here from the mention's own places, with the same honesty rules as
:func:`geo_ukraine.events.attach_place`: a settlement's point (precision 1, or 2 when it is
only placed at its hromada's centre), a capture area around it for a claimed or assessed
capture (2), an oblast or raion (3 or 2), a directional part of an area (2), a country (4).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from .._settings import settings
from ..events import GeoPrecision, Resolution
from ..events.places import CAPTURE_TYPES
from ..gazetteer import Place, buffer_km
from .mentions import Mention

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["place_columns"]

# The precision of a place of each kind, when it is drawn as itself.
_PRECISION_OF_KIND = {"country": GeoPrecision.COUNTRY, "admin1": GeoPrecision.REGION,
                      "admin2": GeoPrecision.NEAR, "other": GeoPrecision.NEAR}


def place_columns(mention: Mention, event_type: str) -> dict[str, Any]:
    """The event schema's place columns for an event drawn at ``mention``.

    Parameters
    ----------
    mention : Mention
        A resolved mention (one place, several regions, or an area).
    event_type : str
        A claimed or assessed capture of a settlement is drawn as an area around it.

    Returns
    -------
    dict
        ``place_id``, ``place_name``, ``admin1``, ``admin2``, ``country``,
        ``geo_precision``, ``resolution`` and ``geometry``.
    """
    places = mention.places
    first = places[0]
    out: dict[str, Any] = {
        "place_id": "|".join(p.place_id for p in places),
        "place_name": "; ".join(p.name for p in places),
        "admin1": first.admin1 if len(places) == 1 else None,
        "admin2": first.admin2 if len(places) == 1 else None,
        "country": first.country if len({p.country for p in places}) == 1 else None,
        "resolution": Resolution.RESOLVED.value,
    }
    if mention.area is not None:
        geometry, precision = mention.area
    elif len(places) > 1:
        geometry, precision = _union(places), GeoPrecision.REGION
    else:
        geometry, precision = _geometry(first, event_type)
    out.update(geometry=geometry, geo_precision=int(precision))
    return out


@functools.lru_cache(maxsize=4096)
def _capture_area(lon: float, lat: float, radius_km: float) -> BaseGeometry:
    """The capture area around a settlement (shapely geometries are immutable: shared)."""
    from shapely.geometry import Point

    return buffer_km(Point(lon, lat), radius_km)


def _union(places: tuple[Place, ...]) -> BaseGeometry:
    from shapely import union_all

    return union_all([p.geometry for p in places])


def _geometry(place: Place, event_type: str) -> tuple[BaseGeometry, GeoPrecision]:
    """A single place's geometry and precision."""
    if place.kind in _PRECISION_OF_KIND:
        return place.geometry, _PRECISION_OF_KIND[place.kind]
    if event_type in CAPTURE_TYPES and place.kind == "settlement":
        return _capture_area(place.lon, place.lat, settings.capture_buffer_km), \
            GeoPrecision.NEAR
    precise = place.location_precision == "point"
    geometry = place.geometry if place.is_area else _point(place.lon, place.lat)
    return geometry, GeoPrecision.PLACE if precise else GeoPrecision.NEAR


@functools.lru_cache(maxsize=4096)
def _point(lon: float, lat: float) -> BaseGeometry:
    """The point a place that is not an area is drawn at (its ``geometry``), built once."""
    from shapely.geometry import Point

    return Point(lon, lat)
