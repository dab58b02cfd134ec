"""City sections (GeoNames PPLX): Kyiv's Podil or Lviv's Sykhiv, never a village of the name.

Reporting on strikes on cities names their quarters. The points below are the sections' own
GeoNames points (geonameids in the comments); a section is right within 3 km of them.
"""

from __future__ import annotations

import pytest

from geo_ukraine import find_places
from geo_ukraine.gazetteer import CITY_SECTION
from geo_ukraine.gazetteer.ranking import haversine_km

PODIL_KYIV = (30.51627, 50.46936)  # gn:696877
SYKHIV_LVIV = (24.06284, 49.79427)  # gn:693821
SALTIVKA_KHARKIV = (36.34901, 50.02207)  # gn:6722148
ARSHYNTSEVE_KERCH = (36.42687, 45.30109)  # gn:713195
TROIESHCHYNA_KYIV = (30.60251, 50.51137)  # gn:688758


def _near(place, point, km=3.0):
    return place is not None and haversine_km(point[0], point[1], place.lon, place.lat) <= km


@pytest.mark.parametrize(("sentence", "surface", "point"), [
    ("A missile struck a house in Podil, in the centre of Kyiv, before dawn.", "Podil",
     PODIL_KYIV),
    ("Drones hit an apartment block in Sykhiv, a district of Lviv, on Sunday night.", "Sykhiv",
     SYKHIV_LVIV),
    ("Glide bombs fell on Saltivka in northeastern Kharkiv, wounding four residents.",
     "Saltivka", SALTIVKA_KHARKIV),
    ("Debris from a downed drone set a car on fire in Troieshchyna, Kyiv, officials said.",
     "Troieshchyna", TROIESHCHYNA_KYIV),
    ("Partisans reported explosions near Arshyntseve in Kerch.", "Arshyntseve",
     ARSHYNTSEVE_KERCH),
])
def test_a_city_section_named_with_its_city_is_placed_in_the_city(sentence, surface, point):
    mention = next(m for m in find_places(sentence) if m.surface == surface)
    assert mention.place is not None, f"{surface} not resolved"
    assert mention.place.feature == CITY_SECTION
    assert _near(mention.place, point), (mention.place.name, mention.place.lat,
                                         mention.place.lon)


def test_a_large_section_wins_its_name_alone_over_a_small_village(gaz):
    # Sykhiv (151,131 people) is named far more than the village of 700 of the same name.
    assert _near(gaz.resolve("Sykhiv").place, SYKHIV_LVIV)


def test_a_section_never_takes_the_name_of_a_front_line_village(gaz):
    # Poltava's Shevchenko section has 147,600 people; the village by Pokrovsk is the one
    # reporting names, and a section is never "the city" that outweighs every namesake.
    place = gaz.resolve("Shevchenko").place
    assert place is not None and place.feature != CITY_SECTION
    assert place.admin1 == "UA.05"


def test_a_sections_name_does_not_hide_a_place_spelled_like_it(gaz):
    # A section of a Donetsk-oblast town is called Ukrayina; the country is spelled so too.
    place = gaz.resolve("Ukrayina").place
    assert place is not None and place.kind == "country" and place.country == "UA"


def test_sections_keep_only_the_names_that_spell_their_own(gaz):
    # GeoNames gives a quarter of Sloviansk the name Chornobyl and Kyiv's Podil the names of
    # Podilskyi district: neither is a name of the section.
    assert gaz.resolve("Chornobyl", admin1="UA.13").place.feature != CITY_SECTION
    for candidate in gaz.candidates("Podilskyi District"):
        assert candidate.place.feature != CITY_SECTION
    sections = [r for r in gaz.store.rows if r.feature == CITY_SECTION]
    assert 500 < len(sections) < 803
    assert all(r.kind == "settlement" and r.country == "UA" and not r.katottg
               for r in sections)


def test_a_village_joined_to_the_codifier_is_never_a_city_section(gaz):
    joined = [r for r in gaz.store.rows if r.katottg and r.kind == "settlement"]
    assert joined and not [r.name for r in joined if r.feature == CITY_SECTION]
