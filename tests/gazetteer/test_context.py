"""Context narrows namesakes before the prior: an oblast, a raion, a town the place is near."""

from __future__ import annotations

import pytest

from geo_ukraine.gazetteer.ranking import WAR_REPORTING_WEIGHT, haversine_km, war_reporting_prior


def test_near_picks_the_namesake_closest_to_the_named_town(gaz):
    # "Pishchane, outside Kupiansk" is the Kharkiv-oblast village, not the Donetsk one.
    kupiansk = gaz.resolve("Kupiansk").place
    match = gaz.resolve("Pishchane", near=(kupiansk.lon, kupiansk.lat))
    assert match.place is not None and match.place.admin1 == "UA.07"
    assert haversine_km(kupiansk.lon, kupiansk.lat, match.place.lon, match.place.lat) < 30


def test_the_article_s_oblasts_prefer_namesakes_inside_them(gaz):
    bare = gaz.resolve("Zelenyi Hai")
    in_kharkiv = gaz.resolve("Zelenyi Hai", context_admin1={"UA.07"})
    assert in_kharkiv.best.admin1 == "UA.07"
    assert bare.best.admin1 != "UA.07"
    # a preference, not a filter: other namesakes stay among the candidates
    assert {c.place.admin1 for c in in_kharkiv.candidates} > {"UA.07"}


def test_a_raion_narrows_to_the_village_in_it(gaz):
    shevchenko = gaz.candidates("Shevchenko", admin1="UA.05")
    raions = {c.place.admin2 for c in shevchenko if c.place.admin2}
    assert len(raions) > 2
    for raion in sorted(raions)[:3]:
        match = gaz.resolve("Shevchenko", admin2=raion)
        assert match.best.admin2 == raion


@pytest.mark.parametrize(("name", "admin1"), [("Rivne", "UA.05"), ("Zaporizhzhia", "UA.05"),
                                             ("Poltava", "UA.07"), ("Kyiv", "UA.16")])
def test_a_village_named_like_a_regional_capital_is_reached_with_its_oblast(gaz, name, admin1):
    # Donetsk oblast has villages called Rivne and Zaporizhzhia, Kharkiv oblast one called
    # Poltava: bare, the name is the city; with the village's oblast, it is the village.
    city = gaz.resolve(name).place
    assert city.population > 200_000 and city.admin1 != admin1
    village = gaz.resolve(name, admin1=admin1, kind="settlement").best
    assert village is not None and village.admin1 == admin1
    assert village.population < 5_000 and village.location_precision == "point"


def test_a_city_abroad_is_not_held_under_a_theatre_city_of_its_name(gaz):
    # Oleksandriia (76,097, Kirovohrad oblast) is also spelled Alexandria: namesakes of a
    # theatre city are held to a tenth of its weight, but a city of 50,000+ abroad is not
    # one of them, and Alexandria (5.3 million) stays Egypt's.
    assert gaz.resolve("Alexandria").place.country == "EG"


def test_the_war_reporting_prior_is_a_documented_table_and_a_distance(gaz):
    assert max(WAR_REPORTING_WEIGHT, key=WAR_REPORTING_WEIGHT.get) == "UA.05"
    assert all(w >= 1 for w in WAR_REPORTING_WEIGHT.values())
    front = gaz.store.row(gaz.resolve("Robotyne").place.place_id)
    lviv_village = next(r for r in gaz.store.rows if r.admin1 == "UA.15"
                        and r.kind == "settlement" and r.precision == "point")
    assert war_reporting_prior(front) > 50 * war_reporting_prior(lviv_village)
