"""Incidents: one event per incident and place, its type, its figures, its place."""

import pandas as pd
import pytest

from geo_ukraine import extract_events


def events(text):
    return extract_events(text, published="2026-03-05")


def figures(row):
    return tuple(None if pd.isna(v) else int(v) for v in (row.fatalities, row.injured))


def test_a_strike_with_its_weapon_named_carries_its_casualties():
    ev = events("A ballistic missile killed 12 people in Poltava on Monday.")
    assert list(ev.event_type) == ["missile_strike"]
    assert figures(ev.iloc[0]) == (12, None)


def test_casualties_after_a_strike_are_the_strikes_not_a_second_event():
    ev = events("Drones struck Sumy overnight. Three residents were killed in Sumy, the mayor "
                "said.")
    assert list(ev.event_type) == ["drone_strike"]
    assert figures(ev.iloc[0]) == (3, None)


def test_a_follow_up_sentence_completes_the_event_before_it():
    ev = events("A guided bomb hit a school in Kostiantynivka on March 2, killing two "
                "teachers.\nAt least a dozen people were injured, the governor added.")
    # the school hit is damage beside the strike; the figures are the strike's
    assert list(ev.event_type) == ["glide_bomb", "infrastructure_damage"]
    assert figures(ev.iloc[0]) == (2, 12)
    assert set(ev.event_date) == {"2026-03-02"}


def test_no_casualties_is_zero():
    ev = events("A missile hit a warehouse in Odesa on March 3. There were no casualties.")
    assert figures(ev.iloc[0]) == (0, 0)


def test_damage_is_its_own_event_beside_the_strike():
    ev = events("Russian drones hit Kharkiv on March 3, damaging a nine-storey apartment "
                "block and killing one man.")
    assert list(ev.event_type) == ["drone_strike", "infrastructure_damage"]
    assert figures(ev.iloc[0]) == (1, None) and figures(ev.iloc[1]) == (None, None)


def test_a_dateline_or_an_actor_is_not_where_the_event_is():
    ev = events("ODESA (Reuters) - Russian drones struck a grain terminal in Izmail on "
                "March 3, killing one worker.\nMoscow blamed Kyiv for the strike on Belgorod.")
    assert "Odesa" not in set(ev.place_name)
    assert "Kyiv" not in set(ev.place_name) and "Moscow" not in set(ev.place_name)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Explosions were heard near an airfield in Saky in occupied Crimea on March 3.",
         "cross_border_strike"),
        ("Russia said its troops had retaken Sudzha on March 3.", "territorial_claim"),
        ("Ukrainian troops withdrew from Avdiivka on March 3, the army said.",
         "territorial_change"),
        ("The minister announced a military aid package while visiting Odesa on March 3.",
         "aid"),
        ("Russian artillery shelled Nikopol on March 3, the governor said.", "shelling"),
    ],
)
def test_types(text, event_type):
    assert events(text).iloc[0].event_type == event_type


def test_an_attack_whose_victims_the_next_sentence_gives_is_an_event_there():
    ev = events("The governor reported an evening attack on the village of Velyka Pysarivka. "
                "A woman was killed and two men were taken to hospital.")
    assert list(ev.event_type) == ["civilian_casualties"]
    assert ev.iloc[0].place_name == "Velyka Pysarivka" and figures(ev.iloc[0]) == (1, 2)


def test_an_attack_on_a_town_that_damaged_a_school_is_damage():
    ev = events("A Russian attack on Chernihiv on Tuesday damaged a school.")
    assert list(ev.event_type) == ["infrastructure_damage"]


@pytest.mark.parametrize("text", [
    "A Russian strike hit a dormitory in Poltava on Tuesday.",
    "An overnight attack destroyed a warehouse in Bila Tserkva.",
])
def test_a_strike_whose_weapon_is_not_named_that_hit_a_building_is_damage(text):
    assert list(events(text).event_type) == ["infrastructure_damage"]


def test_a_strike_that_hit_a_building_with_victims_after_it_is_one_incident():
    ev = events("A strike hit a dormitory in Poltava on Tuesday. Five students were injured.")
    assert list(ev.event_type) == ["civilian_casualties", "infrastructure_damage"]
    assert figures(ev.iloc[0]) == (None, 5)


def test_an_attack_named_with_no_harm_or_damage_is_no_event():
    assert events("Officials discussed the attack on Chernihiv at length.").empty


def test_a_regions_total_that_its_incidents_add_up_to_is_not_an_event():
    ev = events("Russian shelling killed two people and wounded five in the Kherson region. "
                "A shell killed a man and wounded two women in Kherson. "
                "In Bilozerka, a drone strike killed a woman and wounded three people.")
    assert set(ev.place_name) == {"Kherson", "Bilozerka"}
    assert all(ev.geo_precision == 1)


def test_a_regions_total_beyond_its_incidents_is_kept():
    ev = events("Russian shelling killed nine people in the Kherson region on Monday. "
                "A shell killed a man in Kherson.")
    assert sorted(figures(r) for _, r in ev.iterrows()) == [(1, None), (9, None)]


def test_victims_counted_at_another_town_are_an_event_there():
    ev = events("Ukrainian drones attacked Belgorod, killing a civilian, the governor said. "
                "Three more people were wounded in Shebekino.")
    assert [(r.place_name, figures(r)) for _, r in ev.iterrows()] == [
        ("Belgorod", (1, None)), ("Shebekino", (None, 3))]


def test_victims_inside_a_strike_placed_by_country_complete_it():
    ev = events("Two missiles hit a hospital in Ukraine on Tuesday, killing 20 people. "
                "The governor of Poltava said that 40 people were wounded.")
    assert len(ev[ev.event_type == "missile_strike"]) == 1
    assert figures(ev[ev.event_type == "missile_strike"].iloc[0]) == (20, 40)
    assert "civilian_casualties" not in set(ev.event_type)


def test_soldiers_lost_without_a_strike_are_no_civilian_casualties():
    assert events("Ukraine said 30 Russian soldiers were killed near Bakhmut.").empty


@pytest.mark.parametrize("text", [
    "Two missiles came down on Chernihiv before dawn, hitting a maternity ward.",
    "A drone hit a residential building in Kharkiv overnight.",
])
def test_a_civilian_building_hit_is_damage_beside_the_strike(text):
    assert "infrastructure_damage" in set(events(text).event_type)


def test_a_strike_that_hit_no_building_is_no_damage():
    ev = events("A missile hit the outskirts of Odesa overnight, killing two people.")
    assert list(ev.event_type) == ["missile_strike"]


@pytest.mark.parametrize("text", [
    "A Russian strike on Kupiansk killed two people, Kharkiv Governor Oleh Syniehubov said.",
    "Drones hit Kupiansk overnight, killing two, according to Kharkiv regional governor "
    "Oleh Syniehubov.",
    "Drones hit Kupiansk overnight, killing two, the governor of the Kharkiv region said.",
])
def test_an_officials_jurisdiction_is_not_where_the_event_is(text):
    assert set(events(text).place_name) == {"Kupyansk"}


def test_a_jurisdiction_that_is_the_only_place_is_the_events_place():
    ev = events("Kharkiv Mayor Ihor Terekhov said a drone hit a school in the city.")
    assert set(ev.place_name) == {"Kharkiv"}


@pytest.mark.parametrize(("text", "who"), [
    # the source that closes a sentence told of the strike; it did not strike
    ("Shelling killed two people in Kherson, Ukraine's prosecutor general's office said.",
     None),
    ("A missile hit a clinic in Zaporizhzhia, according to Ukraine's emergency service.",
     None),
    ("Drones struck a fuel depot in Bryansk region overnight, Russia's governor Alexander "
     "Bogomaz said.", "Ukraine"),
    # a side named before its report is still who acted
    ("Russian forces shelled Nikopol on Monday, killing one man.", "Russia"),
])
def test_the_source_closing_a_sentence_is_not_who_acted(text, who):
    ev = events(text)
    assert len(ev) >= 1
    assert ev.iloc[0].actor == who or (who is None and pd.isna(ev.iloc[0].actor))


def test_a_strike_in_russia_whose_weapon_is_not_named_is_a_cross_border_strike():
    ev = events("Ukraine's General Staff said it hit an oil refinery in Russia's Saratov region "
                "on Monday.")
    assert ev.iloc[0].event_type == "cross_border_strike" and ev.iloc[0].admin1 == "RU.67"
    assert ev.iloc[0].actor == "Ukraine"


def test_a_datelines_city_taken_up_again_is_where_the_event_is():
    ev = events("KHARKIV — Guided bombs hit the city's northern outskirts on Tuesday, wounding "
                "seven people, the mayor said.")
    assert list(ev.event_type) == ["glide_bomb"] and list(ev.place_name) == ["Kharkiv"]
    assert figures(ev.iloc[0]) == (None, 7)


def test_a_dateline_over_a_story_about_another_town_is_not_where_the_event_is():
    ev = events("ODESA — Russian drones hit the port of Izmail overnight, the governor said.")
    assert "Odesa" not in set(ev.place_name)
