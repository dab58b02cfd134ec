"""geopy-compatible geocoders: the offline gazetteer, and an opt-in cached online one."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point as GeopyPoint

from .._settings import settings
from ..errors import GeoUkraineError, InvalidNameError
from .records import Match, Place
from .resolver import Gazetteer

__all__ = ["CachedOnlineGeocoder", "GazetteerGeocoder"]


def _location(place: Place, match: Match | None = None) -> Location:
    raw: dict[str, Any] = {
        "place_id": place.place_id, "geonameid": place.geonameid, "name": place.name,
        "kind": place.kind, "country": place.country, "admin1": place.admin1,
        "admin1_name": place.admin1_name, "admin2": place.admin2,
        "location_precision": place.location_precision, "population": place.population,
    }
    if match is not None:
        raw.update(score=match.score, method=match.method, status=match.status,
                   alternatives=[c.place.place_id for c in match.candidates[1:6]])
    return Location(place.label(), GeopyPoint(place.lat, place.lon), raw)


class GazetteerGeocoder(Geocoder):
    """A geopy geocoder over the offline gazetteer: drop-in for code written for Nominatim.

    ``geocode`` returns a :class:`geopy.location.Location` (or a list with
    ``exactly_one=False``, or None); ``raw`` carries the place id, kind, admin codes, the
    confidence and the other candidates. It never touches the network unless a ``fallback``
    geocoder is given and the gazetteer cannot resolve the name.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Defaults to :meth:`Gazetteer.default`.
    fallback : geopy Geocoder, optional
        Asked when the gazetteer returns nothing, e.g. a :class:`CachedOnlineGeocoder`.
    country : str, optional
        Restrict to an ISO alpha-2 country.

    Examples
    --------
    >>> from geo_ukraine import GazetteerGeocoder
    >>> loc = GazetteerGeocoder().geocode("Druzhkivka")
    >>> round(loc.latitude, 2), round(loc.longitude, 2)
    (48.62, 37.53)
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, fallback: Geocoder | None = None,
                 country: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._gazetteer = gazetteer
        self.fallback = fallback
        self.country = country

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use."""
        return self._gazetteer or Gazetteer.default()

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                **hints: Any) -> Location | list[Location] | None:
        """Resolve a place name.

        Parameters
        ----------
        query : str
        exactly_one : bool
            Return one Location (the resolved place) or a list of every candidate.
        timeout : ignored
            Accepted for geopy compatibility.
        **hints
            ``country``, ``admin1``, ``kind``, ``near`` as for :meth:`Gazetteer.resolve`.

        Returns
        -------
        Location, list of Location, or None
            None when the name is unknown or ambiguous (with ``exactly_one``).
        """
        hints.setdefault("country", self.country)
        try:
            match = self.gazetteer.resolve(query, **hints)
        except InvalidNameError:
            return None
        if exactly_one:
            if match.place is not None:
                return _location(match.place, match)
        elif match.candidates:
            return [_location(c.place) for c in match.candidates]
        if self.fallback is not None and match.status == "unresolved":
            return self.fallback.geocode(query, exactly_one=exactly_one)
        return None

    def reverse(self, query: Any, *, exactly_one: bool = True,
                timeout: Any = DEFAULT_SENTINEL) -> Location | list[Location] | None:
        """The nearest settlement to a point given as ``"lat, lon"``, (lat, lon) or geopy Point.

        Returns
        -------
        Location or None
            ``raw`` also has ``distance_km`` and the containing ``admin1``/``country``.
        """
        point = GeopyPoint(query)
        result = self.gazetteer.reverse(point.longitude, point.latitude)
        if result.nearest is None:
            return None
        location = _location(result.nearest)
        location.raw.update(
            distance_km=result.distance_km,
            containing_admin1=result.admin1.admin1 if result.admin1 else None,
            containing_country=result.country.country if result.country else None)
        return location if exactly_one else [location]


class CachedOnlineGeocoder(Geocoder):
    """Wrap an online geopy geocoder with an on-disk cache and a rate limit; opt-in only.

    Nothing is sent unless ``geo_ukraine.configure(offline=False)`` was called (or
    ``allow_network=True`` is passed). Answers, including "not found", are cached in a SQLite
    file under ``settings.cache_dir`` and requests are spaced by ``settings.rate_limit_seconds``
    (Nominatim's policy asks for at most one per second).

    Parameters
    ----------
    geocoder : geopy Geocoder
        E.g. ``geopy.geocoders.Nominatim(user_agent="my-newsroom-tool")``.
    cache_path : path, optional
        Defaults to ``<cache_dir>/online_geocoder.sqlite``.
    min_delay_seconds : float, optional
        Defaults to ``settings.rate_limit_seconds``.
    allow_network : bool, optional
        Overrides ``settings.offline`` for this instance.
    """

    def __init__(self, geocoder: Geocoder, *, cache_path: str | Path | None = None,
                 min_delay_seconds: float | None = None, allow_network: bool | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.geocoder = geocoder
        self.cache_path = Path(cache_path or Path(settings.cache_dir) / "online_geocoder.sqlite")
        self.min_delay_seconds = min_delay_seconds
        self.allow_network = allow_network
        self._last = 0.0
        self._lock = threading.Lock()

    def _db(self) -> sqlite3.Connection:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.cache_path)
        db.execute("CREATE TABLE IF NOT EXISTS answers (provider TEXT, query TEXT, answer TEXT, "
                   "PRIMARY KEY (provider, query))")
        return db

    def _key(self, kind: str, query: Any, exactly_one: bool) -> tuple[str, str]:
        return type(self.geocoder).__name__, json.dumps([kind, str(query), exactly_one])

    def _call(self, kind: str, query: Any, exactly_one: bool) -> Any:
        provider, key = self._key(kind, query, exactly_one)
        with self._lock, self._db() as db:
            cached = db.execute("SELECT answer FROM answers WHERE provider=? AND query=?",
                                (provider, key)).fetchone()
            if cached is not None:
                (answer,) = cached
                return _decode(json.loads(answer))
            allowed = self.allow_network if self.allow_network is not None \
                else not settings.offline
            if not allowed:
                msg = (f"{query!r} is not cached and the network is off: call "
                       "geo_ukraine.configure(offline=False) to allow online geocoding")
                raise GeoUkraineError(msg)
            delay = settings.rate_limit_seconds if self.min_delay_seconds is None \
                else self.min_delay_seconds
            wait = self._last + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                answer = getattr(self.geocoder, kind)(query, exactly_one=exactly_one)
            finally:
                self._last = time.monotonic()
            db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                       (provider, key, json.dumps(_encode(answer))))
            return answer

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                **kwargs: Any) -> Any:
        """Geocode through the cache; see the wrapped geocoder."""
        return self._call("geocode", query, exactly_one)

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                **kwargs: Any) -> Any:
        """Reverse-geocode through the cache; see the wrapped geocoder."""
        return self._call("reverse", query, exactly_one)


def _encode(answer: Any) -> Any:
    if answer is None:
        return None
    if isinstance(answer, list):
        return [_encode(a) for a in answer]
    return {"address": answer.address, "lat": answer.latitude, "lon": answer.longitude,
            "raw": answer.raw}


def _decode(data: Any) -> Any:
    if data is None:
        return None
    if isinstance(data, list):
        return [_decode(d) for d in data]
    return Location(data["address"], GeopyPoint(data["lat"], data["lon"]), data["raw"])
