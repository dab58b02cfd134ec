"""The corpus stage: many articles to one event table, in one process or on a Dask cluster.

:func:`extract_corpus` runs :func:`geo_ukraine.extract_events` over a corpus (files,
directories, glob patterns, or a pandas/dask DataFrame of texts) with the ``"local"`` engine
(this process) or the ``"dask"`` engine (``dask.distributed``: a ``LocalCluster`` or any
scheduler; ``pip install 'geo_ukraine[corpus]'``). Both give the same rows in the same order.
:mod:`.sources` cuts the corpus into batches, :mod:`.local` extracts a batch, :mod:`.worker`
prepares a worker process, :mod:`.dask` runs the batches on a cluster and :mod:`.dataset`
writes its partitioned GeoParquet output. :mod:`.synthetic` makes articles to measure with.
"""

from __future__ import annotations

from .dask import dask_client
from .dataset import read_event_dataset
from .extract import (
    DEFAULT_PARTITION_SIZE,
    ENGINES,
    CorpusRun,
    extract_corpus,
    extract_corpus_to,
)
from .local import ARTICLE_COLUMN, SkippedArticleWarning
from .sources import CorpusError, corpus_paths
from .synthetic import synthetic_articles, write_synthetic_corpus
from .worker import WorkerSetup

__all__ = [
    "ARTICLE_COLUMN",
    "DEFAULT_PARTITION_SIZE",
    "ENGINES",
    "CorpusError",
    "CorpusRun",
    "SkippedArticleWarning",
    "WorkerSetup",
    "corpus_paths",
    "dask_client",
    "extract_corpus",
    "extract_corpus_to",
    "read_event_dataset",
    "synthetic_articles",
    "write_synthetic_corpus",
]
