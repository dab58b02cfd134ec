"""``geo-ukraine extract``: the events that article files report, into one event file."""

from __future__ import annotations

import argparse
import logging
import sys
import warnings
from typing import Any

from .._files import check_output
from ..corpus import DEFAULT_PARTITION_SIZE, ENGINES, extract_corpus_to
from ..errors import GeoUkraineWarning
from ..events.io import write_events
from ..extract import events_from_files
from ..extract.events import check_published

__all__ = ["add_parser", "run"]

log = logging.getLogger("geo_ukraine")

_EPILOG = """\
Each file is dated by its own header or dateline date, else by --published; a file with no
date at all keeps going (its undated events are reported in a warning naming it). A file
that cannot be read (missing, a directory, not UTF-8) is reported by name and the others go
on.

Corpus engines: with --engine, the inputs may also be directories (every *.txt beneath)
and quoted glob patterns ('reports/2024-*/*.txt'). --engine dask runs on a Dask cluster
(pip install 'geo_ukraine[corpus]'): a local cluster of --workers processes, or the one at
--scheduler ADDRESS; it writes a directory of GeoParquet parts (-o events.parquet), one per
--partition-size articles.

exit status: 0 when every file produced output, 1 when any file failed (the events of the
others are still written), 2 for a usage error (bad --published, unusable output path).
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the command's parser to ``subparsers``."""
    p = subparsers.add_parser("extract", help="propose the events articles report",
                              description="Extract events (type, place, figures, date, claim, "
                                          "source sentence) from article text files.",
                              epilog=_EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="article files (with --engine: also directories and glob patterns)")
    p.add_argument("-o", "--output", required=True,
                   help="events file (.geojson, .gpkg, .csv, .kml, .parquet); with --engine "
                        "dask, a GeoParquet directory such as events.parquet")
    p.add_argument("--published", help="publication date YYYY-MM-DD for files that carry no "
                                       "date of their own")
    p.add_argument("--jobs", type=int, default=1,
                   help="worker processes, forked after the gazetteer is loaded once "
                        "(default 1); the output is the same for any number")
    corpus = p.add_argument_group("corpus engines")
    corpus.add_argument("--engine", choices=ENGINES,
                        help="extract through a corpus engine instead: 'local' (this "
                             "process) or 'dask' (a Dask cluster)")
    corpus.add_argument("--scheduler", metavar="ADDRESS",
                        help="dask: the scheduler to run on (default: a local cluster)")
    corpus.add_argument("--workers", type=int, metavar="N",
                        help="dask: processes of the local cluster (default: one per core)")
    corpus.add_argument("--partition-size", type=int,
                        metavar="N", help="articles per task and per Parquet part "
                                          f"(default {DEFAULT_PARTITION_SIZE})")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Extract events from article files into one GeoJSON (or any event format)."""
    if args.engine is not None:
        return _run_engine(args)
    _check_engine_options(args)
    from tqdm import tqdm

    check_output(args.output, inputs=args.files)
    check_published(args.published)
    bar = tqdm(total=len(args.files), unit="file", disable=None, file=sys.stderr)
    result = events_from_files(args.files, published=args.published, jobs=max(1, args.jobs),
                               progress=bar.update)
    bar.close()
    for note in result.warnings:
        print(f"warning: {note}", file=sys.stderr)
    for _path, reason in result.failed:
        print(f"warning: skipped: {reason}", file=sys.stderr)
    print(write_events(result.events, args.output))
    log.info("%d events from %d files (%d failed)", len(result.events), len(args.files),
             len(result.failed))
    return 1 if result.failed else 0


def _run_engine(args: argparse.Namespace) -> int:
    """Extract through a corpus engine (:func:`geo_ukraine.corpus.extract_corpus_to`)."""
    if args.jobs != 1:
        msg = "--jobs applies without --engine; size a Dask cluster with --workers"
        raise ValueError(msg)
    if args.engine != "dask" and (args.scheduler is not None or args.workers is not None):
        msg = "--scheduler and --workers apply to --engine dask only"
        raise ValueError(msg)
    size = DEFAULT_PARTITION_SIZE if args.partition_size is None else args.partition_size
    if size < 1:
        msg = f"--partition-size must be at least 1, got {size}"
        raise ValueError(msg)
    _quiet_dask_logs()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GeoUkraineWarning)
        done = extract_corpus_to(args.files, args.output, engine=args.engine,
                                 published=args.published, scheduler=args.scheduler,
                                 n_workers=args.workers, partition_size=size,
                                 progress=True)
    for w in caught:
        if issubclass(w.category, GeoUkraineWarning):
            print(f"warning: {w.message}", file=sys.stderr)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    print(done.output)
    return 1 if done.skipped else 0


def _check_engine_options(args: argparse.Namespace) -> None:
    """Refuse options of the corpus engines without ``--engine``."""
    if any(option is not None
           for option in (args.scheduler, args.workers, args.partition_size)):
        msg = "--scheduler, --workers and --partition-size apply with --engine only"
        raise ValueError(msg)


def _quiet_dask_logs() -> None:
    """Make distributed's loggers (INFO once it is imported) follow ``-v``/``-q`` as ours do."""
    try:
        import distributed  # noqa: F401  (importing it sets its loggers' levels)
    except ImportError:
        return  # the engine itself names the extra to install
    level = max(logging.WARNING, log.getEffectiveLevel())
    for name in ("distributed", "distributed.client", "distributed.gc"):
        logging.getLogger(name).setLevel(level)
