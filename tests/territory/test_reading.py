import json
import zipfile

import geopandas as gpd
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import LineString, Point, Polygon, box

import geo_ukraine as gu
from geo_ukraine import TerritoryError, changes, read_snapshot, snapshot_from_geometry
from geo_ukraine.cli import main
from geo_ukraine.territory import KM2_PER_MI2, SEGMENT_DEGREES, by_oblast, time_series

GEOD = Geod(ellps="WGS84")


def geod_km2(geom):
    dense = shapely.orient_polygons(shapely.segmentize(geom, SEGMENT_DEGREES))
    return abs(GEOD.geometry_area_perimeter(dense)[0]) / 1e6


@pytest.mark.parametrize(
    "geom",
    [box(37.50, 48.60, 37.55, 48.63),                      # a village's fields
     box(37.0, 47.5, 38.5, 48.5),                          # a front sector
     gu.region("Zaporizhzhia region"),                     # an oblast
     Polygon([(35, 47), (39, 47.2), (38, 49.5), (36, 49)], [[(36.5, 48), (37, 48),
                                                              (37, 48.5), (36.5, 48)]])],
)
def test_areas_agree_with_geodesic_within_0_1_percent(geom):
    assert gu.area_km2(geom) == pytest.approx(geod_km2(geom), rel=1e-3)


def test_units_and_holes():
    outer = box(37, 48, 38, 49)
    hole = box(37.4, 48.4, 37.6, 48.6)
    snap = snapshot_from_geometry(Polygon(outer.exterior.coords, [hole.exterior.coords]),
                                  "2026-02-03")
    assert snap.area_km2 == pytest.approx(gu.area_km2(outer) - gu.area_km2(hole), rel=1e-6)
    assert snap.area_mi2 == pytest.approx(snap.area_km2 / 2.589988, rel=1e-6)
    assert pytest.approx(1.609344**2) == KM2_PER_MI2


def test_by_oblast_splits_a_sector_that_crosses_a_border():
    sector = box(36.0, 47.3, 37.6, 47.9)  # straddles Zaporizhzhia and Donetsk oblasts
    table = by_oblast(snapshot_from_geometry(sector, "2026-02-03"))
    assert set(table.admin1) >= {"UA.05", "UA.26"}
    assert table.km2.sum() == pytest.approx(gu.area_km2(sector), rel=1e-3)
    assert list(table.columns) == ["admin1", "name", "km2", "mi2"]


def test_share_of_ukraine():
    crimea = snapshot_from_geometry(gu.region("Crimea"), "2026-02-03")
    share = gu.share_of_country(crimea)
    assert 0.04 < share < 0.05  # 27,000 of 603,500 km²
    assert gu.share_of_country(gu.region("Ukraine")) == pytest.approx(1.0, abs=1e-6)


def test_invalid_rings_are_repaired_and_reported():
    bowtie = Polygon([(37, 48), (38, 49), (38, 48), (37, 49)])
    snap = snapshot_from_geometry(bowtie, "2026-02-03")
    assert snap.geometry.is_valid
    assert len(snap.repairs) == 1 and "Self-intersection" in snap.repairs[0]
    assert snap.area_km2 == pytest.approx(gu.area_km2(box(37, 48, 38, 49)) / 2, rel=0.01)


def test_changes_between_two_snapshots():
    before = snapshot_from_geometry(box(37.0, 47.5, 38.0, 48.5), "2026-01-27")
    gained = box(36.9, 47.5, 37.0, 48.5)
    lost = box(37.9, 48.4, 38.0, 48.5)
    after = snapshot_from_geometry(box(36.9, 47.5, 38.0, 48.5).difference(lost), "2026-02-03")
    change = changes(before, after)
    assert change.gained_km2 == pytest.approx(gu.area_km2(gained), rel=1e-4)
    assert change.lost_km2 == pytest.approx(gu.area_km2(lost), rel=1e-4)
    assert change.net_km2 == pytest.approx(change.gained_km2 - change.lost_km2)
    assert change.gained_mi2 == pytest.approx(change.gained_km2 / KM2_PER_MI2)
    assert change.by_oblast.gained_km2.sum() == pytest.approx(change.gained_km2, rel=1e-3)
    assert change.by_oblast.lost_km2.sum() == pytest.approx(change.lost_km2, rel=1e-3)
    data = change.to_dict()
    assert {"gained_km2", "lost_km2", "net_km2", "gained_mi2", "lost_mi2", "net_mi2",
            "by_oblast"} <= set(data)
    assert set(data["by_oblast"][0]) == {"admin1", "name", "gained_km2", "lost_km2"}
    with pytest.raises(TerritoryError, match="swap"):
        changes(after, before)


def test_time_series():
    snaps = [snapshot_from_geometry(box(37, 48, 37 + w, 48.5), d)
             for w, d in [(1.0, "2026-01-20"), (1.2, "2026-01-27"), (1.1, "2026-02-03")]]
    series = time_series(reversed(snaps))
    assert list(series.date) == ["2026-01-20", "2026-01-27", "2026-02-03"]
    assert series.net_km2.iloc[1] > 0 > series.net_km2.iloc[2]
    assert series.area_km2.diff().iloc[1:].round(3).tolist() == series.net_km2.iloc[1:].round(
        3).tolist()


def _write(frame, path, **kw):
    frame.to_file(path, **kw)
    return path


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".shp"])
def test_read_formats(tmp_path, suffix):
    frame = gpd.GeoDataFrame({"date": ["2026-02-03"], "status": ["assessed"]},
                             geometry=[box(37, 48, 38, 49)], crs="EPSG:4326")
    snap = read_snapshot(_write(frame, tmp_path / f"front{suffix}"))
    assert (snap.date.isoformat(), snap.status) == ("2026-02-03", "assessed")
    assert snap.area_km2 == pytest.approx(gu.area_km2(box(37, 48, 38, 49)), rel=1e-6)


KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>area</name>
<Polygon><outerBoundaryIs><LinearRing><coordinates>
37,48 38,48 38,49 37,49 37,48</coordinates></LinearRing></outerBoundaryIs></Polygon>
</Placemark></Document></kml>"""


def test_read_kml_and_kmz_with_date_in_the_name(tmp_path):
    kml = tmp_path / "control_2026-02-03.kml"
    kml.write_text(KML)
    kmz = tmp_path / "control_20260203.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.writestr("doc.kml", KML)
    for path in (kml, kmz):
        snap = read_snapshot(path, status="claimed")
        assert snap.date.isoformat() == "2026-02-03" and snap.status == "claimed"
        assert snap.area_km2 == pytest.approx(gu.area_km2(box(37, 48, 38, 49)), rel=1e-6)


def test_projected_data_needs_its_crs(tmp_path):
    frame = gpd.GeoDataFrame(geometry=[box(37, 48, 38, 49)], crs="EPSG:4326").to_crs(3857)
    path = tmp_path / "front_2026-02-03.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {},
         "geometry": json.loads(shapely.to_geojson(frame.geometry.iloc[0]))}]}))
    with pytest.raises(TerritoryError, match="projected but declares no CRS"):
        read_snapshot(path)
    snap = read_snapshot(path, crs="EPSG:3857")
    assert snap.area_km2 == pytest.approx(gu.area_km2(box(37, 48, 38, 49)), rel=1e-3)


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


def test_bad_files(tmp_path):
    empty = tmp_path / "empty_2026-02-03.geojson"
    empty.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(TerritoryError, match="no features"):
        read_snapshot(empty)
    undated = tmp_path / "front.geojson"
    gpd.GeoDataFrame(geometry=[box(37, 48, 38, 49)], crs="EPSG:4326").to_file(undated)
    with pytest.raises(TerritoryError, match="has no date"):
        read_snapshot(undated)
    junk = tmp_path / "junk_2026-02-03.geojson"
    junk.write_text("not geojson")
    with pytest.raises(TerritoryError, match="cannot read"):
        read_snapshot(junk)


def test_cli_area_and_diff(tmp_path, capsys):
    before = tmp_path / "before_2026-01-27.geojson"
    after = tmp_path / "after_2026-02-03.geojson"
    gpd.GeoDataFrame(geometry=[box(36.0, 47.3, 37.6, 47.9)], crs="EPSG:4326").to_file(before)
    gpd.GeoDataFrame(geometry=[box(35.9, 47.3, 37.6, 47.9)], crs="EPSG:4326").to_file(after)
    assert main(["area", str(before), "--by-oblast", "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["date"] == "2026-01-27" and {r["admin1"] for r in item["by_oblast"]} >= {
        "UA.05", "UA.26"}
    assert main(["area", "--diff", str(before), str(after), "--by-oblast", "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert diff["gained_km2"] == pytest.approx(gu.area_km2(box(35.9, 47.3, 36.0, 47.9)),
                                               rel=1e-3)
    assert diff["lost_km2"] == pytest.approx(0, abs=0.01)
    assert diff["net_mi2"] == pytest.approx(diff["net_km2"] / KM2_PER_MI2, rel=1e-3)
    assert diff["by_oblast"][0]["admin1"] == "UA.26"
    assert set(diff["by_oblast"][0]) == {"admin1", "name", "gained_km2", "lost_km2"}
    assert main(["area", "--diff", str(before)]) == 2
    assert "exactly two" in capsys.readouterr().err


def test_territory_layers_on_a_map(tmp_path):
    before = snapshot_from_geometry(box(37, 47.5, 38.5, 48.5), "2026-01-27")
    after = snapshot_from_geometry(box(36.8, 47.5, 38.5, 48.6), "2026-02-03",
                                   status="claimed")
    m = gu.territory_layers(gu.event_map(gu.empty_events()), [before, after],
                            changes(before, after))
    html = gu.save_map(m, tmp_path / "t.html").read_text()
    assert "Claimed 2026-02-03" in html and "Gained 2026-01-27 to 2026-02-03" in html
    assert "geoUkraineHatchLayer" in html
