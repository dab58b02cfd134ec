"""The Dask engine: batches extracted on a ``dask.distributed`` cluster, written as GeoParquet.

Each batch is one task: it reads its own files (the client holds only their paths), extracts
them with the worker's gazetteer (loaded once per worker process, under the client's
settings: :mod:`.worker`), and hands its events straight to the Parquet writer, so a
worker holds a batch or two at a time, never the corpus. The skipped articles of each batch
come back to the client, which warns about them and counts progress as batches finish.
dask and distributed are imported inside the functions: ``import geo_ukraine`` never needs them.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import functools
import logging
import operator
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dataset import (
    dataset_directory,
    import_dask_geopandas,
    part_schema,
    read_event_dataset,
    write_part,
)
from .local import BatchResult, Note, conform, event_meta, extract_batch
from .sources import Corpus
from .worker import WorkerSetup

if TYPE_CHECKING:
    import geopandas as gpd
    import pyarrow as pa

__all__ = ["dask_client", "extract_dask"]

log = logging.getLogger("geo_ukraine")


@contextlib.contextmanager
def dask_client(scheduler: Any = None, n_workers: int | None = None) -> Iterator[Any]:
    """A ``distributed.Client``: of a scheduler given, else of a new local cluster.

    Parameters
    ----------
    scheduler : str, distributed.Client or cluster object, optional
        A scheduler address (``tcp://10.0.0.5:8786``), a client (used as it is, left open)
        or a cluster object (``SLURMCluster``, ``KubeCluster``, ``coiled.Cluster``...). None
        starts a ``LocalCluster`` of ``n_workers`` single-threaded processes, closed on exit
        even when the work fails.
    n_workers : int, optional
        Processes of the local cluster (default: one per core).

    Yields
    ------
    distributed.Client
    """
    from distributed import Client, LocalCluster

    if scheduler is not None and n_workers is not None:
        msg = ("n_workers sizes the local cluster started when no scheduler is given; a "
               "cluster at a scheduler address has its own workers: pass one or the other")
        raise ValueError(msg)
    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler is not None:
        with Client(scheduler, set_as_default=False) as client:
            yield client
        return
    workers = _worker_count(n_workers)
    # One thread per process: extraction holds the GIL. The dashboard listens on a free
    # port of this machine only, so that two runs never fight over 8787.
    with _local_worker_environment(), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         host="127.0.0.1", dashboard_address="127.0.0.1:0",
                         silence_logs=logging.ERROR) as cluster, \
            Client(cluster, set_as_default=False) as client:
        log.info("local Dask cluster of %d workers, dashboard at %s", workers,
                 client.dashboard_link)
        yield client


#: What local workers' Arrow allocates from, unless the environment says otherwise.
ARROW_POOL = "system"


@contextlib.contextmanager
def _local_worker_environment() -> Iterator[None]:
    """Start local workers with Arrow allocating from the C heap (``ARROW_DEFAULT_MEMORY_POOL``).

    Arrow picks its allocator when it is imported, so the variable must be in a worker's
    environment from the start: distributed's ``pre-spawn-environ`` puts it there (the
    nanny sets it in this process too while it spawns; it is put back after). With Arrow's
    default allocator, which keeps what each Parquet write frees, a worker peaked some 18 MB
    higher over 4,000 articles. A value the user set is kept.
    """
    import dask

    before = os.environ.get("ARROW_DEFAULT_MEMORY_POOL")
    environ = {**dask.config.get("distributed.nanny.pre-spawn-environ", {}),
               "ARROW_DEFAULT_MEMORY_POOL": before or ARROW_POOL}
    try:
        with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
            yield
    finally:
        if before is None:
            os.environ.pop("ARROW_DEFAULT_MEMORY_POOL", None)
        else:
            os.environ["ARROW_DEFAULT_MEMORY_POOL"] = before


def _worker_count(n_workers: int | None) -> int:
    if n_workers is None:
        return os.cpu_count() or 1
    if isinstance(n_workers, bool) or not isinstance(n_workers, int) or n_workers < 1:
        msg = f"n_workers must be a whole number >= 1, got {n_workers!r}"
        raise ValueError(msg)
    return n_workers


def _warm(setup: WorkerSetup) -> gpd.GeoDataFrame:
    """Ready this worker's process; the corpus's empty event table.

    The gazetteer is loaded and its spelling index read, and the Parquet writer imported,
    here rather than in the first batch, so that the workers ready themselves side by side
    before the corpus is handed out.
    """
    import dask.dataframe  # noqa: F401  (the writer's imports, paid once per worker here)
    import pyarrow
    import pyarrow.parquet

    # Arrow's own allocator keeps what each batch's Parquet write freed: a worker grew by
    # some 30 MB more than with the C library's, which hands it back (same speed). This
    # moves pyarrow's own allocations; Arrow's C++ code (the Parquet writer) uses the
    # allocator chosen at import, which ARROW_DEFAULT_MEMORY_POOL=system in the worker's
    # environment sets (local clusters: _local_worker_environment; others: docs/scaling.md).
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    import_dask_geopandas()
    gazetteer = setup.gazetteer()
    gazetteer.store.skeleton_index  # noqa: B018  (loaded on first use otherwise)
    return event_meta(gazetteer)


@functools.cache
def _malloc_trim() -> Any:
    """Glibc's ``malloc_trim``, or None where the C library has none."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def _extract(batch: Any, meta: gpd.GeoDataFrame, setup: WorkerSetup,
             published: dt.date | None, text_column: str) -> BatchResult:
    """One batch on a worker (the task, when the events go back to the client).

    It starts by handing the C heap's free pages back to the system: the previous batch's
    table and Parquet write freed them, and glibc keeps them otherwise.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    return extract_batch(batch, meta, published=published, text_column=text_column,
                         gazetteer=setup.gazetteer())


def _extract_part(batch: Any, meta: gpd.GeoDataFrame, setup: WorkerSetup,
                  published: dt.date | None, text_column: str, index: int, directory: str,
                  schema: pa.Schema) -> tuple[int, list[tuple[str, str]], list[Note]]:
    """One batch on a worker, its events written as part ``index`` (the task, with output).

    Only the summary goes back: once the client has read it, the worker holds nothing of
    the batch.
    """
    result = _extract(batch, meta, setup, published, text_column)
    write_part(result.events, directory, index, schema)
    return _summary(result)


def _summary(result: BatchResult) -> tuple[int, list[tuple[str, str]], list[Note]]:
    """A batch's result less its events: what the client needs back."""
    return result.articles, result.skipped, result.notes


def _prepare(client: Any, setup: WorkerSetup) -> gpd.GeoDataFrame:
    """Load the gazetteer on every worker now (later workers load it on their first task)."""
    workers = list(client.scheduler_info().get("workers", {})) or [None]
    futures = [client.submit(_warm, setup, workers=None if w is None else [w], pure=False)
               for w in workers]
    return client.gather(futures)[0]


def extract_dask(corpus: Corpus, *, published: dt.date | None = None, scheduler: Any = None,
                 n_workers: int | None = None, output: str | Path | None = None,
                 progress: bool = False) -> tuple[Any, BatchResult]:
    """Extract a corpus on a Dask cluster.

    Parameters
    ----------
    corpus : Corpus
    published : date, optional
    scheduler, n_workers
        See :func:`dask_client`.
    output : str or Path, optional
        A dataset directory to write (see :mod:`.dataset`); without it, the events are
        gathered to this process.
    progress : bool
        Show a progress bar on a terminal (standard error).

    Returns
    -------
    events : dask_geopandas.GeoDataFrame
        Read lazily from ``output``, or partitions of the gathered events.
    summary : BatchResult
        The whole corpus's article count, skipped articles and warnings, in corpus order
        (its ``events`` empty).
    """
    dask_geopandas = import_dask_geopandas()
    import dask

    setup = WorkerSetup.from_client()
    with dask_client(scheduler, n_workers) as client:
        meta = _prepare(client, setup)
        shared = _share(client, meta, setup)
        if output is not None:
            summary = _write(client, corpus, meta, shared, published, Path(output), progress)
            return read_event_dataset(output, meta), summary
        parts = [dask.delayed(_extract, pure=False)(batch, *shared, published,
                                                    corpus.text_column)
                 for batch in _batches(client, corpus)]
        summaries = [dask.delayed(_summary)(part) for part in parts]
        batches = [dask.delayed(operator.getitem)(part, 0) for part in parts]
        futures = client.compute([*summaries, *batches])
        summary = _follow(client, futures[:len(parts)], meta, corpus.n_articles, progress)
        events = conform(client.gather(futures[len(parts):]), meta)
    # Built without Arrow strings, so that text columns stay as in memory: str or None.
    with dask.config.set({"dataframe.convert-string": False}):
        return dask_geopandas.from_geopandas(events, npartitions=max(1, len(parts))), summary


def _write(client: Any, corpus: Corpus, meta: gpd.GeoDataFrame, shared: list[Any],
           published: dt.date | None, output: Path, progress: bool) -> BatchResult:
    """Write the batches' events as a dataset at ``output``; the corpus's summary.

    Each batch's task extracts it and writes its part (:func:`.dataset.write_part`), so a
    batch's events are written and released as soon as it is done, and no task outlives
    its batch.
    """
    import dask

    schema = part_schema(meta)
    with dataset_directory(output) as tmp:
        parts = [dask.delayed(_extract_part, pure=False)(batch, *shared, published,
                                                         corpus.text_column, index, str(tmp),
                                                         schema)
                 for index, batch in enumerate(_batches(client, corpus))]
        # One graph: a DataFrame corpus's partitions are read as their batches' turn comes.
        return _follow(client, client.compute(parts), meta, corpus.n_articles, progress)


def _share(client: Any, meta: gpd.GeoDataFrame, setup: WorkerSetup) -> list[Any]:
    """``meta`` and ``setup`` sent to every worker once (each task refers to them)."""
    return [client.scatter(meta, broadcast=True), client.scatter(setup, broadcast=True)]


def _batches(client: Any, corpus: Corpus) -> list[Any]:
    """The corpus's batches as tasks take them (pandas batches are sent to the cluster first)."""
    batches = corpus.batches
    if batches and not isinstance(batches[0], list) and not hasattr(batches[0], "dask"):
        batches = client.scatter(batches)  # pandas batches: their text is already in memory
    return list(batches)


def _follow(client: Any, futures: list[Any], meta: gpd.GeoDataFrame, total: int | None,
            progress: bool) -> BatchResult:
    """Wait for every batch's summary, counting articles as batches finish.

    Returns
    -------
    BatchResult
        Articles, skipped articles and warnings of all batches, in corpus order.
    """
    from distributed import as_completed
    from tqdm import tqdm

    order = {future.key: n for n, future in enumerate(futures)}
    done: list[Any] = [(0, [], [])] * len(futures)
    with tqdm(total=total, unit="article", disable=None if progress else True,
              file=sys.stderr) as bar:
        for future in as_completed(futures, loop=client.loop):
            done[order[future.key]] = future.result()
            future.release()  # the worker forgets the task now, not when the corpus ends
            bar.update(done[order[future.key]][0])
    return BatchResult(meta, sum(articles for articles, _, _ in done),
                       [item for _, skipped, _ in done for item in skipped],
                       [note for _, _, notes in done for note in notes])
