"""GeoJSON: RFC 7946 output."""

import json
import math

import geojson_validator
import shapely
from shapely.geometry import shape

from geo_ukraine import to_geojson, write_events


def test_geojson_follows_rfc7946(tmp_path, seed_events):
    path = write_events(seed_events, tmp_path / "events.geojson")
    text = path.read_text()
    data = json.loads(text)
    assert "crs" not in data
    assert "NaN" not in text and "Infinity" not in text
    for feature in data["features"]:
        geom = feature["geometry"]
        coords = json.dumps(geom["coordinates"])
        decimals = [len(c.split(".")[1]) for c in coords.replace("]", ",").replace("[", "")
                    .split(",") if "." in c]
        assert max(decimals) <= 6
        if geom["type"] in ("Polygon", "MultiPolygon"):
            polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
            for rings in polys:
                assert shapely.LinearRing(rings[0]).is_ccw, "exterior counter-clockwise"
                for hole in rings[1:]:
                    assert not shapely.LinearRing(hole).is_ccw, "holes clockwise"
        lon, lat = shape(geom).representative_point().coords[0]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    props = data["features"][0]["properties"]
    assert isinstance(props["event_date"], str) and len(props["event_date"]) == 10


def test_geojson_passes_a_third_party_validator(tmp_path, seed_events):
    path = write_events(seed_events, tmp_path / "events.geojson")
    assert geojson_validator.validate_structure(json.loads(path.read_text()),
                                                check_crs=True) == {}
    invalid = geojson_validator.validate_geometries(json.loads(path.read_text()))
    assert "invalid" not in invalid or invalid["invalid"] == {}


def test_geojson_null_not_nan(seed_events):
    data = to_geojson(seed_events)
    for feature in data["features"]:
        for value in feature["properties"].values():
            assert not (isinstance(value, float) and math.isnan(value))
