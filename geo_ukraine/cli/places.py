"""``geo-ukraine places``: the place mentions of an article."""

from __future__ import annotations

import argparse
from typing import Any

from .common import place_dict, print_json, read_text

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the command's parser to ``subparsers``."""
    p = subparsers.add_parser("places", help="list the place mentions of an article",
                              description="Find every place named in a text file, with "
                                          "offsets, resolution, kind, confidence and role.")
    p.add_argument("file", help="text file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """List the place mentions of a text file."""
    from ..extract import find_places

    mentions = find_places(read_text(args.file))
    rows: list[dict[str, Any]] = [
        {"start": m.start, "end": m.end, "surface": m.surface, "kind": m.kind, "role": m.role,
         "confidence": m.confidence, "phrase": m.phrase,
         "place": place_dict(m.place) if m.place else None,
         "places": [p.place_id for p in m.places]} for m in mentions]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            where = (f"{r['place']['name']} ({r['place']['admin1'] or r['place']['country']})"
                     if r["place"] else f"{len(r['places'])} candidates")
            print(f"{r['start']:>6}-{r['end']:<6} {r['surface'][:40]:40} {r['kind']:10} "
                  f"{r['role']:9} {r['confidence']:.2f}  {where}")
    return 0
