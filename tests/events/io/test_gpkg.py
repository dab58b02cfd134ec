"""GeoPackage: NUL in text kept (finding 9), foreign and bad files refused by name."""

import geopandas as gpd
import pytest
from shapely.geometry import Point

from geo_ukraine import EventSchemaError, read_events, write_events
from geo_ukraine.events import event_frame
from tests.events.io.support import assert_same, full_row


def test_nul_in_text_survives(tmp_path):
    events = event_frame([full_row(0, Point(37.5, 48.5), notes="before\x00after",
                                   actor="\x00", source='json:"not ours"')])
    back = read_events(write_events(events, tmp_path / "nul.gpkg"))
    assert_same(events, back)


@pytest.mark.parametrize("content", [b"", b"not a database", b"SQLite format 3\x00" + b"0" * 200])
def test_a_file_that_is_not_a_geopackage(tmp_path, content):
    path = tmp_path / "bad.gpkg"
    path.write_bytes(content)
    with pytest.raises(EventSchemaError, match=r"bad\.gpkg: not a GeoPackage"):
        read_events(path)


def test_a_geopackage_without_an_events_layer(tmp_path):
    path = tmp_path / "other.gpkg"
    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)], crs=4326).to_file(path, layer="x")
    with pytest.raises(EventSchemaError, match="not a GeoPackage with an 'events' layer"):
        read_events(path)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [("fatalities", 2.7, "feature 1: fatalities must be a whole number, got 2.7"),
     ("fatalities", -5, "feature 1: fatalities must be a non-negative whole number"),
     ("injured", "abc", "feature 1: injured must be a whole number, got 'abc'"),
     ("admin1", "UA.99", "feature 1: admin1 'UA.99' is not an admin-1 unit of UA"),
     ("status", "rumoured", "feature 1: status 'rumoured' is not one of")],
)
def test_bad_values_name_the_feature_and_field(tmp_path, column, value, message):
    row = full_row(0, Point(37.5, 48.5))
    row[column] = value
    path = tmp_path / "bad.gpkg"
    gpd.GeoDataFrame([row], geometry="geometry", crs=4326).to_file(path, layer="events")
    with pytest.raises(EventSchemaError, match=message):
        read_events(path)


def test_out_of_range_coordinates_name_the_feature(tmp_path):
    path = tmp_path / "bad.gpkg"
    gpd.GeoDataFrame([full_row(0, Point(200, 100))], geometry="geometry",
                     crs=4326).to_file(path, layer="events")
    with pytest.raises(EventSchemaError, match=r"feature 1: geometry: longitude 200\.0"):
        read_events(path)
