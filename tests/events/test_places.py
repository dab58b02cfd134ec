"""Attaching places: the geometry that honestly shows where an event happened."""

import warnings

import pytest
from shapely.geometry import Point

import geo_ukraine
from geo_ukraine import UnresolvedPlaceWarning, events_from_records
from geo_ukraine.gazetteer.areas import buffer_km, directional_part


def one(**record):
    record.setdefault("event_date", "2026-02-04")
    record.setdefault("event_type", "shelling")
    return events_from_records([record]).iloc[0]


def test_settlement_is_a_point_with_precision_1():
    row = one(location="Druzhkivka")
    assert row.geometry.geom_type == "Point"
    assert (row.geo_precision, row.admin1, row.country) == (1, "UA.05", "UA")
    assert row.place_id == "gn:616743"


def test_region_is_the_oblast_polygon_with_precision_3():
    row = one(location="Belgorod region", event_type="cross_border_strike")
    assert row.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert (row.geo_precision, row.admin1, row.country) == (3, "RU.09", "RU")


def test_two_regions_are_their_union():
    row = one(location="Zaporizhzhia and Donetsk regions", event_type="territorial_claim")
    gaz = geo_ukraine.Gazetteer.default()
    assert row.geo_precision == 3
    assert row.geometry.area == pytest.approx(gaz.region("Zaporizhzhia region").area
                                              + gaz.region("Donetsk region").area, rel=0.01)
    assert row.admin1 == "UA.26|UA.05"


def test_directional_phrase_is_the_part_on_that_side():
    row = one(location="southeastern Zaporizhzhia", event_type="territorial_claim")
    oblast = geo_ukraine.region("Zaporizhzhia region")
    assert row.geo_precision == 2
    assert 0.25 * oblast.area < row.geometry.area < 0.75 * oblast.area
    assert row.geometry.centroid.x > oblast.centroid.x
    assert row.geometry.centroid.y < oblast.centroid.y
    assert oblast.buffer(1e-6).contains(row.geometry)


def test_near_the_eu_border_is_a_band_in_the_west():
    row = one(location="western Ukraine near the EU border", event_type="missile_strike")
    ukraine = geo_ukraine.region("Ukraine")
    assert row.geo_precision == 2
    assert row.geometry.centroid.x < 26.0
    assert row.geometry.area < 0.2 * ukraine.area
    assert row.geometry.contains(Point(22.6, 48.6)), "Uzhhorod area is at the border"
    assert not row.geometry.contains(Point(30.5, 50.45)), "Kyiv is not"


def test_claimed_capture_of_a_village_is_a_buffer():
    row = one(location="Kurakhove", event_type="territorial_claim", status="claimed")
    assert row.geo_precision == 2 and row.geometry.geom_type == "Polygon"
    from geo_ukraine.gazetteer.areas import reproject

    local = "+proj=laea +lat_0=47.98 +lon_0=37.28 +datum=WGS84"
    area_km2 = reproject(row.geometry, "EPSG:4326", local).area / 1e6
    radius = geo_ukraine.settings.capture_buffer_km
    assert area_km2 == pytest.approx(3.14159 * radius**2, rel=0.01)


def test_buffer_radius_is_configurable_per_record():
    small = one(location="Kurakhove", event_type="territorial_claim", buffer_km=1)
    large = one(location="Kurakhove", event_type="territorial_claim", buffer_km=5)
    assert large.geometry.area == pytest.approx(25 * small.geometry.area, rel=0.02)


def test_country_has_precision_4():
    row = one(location="Ukraine", event_type="combined_strike")
    assert row.geo_precision == 4 and row.country == "UA"


def test_unresolved_places_are_kept_and_warned():
    with pytest.warns(UnresolvedPlaceWarning, match="Andriivka.*ambiguous"):
        ev = events_from_records([
            {"event_date": "2026-02-04", "event_type": "shelling", "location": "Andriivka"},
            {"event_date": "2026-02-04", "event_type": "shelling", "location": "Qwzxv"},
            {"event_date": "2026-02-04", "event_type": "shelling", "location": "Kramatorsk"},
        ])
    assert len(ev) == 3
    assert list(ev.resolution) == ["ambiguous", "unresolved", "resolved"]
    assert ev.geometry.iloc[0] is None and ev.geometry.iloc[1] is None


def test_admin1_hint_resolves_a_namesake():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        row = one(location="Andriivka", admin1="Vinnytsia Oblast")
    assert row.admin1 == "UA.23" and row.resolution == "resolved"


def test_explicit_coordinates_are_kept():
    row = one(location="a field near Sudzha", lon=35.27, lat=51.19, geo_precision=2)
    assert (row.geometry.x, row.geometry.y) == (35.27, 51.19)
    assert row.geo_precision == 2


def test_buffer_and_directional_helpers():
    circle = buffer_km(Point(30.5, 50.45), 10)
    assert circle.contains(Point(30.5, 50.5)) and not circle.contains(Point(30.5, 50.6))
    square = Point(0, 0).buffer(1, cap_style="square")
    north = directional_part(square, "north")
    assert north.area == pytest.approx(2.0) and north.bounds[1] == pytest.approx(0.0, abs=1e-9)
    assert directional_part(square, "central").area == pytest.approx(1.0)
