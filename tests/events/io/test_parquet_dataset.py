"""A partitioned GeoParquet dataset (a directory of parts) reads as one event table."""

import re
import subprocess
import sys

import pytest

from geo_ukraine import EVENT_COLUMNS, EventSchemaError, read_events, write_events
from tests.events.io.support import assert_same, zoo_events


def _dataset(tmp_path, events, parts):
    """``events`` written as ``parts`` numbered parts, in a directory named like a file."""
    directory = tmp_path / "events.parquet"
    directory.mkdir()
    size = -(-len(events) // parts)
    for n in range(parts):
        chunk = events.iloc[n * size:(n + 1) * size]
        if len(chunk):
            write_events(chunk, directory / f"part.{n}.parquet")
    return directory


def test_parts_are_read_in_the_order_of_their_numbers(tmp_path):
    events = zoo_events()
    directory = _dataset(tmp_path, events, parts=len(events))  # part.2 ... part.10 ...
    assert len(list(directory.glob("*.parquet"))) >= 11
    back = read_events(directory)
    assert_same(events.reset_index(drop=True), back, columns=list(EVENT_COLUMNS))


def test_a_dataset_exports_like_a_file(tmp_path):
    events = zoo_events()
    directory = _dataset(tmp_path, events, parts=3)
    out = tmp_path / "events.geojson"
    done = subprocess.run([sys.executable, "-m", "geo_ukraine", "export", str(directory),
                           "-o", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert len(read_events(out)) == len(events)


def test_a_directory_without_parts_is_refused(tmp_path):
    (tmp_path / "empty.parquet").mkdir()
    with pytest.raises(EventSchemaError, match=re.escape("without *.parquet parts")):
        read_events(tmp_path / "empty.parquet")


def test_a_bad_part_is_named(tmp_path):
    directory = _dataset(tmp_path, zoo_events(), parts=2)
    (directory / "part.7.parquet").write_bytes(b"not parquet at all")
    named = re.escape("events.parquet/part.7.parquet: not a GeoParquet")
    with pytest.raises(EventSchemaError, match=named):
        read_events(directory)


def test_a_directory_is_still_refused_for_other_formats(tmp_path):
    (tmp_path / "events.geojson").mkdir()
    with pytest.raises(EventSchemaError, match="is a directory"):
        read_events(tmp_path / "events.geojson")
