"""CSV: long notes, NUL and control characters kept; bad rows refused with line and field."""

import csv

import pytest

from geo_ukraine import EventSchemaError, read_events, write_events
from geo_ukraine.events import event_frame
from tests.events.io.support import assert_same, full_row

HEADER = "event_date,event_type,location,resolution,fatalities,lon,lat,wkt\n"
GOOD = "2026-02-04,shelling,Druzhkivka,resolved,7,37.5254,48.62,\n"


def test_a_note_over_128_kib_survives_and_the_limit_is_restored(tmp_path):
    before = csv.field_size_limit()
    events = event_frame([full_row(0, None, resolution="unresolved", notes="x" * 300_000)])
    back = read_events(write_events(events, tmp_path / "long.csv"))
    assert back.notes.iloc[0] == "x" * 300_000
    assert csv.field_size_limit() == before


def test_nul_and_control_characters_survive(tmp_path):
    events = event_frame([full_row(0, None, resolution="unresolved",
                                   notes="a\x00b\x01c\r\nd\re\x1b")])
    back = read_events(write_events(events, tmp_path / "ctl.csv"))
    assert_same(events, back)


@pytest.mark.parametrize(
    ("row", "message"),
    [("2026-02-04,shelling,X,resolved,7,,,POINT (200 100)",
      "line 2: geometry: longitude 200.0 is outside"),
     ("2026-02-04,shelling,X,resolved,7,,,POINT (37 -95)", "latitude -95.0 is outside"),
     ("2026-02-04,shelling,X,resolved,7,,,POINT (nan nan)", "longitude must be finite"),
     ("2026-02-04,shelling,X,resolved,7,NaN,48,", "line 2: bad geometry: longitude must be"),
     ("2026-02-04,shelling,X,resolved,7,inf,48,", "longitude must be finite"),
     ("2026-02-04,shelling,X,resolved,7,37,148,", "line 2: bad geometry: latitude 148.0"),
     ("2026-02-04,shelling,X,resolved,7,,,NOT WKT", "line 2: bad geometry"),
     ("2026-02-04,shelling,X,resolved,-5,37,48,", "line 2: fatalities must be a non-negative"),
     ("2026-02-04,shelling,X,resolved,abc,37,48,", "line 2: fatalities must be a whole number"),
     ("2026-02-04,shelling,X,resolved,2.7,37,48,", "line 2: fatalities must be a whole number"),
     ("2026-02-04,shelling,X,resolved,true,37,48,", "line 2: fatalities must be a whole number"),
     ("2026-02-04,shelling,X,resolved,1e400,37,48,", "line 2: fatalities must be a whole"),
     ("2026-02-04,bombing,X,resolved,1,37,48,", "line 2: event_type 'bombing' is not one of"),
     ("2026-02-30,shelling,X,resolved,1,37,48,", "line 2: event_date '2026-02-30' is not a"),
     ("2026-02-04,shelling,X,resolved,1,37,48,,extra", "line 2: more cells than the header")],
)
def test_bad_rows_name_the_line_and_field(tmp_path, row, message):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + row + "\n")
    with pytest.raises(EventSchemaError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_events(path)


def test_a_multi_line_cell_counts_lines_as_the_file_does(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER.replace(",wkt", ",wkt,notes") + GOOD.replace(",\n", ',,"a\nb"\n')
                    + "2026-02-04,shelling,X,resolved,-1,37,48,,\n")
    with pytest.raises(EventSchemaError, match=r"bad\.csv line 4: fatalities"):
        read_events(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"),
     (HEADER.encode() + b"2026-02-04,shelling,\xff\xfe,resolved,1,37,48,\n",
      "not UTF-8 text (byte 0xff at line 2)")],
)
def test_unreadable_files_name_the_file(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(EventSchemaError, match=rf"bad\.csv: {message}".replace("(", r"\(")
                       .replace(")", r"\)")):
        read_events(path)


def test_a_utf8_bom_is_read(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + GOOD).encode())
    assert read_events(path).fatalities.iloc[0] == 7
