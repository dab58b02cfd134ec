"""ACLED CSV exports in and out."""

import pytest

from geo_ukraine import ACLED_COLUMNS, EventSchemaError, events_from_acled, read_events, write_acled
from tests.conftest import DATA

ACLED_SAMPLE = DATA / "events" / "acled_sample.csv"


def test_acled_import_export_round_trip(tmp_path):
    events = events_from_acled(ACLED_SAMPLE)
    assert list(events.event_type) == ["shelling", "drone_strike", "territorial_change",
                                       "civilian_casualties"]
    assert list(events.geo_precision) == [1, 2, 3, 1]
    assert events.loc[0, "admin1"] == "UA.05" and events.loc[1, "admin1"] == "RU.09"
    assert events.loc[0, "fatalities"] == 7 and events.loc[0, "actor"].startswith("Military")
    assert events.loc[3, "date_precision"] == "week"
    out = write_acled(events, tmp_path / "again.csv")
    assert out.read_text() == (ACLED_SAMPLE).read_text()
    assert out.read_text().splitlines()[0].split(",") == list(ACLED_COLUMNS)


def test_our_events_export_to_acled_and_back(tmp_path, seed_events):
    path = write_acled(seed_events, tmp_path / "acled.csv")
    back = read_events(path, driver="acled")
    assert list(back.event_type) == list(seed_events.event_type)
    assert set(back.geo_precision.dropna()) <= {1, 2, 3}


def test_bad_acled_coordinates_name_the_line(tmp_path):
    # validate_lon_lat raises InvalidCoordinateError, which is not an EventSchemaError: the
    # reader used to catch the wrong class and lose the line number.
    lines = ACLED_SAMPLE.read_text().splitlines()
    fields = lines[2].split(",")
    fields[ACLED_COLUMNS.index("latitude")] = "148.6"
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([lines[0], lines[1], ",".join(fields)]) + "\n")
    with pytest.raises(EventSchemaError, match=r"acled\.csv line 3: latitude 148\.6 is outside"):
        read_events(path, driver="acled")
