"""``geo-ukraine export``: convert an event file to another format."""

from __future__ import annotations

import argparse
from typing import Any

from ..events.io import DRIVERS, check_event_output, write_events
from .common import read_event_file

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the command's parser to ``subparsers``."""
    p = subparsers.add_parser("export",
                              help="convert events between GeoJSON, GPKG, CSV, KML, ACLED",
                              description="Convert an event file; the format follows the "
                                          "extension.")
    p.add_argument("events", help="event file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--driver", choices=sorted(n for n, d in DRIVERS.items() if d.write),
                   help="format to write (default: from the output's extension)")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Convert an event file to another format."""
    check_event_output(args.output, driver=args.driver, inputs=[args.events])
    events = read_event_file(args.events)
    print(write_events(events, args.output, driver=args.driver))
    return 0
