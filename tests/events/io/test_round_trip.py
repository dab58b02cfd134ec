"""Every format's round trip, and the registry's choice of driver."""

import shutil
import subprocess

import pandas as pd
import pytest
import shapely

import geo_ukraine
from geo_ukraine import EventSchemaError, read_events, write_events
from tests.events.io.support import FORMATS, assert_same, zoo_events


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


@pytest.mark.parametrize("suffix", FORMATS)
def test_round_trip_keeps_every_event(tmp_path, seed_events, suffix):
    path = write_events(seed_events, tmp_path / f"events{suffix}")
    back = read_events(path)
    assert len(back) == len(seed_events)
    _same(seed_events, back)


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
    for suffix in FORMATS:
        back = read_events(write_events(events, tmp_path / f"e{suffix}"))
        assert list(back.resolution) == ["unresolved", "resolved"], suffix
        assert back.notes.iloc[0] == 'quote " and <tag> & comma, here', suffix


@pytest.fixture(scope="module")
def zoo():
    return zoo_events()


@pytest.mark.parametrize("suffix", FORMATS)
def test_round_trip_is_lossless_for_every_column_and_geometry(tmp_path, zoo, suffix):
    # Control characters, CR/CRLF, NUL, formula triggers, a note over 128 KiB, lines,
    # multi-points, collections, an altitude and unplaced events, in every format.
    back = read_events(write_events(zoo, tmp_path / f"zoo{suffix}"))
    assert_same(zoo, back)


def test_hand_written_csv_of_place_names_is_resolved(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("event_date,event_type,location,fatalities,notes\n"
                    "2026-02-04,shelling,Druzhkivka,7,market\n"
                    "2026-02-03,cross_border_strike,Belgorod region,,drones\n")
    events = read_events(path)
    assert list(events.admin1) == ["UA.05", "RU.09"]
    assert list(events.geo_precision) == [1, 3]


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
