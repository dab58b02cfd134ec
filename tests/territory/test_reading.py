"""Reading snapshot files: formats, dates and statuses from files, refusals, the area command."""

import json
import zipfile

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import box

import geo_ukraine as gu
from geo_ukraine import TerritoryError, read_snapshot
from geo_ukraine.cli import main
from geo_ukraine.territory import KM2_PER_MI2


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
