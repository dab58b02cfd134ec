"""``geo-ukraine extract --engine``: the corpus engines from the command line."""

import logging

import pandas as pd
import pytest

from geo_ukraine import read_events
from geo_ukraine.cli import main

# Articles of our own, one a file; the third has no date, the fourth names no place.
ARTICLES = (
    "March 2, 2024\n\nShelling hit Nikopol overnight, killing two people, officials said.\n",
    "April 9, 2024\n\nRussian drones struck Kharkiv, injuring five people, the governor said. "
    "A guided bomb hit a warehouse in Kupiansk.\n",
    "A missile damaged a school in Odesa, the city council said.\n",
    "May 1, 2024\n\nEmergency crews worked through the night.\n",
    "June 3, 2024\n\nRussia said its troops had captured the village of Bilozerka in the "
    "Kherson region.\n",
)
COLUMNS = ["event_type", "place_name", "event_date", "fatalities", "injured", "source",
           "sentence"]


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for n, text in enumerate(ARTICLES):
        (articles / f"a{n}.txt").write_text(text, encoding="utf-8")
    return articles


def _default_engine(folder, tmp_path, capsys):
    out = tmp_path / "default.parquet"
    assert main(["extract", *sorted(map(str, folder.glob("*.txt"))), "-o", str(out)]) == 0
    capsys.readouterr()
    return pd.read_parquet(out)


def _records(frame):
    """The rows' values in COLUMNS, missing values as None, whatever the column dtypes."""
    values = frame[COLUMNS].astype(object)
    return values.where(values.notna(), None).to_dict("records")


def test_dask_engine_writes_the_events_of_the_default_engine(folder, tmp_path, capsys):
    pytest.importorskip("dask_geopandas", reason="pip install 'geo_ukraine[corpus]'")
    pytest.importorskip("distributed", reason="pip install 'geo_ukraine[corpus]'")
    out = tmp_path / "events.parquet"
    status = main(["extract", str(folder), "--engine", "dask", "--workers", "1",
                   "--partition-size", "2", "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0
    assert out.is_dir() and len(list(out.glob("*.parquet"))) == 3
    assert "a2.txt" in captured.err and "--published" in captured.err  # the undated one
    assert "INFO" not in captured.err  # distributed's start-up chatter stays hidden
    events = pd.read_parquet(out)
    expected = _default_engine(folder, tmp_path, capsys)
    assert len(expected) >= 4
    assert _records(events) == _records(expected)
    assert logging.getLogger("distributed").level >= logging.WARNING


def test_local_engine_takes_a_glob_and_reports_a_bad_file(folder, tmp_path, capsys):
    (folder / "bad.txt").write_bytes(b"\xff\xfe not text")
    out = tmp_path / "events.geojson"
    status = main(["extract", str(folder / "*.txt"), "--engine", "local", "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    assert "bad.txt" in err and "skipped" in err
    events = read_events(out)
    assert set(events["source"]) == {"a0.txt", "a1.txt", "a2.txt", "a4.txt"}


@pytest.mark.parametrize("argv", [
    ["--workers", "2"],
    ["--scheduler", "tcp://127.0.0.1:1"],
    ["--partition-size", "10"],
    ["--engine", "local", "--workers", "2"],
    ["--engine", "dask", "--jobs", "2"],
    ["--engine", "dask", "--partition-size", "0"],
])
def test_engine_options_out_of_place_are_usage_errors(folder, tmp_path, capsys, argv):
    out = tmp_path / "events.parquet"
    assert main(["extract", str(folder), *argv, "-o", str(out)]) == 2
    assert "error:" in capsys.readouterr().err
    assert not out.exists()
