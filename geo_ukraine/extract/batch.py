"""Events from many article files: one bad file never stops the batch, workers share one load.

The gazetteer is loaded (and warmed) once in the parent; ``jobs > 1`` forks workers that
inherit it, so no worker loads anything again. Each file is read and extracted on its own:
an unreadable or non-UTF-8 file, or one whose extraction fails, is reported by name and the
rest go on. The rows of every file become one event table, in file order, so the result is
the same for any number of jobs: the rows of each run of files are made into a table as
they arrive (while the workers go on with the next files), and the tables are joined at the
end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import multiprocessing
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._collector import collector_paused
from ..errors import GeoUkraineError, GeoUkraineWarning
from ..events import event_frame
from ..gazetteer import Gazetteer
from .events import event_records

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["BatchResult", "events_from_files", "read_article"]

# A short text that touches what extraction loads lazily (polygons, indexes), read once in
# the parent before workers fork.
_WARM_UP = ("Drones hit Kharkiv and southern Zaporizhzhia region on March 2, killing two "
            "people; Russia said it captured a village in Donetsk and Luhansk regions.")
# Files per task handed to a worker.
_CHUNK = 8
# Files whose rows become one table as they arrive.
_TABLE_FILES = 64


@dataclasses.dataclass
class BatchResult:
    """What a batch produced.

    Attributes
    ----------
    events : geopandas.GeoDataFrame
        The events of every file that could be read, in file order.
    failed : list of (str, str)
        Each file that produced nothing because it failed, with the reason.
    warnings : list of str
        Warnings about files that did produce output (undated events, impossible dates).
    """

    events: gpd.GeoDataFrame
    failed: list[tuple[str, str]]
    warnings: list[str]


def read_article(path: str | Path) -> str:
    r"""An article file's text, exactly as a reader decodes its bytes (``\\r\\n`` kept).

    Offsets into the returned text are offsets into the decoded file, so they stay right
    for files with Windows line ends.

    Raises
    ------
    GeoUkraineError
        Naming the file, when it is missing, a directory, unreadable or not UTF-8.
    """
    file = Path(path)
    try:
        with file.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        msg = (f"{str(path)!r} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at "
               f"offset {exc.start}); convert it to UTF-8 first")
        raise GeoUkraineError(msg) from None
    except IsADirectoryError:
        msg = f"{str(path)!r} is a directory, not a text file"
        raise GeoUkraineError(msg) from None
    except OSError as exc:
        msg = f"cannot read {str(path)!r}: {exc.strerror or exc}"
        raise GeoUkraineError(msg) from None


def events_from_files(paths: Sequence[str | Path], *, published: str | dt.date | None = None,
                      jobs: int = 1, gazetteer: Gazetteer | None = None,
                      progress: Callable[[], None] | None = None) -> BatchResult:
    """Extract the events of many article files into one event table.

    Parameters
    ----------
    paths : sequence of str or Path
    published : str or date, optional
        Fallback publication date for files that carry no date of their own.
    jobs : int
        Worker processes (forked, sharing the parent's gazetteer); 1 runs in-process.
    gazetteer : Gazetteer, optional
    progress : callable, optional
        Called once per file done.

    Returns
    -------
    BatchResult
    """
    gaz = gazetteer or Gazetteer.default()
    event_records(_WARM_UP, published="2026-03-05", gazetteer=gaz)  # load once, before forking
    tasks = [(str(p), published) for p in paths]
    gathered = _Gathered(progress)
    _STATE["gazetteer"] = gaz
    if jobs > 1 and len(tasks) > 1 and "fork" in multiprocessing.get_all_start_methods():
        _in_workers(tasks, jobs, gathered.take)
    else:
        # Not once per file: the rows gathered so far would be scanned at every file's end.
        with collector_paused():
            for task in tasks:
                gathered.take(_one_file(task))
    return BatchResult(gathered.events(), gathered.failed, gathered.notes)


class _Gathered:
    """The files' results as they arrive, in file order: their rows made into tables."""

    def __init__(self, progress: Callable[[], None] | None) -> None:
        self.failed: list[tuple[str, str]] = []
        self.notes: list[str] = []
        self._progress = progress
        self._rows: list[dict[str, Any]] = []
        self._tables: list[gpd.GeoDataFrame] = []
        self._files = 0

    def take(self, result: tuple[str, list[dict[str, Any]], list[str], str | None]) -> None:
        """Keep one file's result; every ``_TABLE_FILES`` files, make their rows a table."""
        path, rows, notes, error = result
        if error is not None:
            self.failed.append((path, error))
        self.notes.extend(notes)
        self._rows.extend(rows)
        self._files += 1
        if self._files % _TABLE_FILES == 0:
            self._table()
        if self._progress:
            self._progress()

    def events(self) -> gpd.GeoDataFrame:
        """Every file's events in one table, in file order."""
        self._table()
        tables = [t for t in self._tables if len(t)] or self._tables[:1]
        if len(tables) == 1:
            return tables[0]
        import pandas as pd

        return pd.concat(tables, ignore_index=True)

    def _table(self) -> None:
        if self._rows or not self._tables:
            self._tables.append(event_frame(self._rows, validate=False))
            self._rows = []


def _in_workers(tasks: list[tuple[str, str | dt.date | None]], jobs: int,
                take: Callable[[tuple[str, list[dict[str, Any]], list[str], str | None]], None]
                ) -> None:
    """Each task's result from forked workers, handed to ``take`` in task order."""
    # Objects alive now are never collected in the workers, so their garbage collector does
    # not touch (and so copy) the pages of the gazetteer they share with the parent.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(tasks))) as pool:
            for result in pool.imap(_one_file, tasks, chunksize=_CHUNK):
                take(result)
    finally:
        gc.unfreeze()


# What forked workers inherit from the parent: the loaded gazetteer.
_STATE: dict[str, Gazetteer] = {}


def _one_file(task: tuple[str, str | dt.date | None]
              ) -> tuple[str, list[dict[str, Any]], list[str], str | None]:
    """One file's rows, its warnings, and the reason it failed (None when it did not)."""
    path, published = task
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GeoUkraineWarning)
        try:
            text = read_article(path)
            rows = event_records(text, published=published, source=Path(path).name,
                                 gazetteer=_STATE.get("gazetteer"))
        except GeoUkraineError as exc:
            return path, [], [], str(exc)
        except Exception as exc:
            return path, [], [], f"{path!r}: extraction failed: {type(exc).__name__}: {exc}"
    name = Path(path).name
    notes = [str(w.message).replace(f"{name}: ", f"{path}: ", 1) for w in caught
             if issubclass(w.category, GeoUkraineWarning)]
    return path, rows, notes, None
