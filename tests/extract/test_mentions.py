"""Place mentions: phrases, kinds, roles, ordinary words and namesakes."""

import pytest

from geo_ukraine import find_places


def by_surface(text):
    return {m.surface: m for m in find_places(text)}


def test_offsets_point_at_the_surface():
    text = "Overnight, drones struck Kharkiv and Sumy region; Kupyans'k was shelled."
    for m in find_places(text):
        assert text[m.start:m.end] == m.surface


@pytest.mark.parametrize(
    ("text", "surface", "kind", "place_ids"),
    [
        ("Moscow says its forces captured two villages in Kherson and Zaporizhzhia regions.",
         "Kherson and Zaporizhzhia regions", "regions", ["a1:UA.08", "a1:UA.26"]),
        ("This week Kyiv said its units fought in Russia's Kursk and Belgorod regions.",
         "Kursk and Belgorod regions", "regions", ["a1:RU.41", "a1:RU.09"]),
        ("Shelling continued in northern Kharkiv overnight, the governor wrote.",
         "northern Kharkiv", "area", ["a1:UA.07"]),
        ("The rocket hit a depot in western Ukraine near the Polish border, officials said.",
         "western Ukraine near the Polish border", "area", ["c:UA"]),
        ("Inspectors are again asking to visit the Zaporizhzhia nuclear plant this month.",
         "Zaporizhzhia nuclear plant", "facility", ["x:znpp"]),
        ("A drone fell on a house in Kryvyi Rih, the mayor said on Tuesday.",
         "Kryvyi Rih", "settlement", ["gn:703845"]),
        ("Розвідка повідомила про удар по Запоріжжю та Харкову вночі.",
         None, None, None),
    ],
)
def test_phrases_become_one_mention(text, surface, kind, place_ids):
    mentions = by_surface(text)
    if surface is None:
        return
    m = mentions[surface]
    assert m.kind == kind and m.role == "location"
    assert [p.place_id for p in m.places] == place_ids


def test_roles_tell_actors_and_name_parts_from_locations():
    text = ("Moscow used the pause to regroup, forcing Kyiv to respond along the whole front. "
            "The Kyiv Independent and Russia Matters both reported strikes on Odesa. "
            "Senator Lindsey Graham spoke about sanctions.")
    roles = [(m.surface, m.role) for m in find_places(text)]
    assert ("Moscow", "actor") in roles
    assert ("Kyiv", "actor") in roles
    assert ("Kyiv", "name_part") in roles
    assert ("Russia", "name_part") in roles
    assert ("Odesa", "location") in roles
    assert not any(s == "Graham" and r == "location" for s, r in roles)


def test_ordinary_words_are_not_places():
    text = ("Still, One of the officials said: As the war drags on, The talks stall. "
            "Most people stayed.")
    assert find_places(text) == []


def test_context_picks_the_namesake():
    text = ("Air raid sirens sounded across Vinnytsia region. Debris fell on a barn in "
            "Andriivka, the local council said.")
    andriivka = by_surface(text)["Andriivka"]
    assert andriivka.place is not None and andriivka.place.admin1 == "UA.23"
    alone = by_surface("Debris fell on a barn in Andriivka, the local council said.")
    assert alone["Andriivka"].place is None and len(alone["Andriivka"].places) > 20


@pytest.mark.parametrize(("text", "surface", "admin1"), [
    # a district said to be in a city is one of that city's, or none the gazetteer knows
    ("A missile hit Kharkiv's Kyivskyi district on Friday.", "Kyivskyi", "UA.07"),
    ("Shelling hit the Shevchenkivskyi district of Kharkiv.", "Shevchenkivskyi", "UA.07"),
    ("Debris fell in the Dniprovskyi district of Kyiv.", "Dniprovskyi", "UA.12"),
    ("Shelling hit Nikopol district in Dnipropetrovsk region.", "Nikopol", "UA.04"),
    ("A drone struck a bus in Kherson's Dniprovskyi district.", "Dniprovskyi", None),
    ("Strikes hit Zaporizhzhia's Shevchenkivskyi district overnight.", "Shevchenkivskyi",
     None),
])
def test_a_district_said_to_be_in_a_city_is_never_another_citys(text, surface, admin1):
    mention = by_surface(text)[surface]
    assert mention.kind == "admin2"
    if admin1 is None:
        assert mention.place is None, "a district the gazetteer lacks stays unresolved"
    else:
        assert mention.place is not None and mention.place.admin1 == admin1


def test_an_event_in_a_city_district_the_gazetteer_lacks_is_placed_at_the_city():
    from geo_ukraine import extract_events

    events = extract_events("A Russian drone struck a bus in Kherson's Dniprovskyi district "
                            "on Monday, injuring six passengers.", published="2026-03-05")
    assert list(events.place_name) == ["Kherson"]
    assert int(events.iloc[0].injured) == 6
