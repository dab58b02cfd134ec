import geopandas as gpd
import pytest
from shapely.geometry import Point

from geo_ukraine.corpus.dataset import (
    check_dataset_output,
    count_rows,
    dataset_directory,
    is_dataset,
)
from geo_ukraine.errors import GeoUkraineError


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
