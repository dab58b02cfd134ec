"""GeoJSON: RFC 7946 output."""

import json
import math
import re

import geojson_validator
import pytest
import shapely
from shapely.geometry import shape

from geo_ukraine import EventSchemaError, read_events, to_geojson, write_events


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


# ------------------------------------------------------------------ hostile input (11)
POINT = '{"type": "Point", "coordinates": [37.5, 48.5]}'


def feature(fatalities: str = "1", geometry: str = POINT, extra: str = "") -> str:
    """A feature as JSON text, ``fatalities`` and ``geometry`` written as given."""
    return ('{"type": "Feature", "properties": {"event_date": "2026-02-04", '
            '"event_type": "shelling", "resolution": "resolved", "fatalities": '
            + fatalities + extra + '}, "geometry": ' + geometry + "}")


def collection(*features: str) -> str:
    return '{"type": "FeatureCollection", "features": [' + ", ".join(features) + "]}"


@pytest.mark.parametrize(
    ("content", "message"),
    [("[]", "expected a GeoJSON FeatureCollection, got type 'list'"),
     ("42", "got type 'int'"),
     ("null", "got type 'NoneType'"),
     ('"text"', "got type 'str'"),
     ('{"type": "FeatureCollection", "features": 5}', "'features' must be a list, got int"),
     (collection("5"), "feature 1: a feature must be an object, got int"),
     (collection('{"type": "Feature", "properties": [1], "geometry": null}'),
      "feature 1: properties must be an object, got list"),
     (collection(feature(geometry='{"type": "Blob", "coordinates": [1, 2]}')),
      "feature 1: geometry of type 'Blob' is not usable"),
     (collection(feature(geometry='{"type": "Point", "coordinates": "abc"}')),
      "feature 1: geometry of type 'Point' is not usable"),
     (collection(feature(geometry='{"type": "Point", "coordinates": [200, 100]}')),
      "feature 1: geometry: longitude 200.0 is outside"),
     (collection(feature(geometry='{"type": "Point", "coordinates": [37, -95]}')),
      "feature 1: geometry: latitude -95.0 is outside"),
     (collection(feature(geometry='{"type": "Point", "coordinates": [1e400, 1]}')),
      "feature 1: geometry: longitude must be finite"),
     (collection(feature(geometry='{"type": "Point", "coordinates": [NaN, 1]}')),
      "NaN is not a JSON number"),
     (collection(feature("Infinity")), "Infinity is not a JSON number"),
     (collection(feature("1e400")), "feature 1: fatalities must be a finite number"),
     (collection(feature("-5")), "feature 1: fatalities must be a non-negative"),
     (collection(feature('"abc"')), "feature 1: fatalities must be a whole number"),
     (collection(feature("2.7")), "feature 1: fatalities must be a whole number"),
     (collection(feature("true")), "feature 1: fatalities must be a whole number"),
     (collection(feature("[1]")), "feature 1: fatalities must be a single value"),
     (collection(feature("1"), feature("1").replace(
         '"resolved"', '"resolved", "admin1": "UA.99"')),
      "feature 2: admin1 'UA.99' is not an admin-1 unit"),
     ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
     ("{not json", "not valid JSON")],
)
def test_bad_geojson_names_the_file_feature_and_field(tmp_path, content, message):
    path = tmp_path / "bad.geojson"
    path.write_text(content)
    with pytest.raises(EventSchemaError, match=re.escape(message)):
        read_events(path)


def test_a_utf8_bom_is_read(tmp_path):
    path = tmp_path / "bom.geojson"
    path.write_bytes(b"\xef\xbb\xbf" + collection(feature("3")).encode())
    assert read_events(path).fatalities.iloc[0] == 3


def test_text_that_is_not_utf8_names_the_file(tmp_path):
    path = tmp_path / "latin1.geojson"
    path.write_bytes(collection(feature("3")).replace("shelling", "sh\xe9lling")
                     .encode("latin-1"))
    with pytest.raises(EventSchemaError, match=r"latin1\.geojson: not UTF-8 text"):
        read_events(path)


def test_nan_geometry_is_refused_not_written_as_null(tmp_path):
    from shapely.geometry import Point

    from geo_ukraine.events import event_frame
    from tests.events.io.support import full_row

    with pytest.raises(EventSchemaError, match="a coordinate is not finite"):
        event_frame([full_row(0, Point(float("nan"), 48.0))])
    assert not list(tmp_path.iterdir())
