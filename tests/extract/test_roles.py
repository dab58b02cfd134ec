"""Roles of place names, and the names that are not places (people, outlets, months)."""

import pytest

from geo_ukraine import extract_events, find_places


def roles(text):
    return [(m.surface, m.role) for m in find_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # possessives: a country before its region is a place; before its ministry, an actor
        ("Shells fell on a farm in Ukraine's Zaporizhzhia region overnight.",
         [("Ukraine", "location"), ("Zaporizhzhia region", "location")]),
        ("Russia's defence ministry claimed that three attacks were repelled.",
         [("Russia", "actor")]),
        ("Moscow blamed Kyiv for the strike on the depot.",
         [("Moscow", "actor"), ("Kyiv", "actor")]),
        # an office's jurisdiction is a place
        ("Kharkiv Mayor Ihor Terekhov wrote that a school was damaged.",
         [("Kharkiv", "location")]),
        ("Kyiv's mayor said the metro stations stayed open as shelters.",
         [("Kyiv", "location")]),
        # fixed proper names
        ("The Kyiv Independent reported on the Armed Forces of Ukraine and the Black Sea "
         "Fleet at 5 a.m. Kyiv time.",
         [("Kyiv", "name_part"), ("Ukraine", "name_part"), ("Black Sea", "name_part"),
          ("Kyiv", "name_part")]),
        # a unit named after a place
        ("The “Zaporizhzhia” group of forces said it repelled six assaults near Orikhiv.",
         [("Zaporizhzhia", "name_part"), ("Orikhiv", "location")]),
        ("Commanders of the Kupiansk group of troops met near Izium.",
         [("Kupiansk", "name_part"), ("Izium", "location")]),
        # a capital that closes a clause after a verb of speaking speaks for its government
        ("The exchange would go ahead, said Moscow.", [("Moscow", "actor")]),
        ("Beijing urged restraint after the strike on Sumy.",
         [("Beijing", "actor"), ("Sumy", "location")]),
    ],
)
def test_roles(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "President Volodymyr Zelensky thanked the crews. Later, Volodymyr spoke again.",
        "Senator Lindsey Graham and Senator Richard Blumenthal met in a hotel lobby.",
        "Governor Vitalii Kim wrote on Telegram. Kim added that the power was back.",
        "The adviser Musaed al Alban joined the talks, Interfax and TASS said.",
        "Jan. 5 was quiet; March began with rain, German officials said.",
        # a small town's name that speaks is a surname, with no title given
        "Budanov said the talks would go on. Gladkov wrote that the night was calm.",
        "According to Medvedev, the talks were pointless.",
        "The talks went well, said Graham.",
    ],
)
def test_people_outlets_and_months_are_not_places(text):
    assert [m for m in find_places(text) if m.role != "actor"] == []


def test_a_city_or_a_place_beside_speech_stays_a_place():
    assert roles("Drones hit Izium, officials said. Sumy said goodbye to its defenders.") == [
        ("Izium", "location"), ("Sumy", "location")]
    assert roles("Izium was shelled, according to Izium's mayor.") == [
        ("Izium", "location"), ("Izium", "location")]


def test_countries_abbreviated_in_news_are_found():
    found = {(m.surface, m.place.country) for m in find_places(
        "The U.S. and the UAE hosted talks; US and UK officials attended.")}
    assert found == {("U.S.", "US"), ("UAE", "AE"), ("US", "US"), ("UK", "GB")}


def test_a_dateline_is_a_place_but_not_where_events_are():
    text = "ODESA (Reuters) - A drone struck a grain silo in Mykolaiv overnight.\n"
    odesa, mykolaiv = find_places(text)
    assert (odesa.surface, odesa.dateline, odesa.role) == ("ODESA", True, "location")
    assert mykolaiv.dateline is False


@pytest.mark.parametrize("opening", [
    "KHARKIV, May 3, 2024 — ", "KHARKIV, Ukraine, Nov. 3 (AP) - ", "KHARKIV, June 12 (Reuters) - "])
def test_a_dateline_with_a_date_is_a_dateline(opening):
    found = find_places(opening + "Drones hit a depot in Sumy region overnight.")
    kharkiv, sumy = found[0], found[-1]
    assert (kharkiv.surface, kharkiv.dateline, sumy.dateline) == ("KHARKIV", True, False)
    events = extract_events(opening + "Drones hit a depot in Sumy region overnight.",
                            published="2026-03-05")
    assert set(events.place_name) == {sumy.place.name}


def test_a_town_and_a_date_opening_a_sentence_is_no_dateline():
    (kharkiv,) = find_places("Kharkiv, May 3 was quiet until drones came after dark.")
    assert kharkiv.dateline is False


def test_possessives_stay_outside_the_span():
    (ukraine, _sumy) = find_places("Troops entered Ukraine’s Sumy region again.")
    assert ukraine.surface == "Ukraine"


def test_raions_and_city_districts_are_found():
    found = [(m.surface, m.kind) for m in find_places(
        "Debris fell in the Solomianskyi and Holosiivskyi districts; a farm in Kupiansk "
        "district burned.")]
    assert found == [("Solomianskyi", "admin2"), ("Holosiivskyi", "admin2"),
                     ("Kupiansk", "admin2")]


def test_other_spellings_and_hyphenated_names():
    found = {m.surface: m for m in find_places(
        "Power failed in the city of Krivyi Rig; the Ukraine-held town of Sudzha was quiet; "
        "troops advanced in eastern Karlivka. On Saturday Kyiv denied the claim.")}
    assert found["Krivyi Rig"].place.place_id == "gn:703845"
    assert found["Ukraine"].place.country == "UA"
    assert found["Karlivka"].kind == "settlement"
    assert found["Kyiv"].role == "actor"


def test_facilities_and_seats_of_government():
    found = {m.surface: m for m in find_places(
        "The Kremlin said the strike hit the Bilohirka grain terminal; a drone fell near the "
        "Morozovsk airbase and the Nikopol city hospital.")}
    assert (found["Kremlin"].kind, found["Kremlin"].role) == ("facility", "actor")
    assert found["Bilohirka grain terminal"].kind == "facility"
    assert found["Nikopol city hospital"].kind == "facility"
    assert found["Nikopol city hospital"].place.name == "Nikopol"  # placed at its town


def test_a_raion_named_after_its_town():
    (_village, raion) = find_places("Shells hit Cherneshchyna in Izium district at dawn.")
    assert (raion.surface, raion.kind, raion.place.place_id) == ("Izium", "admin2",
                                                                 "a2:UA.07.6304")


def test_rivers_seas_and_water_are_found():
    found = {m.surface: m.kind for m in find_places(
        "Boats crossed the Dnipro River at night while ships left the Black Sea port.")}
    assert found["Dnipro River"] == "other"


def test_headline_words_and_organisations_are_not_places():
    text = "Hit By Drones, Sumy Burns\nThe UN, NATO and the EU said the town of Sumy burned."
    assert [m.surface for m in find_places(text)] == ["Sumy", "Sumy"]
