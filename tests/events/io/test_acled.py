"""ACLED CSV exports in and out."""

import csv
import re

import pytest

import geo_ukraine
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


# ---------------------------------------------------------------------- finding 5
def _claims():
    with pytest.warns(geo_ukraine.UnresolvedPlaceWarning):
        return geo_ukraine.events_from_records([
            {"event_date": "2026-02-04", "event_type": "territorial_claim",
             "location": "Kurakhove", "status": "claimed",
             "claimed_by": "Russian MoD; via TASS = 100% sure"},
            {"event_date": "2026-02-05", "event_type": "shelling", "location": "Qwzxv",
             "status": "confirmed", "notes": "no place for this one"},
            {"event_date": "2026-02-06", "event_type": "territorial_claim",
             "location": "Zaporizhzhia and Donetsk regions", "status": "claimed",
             "claimed_by": "Ukrainian General Staff"},
            {"event_date": "2026-02-07", "event_type": "diplomacy", "location": "Geneva"},
            {"event_date": "2026-02-08", "event_type": "cross_border_strike",
             "location": "Belgorod region"},
        ])


def test_an_unplaced_event_is_exported_with_empty_coordinates(tmp_path):
    path = write_acled(_claims(), tmp_path / "acled.csv")
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    assert (rows[1]["latitude"], rows[1]["longitude"]) == ("", "")
    back = read_events(path, driver="acled")
    assert back.resolution.iloc[1] == "unresolved" and back.geometry.iloc[1] is None


def test_a_failed_acled_export_leaves_no_partial_file(tmp_path, monkeypatch):
    from geo_ukraine.events.io import acled_write

    real = acled_write._acled_row
    calls = []

    def fail_on_third(*args):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("boom")
        return real(*args)

    monkeypatch.setattr(acled_write, "_acled_row", fail_on_third)
    with pytest.raises(RuntimeError):
        write_acled(_claims(), tmp_path / "acled.csv")
    assert list(tmp_path.iterdir()) == []


def test_claims_and_claimants_survive_an_acled_round_trip(tmp_path):
    events = _claims()
    path = write_acled(events, tmp_path / "acled.csv")
    tags = [r["tags"] for r in csv.DictReader(path.read_text(encoding="utf-8").splitlines())]
    assert tags[0] == ("geo_ukraine:event_type=territorial_claim; geo_ukraine:status=claimed; "
                       "geo_ukraine:claimed_by=Russian MoD%3B via TASS = 100%25 sure")
    back = read_events(path, driver="acled")
    assert list(back.status) == list(events.status)
    assert list(back.claimed_by) == list(events.claimed_by)
    assert list(back.event_type) == list(events.event_type)
    again = write_acled(back, tmp_path / "again.csv")
    assert again.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_a_status_changed_after_import_is_written_to_the_tags(tmp_path):
    events = events_from_acled(ACLED_SAMPLE)
    events.loc[0, "status"] = "claimed"
    events.loc[0, "claimed_by"] = "Ukrainian police"
    back = read_events(write_acled(events, tmp_path / "a.csv"), driver="acled")
    assert (back.status.iloc[0], back.claimed_by.iloc[0]) == ("claimed", "Ukrainian police")
    assert back.status.iloc[1] == "reported" and back.claimed_by.iloc[1] is None


def test_admin_columns_are_names_and_iso_is_the_numeric_code(tmp_path):
    path = write_acled(_claims(), tmp_path / "acled.csv")
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    assert [r["iso"] for r in rows] == ["804", "", "804", "756", "643"]
    assert rows[0]["admin1"] == "Donetsk" and rows[0]["country"] == "Ukraine"
    assert rows[2]["admin1"] == "Zaporizhzhia", "a multi-region event: its first region's name"
    assert rows[3]["admin1"] == "", "a code the gazetteer cannot name is left out, not written"
    assert rows[4]["admin1"] == "Belgorod"
    for row in rows:
        assert "." not in row["admin1"] and "|" not in row["admin1"], row["admin1"]
        assert "." not in row["admin2"], row["admin2"]


def test_iso_table_matches_the_countries_gazetteer():
    gaz = geo_ukraine.Gazetteer.default()
    from geo_ukraine.events.io.acled import ISO_NUMERIC

    assert ISO_NUMERIC["UA"] == 804 and ISO_NUMERIC["RU"] == 643
    for code in ISO_NUMERIC:
        assert gaz.get(f"c:{code}").country == code


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [("fatalities", "-5", "line 2: fatalities must be a non-negative whole number, got '-5'"),
     ("fatalities", "abc", "line 2: fatalities must be a whole number, got 'abc'"),
     ("fatalities", "2.7", "line 2: fatalities must be a whole number, got '2.7'"),
     ("fatalities", "true", "line 2: fatalities must be a whole number, got 'true'"),
     ("geo_precision", "9", "line 2: geo_precision 9 is not one of"),
     ("latitude", "nan", "line 2: latitude must be finite"),
     ("longitude", "200", "line 2: longitude 200.0 is outside"),
     ("event_date", "2026-02-30", "line 2: event_date '2026-02-30' is not a date")],
)
def test_bad_acled_values_name_the_line_and_field(tmp_path, column, value, message):
    lines = ACLED_SAMPLE.read_text().splitlines()
    fields = lines[1].split(",")
    fields[ACLED_COLUMNS.index(column)] = value
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([lines[0], ",".join(fields)]) + "\n")
    with pytest.raises(EventSchemaError, match=re.escape(message)):
        read_events(path)
