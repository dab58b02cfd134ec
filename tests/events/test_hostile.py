"""Hostile input: user text is never template code, and a failed write never loses a file."""

from __future__ import annotations

import multiprocessing
import os
import sys

import pandas as pd
import pytest

import geo_ukraine
from geo_ukraine import event_map, events_from_records, read_events, save_map, write_events
from geo_ukraine.cli import main

TITLES = [
    "Weekly {{ 7*7 }} map",
    "X{{ 6*7 }}X",
    "{{ cycler.__init__.__globals__.os.mkdir('ssti_marker') }}",
    "Front {% week 5",
    "{% for x in range(3) %}loop{% endfor %}",
    "</script><script>window.pwned=1</script>",
    "{# comment #} tail",
]


@pytest.fixture(scope="module")
def few_events():
    return events_from_records([
        {"event_date": "2026-02-04", "event_type": "shelling", "location": "Druzhkivka",
         "fatalities": 2, "notes": "{{ 7*7 }} {% if 1 %}"},
        {"event_date": "2026-02-05", "event_type": "territorial_claim",
         "location": "Sumy region", "status": "claimed", "claimed_by": "{{ config }}"},
    ])


@pytest.mark.parametrize("title", TITLES)
def test_title_is_text_never_template_source(few_events, tmp_path, monkeypatch, title):
    monkeypatch.chdir(tmp_path)
    path = save_map(event_map(few_events, title=title), tmp_path / "m.html")
    html = path.read_text(encoding="utf-8")
    assert not (tmp_path / "ssti_marker").exists()
    if "{{" in title:
        assert "49" not in title and "Weekly 49 map" not in html and "X42X" not in html
    # The title appears escaped in the page (and in the legend's JSON), never as live markup.
    from geo_ukraine._html import escape

    assert escape(title) in html
    assert "<script>window.pwned" not in html


def test_cli_title_injection_creates_nothing(few_events, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = write_events(few_events, tmp_path / "ev.geojson")
    title = "{{ cycler.__init__.__globals__.os.mkdir(dict(ssti_marker=1)|first) }}"
    assert main(["map", str(src), "-o", str(tmp_path / "m.html"), "--title", title]) == 0
    assert not (tmp_path / "ssti_marker").exists()
    assert "Weekly 49" not in (tmp_path / "m.html").read_text(encoding="utf-8")


# ------------------------------------------------------------------------- atomic writes
def _bad_note(events):
    # An object column: pandas' pyarrow-backed strings refuse a lone surrogate themselves.
    bad = events.copy()
    bad["notes"] = pd.Series(["lone surrogate \ud800 cannot be encoded"] * len(bad),
                             index=bad.index, dtype=object)
    return bad


def test_failed_kml_write_keeps_previous_file(few_events, tmp_path, monkeypatch):
    from xml.etree import ElementTree

    path = write_events(few_events, tmp_path / "ev.kml")
    before = path.read_bytes()

    def half_then_fail(self, handle, **kwargs):
        handle.write(b"<?xml")
        raise OSError("disk full")

    monkeypatch.setattr(ElementTree.ElementTree, "write", half_then_fail)
    with pytest.raises(OSError):
        write_events(few_events, path)
    assert path.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize("suffix", [".geojson", ".csv", ".gpkg", ".kml", ".kmz", ".parquet"])
def test_failed_write_keeps_previous_file(few_events, tmp_path, suffix):
    path = write_events(few_events, tmp_path / f"ev{suffix}")
    before = path.read_bytes()
    with pytest.raises((UnicodeError, ValueError, OSError, geo_ukraine.GeoUkraineError)):
        write_events(_bad_note(few_events), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name], "temporary file left behind"


def test_export_onto_its_own_input_is_refused_before_work(few_events, tmp_path, capsys):
    src = write_events(_bad_note(few_events).assign(notes="fine"), tmp_path / "in.geojson")
    before = src.read_bytes()
    assert main(["export", str(src), "-o", str(src)]) == 2
    err = capsys.readouterr().err
    assert "also an input" in err and err.count("\n") == 1
    assert src.read_bytes() == before


def test_map_failure_keeps_existing_html(few_events, tmp_path, monkeypatch):
    out = tmp_path / "m.html"
    out.write_text("previous map", encoding="utf-8")
    m = event_map(few_events)

    def boom(_m):
        raise RuntimeError("rendering failed")

    # Patched where save_map looks it up, whichever module of geo_ukraine.maps that is.
    monkeypatch.setattr(sys.modules[save_map.__module__], "offline_html", boom)
    with pytest.raises(RuntimeError):
        save_map(m, out)
    assert out.read_text(encoding="utf-8") == "previous map"


@pytest.mark.parametrize("target", ["dir", "fifo"])
def test_non_regular_targets_are_refused(few_events, tmp_path, target, capsys):
    # A FIFO stands in for device nodes such as /dev/full: never replaced by a file.
    src = write_events(few_events, tmp_path / "in.geojson")
    out = tmp_path / "target"
    if target == "dir":
        out.mkdir()
    else:
        os.mkfifo(out)
    assert main(["export", str(src), "-o", str(out), "--driver", "gpkg"]) == 2
    err = capsys.readouterr().err
    assert ("a directory" if target == "dir" else "not a regular file") in err
    assert out.is_dir() if target == "dir" else out.is_fifo()


def test_interrupted_write_leaves_nothing_half_written(few_events, tmp_path, monkeypatch):
    path = write_events(few_events, tmp_path / "ev.csv")
    before = path.read_bytes()
    import csv

    real = csv.writer

    class Interrupting:
        def __init__(self, handle):
            self._w = real(handle)
            self._n = 0

        def writerow(self, row):
            self._n += 1
            if self._n == 2:
                raise KeyboardInterrupt
            return self._w.writerow(row)

    monkeypatch.setattr(csv, "writer", Interrupting)
    with pytest.raises(KeyboardInterrupt):
        write_events(few_events, path)
    assert path.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 1


# -------------------------------------------------------------------- concurrent ingest
def _ingest_one(args: tuple[str, str]) -> int:
    cache, csv_path = args
    os.environ["GEO_UKRAINE_CACHE"] = cache
    geo_ukraine.configure(cache_dir=cache)
    from geo_ukraine.gazetteer.ingest import ingest

    return int(ingest(csv_path)["rows_written"])


def test_parallel_ingests_lose_no_rows(tmp_path):
    files = []
    for i in range(4):
        path = tmp_path / f"places_{i}.csv"
        rows = [f"Testplace{i}x{j},,{45 + i * 0.1 + j * 0.001},{30 + j * 0.001},UA,,"
                for j in range(40)]
        path.write_text("name,aliases,lat,lon,country,admin1,admin2\n" + "\n".join(rows) + "\n",
                        encoding="utf-8")
        files.append(str(path))
    cache = str(tmp_path / "cache")
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(4) as pool:
        pool.map(_ingest_one, [(cache, f) for f in files])
    geo_ukraine.configure(cache_dir=cache)
    gaz = geo_ukraine.Gazetteer.from_embedded(overlay=True)
    for i in range(4):
        for j in (0, 39):
            assert gaz.resolve(f"Testplace{i}x{j}").place is not None, (i, j)
    assert read_events  # the public reader is untouched by the overlay
