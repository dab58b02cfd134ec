"""GeoParquet: lossless for every schema column, extra columns kept, bad files refused."""

import geopandas as gpd
import pandas as pd
import pyarrow.parquet as pq
import pytest
from shapely.geometry import Point

from geo_ukraine import EVENT_COLUMNS, EventSchemaError, read_events, write_events
from geo_ukraine.events import event_frame
from tests.events.io.support import assert_same, full_row, zoo_events


def test_every_schema_column_keeps_its_values_and_types(tmp_path):
    events = zoo_events()
    events["weapon"] = ["Shahed"] * (len(events) - 1) + [None]
    back = read_events(write_events(events, tmp_path / "zoo.parquet"))
    assert_same(events, back, columns=[*EVENT_COLUMNS, "weapon"])
    for column in ("fatalities", "injured", "geo_precision"):
        assert str(back[column].dtype) == "Int64", column
    assert back.crs.to_epsg() == 4326


def test_the_file_is_geoparquet(tmp_path):
    path = write_events(zoo_events(), tmp_path / "zoo.parquet")
    metadata = pq.read_metadata(path).metadata
    assert b"geo" in metadata
    assert len(gpd.read_parquet(path)) == len(zoo_events())


def test_a_mixed_extra_column_is_written_as_text(tmp_path):
    events = event_frame([full_row(0, Point(37.5, 48.5), weapon=3),
                          full_row(1, Point(37.5, 48.5), weapon="Iskander")])
    back = read_events(write_events(events, tmp_path / "mixed.parquet"))
    assert list(back.weapon) == ["3", "Iskander"]


def test_another_crs_is_reprojected(tmp_path):
    events = event_frame([full_row(0, Point(37.5, 48.5))]).to_crs(3857)
    path = tmp_path / "mercator.parquet"
    events.to_parquet(path)
    back = read_events(path)
    assert back.geometry.iloc[0].x == pytest.approx(37.5)


@pytest.mark.parametrize("content", [b"", b"PAR1 not really", b"{}"])
def test_a_file_that_is_not_geoparquet(tmp_path, content):
    path = tmp_path / "bad.parquet"
    path.write_bytes(content)
    with pytest.raises(EventSchemaError, match=r"bad\.parquet: not a GeoParquet file"):
        read_events(path)


def test_plain_parquet_without_geometry_is_refused(tmp_path):
    path = tmp_path / "plain.parquet"
    pd.DataFrame({"a": [1]}).to_parquet(path)
    with pytest.raises(EventSchemaError, match=r"plain\.parquet: not a GeoParquet file"):
        read_events(path)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [("fatalities", 2.7, "row 1: fatalities must be a whole number, got 2.7"),
     ("fatalities", float("inf"), "row 1: fatalities must be a finite number"),
     ("event_type", "bombing", "row 1: event_type 'bombing' is not one of")],
)
def test_bad_values_name_the_row_and_field(tmp_path, column, value, message):
    row = full_row(0, Point(37.5, 48.5))
    row[column] = value
    path = tmp_path / "bad.parquet"
    gpd.GeoDataFrame([row], geometry="geometry", crs=4326).to_parquet(path)
    with pytest.raises(EventSchemaError, match=message):
        read_events(path)
