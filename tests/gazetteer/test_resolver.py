import hashlib
import json

import pytest
from shapely.geometry import Point

import geo_ukraine
from geo_ukraine import _data
from geo_ukraine.errors import (
    AmbiguousPlaceError,
    InvalidCoordinateError,
    InvalidNameError,
    UnknownPlaceError,
)

# name -> (place_id, admin1) of the place it must resolve to
RESOLVES = {
    "Zaporizhzhia": ("gn:687700", "UA.26"),
    "Zaporozhye": ("gn:687700", "UA.26"),
    "Запоріжжя": ("gn:687700", "UA.26"),
    "Запорожье": ("gn:687700", "UA.26"),
    "Zaporizhzhia region": ("a1:UA.26", "UA.26"),
    "Zaporizhzhia Oblast": ("a1:UA.26", "UA.26"),
    "Zaporizka oblast": ("a1:UA.26", "UA.26"),
    "Запорізька область": ("a1:UA.26", "UA.26"),
    "Sumy region": ("a1:UA.21", "UA.21"),
    "Sumy": ("gn:692194", "UA.21"),
    "Kursk": ("gn:538560", "RU.41"),
    "Kursk region": ("a1:RU.41", "RU.41"),
    "Курская область": ("a1:RU.41", "RU.41"),
    "Belgorod region": ("a1:RU.09", "RU.09"),
    "Pokrovsk": ("gn:704422", "UA.05"),
    "Krasnoarmiisk": ("gn:704422", "UA.05"),
    "Kyiv": ("gn:703448", "UA.12"),
    "Kiev": ("gn:703448", "UA.12"),
    "Київ": ("gn:703448", "UA.12"),
    "Киев": ("gn:703448", "UA.12"),
    "Bakhmut": ("gn:713174", "UA.05"),
    "Artemivsk": ("gn:713174", "UA.05"),
    "Dnipro": ("gn:709930", "UA.04"),
    "Dnipropetrovsk": ("gn:709930", "UA.04"),
    "Kharkov": ("gn:706483", "UA.07"),
    "Druzhkivka": ("gn:616743", "UA.05"),
    "Дружківка": ("gn:616743", "UA.05"),
    "Donetsk": ("gn:709717", "UA.05"),
    "Crimea": ("a1:UA.11", "UA.11"),
    "Kherson": ("gn:706448", "UA.08"),
    "Sudzha": ("gn:486816", "RU.41"),
    "Enerhodar": ("gn:709276", "UA.26"),
    "Zaporizhzhia nuclear plant": ("x:znpp", "UA.26"),
    # GeoNames also lists "Sloviansk" among Nikopol's names (equal population): the place
    # whose own name it spells wins.
    "Sloviansk": ("gn:693468", "UA.05"),
    "Kostiantynivka": ("gn:705104", "UA.05"),
}


@pytest.mark.parametrize(("name", "expected"), sorted(RESOLVES.items()))
def test_resolves_war_names(gaz, name, expected):
    match = gaz.resolve(name)
    assert match.status == "resolved", match.reason
    assert (match.place.place_id, match.place.admin1) == expected


@pytest.mark.parametrize(
    ("name", "country"),
    [("Ukraine", "UA"), ("Russia", "RU"), ("Україна", "UA"), ("Россия", "RU"),
     ("Sweden", "SE"), ("Lithuania", "LT"), ("US", "US"), ("Türkiye", "TR")],
)
def test_countries_beat_namesake_towns(gaz, name, country):
    place = gaz.resolve(name).place
    assert place.kind == "country" and place.country == country


@pytest.mark.parametrize(
    ("name", "country"),
    [("Geneva", "CH"), ("Abu Dhabi", "AE"), ("Vilnius", "LT"), ("Istanbul", "TR")],
)
def test_diplomacy_venues(gaz, name, country):
    place = gaz.resolve(name).place
    assert place.kind == "settlement" and place.country == country and place.population > 100_000


@pytest.mark.parametrize("word", ["As", "In", "The", "One", "Still", "On", "For", "He"])
def test_ordinary_words_never_resolve(gaz, word):
    match = gaz.resolve(word)
    assert match.place is None and match.status == "unresolved"
    assert "ordinary word" in match.reason


def test_namesakes_are_ambiguous_until_admin1_is_given(gaz):
    match = gaz.resolve("Andriivka")
    assert match.status == "ambiguous" and match.place is None
    assert match.score < 0.3
    assert len(match.candidates) > 20
    assert {c.place.admin1 for c in match.candidates} >= {"UA.05", "UA.07", "UA.26"}
    in_donetsk = gaz.resolve("Andriivka", admin1="Donetsk region")
    assert all(c.place.admin1 == "UA.05" for c in in_donetsk.candidates)
    only_one = gaz.resolve("Andriivka", admin1="Vinnytsia Oblast")
    assert only_one.status == "resolved" and only_one.place.admin1 == "UA.23"
    by_code = gaz.resolve("Andriivka", admin1="UA.05")
    by_iso = gaz.resolve("Andriivka", admin1="UA-14")
    assert [c.place for c in by_code.candidates] == [c.place for c in by_iso.candidates]
    with pytest.raises(AmbiguousPlaceError) as info:
        gaz.lookup("Andriivka")
    assert len(info.value.candidates) > 20


@pytest.mark.parametrize(
    ("typo", "place_id"),
    [("Zaporizhia", "gn:687700"), ("Drushkivka", "gn:616743"), ("Kramatorksk", "gn:704508"),
     ("Bahkmut", "gn:713174")],
)
def test_typos_are_found_and_flagged_fuzzy(gaz, typo, place_id):
    match = gaz.resolve(typo)
    assert match.place is not None and match.place.place_id == place_id
    assert match.method == "fuzzy"


def test_kind_country_and_near_hints(gaz):
    assert gaz.resolve("Pokrovsk", country="RU").place.country == "RU"
    assert gaz.resolve("Zaporizhzhia", kind="admin1").place.place_id == "a1:UA.26"
    near_kupiansk = gaz.resolve("Pishchane", near=Point(37.61, 49.71))
    assert near_kupiansk.best.admin1 == "UA.07"


def test_small_front_line_villages_have_their_own_points(gaz):
    # Robotyne and Novoprokopivka were both drawn at their hromada's centre, 23 km apart
    # from Robotyne; the GeoNames dump gives each its own point, joined on its KATOTTG code.
    robotyne = gaz.resolve("Robotyne").place
    novoprokopivka = gaz.resolve("Novoprokopivka").place
    kotlyne = gaz.resolve("Kotlyne").place
    for place, admin1 in ((robotyne, "UA.26"), (novoprokopivka, "UA.26"), (kotlyne, "UA.05")):
        assert place.admin1 == admin1 and place.location_precision == "point"
        assert place.katottg and place.katottg.startswith("UA") and place.geonameid
    assert robotyne.lat != novoprokopivka.lat


def test_place_carries_codes_and_names(gaz):
    place = gaz.get("gn:704422")
    assert place.name == "Pokrovsk" and place.geonameid == 704422
    assert place.admin1_name == "Donetsk" and place.admin2 == "UA.05.1416"
    assert "Krasnoarmiisk" in place.alternate_names
    oblast = gaz.get("a1:UA.26")
    assert oblast.iso_3166_2 == "UA-23" and oblast.katottg == "UA23"
    assert oblast.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert oblast.geometry.contains(gaz.get("gn:687700").geometry)


@pytest.mark.parametrize(
    "bad", [None, 42, "", "   ", "x" * 201, ["Kyiv"]],
)
def test_bad_names_raise_clear_errors(gaz, bad):
    with pytest.raises(InvalidNameError) as info:
        gaz.resolve(bad)
    assert "place name" in str(info.value)


def test_resolve_many_never_raises_and_keeps_order(gaz):
    names = ["Kyiv", None, "", "Nowhere-on-earth", "Sumy region", "Kyiv"]
    matches = gaz.resolve_many(names)
    assert [m.status for m in matches] == ["resolved", "unresolved", "unresolved", "unresolved",
                                           "resolved", "resolved"]
    assert matches[0] is matches[5]
    assert "string" in matches[1].reason


def test_unknown_place_errors(gaz):
    with pytest.raises(UnknownPlaceError):
        gaz.lookup("Qwzxvbn")
    with pytest.raises(UnknownPlaceError, match="ids look like"):
        gaz.get("nope")
    with pytest.raises(UnknownPlaceError, match="admin1"):
        gaz.resolve("Kyiv", admin1="Atlantis")


@pytest.mark.parametrize(
    ("lon", "lat", "country", "admin1"),
    [(37.52, 48.62, "UA", "UA.05"), (34.10, 44.95, "UA", "UA.11"), (35.19, 47.84, "UA", "UA.26"),
     (35.30, 51.22, "RU", "RU.41"), (6.14, 46.20, "CH", None)],
)
def test_reverse(gaz, lon, lat, country, admin1):
    result = gaz.reverse(lon, lat)
    assert result.country.country == country
    assert (result.admin1.admin1 if result.admin1 else None) == admin1
    assert result.nearest is not None and result.distance_km < 30


def test_reverse_names_the_raion_of_a_town(gaz):
    result = gaz.reverse(37.176, 48.28)
    assert result.nearest.name == "Pokrovsk" and result.admin2.admin2 == "UA.05.1416"


@pytest.mark.parametrize(
    ("lon", "lat"), [(float("nan"), 48.0), (37.0, 95.0), (200.0, 48.0), ("east", 48.0), (None, 1)]
)
def test_reverse_rejects_bad_coordinates(gaz, lon, lat):
    with pytest.raises(InvalidCoordinateError):
        gaz.reverse(lon, lat)


def test_swapped_pair_gets_a_hint(gaz):
    with pytest.raises(InvalidCoordinateError, match="swapped"):
        gaz.reverse(48.6, 137.5)


def test_regions_and_groups(gaz):
    donbas = gaz.region("Donbas")
    assert donbas.area == pytest.approx(gaz.region("Donetsk region").area
                                        + gaz.region("Luhansk region").area, rel=0.01)
    assert gaz.region("Kursk Oblast").contains(Point(36.19, 51.73))
    ukraine = gaz.region("Ukraine")
    assert ukraine.contains(Point(34.10, 44.95)), "Crimea is in Ukraine's polygon"
    assert not gaz.region("Russia").contains(Point(34.10, 44.95))
    with pytest.raises(UnknownPlaceError):
        gaz.region("Druzhkivka")


def test_curated_aliases_point_at_real_places(gaz):
    rows = list(_data.read_tsv("aliases.tsv"))[1:]
    assert rows
    for alias, target, note in rows:
        assert note
        match = gaz.resolve(alias)
        if target.startswith("group:"):
            assert match.status == "group"
        else:
            assert match.place is not None and match.place.place_id == target, alias


def test_manifest_matches_the_embedded_files():
    manifest = _data.manifest()
    assert _data.verify() == {}
    total = 0
    for name, meta in manifest["files"].items():
        blob = _data.read_bytes(name)
        assert hashlib.sha256(blob).hexdigest() == meta["sha256"]
        total += len(blob)
    assert total <= 15_000_000
    rows = list(_data.read_tsv("places.tsv.gz"))
    assert len(rows) - 1 == manifest["files"]["places.tsv.gz"]["rows"]
    assert len({r[0] for r in rows[1:]}) == len(rows) - 1, "place ids are unique"
    assert "2024" in manifest["katottg_edition"]
    assert json.dumps(manifest)


def test_import_is_cheap():
    import subprocess
    import sys

    code = ("import sys, geo_ukraine; "
            "print(geo_ukraine.Gazetteer._default is None, 'pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["True", "False"]


def test_module_level_resolve():
    assert geo_ukraine.resolve("Sumy region").place.kind == "admin1"
    assert geo_ukraine.reverse(30.52, 50.45).admin1.admin1 == "UA.12"


def test_a_raion_hint_does_not_change_what_the_name_finds_without_it():
    # A name's unranked candidates are remembered; the raion hint adds misspellings of the
    # name in that raion to its own copy, never to the remembered ones.
    fresh = geo_ukraine.Gazetteer.from_embedded(overlay=False)
    used = geo_ukraine.Gazetteer.from_embedded(overlay=False)
    hinted = used.candidates("Pokrovsk", admin2="UA.04.1208")
    assert hinted[0].place.admin2 == "UA.04.1208"
    assert [(c.place.place_id, c.score) for c in used.candidates("Pokrovsk")] == \
        [(c.place.place_id, c.score) for c in fresh.candidates("Pokrovsk")]


def test_context_reranks_the_same_candidates():
    # Remembered candidates are ranked afresh for each context, as a new gazetteer ranks them.
    used = geo_ukraine.Gazetteer.from_embedded(overlay=False)
    plain = used.candidates("Novoselivka")
    for codes in ({"UA.26"}, {"UA.07", "UA.21"}, set()):
        again = used.candidates("Novoselivka", context_admin1=codes)
        fresh = geo_ukraine.Gazetteer.from_embedded(overlay=False).candidates(
            "Novoselivka", context_admin1=codes)
        assert [(c.place.place_id, c.score) for c in again] == \
            [(c.place.place_id, c.score) for c in fresh]
        assert {c.place.place_id for c in again} == {c.place.place_id for c in plain}
    assert used.candidates("Novoselivka", context_admin1={"UA.26"})[0].score != plain[0].score
