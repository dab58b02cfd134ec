import datetime as dt

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from shapely.geometry import Point

from geo_ukraine.corpus.dataset import (
    check_dataset_output,
    count_rows,
    dataset_directory,
    is_dataset,
    part_name,
    part_schema,
    read_event_dataset,
    write_part,
)
from geo_ukraine.errors import GeoUkraineError
from tests.corpus.helpers import run_kept


def _hidden(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_dataset_appears_only_once_complete(tmp_path):
    target = tmp_path / "events.parquet"
    with dataset_directory(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".events.parquet.")
        (tmp / "part.0.parquet").write_bytes(b"0")
        assert not target.exists(), "nothing at the target while parts are written"
    assert sorted(p.name for p in target.iterdir()) == ["part.0.parquet"]
    assert _hidden(tmp_path) == []


def test_a_failed_write_leaves_no_directory_that_looks_complete(tmp_path):
    target = tmp_path / "events.parquet"
    with pytest.raises(RuntimeError, match="worker lost"), dataset_directory(target) as tmp:
        (tmp / "part.0.parquet").write_bytes(b"0")
        raise RuntimeError("worker lost")
    assert not target.exists() and _hidden(tmp_path) == []


def test_a_failed_write_keeps_the_previous_dataset(tmp_path):
    target = tmp_path / "events.parquet"
    target.mkdir()
    (target / "part.0.parquet").write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), dataset_directory(target) as tmp:
        (tmp / "part.0.parquet").write_bytes(b"new")
        raise KeyboardInterrupt
    assert (target / "part.0.parquet").read_bytes() == b"old"
    assert _hidden(tmp_path) == []


@pytest.mark.parametrize("previous", ["dataset", "file"])
def test_a_complete_write_replaces_the_previous_output(tmp_path, previous):
    target = tmp_path / "events.parquet"
    if previous == "dataset":
        target.mkdir()
        (target / "part.0.parquet").write_bytes(b"old")
        (target / "part.1.parquet").write_bytes(b"old")
    else:
        target.write_bytes(b"old single file")
    with dataset_directory(target) as tmp:
        (tmp / "part.0.parquet").write_bytes(b"new")
    assert sorted(p.name for p in target.iterdir()) == ["part.0.parquet"]
    assert (target / "part.0.parquet").read_bytes() == b"new"
    assert _hidden(tmp_path) == []


def test_a_directory_of_other_files_is_never_replaced(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    assert not is_dataset(tmp_path)
    with pytest.raises(GeoUkraineError, match="holding other files than Parquet parts"):
        check_dataset_output(tmp_path)
    with pytest.raises(OSError, match="holding other files"), dataset_directory(tmp_path):
        pass
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_an_output_that_is_an_input_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("text")
    with pytest.raises(OSError, match="is also an input"):
        check_dataset_output(article, inputs=[article])


def test_rows_are_counted_from_the_footers(tmp_path):
    frame = gpd.GeoDataFrame({"n": [1, 2, 3]}, geometry=[Point(30, 50)] * 3, crs="EPSG:4326")
    (tmp_path / "d").mkdir()
    frame.to_parquet(tmp_path / "d" / "part.0.parquet")
    frame.iloc[:1].to_parquet(tmp_path / "d" / "part.1.parquet")
    assert count_rows(tmp_path / "d") == 4
    assert count_rows(tmp_path / "d" / "part.0.parquet") == 3


def _batch(texts):
    from geo_ukraine.corpus.local import event_meta, extract_batch

    meta = event_meta()
    frame = pd.DataFrame({"text": texts, "id": [f"a{i}" for i in range(len(texts))]})
    return meta, extract_batch(frame, meta, published=dt.date(2026, 3, 5)).events


def test_the_part_schema_types_every_column_of_the_table():
    meta, _ = _batch([])
    schema = part_schema(meta)
    assert schema.names == list(meta.columns)
    assert schema.field("geometry").type == pa.binary()
    assert schema.field("event_id").type == pa.string()
    assert schema.field("article").type == pa.large_string(), "pandas' str columns"
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("extraction_confidence").type == pa.float64()


def test_every_part_is_geoparquet_in_the_same_schema_whatever_its_batch_holds(tmp_path):
    pytest.importorskip("dask_geopandas", reason="pip install 'geo_ukraine[corpus]'")
    meta, events = _batch(["Shelling killed two people in Nikopol on Monday, the governor "
                           "said.", "Drones struck Sumy overnight and wounded a woman."])
    assert len(events) >= 2 and events["notes"].isna().any()
    schema = part_schema(meta)
    empty = events.iloc[:0]
    unknown = events.iloc[:1].assign(notes=None, claimed_by=None, fatalities=pd.NA)
    for index, part in enumerate([events, empty, unknown]):
        write_part(part, tmp_path, index, schema)
    files = sorted(tmp_path.iterdir())
    assert [f.name for f in files] == [part_name(i) for i in range(3)]
    schemas = [pq.read_schema(f) for f in files]
    assert all(s.remove_metadata() == schema for s in schemas), "one table's types"
    assert all(b"geo" in s.metadata for s in schemas)
    back = gpd.read_parquet(files[0])
    assert back.crs == "EPSG:4326"
    assert back.geometry.geom_equals(events.geometry.reset_index(drop=True)).all()
    assert back["event_id"].tolist() == events["event_id"].tolist()
    assert count_rows(tmp_path) == len(events) + 1
    read, _ = run_kept(read_event_dataset, tmp_path, meta)
    assert read["fatalities"].iloc[-1] is pd.NA and read["notes"].iloc[-1] is None
