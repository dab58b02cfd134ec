from geo_ukraine.maps.basemap import (
    OBLAST_CENTRE_ZOOM,
    TOWN_ZOOM,
    VILLAGE_ZOOM,
    reference_layers,
    towns,
)


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
    centres = [row for row in rows if row[3] == OBLAST_CENTRE_ZOOM]
    assert 20 <= len(centres) <= 27
    assert sum(row[3] == VILLAGE_ZOOM for row in rows) > 1000


def _coords(geometry):
    def walk(c):
        if isinstance(c[0], (int, float)):
            yield c
        else:
            for part in c:
                yield from walk(part)
    return walk(geometry["coordinates"])
