"""Namesakes chosen from what the text says: an oblast, a raion, a town nearby, the article."""

from geo_ukraine import find_places
from geo_ukraine.gazetteer.ranking import haversine_km


def first(text, surface):
    return next(m for m in find_places(text) if m.surface == surface)


def test_an_oblast_beside_the_name_picks_the_regional_capitals_namesake():
    # Mykolaiv is a regional capital; a town of the same name lies in Lviv oblast
    alone = first("A drone hit a warehouse in Mykolaiv on Sunday.", "Mykolaiv")
    assert alone.place.admin1 == "UA.16"
    there = first("A drone hit a warehouse in Mykolaiv in Lviv region on Sunday.", "Mykolaiv")
    assert there.place.admin1 == "UA.15"
    written = first("A drone hit a warehouse in Mykolaiv, Lviv Oblast, on Sunday.", "Mykolaiv")
    assert written.place.admin1 == "UA.15"
    possessive = first("A drone hit a warehouse in Mykolaiv in Ukraine's western Lviv region.",
                       "Mykolaiv")
    assert possessive.place.admin1 == "UA.15"


def test_a_town_nearby_picks_the_nearest_namesake():
    bakhmut = first("Fighting continued around Bakhmut.", "Bakhmut").place
    for text in ("Shelling hit Andriivka, near Bakhmut, on Monday.",
                 "Shelling hit Andriivka, on the outskirts of Bakhmut, on Monday.",
                 "Shelling hit Andriivka, 10 km south of Bakhmut, on Monday."):
        andriivka = first(text, "Andriivka").place
        assert andriivka is not None
        assert haversine_km(andriivka.lon, andriivka.lat, bakhmut.lon, bakhmut.lat) < 25


def test_a_raion_beside_the_name_picks_its_namesake():
    text = "A guided bomb hit a farm in Petropavlivka, Kupiansk district, at noon."
    assert first(text, "Petropavlivka").place.admin2 == "UA.07.6308"


def test_the_articles_oblasts_choose_among_namesakes():
    text = ("Air raid sirens sounded across Vinnytsia region. Debris fell on a barn in "
            "Andriivka, the local council said.")
    assert first(text, "Andriivka").place.admin1 == "UA.23"


def test_a_name_after_the_is_the_river_of_that_name():
    text = ("Troops crossed the Oskil near Kupiansk. Shells hit a village on the Dnipro's "
            "left bank. Drones hit Dnipro and the Dnipro region overnight.")
    found = [(m.surface, m.kind, m.place.place_id) for m in find_places(text)
             if m.surface.startswith(("Oskil", "Dnipro"))]
    assert found[0][:2] == ("Oskil", "other") and found[1][:2] == ("Dnipro", "other")
    assert found[0][2] != found[1][2]
    assert found[2][:2] == ("Dnipro", "settlement")
    assert found[3][:2] == ("Dnipro region", "admin1")


def test_a_town_after_the_without_a_river_of_its_name_stays_the_town():
    (sumy,) = find_places("Drones hit the Sumy suburbs overnight.")
    assert sumy.kind == "settlement"
