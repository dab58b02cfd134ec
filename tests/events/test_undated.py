"""Events whose source gives no date are kept, undated, through every format."""

from __future__ import annotations

import pytest

import geo_ukraine as gu
from geo_ukraine import EventSchemaError


@pytest.fixture(scope="module")
def events():
    return gu.events_from_records([
        {"event_type": "shelling", "location": "Kharkiv", "date_precision": "unknown",
         "fatalities": 1},
        {"event_date": "2026-02-01", "event_type": "drone_strike", "location": "Sumy"},
    ])


def test_an_undated_event_has_a_null_date_and_unknown_precision(events):
    assert events.event_date.iloc[0] is None and events.date_precision.iloc[0] == "unknown"
    assert gu.validate_events(events) is events


@pytest.mark.parametrize("suffix", [".geojson", ".csv", ".kml", ".kmz", ".gpkg", ".parquet"])
def test_undated_events_survive_a_round_trip(events, tmp_path, suffix):
    back = gu.read_events(gu.write_events(events, tmp_path / f"e{suffix}"))
    assert list(back.event_date) == [None, "2026-02-01"]
    assert list(back.date_precision) == ["unknown", "day"]


def test_undated_events_survive_acled(events, tmp_path):
    back = gu.events_from_acled(gu.write_acled(events, tmp_path / "a.csv"))
    assert list(back.event_date) == [None, "2026-02-01"]
    assert list(back.date_precision) == ["unknown", "day"]


def test_a_date_with_unknown_precision_or_no_date_without_it_is_refused():
    with pytest.raises(EventSchemaError, match="date_precision says 'unknown'"):
        gu.events_from_records([{"event_date": "2026-02-01", "date_precision": "unknown",
                                 "event_type": "shelling", "location": "Kharkiv"}])
    with pytest.raises(EventSchemaError, match="'event_date' is missing"):
        gu.events_from_records([{"event_type": "shelling", "location": "Kharkiv"}])


def test_undated_events_are_drawn_and_survive_as_of(events, tmp_path):
    html = gu.save_map(gu.event_map(events, as_of="2026-03-01"), tmp_path / "m.html")
    assert "Kharkiv" in html.read_text(encoding="utf-8")
