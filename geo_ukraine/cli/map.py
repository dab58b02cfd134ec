"""``geo-ukraine map``: an event file as a layered HTML map."""

from __future__ import annotations

import argparse
from typing import Any

from .._files import check_output
from ..events.io import write_events
from ..maps import event_map, save_map
from .common import read_event_file

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the command's parser to ``subparsers``."""
    p = subparsers.add_parser("map", help="render events to a layered HTML map",
                              description="Render an event file (YAML, CSV, GeoJSON, "
                                          "GeoPackage, KML) to a layered HTML map.")
    p.add_argument("events", help="event file")
    p.add_argument("-o", "--output", required=True, help="HTML file to write")
    p.add_argument("--offline", action=argparse.BooleanOptionalAction, default=True,
                   help="inline all assets and use the vector basemap (default: on)")
    p.add_argument("--time", action=argparse.BooleanOptionalAction, default=True,
                   help="add a time slider (default: on)")
    p.add_argument("--title", help="title shown on the map")
    p.add_argument("--as-of", dest="as_of", help="drop events after this date (YYYY-MM-DD)")
    p.add_argument("--heatmap", action="store_true", help="add a heatmap overlay")
    p.add_argument("--choropleth", action="store_true", help="add event counts per oblast")
    p.add_argument("--geojson", help="also write the events as RFC 7946 GeoJSON here")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Render events to an HTML map (and optionally GeoJSON)."""
    check_output(args.output, inputs=[args.events])
    if args.geojson:
        check_output(args.geojson, inputs=[args.events, args.output])
    events = read_event_file(args.events)
    m = event_map(events, title=args.title, time=args.time, as_of=args.as_of,
                  tiles=not args.offline, heatmap=args.heatmap, choropleth=args.choropleth)
    print(save_map(m, args.output, offline=args.offline))
    if args.geojson:
        print(write_events(events, args.geojson, driver="geojson"))
    return 0
