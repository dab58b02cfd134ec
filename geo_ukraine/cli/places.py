"""``geo-ukraine places``: the place mentions of an article."""

from __future__ import annotations

import argparse
from typing import Any

from ..extract import Mention, find_places, read_article
from .common import print_json

__all__ = ["add_parser", "mention_dict", "run"]

_EPILOG = """\
--json prints one object per mention with these keys first, in this order: start, end
(character offsets into the file's text as decoded, CRLF line ends counted as two
characters), surface, role (location, actor or name_part), kind (settlement, admin1,
admin2, country, facility or other), resolved (true or false), geonameid, name, lat, lon,
admin1 (the place's GeoNames admin code: its oblast's, e.g. UA.07, or a raion's own, e.g.
UA.07.6308), country (ISO alpha-2) and confidence; then place_id, admin2, feature, phrase,
places (every place id a list phrase such as "Sumy and Chernihiv oblasts" names) and
candidates (the place ids an unresolved name could mean).
"""

# The kinds of the contract.
_KINDS = frozenset(["settlement", "admin1", "admin2", "country", "facility", "other"])
# The kind of a mention of several admin-1 units ("Sumy and Chernihiv oblasts", "Donbas").
_KIND_OF = {"regions": "admin1"}


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the command's parser to ``subparsers``."""
    p = subparsers.add_parser("places", help="list the place mentions of an article",
                              description="Find every place named in a text file, with "
                                          "offsets, resolution, kind, confidence and role.",
                              epilog=_EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", help="text file (UTF-8)")
    p.add_argument("--json", action="store_true", help="print the mentions as JSON")
    p.set_defaults(func=run)
    return p


def mention_dict(mention: Mention) -> dict[str, Any]:
    """One mention in the flat JSON contract of ``places --json`` (see the command's help).

    Parameters
    ----------
    mention : Mention

    Returns
    -------
    dict
    """
    place = mention.place
    several = len(mention.places) > 1 and place is not None
    resolved = place is not None
    kind = mention.kind if mention.kind in _KINDS else _KIND_OF.get(mention.kind) or (
        place.kind if place is not None else (
            mention.places[0].kind if mention.places else "settlement"))
    single = place if resolved and not several else None
    admin1 = None
    if single is not None:
        admin1 = single.admin2 if single.kind == "admin2" and single.admin2 else single.admin1
    countries = {p.country for p in mention.places if p.country} if resolved else set()
    return {
        "start": mention.start, "end": mention.end, "surface": mention.surface,
        "role": mention.role, "kind": kind, "resolved": resolved,
        "geonameid": single.geonameid if single else None,
        "name": "; ".join(p.name for p in mention.places) if several else (
            single.name if single else None),
        "lat": single.lat if single else None, "lon": single.lon if single else None,
        "admin1": admin1, "country": countries.pop() if len(countries) == 1 else None,
        "confidence": round(float(mention.confidence), 3),
        "place_id": single.place_id if single else None,
        "admin2": single.admin2 if single else None,
        "feature": single.feature if single else None,
        "phrase": mention.phrase,
        "places": [p.place_id for p in mention.places] if resolved else [],
        "candidates": [] if resolved else [p.place_id for p in mention.places],
    }


def run(args: argparse.Namespace) -> int:
    """List the place mentions of a text file."""
    rows = [mention_dict(m) for m in find_places(read_article(args.file))]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        where = (f"{r['name']} ({r['admin1'] or r['country']})" if r["resolved"]
                 else f"{len(r['candidates'])} candidates")
        print(f"{r['start']:>6}-{r['end']:<6} {r['surface'][:40]:40} {r['kind']:10} "
              f"{r['role']:9} {r['confidence']:.2f}  {where}")
    return 0
