"""A corpus from paths, globs, directories or a (dask) DataFrame, cut into batches of articles.

A batch is what one task extracts: a list of file paths (read inside the task, so the client
never holds the corpus's text), a pandas DataFrame of texts, or one partition of a dask
DataFrame. :func:`articles` turns any batch into :class:`Article` records, one at a time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import GeoUkraineError
from ..events import is_missing
from ..extract import read_article

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEFAULT_PATTERN",
    "METADATA_COLUMNS",
    "Article",
    "Corpus",
    "CorpusError",
    "articles",
    "as_date",
    "corpus_from",
    "corpus_paths",
]

#: Files a directory contributes to a corpus.
DEFAULT_PATTERN = "*.txt"
#: Columns of a DataFrame corpus copied to each article's events when present.
METADATA_COLUMNS = ("published", "source", "url")
_GLOB_CHARS = frozenset("*?[")


class CorpusError(GeoUkraineError, ValueError):
    """A corpus that cannot be read as given: no files, or a DataFrame without its text."""


class Article(NamedTuple):
    """One article of a corpus, its text read lazily from ``path`` when ``text`` is None.

    Attributes
    ----------
    key : str
        Names the article in warnings and in the ``article`` column: the file's path, or the
        DataFrame row's index label.
    text : str or None
        The text (DataFrame corpora); None for a file not read yet.
    path : str or None
        The file (path corpora).
    published : object
        The article's own publication date as its row gives it (see :func:`as_date`), or
        None.
    source, url : str or None
        Outlet and address copied to every event (the file name for a file).
    """

    key: str
    text: str | None
    path: str | None
    published: object
    source: str | None
    url: str | None

    def read(self) -> str:
        """The given text, else the file's as :func:`geo_ukraine.extract.read_article` reads it.

        Raises
        ------
        GeoUkraineError
            When the file cannot be read or is not UTF-8.
        CorpusError
            When a DataFrame row's text is missing or is not a string.
        """
        if self.path is not None and self.text is None:
            return read_article(self.path)
        if is_missing(self.text):
            msg = "it has no text"
            raise CorpusError(msg)
        if not isinstance(self.text, str):
            msg = f"its text is {self.text!r} of type {type(self.text).__name__}, not a string"
            raise CorpusError(msg)
        return self.text


@dataclasses.dataclass(frozen=True)
class Corpus:
    """A corpus cut into batches that tasks extract independently, in order.

    Attributes
    ----------
    batches : list
        Lists of path strings, pandas DataFrames, or dask ``Delayed`` partitions.
    n_articles : int or None
        How many articles (unknown for a dask DataFrame until it is read).
    paths : list of str
        The files of a path corpus (empty otherwise): outputs must not overwrite them.
    text_column : str
        The column holding the text, for DataFrame batches.
    """

    batches: list[Any]
    n_articles: int | None
    paths: list[str] = dataclasses.field(default_factory=list)
    text_column: str = "text"


def corpus_paths(spec: str | Path | Iterable[str | Path], *,
                 pattern: str = DEFAULT_PATTERN) -> list[str]:
    """The article files a path, glob pattern, directory, or list of them names.

    Parameters
    ----------
    spec : str, Path, or iterable of them
        A file; a directory (every file matching ``pattern`` beneath it, at any depth); or a
        glob pattern (``reports/2024-*/*.txt``; ``**`` crosses directories).
    pattern : str
        The file names a directory contributes.

    Returns
    -------
    list of str
        Each file once, directories' files and glob matches sorted, in the order given.

    Raises
    ------
    FileNotFoundError
        Naming an entry that is no file, no directory and matches nothing, or a directory
        without a matching file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "b.txt").write_text("B"), (folder / "a.txt").write_text("A")
    >>> [pathlib.Path(p).name for p in corpus_paths(folder)]
    ['a.txt', 'b.txt']
    """
    items = [spec] if isinstance(spec, str | Path) else list(spec)
    found: dict[str, None] = {}
    for item in items:
        for path in _expand(item, pattern):
            found.setdefault(path)
    if not found:
        msg = "the corpus names no file: give files, directories or glob patterns"
        raise FileNotFoundError(msg)
    return list(found)


def _expand(item: str | Path, pattern: str) -> list[str]:
    """The files of one entry of a path corpus."""
    if not isinstance(item, str | Path):
        msg = (f"a corpus entry must be a path, directory or glob pattern, got {item!r} of type "
               f"{type(item).__name__}")
        raise CorpusError(msg)
    path = Path(item)
    if path.is_dir():
        files = sorted(str(p) for p in path.rglob(pattern) if p.is_file())
        if not files:
            msg = f"{str(item)!r}: directory has no file matching {pattern!r}"
            raise FileNotFoundError(msg)
        return files
    if path.is_file():
        return [str(item)]
    if _GLOB_CHARS & set(str(item)):
        files = sorted(p for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
        if not files:
            msg = f"{str(item)!r}: glob pattern matches no file"
            raise FileNotFoundError(msg)
        return files
    msg = (f"{str(item)!r}: no such file or directory (to extract article texts rather than "
           "files, pass them as a pandas Series or a DataFrame with a 'text' column)")
    raise FileNotFoundError(msg)


def corpus_from(texts_or_paths: Any, *, partition_size: int, text_column: str = "text",
                pattern: str = DEFAULT_PATTERN) -> Corpus:
    """A :class:`Corpus` from paths, a pandas Series/DataFrame, or a dask DataFrame.

    Parameters
    ----------
    texts_or_paths : str, Path, iterable of them, pandas.Series, pandas.DataFrame or
        dask.dataframe.DataFrame
        Files (see :func:`corpus_paths`), or texts with metadata columns ``published``,
        ``source`` and ``url`` beside ``text_column``.
    partition_size : int
        Articles per batch (a dask DataFrame keeps its own partitions).
    text_column : str
    pattern : str
        File names a directory contributes.

    Returns
    -------
    Corpus

    Raises
    ------
    CorpusError
        For a DataFrame without ``text_column``, or a partition size below 1.
    FileNotFoundError
        See :func:`corpus_paths`.
    """
    if isinstance(partition_size, bool) or not isinstance(partition_size, int) \
            or partition_size < 1:
        msg = f"partition_size must be a whole number >= 1, got {partition_size!r}"
        raise CorpusError(msg)
    if _is_dask_frame(texts_or_paths):
        frame = _with_text_column(texts_or_paths, text_column)
        return Corpus(list(frame.to_delayed()), None, text_column=text_column)
    if _is_pandas(texts_or_paths):
        frame = _with_text_column(texts_or_paths, text_column)
        batches = [frame.iloc[i:i + partition_size]
                   for i in range(0, len(frame), partition_size)]
        return Corpus(batches, len(frame), text_column=text_column)
    paths = corpus_paths(texts_or_paths, pattern=pattern)
    batches = [paths[i:i + partition_size] for i in range(0, len(paths), partition_size)]
    return Corpus(batches, len(paths), paths=paths, text_column=text_column)


def _is_pandas(obj: object) -> bool:
    import pandas as pd

    return isinstance(obj, pd.Series | pd.DataFrame)


def _is_dask_frame(obj: object) -> bool:
    # Without dask imported, nothing can be a dask collection: no need to import it.
    dd = sys.modules.get("dask.dataframe")
    return dd is not None and isinstance(obj, dd.Series | dd.DataFrame)


def _with_text_column(frame: Any, text_column: str) -> Any:
    """A DataFrame with its text column: a Series becomes a one-column frame."""
    if frame.ndim == 1:
        return frame.to_frame(name=text_column)
    if text_column not in frame.columns:
        msg = (f"the corpus DataFrame has no text column {text_column!r} (columns: "
               f"{', '.join(map(str, frame.columns))}); pass text_column=")
        raise CorpusError(msg)
    return frame


def articles(batch: list[str] | pd.DataFrame, *, text_column: str = "text"
             ) -> Iterator[Article]:
    """The articles of one batch, in order; file contents are read by :meth:`Article.read`.

    Parameters
    ----------
    batch : list of str or pandas.DataFrame
    text_column : str
    """
    if isinstance(batch, list):
        for path in batch:
            yield Article(path, None, path, None, Path(path).name, None)
        return
    columns = [c for c in METADATA_COLUMNS if c in batch.columns]
    for key, text, *values in zip(batch.index, batch[text_column],
                                  *(batch[c] for c in columns), strict=True):
        meta = dict(zip(columns, values, strict=True))
        yield Article(str(key), text, None, meta.get("published"),
                      _text_or_none(meta.get("source")), _text_or_none(meta.get("url")))


def as_date(value: object) -> dt.date | None:
    """A publication date from a cell: a date, a datetime/Timestamp, or ``YYYY-MM-DD`` text.

    Raises
    ------
    CorpusError
        For text that is not an ISO date, or a value of another type.
    """
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    msg = f"published must be a date or YYYY-MM-DD, got {value!r}"
    raise CorpusError(msg)


def _text_or_none(value: object) -> str | None:
    return None if is_missing(value) else str(value)
