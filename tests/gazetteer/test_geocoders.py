import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

import geo_ukraine
from geo_ukraine import CachedOnlineGeocoder, GazetteerGeocoder, GeoUkraineError


class FakeOnline(Geocoder):
    """Stands in for Nominatim: counts calls, answers from a dict, never opens a socket."""

    def __init__(self, answers):
        super().__init__()
        self.answers = answers
        self.calls = []

    def geocode(self, query, *, exactly_one=True, timeout=None):
        self.calls.append(query)
        lat_lon = self.answers.get(query)
        if lat_lon is None:
            return None
        loc = Location(query, Point(*lat_lon), {"source": "fake"})
        return loc if exactly_one else [loc]

    def reverse(self, query, *, exactly_one=True, timeout=None):
        self.calls.append(str(query))
        return Location("somewhere", Point(query), {})


def test_offline_geocoder_returns_geopy_locations():
    geocoder = GazetteerGeocoder()
    loc = geocoder.geocode("Druzhkivka")
    assert isinstance(loc, Location)
    assert (round(loc.latitude, 2), round(loc.longitude, 2)) == (48.62, 37.53)
    assert loc.raw["place_id"] == "gn:616743" and loc.raw["admin1"] == "UA.05"
    assert geocoder.geocode("Andriivka") is None
    many = geocoder.geocode("Andriivka", exactly_one=False)
    assert len(many) > 20
    assert geocoder.geocode("") is None


def test_offline_geocoder_works_with_rate_limiter_and_reverse():
    geocode = RateLimiter(GazetteerGeocoder().geocode, min_delay_seconds=0)
    assert geocode("Kharkiv").raw["admin1"] == "UA.07"
    loc = GazetteerGeocoder().reverse("48.28, 37.18")
    assert loc.raw["name"] == "Pokrovsk" and loc.raw["containing_admin1"] == "UA.05"


def test_geopandas_geocode_accepts_the_provider():
    from geopandas.tools import geocode

    frame = geocode(["Sumy", "Druzhkivka", "Nowhere-at-all"], provider=GazetteerGeocoder)
    assert frame.geometry.iloc[0].y == pytest.approx(50.92, abs=0.02)
    assert frame.geometry.iloc[2] is None or frame.geometry.iloc[2].is_empty


def test_online_fallback_is_refused_while_offline(tmp_path):
    fake = FakeOnline({"Tiny hamlet": (47.1, 37.2)})
    online = CachedOnlineGeocoder(fake, cache_path=tmp_path / "c.sqlite", min_delay_seconds=0)
    geocoder = GazetteerGeocoder(fallback=online)
    with pytest.raises(GeoUkraineError, match="network is off"):
        geocoder.geocode("Tiny hamlet")
    assert fake.calls == []


def test_online_fallback_is_cached_and_rate_limited(tmp_path, monkeypatch):
    geo_ukraine.configure(offline=False)
    fake = FakeOnline({"Tiny hamlet": (47.1, 37.2)})
    sleeps = []
    monkeypatch.setattr("geo_ukraine.gazetteer.geocoders.time.sleep", sleeps.append)
    online = CachedOnlineGeocoder(fake, cache_path=tmp_path / "c.sqlite", min_delay_seconds=1.0)
    geocoder = GazetteerGeocoder(fallback=online)
    assert geocoder.geocode("Kyiv").raw["place_id"] == "gn:703448"
    assert fake.calls == [], "the gazetteer answered; nothing sent"
    first = geocoder.geocode("Tiny hamlet")
    assert (first.latitude, first.longitude) == (47.1, 37.2)
    assert geocoder.geocode("Another hamlet") is None
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 1.0, "second request waited"
    again = geocoder.geocode("Tiny hamlet")
    assert again.raw == {"source": "fake"} and fake.calls == ["Tiny hamlet", "Another hamlet"]
    geo_ukraine.configure(offline=True)
    fresh = CachedOnlineGeocoder(FakeOnline({}), cache_path=tmp_path / "c.sqlite")
    assert fresh.geocode("Tiny hamlet").latitude == 47.1, "cache answers even offline"
