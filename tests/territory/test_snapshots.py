"""Snapshots from geometries: repairs, statuses and refusals."""

import pytest
from shapely.geometry import LineString, Point, Polygon, box

import geo_ukraine as gu
from geo_ukraine import TerritoryError, snapshot_from_geometry
from geo_ukraine.territory import CONTROL_STATUSES, ControlStatus
from geo_ukraine.territory.snapshots import snapshot_date


def test_invalid_rings_are_repaired_and_reported():
    bowtie = Polygon([(37, 48), (38, 49), (38, 48), (37, 49)])
    snap = snapshot_from_geometry(bowtie, "2026-02-03")
    assert snap.geometry.is_valid
    assert len(snap.repairs) == 1 and "Self-intersection" in snap.repairs[0]
    assert snap.area_km2 == pytest.approx(gu.area_km2(box(37, 48, 38, 49)) / 2, rel=0.01)


@pytest.mark.parametrize(
    ("geometry", "date", "message"),
    [(Point(37, 48), "2026-02-03", "is not an area"),
     (LineString([(37, 48), (38, 49)]), "2026-02-03", "is not an area"),
     (Polygon(), "2026-02-03", "empty"),
     (box(37, 48, 38, 49), None, "has no date"),
     (box(37, 48, 38, 49), "last week", "not YYYY-MM-DD")],
)
def test_bad_snapshots(geometry, date, message):
    with pytest.raises(TerritoryError, match=message):
        snapshot_from_geometry(geometry, date)


def test_control_statuses_are_not_event_statuses():
    assert CONTROL_STATUSES == ("controlled", "assessed", "claimed")
    assert tuple(ControlStatus) == CONTROL_STATUSES
    snap = snapshot_from_geometry(box(37, 48, 38, 49), "2026-02-03", status="assessed")
    assert snap.status == ControlStatus.ASSESSED
    with pytest.raises(TerritoryError, match="not one of controlled, assessed, claimed"):
        snapshot_from_geometry(box(37, 48, 38, 49), "2026-02-03", status="reported")


@pytest.mark.parametrize("written", ["2026-01-27", "2026/01/27", "2026.01.27",
                                     "2026-01-27T00:00:00Z", "2026/01/27 12:00:00"])
def test_dates_as_gis_tools_write_them(written):
    assert snapshot_date(written, "front.kml").isoformat() == "2026-01-27"


@pytest.mark.parametrize("written", ["27/01/2026", "2026-02-30", "last week"])
def test_dates_that_are_not_dates_name_the_file(written):
    with pytest.raises(TerritoryError, match=r"front\.kml: date"):
        snapshot_date(written, "front.kml")


def test_the_area_of_one_undated_snapshot_needs_no_date(tmp_path, capsys):
    import json

    from geo_ukraine.cli import main

    path = tmp_path / "front.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {}, "geometry": {
            "type": "Polygon",
            "coordinates": [[[37, 48], [38, 48], [38, 49], [37, 49], [37, 48]]]}}]}))
    assert main(["area", str(path), "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["date"] is None and 8_000 < item["area_km2"] < 8_500
