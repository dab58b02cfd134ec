"""``geo-ukraine geocode``: resolve place names offline."""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import InvalidNameError
from ..gazetteer import KINDS, Gazetteer, Match, MatchStatus
from .common import place_dict, print_json

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the command's parser to ``subparsers``."""
    p = subparsers.add_parser("geocode", help="resolve place names offline (any spelling)",
                              description="Resolve place names to places of the embedded "
                                          "gazetteer.")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--country", help="ISO alpha-2 code to restrict to, e.g. UA")
    p.add_argument("--admin1", help="admin-1 unit: UA.05, UA-14 or a region name")
    p.add_argument("--kind", choices=list(KINDS))
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)
    return p


def _print_text(results: list[dict[str, Any]]) -> None:
    for r in results:
        if r["place"]:
            p = r["place"]
            print(f"{r['query']}\t{p['name']}\t{p['kind']}\t{p['lat']:.5f}\t{p['lon']:.5f}"
                  f"\t{p['admin1'] or ''}\t{p['country']}\t{r['score']:.2f} {r['method']}")
        else:
            print(f"{r['query']}\t{r['status'].upper()}\t{r['reason']}")
            for c in r["candidates"][:5]:
                print(f"\t  candidate: {c['name']} ({c['admin1'] or c['country']}) "
                      f"{c['lat']:.4f},{c['lon']:.4f} score {c['score']:.2f}")


def _resolve(gaz: Gazetteer, name: str, args: argparse.Namespace) -> Match:
    """One name's match; a name that is not a name (blank, too long) is unresolved, not fatal."""
    try:
        return gaz.resolve(name, country=args.country, admin1=args.admin1, kind=args.kind)
    except InvalidNameError as exc:
        return Match(name, None, 0.0, "none", MatchStatus.UNRESOLVED, (), str(exc))


def run(args: argparse.Namespace) -> int:
    """Resolve names; exit 1 when any is ambiguous or unresolved (a group of regions is found)."""
    gaz = Gazetteer.default()
    results: list[dict[str, Any]] = []
    failed = 0
    for name in args.names:
        match = _resolve(gaz, name, args)
        failed += match.status not in (MatchStatus.RESOLVED, MatchStatus.GROUP)
        results.append({
            "query": name, "status": match.status, "score": match.score, "method": match.method,
            "place": place_dict(match.place) if match.place else None, "reason": match.reason,
            "candidates": [{**place_dict(c.place), "score": c.score, "method": c.method}
                           for c in match.candidates[:10]],
        })
    if args.json:
        print_json(results)
    else:
        _print_text(results)
    return 1 if failed else 0
