"""``geo-ukraine extract``: the events that article files report, into one event file."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from .._files import check_output
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
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", required=True,
                   help="events file (.geojson, .gpkg, .csv, .kml)")
    p.add_argument("--published", help="publication date YYYY-MM-DD for files that carry no "
                                       "date of their own")
    p.add_argument("--jobs", type=int, default=1,
                   help="worker processes, forked after the gazetteer is loaded once "
                        "(default 1); the output is the same for any number")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Extract events from article files into one GeoJSON (or any event format)."""
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
