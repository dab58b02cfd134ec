"""Records that name places -> normalised rows -> an event table."""

import pytest

from geo_ukraine import EVENT_COLUMNS, EventSchemaError, events_from_records
from geo_ukraine.events.records import parse_event_date


def test_schema_columns_and_types():
    ev = events_from_records([{"event_date": "2026-02-04", "event_type": "shelling",
                               "location": "Druzhkivka", "fatalities": 7, "injured": 8,
                               "weapon": "artillery"}])
    assert list(ev.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    assert ev.columns[-1] == "weapon", "extra columns are kept"
    assert ev.crs.to_epsg() == 4326
    row = ev.iloc[0]
    assert (row.fatalities, row.injured) == (7, 8)
    assert row.acled_event_type == "Explosions/Remote violence"
    assert row.event_id.startswith("gu-")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-02-04", ("2026-02-04", "day")), ("2026-02", ("2026-02-01", "month")),
     ("2026-W06", ("2026-02-02", "week")), ("2026-02-04T10:00:00", ("2026-02-04", "day"))],
)
def test_dates_and_precision(value, expected):
    assert parse_event_date(value) == expected


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"event_type": "shelling", "location": "Kyiv"}, "record 1: 'event_date' is missing"),
        ({"event_date": "2026-13-45", "event_type": "shelling", "location": "Kyiv"},
         "event_date '2026-13-45' is not a date"),
        ({"event_date": "2026-02-04", "event_type": "bombing", "location": "Kyiv"},
         "'bombing' is not in the taxonomy"),
        ({"event_date": "2026-02-04", "event_type": "shelling", "location": "Kyiv",
          "fatalities": -1}, "fatalities must be a non-negative"),
        ({"event_date": "2026-02-04", "event_type": "shelling", "location": "Kyiv",
          "injured": "many"}, "injured must be a whole number"),
        ({"event_date": "2026-02-04", "event_type": "shelling", "location": "Kyiv",
          "status": "rumoured"}, "status 'rumoured'"),
        ({"event_date": "2026-02-04", "event_type": "shelling", "location": "Kyiv",
          "lon": 37.5, "lat": 148.6}, "latitude 148.6 is outside"),
        ("Kyiv", "expected a mapping"),
    ],
)
def test_bad_records_name_the_record_and_the_problem(record, message):
    with pytest.raises(EventSchemaError, match=message.replace("(", r"\(")):
        events_from_records([record], source_name="table")
