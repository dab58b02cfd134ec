"""Where an event happened: a place name resolved to the geometry that honestly shows it."""

from __future__ import annotations

from typing import Any

from .._settings import settings
from ..gazetteer import Gazetteer, Match, Place, area_for_phrase
from ..gazetteer import buffer_km as buffer_around
from .codes import GeoPrecision, Resolution
from .fields import check_buffer_km

__all__ = ["CAPTURE_TYPES", "attach_place", "place_at"]

#: Event types whose settlement is drawn as a capture area (a buffer), not a point.
CAPTURE_TYPES: tuple[str, ...] = ("territorial_claim", "territorial_change")

_UNPLACED: dict[str, Any] = {"place_id": None, "place_name": None, "admin1": None,
                             "admin2": None, "country": None, "geo_precision": None,
                             "resolution": Resolution.UNRESOLVED.value, "geometry": None}
_PRECISION_OF_KIND = {"country": GeoPrecision.COUNTRY, "admin1": GeoPrecision.REGION,
                      "admin2": GeoPrecision.NEAR}


def attach_place(location: str, *, event_type: str = "other", gazetteer: Gazetteer | None = None,
                 country: str | None = None, admin1: str | None = None,
                 buffer_km: float | None = None) -> dict[str, Any]:
    """Resolve ``location`` and choose the geometry that honestly shows where it happened.

    A settlement gives its point (``geo_precision`` 1, or 2 when KATOTTG only places it at its
    hromada's centre); a claimed or assessed capture of a settlement gives a buffer of
    ``buffer_km`` around it (2); a region phrase gives the oblast polygon (3), several
    ("Zaporizhzhia and Donetsk regions") their union; a directional phrase ("southeastern
    Zaporizhzhia", "western Ukraine near the EU border") the part of the area on that side (2);
    a country its polygon (4).

    Parameters
    ----------
    location : str
        The place as the source wrote it.
    event_type : str
        Decides whether a settlement is drawn as a point or as a capture area.
    gazetteer : Gazetteer, optional
        Defaults to :meth:`Gazetteer.default`.
    country, admin1 : str, optional
        Hints passed to :meth:`Gazetteer.resolve`.
    buffer_km : float, optional
        Radius of a capture area in km, above 0 and at most 1000 (default:
        ``settings.capture_buffer_km``).

    Returns
    -------
    dict
        ``place_id``, ``place_name``, ``admin1``, ``admin2``, ``country``, ``geo_precision``,
        ``resolution`` (resolved / ambiguous / unresolved) and ``geometry`` (None when
        unresolved).

    Raises
    ------
    EventSchemaError
        For a ``buffer_km`` that is not a radius above 0 and at most 1000 km.
    """
    gaz = gazetteer or Gazetteer.default()
    out = dict(_UNPLACED)
    area = area_for_phrase(location, gaz)
    if area is not None:
        out.update(area)
        out["resolution"] = Resolution.RESOLVED.value
        return out
    match: Match = gaz.resolve(location, country=country, admin1=admin1)
    if match.place is None:
        # A group of regions ("the south") resolves to no single place but is not a failure.
        out["resolution"] = match.status if match.status != "group" \
            else Resolution.RESOLVED.value
        return out
    place = match.place
    out.update(place_id=place.place_id, place_name=place.name, country=place.country,
               admin1=place.admin1, admin2=place.admin2, resolution=Resolution.RESOLVED.value)
    if place.kind in _PRECISION_OF_KIND:
        out.update(geo_precision=int(_PRECISION_OF_KIND[place.kind]), geometry=place.geometry)
    else:
        out.update(_settlement_geometry(place, event_type, buffer_km))
    return out


def _settlement_geometry(place: Place, event_type: str,
                         buffer_km: float | None) -> dict[str, Any]:
    """A settlement's point, or a buffer around it for a claimed or assessed capture."""
    if event_type in CAPTURE_TYPES:
        radius = check_buffer_km(buffer_km)
        radius = settings.capture_buffer_km if radius is None else radius
        return {"geo_precision": int(GeoPrecision.NEAR),
                "geometry": buffer_around(place.geometry, radius)}
    precise = place.location_precision == "point"
    return {"geo_precision": int(GeoPrecision.PLACE if precise else GeoPrecision.NEAR),
            "geometry": place.geometry}


def place_at(location: str, lon: float, lat: float, *, event_type: str = "other",
             gazetteer: Gazetteer | None = None, country: str | None = None,
             admin1: str | None = None, geo_precision: int | None = None) -> dict[str, Any]:
    """Like :func:`attach_place`, for an event whose coordinates the source gives.

    The place name still fills ``place_id``, ``admin1`` and the like when it resolves, but the
    geometry is the given point, with ``geo_precision`` 1 unless another is given.

    Parameters
    ----------
    location : str
    lon, lat : float
        Already validated.
    event_type, gazetteer, country, admin1
        As for :func:`attach_place`.
    geo_precision : int, optional

    Returns
    -------
    dict
        As :func:`attach_place`, always ``resolved``.
    """
    from shapely.geometry import Point

    place = attach_place(location, event_type=event_type, gazetteer=gazetteer,
                         country=country, admin1=admin1)
    place["geometry"] = Point(lon, lat)
    place["geo_precision"] = int(geo_precision or GeoPrecision.PLACE)
    place["resolution"] = Resolution.RESOLVED.value
    return place
