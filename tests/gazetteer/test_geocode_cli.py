"""Names from war reporting through ``geo-ukraine geocode``, as a user types them."""

from __future__ import annotations

import json

import pytest

from geo_ukraine import Gazetteer
from geo_ukraine.cli import main
from geo_ukraine.gazetteer.ranking import CURRENT_FRONT_LINES, haversine_km


def _geocode(capsys, *args):
    status = main(["geocode", *args, "--json"])
    return status, json.loads(capsys.readouterr().out)


def _km_to_front(place) -> float:
    return min(haversine_km(place["lon"], place["lat"], lon, lat)
               for line in CURRENT_FRONT_LINES for lon, lat in line)


def test_robotyne_and_novoprokopivka_are_two_villages_at_their_own_points(capsys):
    status, (robotyne, novoprokopivka) = _geocode(capsys, "Robotyne", "Novoprokopivka")
    assert status == 0
    a, b = robotyne["place"], novoprokopivka["place"]
    assert a["admin1"] == b["admin1"] == "UA.26"
    assert a["location_precision"] == b["location_precision"] == "point"
    # Robotyne is 4 km north of Novoprokopivka; both used to be drawn at one hromada point.
    assert 3.0 < haversine_km(a["lon"], a["lat"], b["lon"], b["lat"]) < 6.0
    assert abs(a["lat"] - 47.448) < 0.02 and abs(a["lon"] - 35.837) < 0.02


@pytest.mark.parametrize("name", ["Pishchane", "Novopavlivka", "Prymorske", "Shevchenko"])
def test_bare_front_line_names_resolve_to_a_namesake_near_the_front(capsys, name):
    status, (result,) = _geocode(capsys, name)
    assert status == 0, result["reason"]
    place = result["place"]
    assert place["admin1"] in ("UA.05", "UA.26", "UA.04", "UA.07", "UA.08")
    assert _km_to_front(place) < 30


def test_shevchenko_in_donetsk_oblast(capsys):
    status, (result,) = _geocode(capsys, "Shevchenko", "--admin1", "Donetsk Oblast")
    assert status == 0 and result["place"]["admin1"] == "UA.05"
    assert _km_to_front(result["place"]) < 15


def test_zelenyi_hai_with_its_oblast_ranks_front_line_namesakes_first(capsys):
    # Zaporizhzhia oblast has several villages of this name, two of them near the front:
    # with the oblast alone the answer may stay ambiguous, but never a village far away.
    _status, (result,) = _geocode(capsys, "Zelenyi Hai", "--admin1", "UA.26")
    assert all(c["admin1"] == "UA.26" for c in result["candidates"])
    assert _km_to_front(result["candidates"][0]) < 30


@pytest.mark.parametrize("name", ["Kyiv Oblast", "Kyiv region", "Kyivshchyna", "Kyiv province"])
def test_kyiv_oblast_is_the_oblast_never_ambiguous_with_the_city(capsys, name):
    status, (result,) = _geocode(capsys, name)
    assert status == 0 and result["place"]["place_id"] == "a1:UA.13"


def test_moscow_region_is_moscow_oblast(capsys):
    status, (result,) = _geocode(capsys, "Moscow region")
    assert status == 0 and result["place"]["place_id"] == "a1:RU.47"


def test_a_typo_of_a_ukrainian_city_prefers_it_over_a_former_name_abroad(capsys):
    # Engels (Saratov oblast) was called Pokrovsk until 1931.
    status, (result,) = _geocode(capsys, "Pokrovks")
    assert status == 0 and result["place"]["admin1"] == "UA.05"


@pytest.mark.parametrize("name", ["xyzzy", "qwertyuiop", "Blorptown"])
def test_nonsense_is_unresolved_exit_1(capsys, name):
    status, (result,) = _geocode(capsys, name)
    assert status == 1 and result["status"] == "unresolved" and result["place"] is None


def test_a_group_of_regions_is_a_success(capsys):
    status, (result,) = _geocode(capsys, "Donbas")
    assert status == 0 and result["status"] == "group"
    assert {c["place_id"] for c in result["candidates"]} == {"a1:UA.05", "a1:UA.14"}


def test_one_blank_name_does_not_abort_the_others(capsys):
    status, results = _geocode(capsys, "Kharkiv", " ", "Sumy")
    assert status == 1
    assert [r["status"] for r in results] == ["resolved", "unresolved", "resolved"]


@pytest.mark.parametrize(("name", "kind", "feature"), [
    ("Dnieper", "other", "river"), ("Black Sea", "other", "sea"),
    ("Sea of Azov", "other", "sea"), ("Kerch Strait", "other", "strait"),
    ("Kakhovka Reservoir", "other", "reservoir"), ("Crimean Bridge", "facility", None),
    ("Kakhovka dam", "facility", "dam"), ("ZNPP", "facility", None),
    ("Kursk nuclear power plant", "facility", "nuclear_power_plant"),
    ("Engels air base", "facility", "airbase"), ("Olenya", "facility", "airbase"),
    ("Ryazan refinery", "facility", "refinery"), ("Sudzhansky District", "admin2", None),
    ("Pecherskyi District", "admin2", None), ("U.S.", "country", None),
    ("UAE", "country", None), ("Czechia", "country", None),
])
def test_features_analysts_name_resolve_with_their_kind(capsys, name, kind, feature):
    status, (result,) = _geocode(capsys, name)
    assert status == 0, result["reason"]
    assert result["place"]["kind"] == kind
    if feature:
        place = Gazetteer.default().get(result["place"]["place_id"])
        assert place.feature == feature


def test_a_facility_is_not_the_town_in_its_name(capsys):
    _, (plant, town) = _geocode(capsys, "Zaporizhzhia nuclear power plant", "Zaporizhzhia")
    assert plant["place"]["kind"] == "facility" and town["place"]["kind"] == "settlement"
    assert haversine_km(plant["place"]["lon"], plant["place"]["lat"],
                        town["place"]["lon"], town["place"]["lat"]) > 40
