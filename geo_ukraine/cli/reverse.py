"""``geo-ukraine reverse``: country, oblast, raion and nearest place of a coordinate."""

from __future__ import annotations

import argparse
from typing import Any

from ..gazetteer import Gazetteer
from .common import place_dict, print_json

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the command's parser to ``subparsers``."""
    p = subparsers.add_parser("reverse",
                              help="country, oblast, raion and nearest place of a point",
                              description="Reverse-geocode a WGS84 coordinate.")
    p.add_argument("lat", type=float, help="latitude, degrees")
    p.add_argument("lon", type=float, help="longitude, degrees")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Where a coordinate lies."""
    result = Gazetteer.default().reverse(args.lon, args.lat)
    out: dict[str, Any] = {
        "lat": result.lat, "lon": result.lon,
        "country": result.country.country if result.country else None,
        "admin1": result.admin1.admin1 if result.admin1 else None,
        "admin1_name": result.admin1.name if result.admin1 else None,
        "admin2": result.admin2.admin2 if result.admin2 else None,
        "admin2_name": result.admin2.name if result.admin2 else None,
        "nearest": place_dict(result.nearest) if result.nearest else None,
        "distance_km": result.distance_km,
    }
    if args.json:
        print_json(out)
    else:
        nearest = out["nearest"]["name"] if out["nearest"] else "-"
        print(f"{out['country'] or '-'}\t{out['admin1_name'] or '-'}\t{out['admin2_name'] or '-'}"
              f"\tnearest: {nearest} ({out['distance_km']} km)")
    return 0
