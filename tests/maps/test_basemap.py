import gzip
import json
from importlib import resources

import pytest
from shapely.geometry import MultiPolygon, Point, Polygon, box, shape

from geo_ukraine import Gazetteer
from geo_ukraine.maps.basemap import (
    OBLAST_CENTRE_ZOOM,
    TOWN_ZOOM,
    VILLAGE_ZOOM,
    reference_layers,
    rivers,
    towns,
)

MAIN_RIVERS = ("Dnipro", "Siverskyi Donets", "Danube", "Desna", "Southern Buh", "Dniester",
               "Oskil", "Inhulets", "Psel", "Vorskla", "Sula", "Seim", "Prypiat", "Don",
               "Kalmius", "Samara", "Aidar", "Horyn", "Ros", "Teteriv")


def test_land_reaches_beyond_90_east_and_countries_are_named():
    countries, admin1, labels = reference_layers()
    east = max(c[0] for f in countries["features"] for c in _coords(f["geometry"]))
    assert east > 170, "land everywhere, no straight edge near 90°E"
    names = {label[2] for label in countries["labels"]}
    assert {"Ukraine", "Russia", "Belarus", "Moldova", "Poland", "Romania"} <= names
    assert len(labels) == 26 and all(f["properties"]["code"] for f in admin1["features"])


def test_towns_by_zoom():
    rows = towns()
    by_name = {row[2]: row for row in rows}
    assert by_name["Kharkiv"][3] == OBLAST_CENTRE_ZOOM
    assert by_name["Druzhkivka"][3] == TOWN_ZOOM
    tiers = {row[3] for row in rows}
    assert tiers == {OBLAST_CENTRE_ZOOM, TOWN_ZOOM, VILLAGE_ZOOM}
    assert sum(row[3] == VILLAGE_ZOOM for row in rows) > 1000


def _centre_of(code: str) -> list[str]:
    """Centres written inside a unit's outline (Kyiv city fills the hole in Kyiv oblast)."""
    area = Gazetteer.default().polygon(f"a1:{code}")
    area = MultiPolygon([Polygon(p.exterior) for p in getattr(area, "geoms", [area])])
    return [row[2] for row in towns() if row[3] == OBLAST_CENTRE_ZOOM
            and area.buffer(0.01).contains(Point(row[0], row[1]))]


@pytest.mark.parametrize("code, centre", [
    ("UA.13", "Kyiv"),  # Kyiv oblast: its seat is Kyiv city, never Bila Tserkva
    ("UA.05", "Donetsk"), ("UA.07", "Kharkiv"), ("UA.11", "Simferopol"),
    ("UA.26", "Zaporizhzhya"), ("UA.08", "Kherson"),
    ("RU.09", "Belgorod"), ("RU.41", "Kursk"), ("RU.61", "Rostov-on-Don")])
def test_oblast_centres_are_the_seats(code, centre):
    assert centre in _centre_of(code)
    assert "Bila Tserkva" not in _centre_of(code)


def test_one_centre_per_oblast():
    gaz = Gazetteer.default()
    centres = [row for row in towns() if row[3] == OBLAST_CENTRE_ZOOM]
    names = [row[2] for row in centres]
    assert len(names) == len(set(names))
    ukraine = [row for row in centres if gaz.polygon("c:UA").buffer(0.01)
               .contains(Point(row[0], row[1]))]
    # 24 oblasts, Crimea, and the cities of Kyiv and Sevastopol (Kyiv oblast's seat is Kyiv).
    assert len(ukraine) == 26
    assert "Bila Tserkva" not in names and "Kryvyi Rih" not in names


def test_rivers_are_a_package_resource_with_provenance():
    folder = resources.files("geo_ukraine.maps").joinpath("data")
    data = json.loads(gzip.decompress(folder.joinpath("rivers.geojson.gz").read_bytes()))
    assert data["type"] == "FeatureCollection" and len(data["features"]) > 100
    readme = folder.joinpath("README.md").read_text(encoding="utf-8")
    for fact in ("Natural Earth", "4.0.0", "public domain", "martynafford/natural-earth-geojson",
                 "ne_10m_rivers_lake_centerlines", "ne_10m_rivers_europe", "simplify(0.005)"):
        assert fact in readme


def test_rivers_by_zoom_with_their_names():
    lines, labels = rivers()
    named = {f["properties"]["name"]: f for f in lines["features"] if f["properties"]["name"]}
    assert set(MAIN_RIVERS) <= set(named)
    assert set(MAIN_RIVERS) <= {label[2] for label in labels}
    theatre = box(20, 43, 42, 53).buffer(1e-6)
    for feature in lines["features"]:
        assert theatre.contains(shape(feature["geometry"]))
        assert feature["properties"]["zoom"] in (5, 6, 7)
    assert named["Dnipro"]["properties"]["zoom"] == 5
    assert named["Psel"]["properties"]["zoom"] > named["Dnipro"]["properties"]["zoom"]
    first_label = {}
    for lon, lat, name, zoom, angle in labels:
        assert -90 < angle <= 90 and theatre.contains(Point(lon, lat))
        assert zoom > named[name]["properties"]["zoom"], "a name only where its line is drawn"
        first_label[name] = min(zoom, first_label.get(name, 99))
    assert first_label["Dnipro"] == 6 and first_label["Siverskyi Donets"] == 7
    assert first_label["Kiliia branch (Danube)"] >= 9, "short branches named only zoomed in"


@pytest.mark.parametrize("river, lon, lat", [
    ("Dnipro", 30.52, 50.45), ("Dnipro", 35.14, 47.84), ("Siverskyi Donets", 37.26, 49.21),
    ("Oskil", 37.61, 49.71), ("Kalmius", 37.55, 47.10), ("Psel", 34.80, 50.91),
    ("Vorskla", 34.55, 49.59), ("Desna", 31.29, 51.49), ("Southern Buh", 28.47, 49.23),
    ("Inhulets", 33.39, 47.91)])
def test_rivers_pass_their_towns(river, lon, lat):
    """Each river passes within 5 km of a town on its banks (Kyiv, Izium, Kupiansk, ...)."""
    lines, _ = rivers()
    [feature] = [f for f in lines["features"] if f["properties"]["name"] == river]
    assert shape(feature["geometry"]).distance(Point(lon, lat)) < 0.07


def _coords(geometry):
    def walk(c):
        if isinstance(c[0], (int, float)):
            yield c
        else:
            for part in c:
                yield from walk(part)
    return walk(geometry["coordinates"])
