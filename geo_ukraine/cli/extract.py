"""``geo-ukraine extract``: the events that article files report, into one event file."""

from __future__ import annotations

import argparse
import concurrent.futures
import logging
import sys
from pathlib import Path
from typing import Any

from .._files import check_output
from .common import read_text

__all__ = ["add_parser", "run"]

log = logging.getLogger("geo_ukraine")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the command's parser to ``subparsers``."""
    p = subparsers.add_parser("extract", help="propose the events articles report",
                              description="Extract events (type, place, figures, date, claim, "
                                          "source sentence) from article text files.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", required=True,
                   help="events file (.geojson, .gpkg, .csv, .kml)")
    p.add_argument("--published", help="publication date YYYY-MM-DD (else read from the "
                                       "text's header, else required)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.set_defaults(func=run)
    return p


def _extract_one(job: tuple[str, str | None]) -> Any:
    from ..extract import extract_events

    path, published = job
    return extract_events(read_text(path), published=published, source=Path(path).name)


def _extract_all(jobs: list[tuple[str, str | None]], workers: int) -> list[Any]:
    from tqdm import tqdm

    bar = tqdm(total=len(jobs), unit="file", disable=None, file=sys.stderr)
    frames = []
    if workers > 1 and len(jobs) > 1:
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
            for frame in pool.map(_extract_one, jobs):
                frames.append(frame)
                bar.update()
    else:
        for job in jobs:
            frames.append(_extract_one(job))
            bar.update()
    bar.close()
    return frames


def run(args: argparse.Namespace) -> int:
    """Extract events from article files into one GeoJSON (or any event format)."""
    from ..events import event_frame
    from ..events.io import write_events

    check_output(args.output, inputs=args.files)
    jobs = [(path, args.published) for path in args.files]
    for path, _ in jobs:
        read_text(path)  # fail fast, naming the file
    frames = _extract_all(jobs, args.jobs)
    rows = [row for frame in frames for row in frame.to_dict("records")]
    events = event_frame(rows) if rows else event_frame([])
    print(write_events(events, args.output))
    log.info("%d events from %d files", len(events), len(jobs))
    return 0
