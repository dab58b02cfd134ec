"""The single-process engine, and the batch extraction every engine runs.

:func:`extract_batch` reads and extracts each article of a batch as
:func:`geo_ukraine.extract_events` does (through :func:`geo_ukraine.extract.event_records`,
its rows, so that a batch builds one event table rather than one per article). An article
that fails is recorded and skipped, never aborting the batch; the warnings extraction gives
about an article (an undated article, say) are recorded too, so that an engine whose batches
run in other processes can give them back to the caller. :func:`conform` gives every batch
the same columns and types (those of :func:`event_meta`), so batches extracted anywhere
concatenate, compare and write to Parquet alike.
"""

from __future__ import annotations

import datetime as dt
import sys
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .._collector import collector_paused
from ..errors import GeoUkraineWarning, SkippedArticleWarning
from ..events import event_frame, is_missing
from ..extract import event_records
from ..gazetteer import Gazetteer
from .sources import Article, Corpus, articles, as_date

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "ARTICLE_COLUMN",
    "MAX_WARNINGS",
    "BatchResult",
    "SkippedArticleWarning",
    "conform",
    "event_meta",
    "extract_batch",
    "extract_local",
    "report",
]

#: The column naming the article each event came from (its path, or its row's index label).
ARTICLE_COLUMN = "article"
#: Warnings given one by one, of each kind (skipped articles, extraction's own); any more
#: are counted in one last warning.
MAX_WARNINGS = 100

# An article of our own that reports one strike, to learn the columns extraction returns.
_PROBE = ("January 5, 2024\n\nRussian drones struck Kharkiv overnight, injuring three people, "
          "the regional governor said.\n")

#: A warning extraction gave about an article: its category and message.
Note = tuple[type[Warning], str]


class BatchResult(NamedTuple):
    """What one batch yields.

    Attributes
    ----------
    events : geopandas.GeoDataFrame
        Its events, conformed to the corpus's columns and types.
    articles : int
        How many articles it held.
    skipped : list of (str, str)
        Each article that failed, and why.
    notes : list of (type, str)
        The warnings extraction gave about its articles (category, message), in order.
    """

    events: gpd.GeoDataFrame
    articles: int
    skipped: list[tuple[str, str]]
    notes: list[Note]


def event_meta(gazetteer: Gazetteer | None = None) -> gpd.GeoDataFrame:
    """The empty event table whose columns and types every batch is conformed to.

    The event schema (:data:`geo_ukraine.EVENT_COLUMNS`), then the columns extraction adds
    (learnt by extracting one short article of our own), then ``article``.

    Parameters
    ----------
    gazetteer : Gazetteer, optional

    Returns
    -------
    geopandas.GeoDataFrame
    """
    rows = event_records(_PROBE, source="probe", gazetteer=gazetteer)
    events = event_frame([{**row, ARTICLE_COLUMN: "probe"} for row in rows])
    return events.iloc[:0].copy()


def conform(frames: Sequence[gpd.GeoDataFrame], meta: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Concatenate event tables into ``meta``'s columns and types.

    Parameters
    ----------
    frames : sequence of geopandas.GeoDataFrame
    meta : geopandas.GeoDataFrame
        See :func:`event_meta`; columns it lacks are dropped.

    Returns
    -------
    geopandas.GeoDataFrame
        A fresh ``RangeIndex``; text columns hold ``str`` or None, as
        :func:`geo_ukraine.extract_events` returns them.
    """
    import geopandas as gpd
    import pandas as pd

    frames = [f for f in frames if len(f)]
    if not frames:
        return meta.copy()
    out = pd.concat(frames, ignore_index=True).reindex(columns=meta.columns)
    for column, dtype in meta.dtypes.items():
        if column != meta.geometry.name and out[column].dtype != dtype:
            out[column] = _as_dtype(out[column], dtype)
    return gpd.GeoDataFrame(out, geometry=meta.geometry.name, crs=meta.crs)


def _as_dtype(column: pd.Series, dtype: Any) -> pd.Series:
    """``column`` as ``dtype``; in an object column, missing is None and the rest is text."""
    import pandas as pd
    from pandas.api.types import is_object_dtype

    if is_object_dtype(dtype):
        values = [None if is_missing(v) else v if isinstance(v, str) else str(v)
                  for v in column]
        return pd.Series(values, index=column.index, dtype=object)
    return column.astype(dtype)


def _article_rows(article: Article, published: dt.date | None,
                  gazetteer: Gazetteer | None) -> tuple[list[dict[str, Any]], list[Note]]:
    """One article's event rows and the warnings extraction gave about it.

    Warnings of other libraries are given again as they came; ours are returned, each
    naming the article by its key (its path) rather than by its file name.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = event_records(article.read(), published=as_date(article.published) or published,
                             source=article.source, url=article.url, gazetteer=gazetteer)
    notes: list[Note] = []
    for w in caught:
        if not issubclass(w.category, GeoUkraineWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            continue
        message = str(w.message)
        named = f"{article.source}: "
        message = (f"{article.key}: {message.removeprefix(named)}"
                   if article.source and message.startswith(named)
                   else f"article {article.key!r}: {message}")
        notes.append((w.category, message))
    return [{**row, ARTICLE_COLUMN: article.key} for row in rows], notes


def extract_batch(batch: list[str] | pd.DataFrame, meta: gpd.GeoDataFrame, *,
                  published: dt.date | None = None, text_column: str = "text",
                  gazetteer: Gazetteer | None = None) -> BatchResult:
    """Extract every article of a batch; an article that fails is skipped and recorded.

    Parameters
    ----------
    batch : list of str or pandas.DataFrame
        Paths (each file read here) or rows with ``text_column`` (see
        :func:`~geo_ukraine.corpus.sources.articles`).
    meta : geopandas.GeoDataFrame
        See :func:`event_meta`.
    published : date, optional
        The publication date of articles that give none (in their own text, or in a
        ``published`` column).
    text_column : str
    gazetteer : Gazetteer, optional

    Returns
    -------
    BatchResult
    """
    rows: list[tuple[str, list[dict[str, Any]]]] = []
    skipped: list[tuple[str, str]] = []
    notes: list[Note] = []
    count = 0
    with collector_paused():  # not once per article: see geo_ukraine._collector
        for article in articles(batch, text_column=text_column):
            count += 1
            try:
                article_rows, article_notes = _article_rows(article, published, gazetteer)
            except Exception as exc:  # one bad article must never abort the corpus
                skipped.append((article.key, _reason(exc)))
                continue
            rows.append((article.key, article_rows))
            notes += article_notes
    try:
        frames = [event_frame([row for _, some in rows for row in some])]
    except Exception:  # some article's rows do not make a table: find it, keep the rest
        frames = []
        for key, some in rows:
            try:
                frames.append(event_frame(some))
            except Exception as exc:
                skipped.append((key, _reason(exc)))
    return BatchResult(conform(frames, meta), count, skipped, notes)


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def report(skipped: Iterable[tuple[str, str]], notes: Iterable[Note], *,
           stacklevel: int = 2) -> int:
    """Warn about skipped articles and give extraction's warnings, in corpus order.

    At most :data:`MAX_WARNINGS` of each kind one by one, then one warning counting the rest.

    Returns
    -------
    int
        How many articles were skipped.
    """
    level = stacklevel + 1
    named = [(SkippedArticleWarning, f"article {key!r} skipped: {why}") for key, why in skipped]
    for kind in (named, list(notes)):
        for category, message in kind[:MAX_WARNINGS]:
            warnings.warn(message, category, stacklevel=level)
        if len(kind) > MAX_WARNINGS:
            category = kind[0][0] if kind is named else GeoUkraineWarning
            warnings.warn(f"{len(kind) - MAX_WARNINGS} more warnings like these "
                          f"({len(kind)} in all)", category, stacklevel=level)
    return len(named)


def extract_local(corpus: Corpus, *, published: dt.date | None = None,
                  progress: bool = False) -> tuple[gpd.GeoDataFrame, BatchResult]:
    """Extract a corpus in this process, batch after batch.

    Parameters
    ----------
    corpus : Corpus
    published : date, optional
    progress : bool
        Show a progress bar on a terminal (standard error).

    Returns
    -------
    events : geopandas.GeoDataFrame
        Every batch's events in corpus order.
    summary : BatchResult
        The whole corpus's article count, skipped articles and warnings (its ``events``
        empty).
    """
    from tqdm import tqdm

    gazetteer = Gazetteer.default()
    meta = event_meta(gazetteer)
    frames, skipped, notes, count = [], [], [], 0
    with tqdm(total=corpus.n_articles, unit="article", disable=None if progress else True,
              file=sys.stderr) as bar:
        for batch in corpus.batches:
            if hasattr(batch, "compute"):  # a dask DataFrame's partition
                batch = batch.compute(scheduler="sync")
            result = extract_batch(batch, meta, published=published,
                                   text_column=corpus.text_column, gazetteer=gazetteer)
            frames.append(result.events)
            skipped += result.skipped
            notes += result.notes
            count += result.articles
            bar.update(result.articles)
    return conform(frames, meta), BatchResult(meta, count, skipped, notes)
