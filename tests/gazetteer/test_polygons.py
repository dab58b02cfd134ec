"""The embedded polygons: read one feature at a time, the same as the whole collection parsed."""

from __future__ import annotations

import pytest

from geo_ukraine import _data


@pytest.mark.parametrize("name", ["admin1.geojson.gz", "countries.geojson.gz"])
def test_features_one_at_a_time_are_the_collection_s_features(name):
    whole = _data.read_geojson(name)["features"]
    assert list(_data.geojson_features(name)) == whole
    assert len(whole) > 100


def test_every_admin1_unit_and_country_has_its_polygon():
    from geo_ukraine import Gazetteer

    gaz = Gazetteer.default()
    from shapely.geometry import Point

    city = gaz.lookup("Zaporizhzhia")
    assert gaz.polygon("a1:UA.26").contains(Point(city.lon, city.lat))
    assert gaz.polygon("c:UA").area > 50
