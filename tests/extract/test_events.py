"""Events from text: types, status, dates and provenance; bad input."""

import pytest

from geo_ukraine import EventSchemaError, events_from_text, extract_events, find_places
from geo_ukraine.extract.classify import attribution


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


def test_bad_input():
    with pytest.raises(TypeError, match="string"):
        find_places(None)
    with pytest.raises(EventSchemaError, match="published"):
        extract_events("text", published="yesterday")


@pytest.mark.parametrize(
    ("sentence", "following", "event_type", "expected"),
    [
        ("Russian state media said troops took a village.", "", "territorial_claim",
         ("claimed", "Russian state media")),
        ("Drones hit Kyiv, officials said.", "Reuters confirmed the toll.", "drone_strike",
         ("confirmed", "officials")),
        ("Drones hit Kyiv.", "The claim could not be independently verified.", "drone_strike",
         ("claimed", None)),
        ("Drones hit Kyiv, according to the General Staff.", "", "drone_strike",
         ("reported", "the General Staff")),
    ],
)
def test_attribution(sentence, following, event_type, expected):
    assert attribution(sentence, following, event_type) == expected


def test_events_from_text_is_extract_events():
    assert events_from_text is extract_events
