"""The Dask engine against the local one, on a 2-process LocalCluster.

One cluster serves the module (started once, closed when the module ends, failed or not);
each worker loads the gazetteer once. The main test runs a few hundred generated articles
through both engines and compares every column of every row.
"""

import logging
import operator
import os
import warnings

import pandas as pd
import pytest

_REASON = ("the Dask engine needs dask[distributed] and dask-geopandas: "
           "pip install 'geo_ukraine[corpus]'")
dask = pytest.importorskip("dask", reason=_REASON)
distributed = pytest.importorskip("distributed", reason=_REASON)
pytest.importorskip("dask_geopandas", reason=_REASON)

import dask.dataframe as dd  # noqa: E402

from geo_ukraine import Gazetteer, UnresolvedPlaceWarning  # noqa: E402
from geo_ukraine.corpus import (  # noqa: E402
    ARTICLE_COLUMN,
    SkippedArticleWarning,
    extract_corpus,
    extract_corpus_to,
    read_event_dataset,
    write_synthetic_corpus,
)
from geo_ukraine.extract import UndatedArticleWarning  # noqa: E402
from geo_ukraine.gazetteer.ingest import ingest  # noqa: E402
from tests.conftest import DATA  # noqa: E402
from tests.corpus.helpers import BULLETINS, assert_same_events, run_kept  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                  silence_logs=logging.ERROR) as local:
        yield local


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """300 short generated articles, 3 of them without a date, 1 not UTF-8."""
    folder = tmp_path_factory.mktemp("generated")
    paths = write_synthetic_corpus(folder, 300, seed=7, chars=300)
    for path in paths[10:13]:  # drop the header: these articles carry no date
        path.write_text(path.read_text().split("\n\n", 2)[2])
    paths[20].write_bytes(paths[20].read_bytes() + "Сумщина".encode("cp1251"))
    return folder


def test_dask_gives_the_local_rows_in_the_local_order(cluster, generated, tmp_path):
    local, local_warnings = run_kept(extract_corpus, generated, partition_size=50)
    output = tmp_path / "events.parquet"
    events, dask_warnings = run_kept(extract_corpus, generated, engine="dask",
                                     scheduler=cluster.scheduler_address, output=output,
                                     partition_size=50)
    assert len(local) > 300
    assert_same_events(events.reset_index(drop=True), local)
    assert events[ARTICLE_COLUMN].tolist() == local[ARTICLE_COLUMN].tolist(), "corpus order"
    assert dask_warnings == local_warnings
    skipped = [m for c, m in local_warnings if c is SkippedArticleWarning]
    undated = [m for c, m in local_warnings if c is UndatedArticleWarning]
    assert len(skipped) == 1 and "article-000020.txt" in skipped[0] and "UTF-8" in skipped[0]
    assert undated and all(m.startswith(str(generated / "article-00001")) for m in undated)
    assert len(local_warnings) == len(skipped) + len(undated)
    assert sorted(p.name for p in output.iterdir()) == [f"part.{i}.parquet" for i in range(6)]
    assert [p.name for p in tmp_path.iterdir()] == ["events.parquet"], "no temporary left"


class _MostTasks(distributed.WorkerPlugin):
    """A worker plugin: the most tasks the worker has known at once."""

    name = "geo-ukraine-most-tasks"

    def setup(self, worker):
        self.worker, self.most = worker, 0

    def transition(self, key, start, finish, **kwargs):
        self.most = max(self.most, len(self.worker.state.tasks))


def _most_tasks(dask_worker):
    return dask_worker.plugins[_MostTasks.name].most


def test_a_worker_forgets_each_batch_once_it_is_written(cluster, generated, tmp_path):
    # One to_parquet graph over the corpus kept every written partition's task on its
    # worker until the last batch: memory that grew with the corpus. (Only the writing
    # run is watched: reading the dataset back is a graph of its own.)
    with distributed.Client(cluster) as client:
        client.register_plugin(_MostTasks())
        try:
            run_kept(extract_corpus_to, generated, tmp_path / "events.parquet", engine="dask",
                     scheduler=client, partition_size=5, progress=False)
            most = client.run(_most_tasks)
        finally:
            client.unregister_worker_plugin(_MostTasks.name)
    assert len(list((tmp_path / "events.parquet").iterdir())) == 60
    assert max(most.values()) <= 8, most


def test_without_output_the_events_are_gathered(cluster):
    local, _ = run_kept(extract_corpus, BULLETINS)
    events, caught = run_kept(extract_corpus, BULLETINS, engine="dask", partition_size=1,
                              scheduler=cluster.scheduler_address)
    assert_same_events(events.reset_index(drop=True), local)
    assert [c for c, _ in caught] == [UndatedArticleWarning]


def _texts():
    return pd.DataFrame({
        "text": ["Shelling killed two people in Nikopol on March 1.", None,
                 "A drone hit a bus in Kherson on March 3, injuring five passengers.",
                 "Russian artillery shelled Kupiansk on March 2, killing an elderly man.",
                 "Not a report at all."],
        "published": ["2024-03-02", "2024-03-02", "2024-03-04", "yesterday", "2024-03-05"],
        "source": ["Wire A", "Wire B", "Wire C", "Wire D", "Wire E"],
        "url": ["https://example.test/a", None, None, None, None],
    }, index=["a", "b", "c", "d", "e"])


@pytest.mark.parametrize("kind", ["pandas", "dask"])
def test_dataframe_corpora_match_too(cluster, kind):
    texts = _texts()
    local, local_warnings = run_kept(extract_corpus, texts, partition_size=2)
    corpus = texts if kind == "pandas" else dd.from_pandas(texts, npartitions=3, sort=False)
    events, caught = run_kept(extract_corpus, corpus, engine="dask", partition_size=2,
                              scheduler=cluster.scheduler_address)
    assert_same_events(events.reset_index(drop=True), local)
    assert local[ARTICLE_COLUMN].tolist() == ["a", "c"]
    assert caught == local_warnings
    assert [m.split(":")[0] for _, m in caught] == ["article 'b' skipped", "article 'd' skipped"]


def test_extract_corpus_to_writes_a_dataset_for_the_command_line(cluster, tmp_path):
    done, caught = run_kept(extract_corpus_to, BULLETINS, tmp_path / "events.parquet",
                            engine="dask", scheduler=cluster.scheduler_address,
                            partition_size=2, progress=False)
    assert [c for c, _ in caught] == [UndatedArticleWarning]
    assert (done.articles, done.skipped) == (3, 0)
    assert sorted(p.name for p in done.output.iterdir()) == ["part.0.parquet", "part.1.parquet"]
    back, _ = run_kept(read_event_dataset, done.output)
    local, _ = run_kept(extract_corpus, BULLETINS)
    assert done.events == len(back) == len(local)
    text = {c: object for c, dtype in local.dtypes.items() if str(dtype) == "str"}
    assert_same_events(back.reset_index(drop=True), local.astype(text)), "text read as object"


def test_a_failed_run_leaves_the_previous_dataset_and_no_temporary(cluster, tmp_path):
    output = tmp_path / "events.parquet"
    output.mkdir()
    (output / "part.0.parquet").write_bytes(b"previous run")
    meta = pd.DataFrame({"text": pd.Series([], dtype=object)})
    good = dask.delayed(pd.DataFrame)({"text": ["Shelling killed two people in Nikopol."]})
    broken = dask.delayed(operator.truediv)(1, 0)  # a partition whose reading fails
    corpus = dd.from_delayed([good, broken], meta=meta, verify_meta=False)
    with pytest.raises(ZeroDivisionError):
        extract_corpus(corpus, engine="dask", scheduler=cluster.scheduler_address,
                       output=output, published="2024-03-02")
    assert [p.name for p in tmp_path.iterdir()] == ["events.parquet"]
    assert (output / "part.0.parquet").read_bytes() == b"previous run"


@pytest.mark.parametrize(("output", "match"), [
    ("events.geojson", "the Dask engine writes a directory of GeoParquet parts"),
    ("taken", "holding other files than Parquet parts"),
])
def test_a_bad_output_is_refused_before_any_work(cluster, tmp_path, output, match):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    with pytest.raises((ValueError, OSError), match=match):
        extract_corpus(BULLETINS, engine="dask", scheduler=cluster.scheduler_address,
                       output=tmp_path / output)


def test_n_workers_sizes_only_a_local_cluster(cluster):
    with pytest.raises(ValueError, match="pass one or the other"):
        extract_corpus(BULLETINS, engine="dask", scheduler=cluster.scheduler_address,
                       n_workers=2)


@pytest.fixture
def user_overlay():
    """The client's own place (an ingested overlay), which workers do not have on disk."""
    Gazetteer.reset_default()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnresolvedPlaceWarning)
        ingest(DATA / "my_places.csv")
    yield
    Gazetteer.reset_default()


def test_workers_use_the_client_overlay_and_settings(cluster, user_overlay):
    texts = pd.Series(["Russian artillery shelled Test Position Alpha on March 1, killing "
                       "two soldiers."], index=["x"])
    local, _ = run_kept(extract_corpus, texts, published="2024-03-02")
    events, _ = run_kept(extract_corpus, texts, published="2024-03-02", engine="dask",
                         scheduler=cluster.scheduler_address)
    assert local["place_id"].str.startswith("user:").all()
    assert_same_events(events.reset_index(drop=True), local)


def _workers(psutil):
    """Worker processes of this one (multiprocessing's resource tracker is no worker)."""
    return {p.pid for p in psutil.Process().children(recursive=True)
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE
            and "spawn_main" in " ".join(p.cmdline())}


def test_the_default_cluster_is_local_and_closed_after():
    psutil = pytest.importorskip("psutil", reason="psutil comes with distributed")
    before = _workers(psutil)
    local, _ = run_kept(extract_corpus, BULLETINS)
    events, _ = run_kept(extract_corpus, BULLETINS, engine="dask", n_workers=1)
    assert_same_events(events.reset_index(drop=True), local)
    assert _workers(psutil) <= before, "the cluster's worker processes are gone"


def _arrow_pools():
    """The worker's allocator setting and Arrow's allocator there."""
    import os

    import pyarrow

    return os.environ.get("ARROW_DEFAULT_MEMORY_POOL"), pyarrow.default_memory_pool().backend_name


def test_local_workers_start_with_arrow_on_the_c_heap(monkeypatch):
    from geo_ukraine.corpus.dask import dask_client

    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    with dask_client(n_workers=1) as client:
        assert list(client.run(_arrow_pools).values()) == [("system", "system")]
    assert "ARROW_DEFAULT_MEMORY_POOL" not in os.environ, "put back after"
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")
    with dask_client(n_workers=1) as client:
        [(setting, _)] = client.run(_arrow_pools).values()
    assert setting == "jemalloc", "the user's own setting is kept"
