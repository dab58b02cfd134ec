"""Events from many article files: one bad file never stops the batch, workers share one load.

The gazetteer is loaded (and warmed) once in the parent; ``jobs > 1`` forks workers that
inherit it, so no worker loads anything again. Each file is read and extracted on its own:
an unreadable or non-UTF-8 file, or one whose extraction fails, is reported by name and the
rest go on. The rows of every file become one event table at the end, in file order, so the
result is the same for any number of jobs.
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
    results: list[tuple[str, list[dict[str, Any]], list[str], str | None]] = []
    _STATE["gazetteer"] = gaz
    if jobs > 1 and len(tasks) > 1 and "fork" in multiprocessing.get_all_start_methods():
        results = _in_workers(tasks, jobs, progress)
    else:
        # Not once per file: the rows gathered so far would be scanned at every file's end.
        with collector_paused():
            for task in tasks:
                results.append(_one_file(task))
                if progress:
                    progress()
    rows = [row for _, file_rows, _, _ in results for row in file_rows]
    failed = [(path, error) for path, _, _, error in results if error is not None]
    notes = [note for _, _, file_notes, _ in results for note in file_notes]
    return BatchResult(event_frame(rows, validate=False), failed, notes)


def _in_workers(tasks: list[tuple[str, str | dt.date | None]], jobs: int,
                progress: Callable[[], None] | None
                ) -> list[tuple[str, list[dict[str, Any]], list[str], str | None]]:
    """Each task's result from forked workers, in task order."""
    results = []
    # Objects alive now are never collected in the workers, so their garbage collector does
    # not touch (and so copy) the pages of the gazetteer they share with the parent.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(tasks))) as pool:
            for result in pool.imap(_one_file, tasks, chunksize=_CHUNK):
                results.append(result)
                if progress:
                    progress()
    finally:
        gc.unfreeze()
    return results


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
