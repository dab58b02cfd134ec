import json
import math
import shutil
import subprocess

import geojson_validator
import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

import geo_ukraine
from geo_ukraine import (
    ACLED_COLUMNS,
    EventSchemaError,
    events_from_acled,
    read_events,
    to_geojson,
    write_acled,
    write_events,
)
from tests.conftest import DATA


def _same(a, b):
    assert list(a.columns) == list(b.columns)
    for column in ("event_id", "event_date", "date_precision", "event_type", "status",
                   "location", "admin1", "notes"):
        assert list(a[column]) == list(b[column]), column
    for column in ("fatalities", "injured", "geo_precision"):
        assert [None if pd.isna(v) else int(v) for v in a[column]] == \
               [None if pd.isna(v) else int(v) for v in b[column]], column
    for ga, gb in zip(a.geometry, b.geometry, strict=True):
        if ga is None:
            assert gb is None or gb.is_empty
        else:
            assert ga.geom_type == gb.geom_type
            assert shapely.equals_exact(shapely.normalize(ga), shapely.normalize(gb), 1e-5) or \
                ga.symmetric_difference(gb).area < 1e-6


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv", ".kml"])
def test_round_trip_keeps_every_event(tmp_path, seed_events, suffix):
    path = write_events(seed_events, tmp_path / f"events{suffix}")
    back = read_events(path)
    assert len(back) == len(seed_events)
    _same(seed_events, back)


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


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="needs GDAL's ogrinfo (gdal-bin)")
@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".kml", ".csv"])
def test_gdal_reads_what_we_write(tmp_path, seed_events, suffix):
    path = write_events(seed_events, tmp_path / f"events{suffix}")
    out = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(path)], capture_output=True,
                         text=True, check=True).stdout
    assert f"Feature Count: {len(seed_events)}" in out


def test_unresolved_rows_survive_every_format(tmp_path):
    with pytest.warns(geo_ukraine.UnresolvedPlaceWarning):
        events = geo_ukraine.events_from_records([
            {"event_date": "2026-02-04", "event_type": "shelling", "location": "Qwzxv",
             "notes": 'quote " and <tag> & comma, here'},
            {"event_date": "2026-02-04", "event_type": "shelling", "location": "Kyiv"}])
    for suffix in (".geojson", ".gpkg", ".csv", ".kml"):
        back = read_events(write_events(events, tmp_path / f"e{suffix}"))
        assert list(back.resolution) == ["unresolved", "resolved"], suffix
        assert back.notes.iloc[0] == 'quote " and <tag> & comma, here', suffix


def test_geojson_null_not_nan(seed_events):
    data = to_geojson(seed_events)
    for feature in data["features"]:
        for value in feature["properties"].values():
            assert not (isinstance(value, float) and math.isnan(value))


def test_hand_written_csv_of_place_names_is_resolved(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("event_date,event_type,location,fatalities,notes\n"
                    "2026-02-04,shelling,Druzhkivka,7,market\n"
                    "2026-02-03,cross_border_strike,Belgorod region,,drones\n")
    events = read_events(path)
    assert list(events.admin1) == ["UA.05", "RU.09"]
    assert list(events.geo_precision) == [1, 3]


def test_acled_import_export_round_trip(tmp_path):
    events = events_from_acled(DATA / "acled_sample.csv")
    assert list(events.event_type) == ["shelling", "drone_strike", "territorial_change",
                                       "civilian_casualties"]
    assert list(events.geo_precision) == [1, 2, 3, 1]
    assert events.loc[0, "admin1"] == "UA.05" and events.loc[1, "admin1"] == "RU.09"
    assert events.loc[0, "fatalities"] == 7 and events.loc[0, "actor"].startswith("Military")
    assert events.loc[3, "date_precision"] == "week"
    out = write_acled(events, tmp_path / "again.csv")
    assert out.read_text() == (DATA / "acled_sample.csv").read_text()
    assert out.read_text().splitlines()[0].split(",") == list(ACLED_COLUMNS)


def test_our_events_export_to_acled_and_back(tmp_path, seed_events):
    path = write_acled(seed_events, tmp_path / "acled.csv")
    back = read_events(path, driver="acled")
    assert list(back.event_type) == list(seed_events.event_type)
    assert set(back.geo_precision.dropna()) <= {1, 2, 3}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.geojson", "{not json", "not valid JSON"),
        ("bad.geojson", '{"type": "Feature"}', "expected a GeoJSON FeatureCollection"),
        ("bad.kml", "<kml><Placemark>", "not valid KML"),
        ("ring.kml", '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Polygon>'
         "</Polygon></Placemark></kml>", "without an outerBoundaryIs"),
        ("bad.yaml", "events: [", "not valid YAML"),
        ("bad.yaml", "just a string", "expected a list of event records"),
        ("bad.csv", "event_date,event_type,location,lon,lat\n2026-01-01,shelling,X,37,148\n",
         "line 2: bad geometry"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(EventSchemaError, match=message):
        read_events(path)


def test_unknown_extension_and_missing_file(tmp_path, seed_events):
    with pytest.raises(ValueError, match=r"extension '\.xyz'"):
        write_events(seed_events, tmp_path / "e.xyz")
    with pytest.raises(FileNotFoundError):
        read_events(tmp_path / "nope.geojson")
