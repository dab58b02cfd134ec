"""A corpus of articles to one event table, in this process or on a Dask cluster."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..events.io import EXTENSIONS, check_event_output, write_events
from .dask import extract_dask
from .dataset import check_dataset_output, count_rows
from .local import BatchResult, extract_local, report
from .sources import DEFAULT_PATTERN, Corpus, CorpusError, as_date, corpus_from

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["DEFAULT_PARTITION_SIZE", "ENGINES", "CorpusRun", "extract_corpus",
           "extract_corpus_to"]

log = logging.getLogger("geo_ukraine")

#: Articles per batch (one task of the Dask engine; one Parquet part of its output).
DEFAULT_PARTITION_SIZE = 100
#: The engines :func:`extract_corpus` runs on.
ENGINES = ("local", "dask")

Engine = Literal["local", "dask"]


def extract_corpus(texts_or_paths: Any, *, published: str | dt.date | None = None,
                   engine: Engine = "local", scheduler: Any = None,
                   n_workers: int | None = None, output: str | Path | None = None,
                   partition_size: int = DEFAULT_PARTITION_SIZE, text_column: str = "text",
                   pattern: str = DEFAULT_PATTERN, progress: bool = False) -> Any:
    """Extract the events of a corpus: each article through :func:`geo_ukraine.extract_events`.

    An article that fails (a file that is unreadable or not UTF-8, a row without text,
    anything extraction raises) is skipped with a
    :class:`~geo_ukraine.corpus.SkippedArticleWarning` naming it; the corpus goes on. The
    warnings extraction gives about an article (an undated one, say) reach the caller from
    either engine, naming the article. Both engines give the same rows in the same order:
    articles in corpus order, each article's events as :func:`~geo_ukraine.extract_events`
    returns them, with an ``article`` column naming the article (its path, or its row's
    index label).

    Parameters
    ----------
    texts_or_paths : str, Path, iterable of them, pandas.Series, pandas.DataFrame or
        dask.dataframe.DataFrame
        Files: paths, directories (every ``pattern`` file beneath) and glob patterns, each
        file's name becoming the events' ``source``. Or texts: a Series, or a DataFrame
        with ``text_column`` and optional ``published``, ``source`` and ``url`` columns.
        The Dask engine reads files and dask partitions inside its tasks, never in this
        process.
    published : str or date, optional
        Publication date (``YYYY-MM-DD``) of articles that give none in a ``published``
        column or on a line of their header.
    engine : {"local", "dask"}
        ``"dask"`` needs ``pip install 'geo_ukraine[corpus]'``.
    scheduler : str, distributed.Client or cluster object, optional
        Dask only: where to run (see :func:`~geo_ukraine.corpus.dask_client`); by default a
        ``LocalCluster``, closed when done.
    n_workers : int, optional
        Dask only: processes of that local cluster (default: one per core).
    output : str or Path, optional
        Where to write the events before returning them. Local engine: one event file of
        any format :func:`geo_ukraine.write_events` knows, by extension. Dask engine: a
        directory of GeoParquet parts (``events.parquet/part.N.parquet``), written aside and
        renamed into place once complete. Checked before any work starts.
    partition_size : int
        Articles per batch, i.e. per Dask task and per Parquet part.
    text_column : str
    pattern : str
        File names a directory contributes.
    progress : bool
        Show a progress bar on a terminal (standard error).

    Returns
    -------
    geopandas.GeoDataFrame or dask_geopandas.GeoDataFrame
        The local engine's events; the Dask engine's, read lazily from ``output`` (or
        gathered into memory when there is none).

    Raises
    ------
    ValueError
        For an unknown engine, an output whose extension names no event format, or
        ``n_workers`` beside ``scheduler``.
    CorpusError
        For a corpus that cannot be read as given, or a bad ``published``.
    FileNotFoundError
        For a path, directory or pattern that names no file.
    OutputPathError
        For an output that cannot be written.
    ImportError
        For the Dask engine without dask-geopandas and distributed.

    Examples
    --------
    >>> import pandas as pd
    >>> from geo_ukraine.corpus import extract_corpus
    >>> texts = pd.Series(["Shelling killed two people in Nikopol on March 1."], index=["a1"])
    >>> events = extract_corpus(texts, published="2024-03-02")
    >>> events[["article", "event_type", "place_name", "event_date"]].to_dict("records")
    [{'article': 'a1', 'event_type': 'shelling', 'place_name': 'Nikopol', \
'event_date': '2024-03-01'}]
    """
    events, summary = _run(texts_or_paths, published=published, engine=engine,
                           scheduler=scheduler, n_workers=n_workers, output=output,
                           partition_size=partition_size, text_column=text_column,
                           pattern=pattern, progress=progress)
    report(summary.skipped, summary.notes, stacklevel=2)
    return events


def _run(texts_or_paths: Any, *, published: str | dt.date | None, engine: str,
         scheduler: Any, n_workers: int | None, output: str | Path | None,
         partition_size: int, text_column: str, pattern: str,
         progress: bool) -> tuple[Any, BatchResult]:
    """The events of a corpus and its summary; see :func:`extract_corpus`."""
    if engine not in ENGINES:
        msg = f"engine must be one of {', '.join(map(repr, ENGINES))}, got {engine!r}"
        raise ValueError(msg)
    day = _published(published)
    corpus = corpus_from(texts_or_paths, partition_size=partition_size,
                         text_column=text_column, pattern=pattern)
    if output is not None:
        _check_output(output, engine, corpus)
    if engine == "dask":
        events, summary = extract_dask(corpus, published=day, scheduler=scheduler,
                                       n_workers=n_workers, output=output, progress=progress)
    else:
        if scheduler is not None or n_workers is not None:
            msg = "scheduler and n_workers apply to engine='dask' only"
            raise ValueError(msg)
        events, summary = extract_local(corpus, published=day, progress=progress)
        if output is not None:
            write_events(events, output)
    log.info("%d articles extracted, %d skipped", summary.articles, len(summary.skipped))
    return events, summary


def _published(published: str | dt.date | None) -> dt.date | None:
    try:
        return as_date(published)
    except CorpusError:
        msg = f"published must be a date YYYY-MM-DD, got {published!r}"
        raise CorpusError(msg) from None


def _check_output(output: str | Path, engine: str, corpus: Corpus) -> Path:
    """The output checked for the engine, before any work starts."""
    path = Path(output)
    suffix = path.suffix.lower()
    if engine == "dask":
        if suffix in EXTENSIONS and EXTENSIONS[suffix] != "parquet":
            msg = (f"{str(output)!r}: the Dask engine writes a directory of GeoParquet parts; "
                   "name it like events.parquet (or use engine='local' for one file)")
            raise ValueError(msg)
        return check_dataset_output(path, inputs=corpus.paths)
    return check_event_output(path, inputs=corpus.paths)


class CorpusRun(NamedTuple):
    """What :func:`extract_corpus_to` did.

    Attributes
    ----------
    output : pathlib.Path
        The file or dataset directory written.
    articles : int
        Articles read.
    events : int
        Events written.
    skipped : int
        Articles skipped because they failed (each named in a warning).
    """

    output: Path
    articles: int
    events: int
    skipped: int


def extract_corpus_to(texts_or_paths: Any, output: str | Path, *, engine: Engine = "local",
                      published: str | dt.date | None = None, scheduler: Any = None,
                      n_workers: int | None = None,
                      partition_size: int = DEFAULT_PARTITION_SIZE,
                      pattern: str = DEFAULT_PATTERN, progress: bool = True) -> CorpusRun:
    r"""Extract a corpus into ``output``, for the command line: ``geo-ukraine extract``.

    Globs and directories are expanded, the output is checked before any work starts, a
    progress bar shows on a terminal, skipped articles and extraction's warnings are given
    as by :func:`extract_corpus`, and one line is logged at the end.

    Parameters
    ----------
    texts_or_paths, published, engine, scheduler, n_workers, partition_size, pattern, progress
        See :func:`extract_corpus`.
    output : str or Path
        See :func:`extract_corpus` (required here).

    Returns
    -------
    CorpusRun
        The output, and how many articles, events and skipped articles.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "one.txt").write_text("March 2, 2024\n\nShelling hit Nikopol.\n")
    >>> done = extract_corpus_to(folder, folder / "events.csv", progress=False)
    >>> done.output.name, done.articles, done.skipped
    ('events.csv', 1, 0)
    """
    path = Path(output)
    events, summary = _run(texts_or_paths, published=published, engine=engine,
                           scheduler=scheduler, n_workers=n_workers, output=path,
                           partition_size=partition_size, text_column="text",
                           pattern=pattern, progress=progress)
    report(summary.skipped, summary.notes, stacklevel=2)
    count = count_rows(path) if engine == "dask" else len(events)
    log.info("%d events from %d articles (%d skipped) written to %s", count,
             summary.articles, len(summary.skipped), path)
    return CorpusRun(path, summary.articles, count, len(summary.skipped))
