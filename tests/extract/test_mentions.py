import pandas as pd
import pytest

from geo_ukraine import EventSchemaError, extract_events, find_places, publication_date
from geo_ukraine.extract import sentences


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
        ("Kyiv reported fighting inside Russia's Kursk and Belgorod regions this week.",
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


def test_mojibake_and_menus_are_noise():
    text = ("En\nEnglishAzərbaycanРусский\nBreaking Stories You Might Have Missed\n"
            "Talks with President Gitanas NausÄ—da touched on drones and missile deliveries.\n")
    noise = [s.noise for s in sentences(text)]
    assert noise[:3] == [True, True, True]
    assert not any("Naus" in m.surface for m in find_places(text))
    assert len(extract_events(text, published="2026-02-01")) == 0


FIGURES = [
    ("Artillery shells hit a bus stop in Kherson, killing at least five people and injuring "
     "eleven more, regional officials said on March 3.", 5, 11),
    ("A missile strike on Odesa killed two 17-year-olds and wounded six others overnight, "
     "the governor said.", 2, 6),
    ("At least a dozen people were injured when drones struck Sumy on Monday, officials "
     "reported.", None, 12),
    ("Three civilians were killed and 14 wounded as glide bombs hit Kostiantynivka, the "
     "regional governor said.", 3, 14),
]


@pytest.mark.parametrize(("sentence", "killed", "injured"), FIGURES)
def test_figures(sentence, killed, injured):
    events = extract_events(sentence, published="2026-03-05")
    assert len(events) == 1
    row = events.iloc[0]
    assert (None if pd.isna(row.fatalities) else int(row.fatalities)) == killed
    assert (None if pd.isna(row.injured) else int(row.injured)) == injured


def test_types_status_dates_and_provenance():
    text = ("Russian defence ministry said its troops had captured the village of Kurakhove "
            "on March 1. The claim could not be independently verified.\n"
            "Overnight, Russia launched more than 90 drones and 12 missiles at Kyiv, officials "
            "said, damaging energy facilities.\n"
            "Ukrainian drones struck an oil depot in Bryansk region, Russian officials said.\n"
            "Delegations met in Istanbul for talks on a prisoner exchange.\n")
    events = extract_events(text, published="2026-03-05", source="Test wire",
                            url="https://example.org/a")
    rows = {r.event_type: r for r in events.itertuples()}
    claim = rows["territorial_claim"]
    assert (claim.status, claim.event_date, claim.date_precision) == ("claimed", "2026-03-01",
                                                                      "day")
    assert claim.claimed_by.startswith("Russian defence ministry")
    assert claim.geo_precision == 2 and claim.geometry.geom_type == "Polygon"
    strike = rows["combined_strike"]
    assert (strike.location, strike.event_date) == ("Kyiv", "2026-03-04")
    assert "90 drones" in strike.quantity and "12 missiles" in strike.quantity
    assert text[strike.sentence_start:strike.sentence_end] == strike.sentence
    cross = rows["cross_border_strike"]
    assert (cross.admin1, cross.actor) == ("RU.10", "Ukraine")
    assert rows["diplomacy"].place_name == "Istanbul"
    assert set(events.source) == {"Test wire"}
    assert set(events.source_url) == {"https://example.org/a"}


def test_dates_relative_to_publication():
    text = ("At the end of January, drones hit Sumy and officials said two people were "
            "wounded.\n"
            "On February 4, shelling hit Nikopol, killing one resident.\n")
    events = extract_events(text, published="2026-02-10")
    assert list(events.event_date) == ["2026-01-26", "2026-02-04"]
    assert list(events.date_precision) == ["week", "day"]


def test_header_date_and_missing_date():
    text = "March 3, 2026\n\nOvernight, missiles struck Dnipro and killed four people.\n"
    assert str(publication_date(text)) == "2026-03-03"
    assert extract_events(text).iloc[0].event_date == "2026-03-02"
    with pytest.raises(EventSchemaError, match="published"):
        extract_events("Overnight, missiles struck Dnipro and killed four people in a block.")


def test_bad_input():
    with pytest.raises(TypeError, match="string"):
        find_places(None)
    with pytest.raises(EventSchemaError, match="published"):
        extract_events("text", published="yesterday")
