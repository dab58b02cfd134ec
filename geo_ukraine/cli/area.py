"""``geo-ukraine area``: areas of control snapshots, or what changed hands between two."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from ..errors import GeoUkraineError, TerritoryError
from ..territory import KM2_PER_MI2, by_oblast, changes, read_snapshot, share_of_country
from .common import print_json

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the command's parser to ``subparsers``."""
    p = subparsers.add_parser("area", help="areas of control snapshots and what changed hands",
                              description="Area (km² or square miles), share of Ukraine and "
                                          "per-oblast breakdown of control-area snapshots "
                                          "(GeoJSON, KML, KMZ, GeoPackage, shapefile), or with "
                                          "--diff the gained and lost areas between two.")
    p.add_argument("snapshots", nargs="+", metavar="SNAPSHOT")
    p.add_argument("--diff", action="store_true", help="compare BEFORE AFTER")
    p.add_argument("--by-oblast", action="store_true", help="break figures down by oblast")
    p.add_argument("--units", choices=["km2", "mi2"], default="km2")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)
    return p


def _report_repairs(snap: Any) -> None:
    for repair in snap.repairs:
        print(f"warning: {snap.source}: repaired {repair}", file=sys.stderr)


def _diff(args: argparse.Namespace) -> int:

    if len(args.snapshots) != 2:
        raise GeoUkraineError("--diff needs exactly two snapshots: BEFORE AFTER")
    before, after = (read_snapshot(p) for p in args.snapshots)
    for snap in (before, after):
        _report_repairs(snap)
    out = changes(before, after).to_dict()
    if not args.by_oblast:
        out.pop("by_oblast")
    if args.json:
        print_json(out)
        return 0
    unit = args.units
    print(f"{out['before']} -> {out['after']}: gained {out['gained_' + unit]:,.1f}, "
          f"lost {out['lost_' + unit]:,.1f}, net {out['net_' + unit]:,.1f} {unit}")
    factor = 1 if unit == "km2" else 1 / KM2_PER_MI2
    for row in out.get("by_oblast", []):
        print(f"  {row['admin1']:6} {row['name']:18} gained "
              f"{row['gained_km2'] * factor:10,.1f}  lost "
              f"{row['lost_km2'] * factor:10,.1f} {unit}")
    return 0


# Stands in for the date of an undated snapshot whose area alone is asked for; never shown.
_UNDATED = dt.date(1, 1, 1)


def _area(path: str, by_oblast_too: bool) -> dict[str, Any]:
    # An area needs no date: a snapshot that carries none is measured and reported undated
    # (a change between two snapshots still needs both dates).
    date: str | None = None
    try:
        snap = read_snapshot(path)
        date = snap.date.isoformat()
    except TerritoryError as exc:
        if "has no date" not in str(exc):
            raise
        snap = read_snapshot(path, date=_UNDATED)
    _report_repairs(snap)
    item: dict[str, Any] = {
        "snapshot": snap.source, "date": date, "status": snap.status,
        "area_km2": round(snap.area_km2, 3), "area_mi2": round(snap.area_mi2, 3),
        "share_of_ukraine": round(share_of_country(snap, "UA"), 5),
        "repairs": list(snap.repairs)}
    if by_oblast_too:
        item["by_oblast"] = [{"admin1": r.admin1, "name": r.name, "km2": round(r.km2, 3),
                              "mi2": round(r.mi2, 3)} for r in by_oblast(snap).itertuples()]
    return item


def run(args: argparse.Namespace) -> int:
    """Areas of control snapshots, or the change between two."""
    if args.diff:
        return _diff(args)
    results = [_area(path, args.by_oblast) for path in args.snapshots]
    if args.json:
        print_json(results)
        return 0
    key = "area_" + args.units
    for item in results:
        print(f"{item['snapshot']}\t{item['date'] or 'undated'}\t{item['status']}\t"
              f"{item[key]:,.1f} {args.units}\t"
              f"{item['share_of_ukraine'] * 100:.2f}% of Ukraine")
        for row in item.get("by_oblast", []):
            value = row["km2"] if args.units == "km2" else row["mi2"]
            print(f"  {row['admin1']:6} {row['name']:18} {value:12,.1f} {args.units}")
    return 0
