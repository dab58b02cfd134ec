"""Names in news copy that are not villages: continents, rivers, bases, people, landmarks."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("name", "geonameid"), [
    ("Europe", 6255148), ("Asia", 6255147), ("Africa", 6255146), ("North America", 6255149),
])
def test_continents_resolve_to_their_geonames_feature(gaz, name, geonameid):
    place = gaz.resolve(name).place
    assert place is not None and place.geonameid == geonameid and place.feature == "CONT"


@pytest.mark.parametrize("name", ["Lavrov", "Peskov", "Zakharova", "Zelensky", "Putin",
                                  "Medvedev", "Rubio", "Budanov", "Gerasimov"])
def test_surnames_in_the_news_are_not_small_places(gaz, name):
    match = gaz.resolve(name)
    assert match.place is None and match.status == "unresolved"
    assert "person" in match.reason


def test_a_misspelling_keeps_its_words(gaz):
    # "White House" once came back as Whitehorse (Canada), by a fuzzy match across the space.
    assert gaz.resolve("White House").place is None
    assert gaz.resolve("Pokrovks").place.name == "Pokrovsk"


def test_a_shared_unit_word_makes_no_misspelling(gaz):
    # "Kyivskyi district" once came back as Klimovsky District (Bryansk oblast): the two
    # names are alike only in "district".
    place = gaz.resolve("Kyivskyi district").place
    assert place is None or place.country == "UA"
    assert gaz.resolve("Zaporizhia region").place.admin1 == "UA.26"
    assert gaz.resolve("Kramatorsk raion").place.admin1 == "UA.05"


@pytest.mark.parametrize(("name", "key"), [
    ("Volga", "river_volga"), ("the Volga", "river_volga"), ("Volga River", "river_volga"),
    ("Engels-2", "ab_engels"), ("Engels 2", "ab_engels"), ("Dyagilevo", "ab_dyagilevo"),
])
def test_rivers_and_bases_named_in_strike_reports(gaz, name, key):
    place = gaz.resolve(name).place
    assert place is not None and place.place_id == f"x:{key}"


def test_the_volga_town_is_still_there_with_its_oblast(gaz):
    assert gaz.resolve("Volga", kind="settlement").place.admin1 == "RU.88"


@pytest.mark.parametrize("name", ["Black Sea", "Sea of Azov", "Kerch Strait"])
def test_features_of_no_one_country_are_not_far_off_namesakes(gaz, name):
    place = gaz.resolve(name).place
    assert place is not None and place.kind == "other" and not place.country


def test_group_names_are_names(gaz):
    assert gaz.has_name("Donbas") and gaz.has_name("the Donbas")
    assert gaz.resolve("Donbas").status == "group"


def test_the_raion_named_outranks_the_spelling(gaz):
    # "Pokrovsk ... in Nikopol district": Pokrovske there, not the city of that exact name.
    place = gaz.resolve("Pokrovsk", admin2="UA.04.1208").place
    assert place.admin2 == "UA.04.1208" and place.name == "Pokrovske"
    assert gaz.resolve("Pokrovsk").place.admin1 == "UA.05"


@pytest.mark.parametrize("name", ["Krasnopillia", "Khotin", "Myropillia", "Velyka Pysarivka"])
def test_border_communities_of_sumy_oblast_bare(gaz, name):
    assert gaz.resolve(name).place.admin1 == "UA.21"
