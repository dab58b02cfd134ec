"""The ``geo-ukraine`` command line: a thin shell over the public API."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._files import check_output
from ..errors import GeoUkraineError, UnresolvedPlaceWarning

log = logging.getLogger("geo_ukraine")


def _version() -> str:
    from .. import __version__

    return __version__


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _place_dict(place: Any) -> dict[str, Any]:
    return {"place_id": place.place_id, "name": place.name, "kind": place.kind,
            "lon": place.lon, "lat": place.lat, "country": place.country,
            "admin1": place.admin1, "admin1_name": place.admin1_name, "admin2": place.admin2,
            "admin2_name": place.admin2_name, "population": place.population,
            "location_precision": place.location_precision, "iso_3166_2": place.iso_3166_2}


# ---------------------------------------------------------------------------------- commands
def cmd_geocode(args: argparse.Namespace) -> int:
    """Resolve names; exit 1 when any is not resolved."""
    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    results: list[dict[str, Any]] = []
    failed = 0
    for name in args.names:
        match = gaz.resolve(name, country=args.country, admin1=args.admin1, kind=args.kind)
        failed += match.place is None
        results.append({
            "query": name, "status": match.status, "score": match.score, "method": match.method,
            "place": _place_dict(match.place) if match.place else None, "reason": match.reason,
            "candidates": [{**_place_dict(c.place), "score": c.score, "method": c.method}
                           for c in match.candidates[:10]],
        })
    if args.json:
        _print_json(results)
    else:
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
    return 1 if failed else 0


def cmd_reverse(args: argparse.Namespace) -> int:
    """Where a coordinate lies."""
    from ..gazetteer import Gazetteer

    result = Gazetteer.default().reverse(args.lon, args.lat)
    out: dict[str, Any] = {
        "lat": result.lat, "lon": result.lon,
        "country": result.country.country if result.country else None,
        "admin1": result.admin1.admin1 if result.admin1 else None,
        "admin1_name": result.admin1.name if result.admin1 else None,
        "admin2": result.admin2.admin2 if result.admin2 else None,
        "admin2_name": result.admin2.name if result.admin2 else None,
        "nearest": _place_dict(result.nearest) if result.nearest else None,
        "distance_km": result.distance_km,
    }
    if args.json:
        _print_json(out)
    else:
        nearest = out["nearest"]["name"] if out["nearest"] else "-"
        print(f"{out['country'] or '-'}\t{out['admin1_name'] or '-'}\t{out['admin2_name'] or '-'}"
              f"\tnearest: {nearest} ({out['distance_km']} km)")
    return 0


def _read(path: str) -> Any:
    from ..events.io import read_events

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnresolvedPlaceWarning)
        events = read_events(path)
    for w in caught:
        if issubclass(w.category, UnresolvedPlaceWarning):
            print(f"warning: {w.message}", file=sys.stderr)
    return events


def cmd_map(args: argparse.Namespace) -> int:
    """Render events to an HTML map (and optionally GeoJSON)."""
    from ..events.io import write_events
    from ..maps import event_map, save_map

    check_output(args.output, inputs=[args.events])
    if args.geojson:
        check_output(args.geojson, inputs=[args.events, args.output])
    events = _read(args.events)
    m = event_map(events, title=args.title, time=args.time, as_of=args.as_of,
                  tiles=not args.offline, heatmap=args.heatmap, choropleth=args.choropleth)
    path = save_map(m, args.output, offline=args.offline)
    print(path)
    if args.geojson:
        print(write_events(events, args.geojson, driver="geojson"))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Convert an event file to another format."""
    from ..events.io import write_events

    check_output(args.output, inputs=[args.events])
    events = _read(args.events)
    print(write_events(events, args.output, driver=args.driver))
    return 0


def cmd_places(args: argparse.Namespace) -> int:
    """List the place mentions of a text file."""
    from ..extract import find_places

    text = _read_text(args.file)
    mentions = find_places(text)
    rows: list[dict[str, Any]] = [{"start": m.start, "end": m.end, "surface": m.surface,
                                   "kind": m.kind,
             "role": m.role, "confidence": m.confidence, "phrase": m.phrase,
             "place": _place_dict(m.place) if m.place else None,
             "places": [p.place_id for p in m.places]} for m in mentions]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            where = (f"{r['place']['name']} ({r['place']['admin1'] or r['place']['country']})"
                     if r["place"] else f"{len(r['places'])} candidates")
            print(f"{r['start']:>6}-{r['end']:<6} {r['surface'][:40]:40} {r['kind']:10} "
                  f"{r['role']:9} {r['confidence']:.2f}  {where}")
    return 0


def _read_text(path: str) -> str:
    from pathlib import Path

    file = Path(path)
    if not file.exists():
        msg = f"{path!r} does not exist"
        raise FileNotFoundError(msg)
    return file.read_text(encoding="utf-8", errors="replace")


def _extract_one(job: tuple[str, str | None]) -> Any:
    from ..extract import extract_events

    path, published = job
    return extract_events(_read_text(path), published=published, source=Path(path).name)


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract events from article files into one GeoJSON (or any event format)."""
    import concurrent.futures

    from tqdm import tqdm

    from ..events import event_frame
    from ..events.io import write_events

    check_output(args.output, inputs=args.files)
    jobs = [(path, args.published) for path in args.files]
    for path, _ in jobs:
        _read_text(path)  # fail fast, naming the file
    bar = tqdm(total=len(jobs), unit="file", disable=None, file=sys.stderr)
    frames = []
    if args.jobs > 1 and len(jobs) > 1:
        with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
            for frame in pool.map(_extract_one, jobs):
                frames.append(frame)
                bar.update()
    else:
        for job in jobs:
            frames.append(_extract_one(job))
            bar.update()
    bar.close()
    rows = [row for frame in frames for row in frame.to_dict("records")]
    events = event_frame(rows) if rows else event_frame([])
    out = write_events(events, args.output)
    print(out)
    log.info("%d events from %d files", len(events), len(jobs))
    return 0


def cmd_area(args: argparse.Namespace) -> int:
    """Areas of control snapshots, or the change between two."""
    from ..territory import KM2_PER_MI2, by_oblast, changes, read_snapshot, share_of_country

    if args.diff:
        if len(args.snapshots) != 2:
            raise GeoUkraineError("--diff needs exactly two snapshots: BEFORE AFTER")
        before, after = (read_snapshot(p) for p in args.snapshots)
        for snap in (before, after):
            for repair in snap.repairs:
                print(f"warning: {snap.source}: repaired {repair}", file=sys.stderr)
        change = changes(before, after)
        out = change.to_dict()
        if not args.by_oblast:
            out.pop("by_oblast")
        if args.json:
            _print_json(out)
        else:
            unit = args.units
            print(f"{out['before']} -> {out['after']}: gained {out['gained_' + unit]:,.1f}, "
                  f"lost {out['lost_' + unit]:,.1f}, net {out['net_' + unit]:,.1f} {unit}")
            for row in out.get("by_oblast", []):
                factor = 1 if unit == "km2" else 1 / KM2_PER_MI2
                print(f"  {row['admin1']:6} {row['name']:18} gained "
                      f"{row['gained_km2'] * factor:10,.1f}  lost "
                      f"{row['lost_km2'] * factor:10,.1f} {unit}")
        return 0
    results = []
    for path in args.snapshots:
        snap = read_snapshot(path)
        for repair in snap.repairs:
            print(f"warning: {snap.source}: repaired {repair}", file=sys.stderr)
        item: dict[str, Any] = {
            "snapshot": snap.source, "date": snap.date.isoformat(), "status": snap.status,
            "area_km2": round(snap.area_km2, 3), "area_mi2": round(snap.area_mi2, 3),
            "share_of_ukraine": round(share_of_country(snap, "UA"), 5),
            "repairs": list(snap.repairs)}
        if args.by_oblast:
            item["by_oblast"] = [{"admin1": r.admin1, "name": r.name, "km2": round(r.km2, 3),
                                  "mi2": round(r.mi2, 3)} for r in by_oblast(snap).itertuples()]
        results.append(item)
    if args.json:
        _print_json(results)
    else:
        key = "area_" + args.units
        for item in results:
            print(f"{item['snapshot']}\t{item['date']}\t{item['status']}\t"
                  f"{item[key]:,.1f} {args.units}\t"
                  f"{item['share_of_ukraine'] * 100:.2f}% of Ukraine")
            for row in item.get("by_oblast", []):
                value = row["km2"] if args.units == "km2" else row["mi2"]
                print(f"  {row['admin1']:6} {row['name']:18} {value:12,.1f} {args.units}")
    return 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    """Information about, rebuilding of, or additions to the gazetteer."""
    from .. import _data
    from ..gazetteer import Gazetteer, overlay_file

    if args.action == "info":
        manifest = _data.manifest()
        info = {"sources": manifest["sources"], "katottg_edition": manifest["katottg_edition"],
                "kinds": manifest["kinds"],
                "files": {k: {"rows": v["rows"], "bytes": v["bytes"]}
                          for k, v in manifest["files"].items()},
                "overlay": str(overlay_file()) if overlay_file().exists() else None,
                "problems": _data.verify()}
        if args.json:
            _print_json(info)
        else:
            for kind, count in info["kinds"].items():
                print(f"{kind:12} {count:>8,}")
            for name, src in info["sources"].items():
                print(f"source {name}: {src['package']}=={src['version']}")
            print(f"KATOTTG edition: {info['katottg_edition']}")
            print(f"user overlay: {info['overlay'] or 'none'}")
            print("integrity: " + ("ok" if not info["problems"] else str(info["problems"])))
        return 0 if not info["problems"] else 1
    if args.action == "build":
        import subprocess

        recipe = Path(args.recipe or Path.cwd() / "gazetteer" / "build.py")
        if not recipe.exists():
            msg = f"build recipe {str(recipe)!r} not found: run from a source checkout or --recipe"
            raise GeoUkraineError(msg)
        return subprocess.call([sys.executable, str(recipe)])
    from ..gazetteer.ingest import ingest

    if not args.path:
        raise GeoUkraineError("gazetteer ingest needs a PATH")
    report = ingest(args.path, kind=args.format)
    Gazetteer.reset_default()
    print(json.dumps(report, ensure_ascii=False))
    return 0


# ---------------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="geo-ukraine",
        description="Offline gazetteer, event geodata and maps for reporting on the "
                    "Russia-Ukraine war.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging")
    parser.add_argument("-q", "--quiet", action="store_true", help="errors only")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("geocode", help="resolve place names offline (any spelling)",
                       description="Resolve place names to places of the embedded gazetteer.")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--country", help="ISO alpha-2 code to restrict to, e.g. UA")
    p.add_argument("--admin1", help="admin-1 unit: UA.05, UA-14 or a region name")
    p.add_argument("--kind", choices=["settlement", "admin1", "admin2", "country", "facility"])
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_geocode)

    p = sub.add_parser("reverse", help="country, oblast, raion and nearest place of a point",
                       description="Reverse-geocode a WGS84 coordinate.")
    p.add_argument("lat", type=float, help="latitude, degrees")
    p.add_argument("lon", type=float, help="longitude, degrees")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reverse)

    p = sub.add_parser("places", help="list the place mentions of an article",
                       description="Find every place named in a text file, with offsets, "
                                   "resolution, kind, confidence and role.")
    p.add_argument("file", help="text file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_places)

    p = sub.add_parser("extract", help="propose the events articles report",
                       description="Extract events (type, place, figures, date, claim, source "
                                   "sentence) from article text files.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", required=True,
                   help="events file (.geojson, .gpkg, .csv, .kml)")
    p.add_argument("--published", help="publication date YYYY-MM-DD (else read from the "
                                       "text's header, else required)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("map", help="render events to a layered HTML map",
                       description="Render an event file (YAML, CSV, GeoJSON, GeoPackage, KML) "
                                   "to a layered HTML map.")
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
    p.set_defaults(func=cmd_map)

    p = sub.add_parser("export", help="convert events between GeoJSON, GPKG, CSV, KML, ACLED",
                       description="Convert an event file; the format follows the extension.")
    p.add_argument("events", help="event file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--driver", choices=["geojson", "gpkg", "csv", "kml", "acled"])
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("area", help="areas of control snapshots and what changed hands",
                       description="Area (km² or square miles), share of Ukraine and per-"
                                   "oblast breakdown of control-area snapshots (GeoJSON, KML, "
                                   "KMZ, GeoPackage, shapefile), or with --diff the gained "
                                   "and lost areas between two.")
    p.add_argument("snapshots", nargs="+", metavar="SNAPSHOT")
    p.add_argument("--diff", action="store_true", help="compare BEFORE AFTER")
    p.add_argument("--by-oblast", action="store_true", help="break figures down by oblast")
    p.add_argument("--units", choices=["km2", "mi2"], default="km2")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_area)

    p = sub.add_parser("gazetteer", help="gazetteer info, rebuild, or ingest user data",
                       description="info: sources, sizes and integrity; build: rerun the "
                                   "recipe; ingest PATH: add a GeoNames dump, alternateNames, "
                                   "KATOTTG xlsx or your own CSV/GeoJSON places.")
    p.add_argument("action", choices=["info", "build", "ingest"])
    p.add_argument("path", nargs="?", help="file to ingest")
    p.add_argument("--format", choices=["geonames", "alternatenames", "katottg", "csv",
                                        "geojson"], help="format of PATH (default: guessed)")
    p.add_argument("--recipe", help="path of gazetteer/build.py (build)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_gazetteer)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    User mistakes (unknown places, bad files, bad values) print one line on stderr and
    return 2; they never show a traceback.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.ERROR if args.quiet else (logging.DEBUG if args.verbose > 1 else
                                              logging.INFO if args.verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except (GeoUkraineError, FileNotFoundError, ValueError, RuntimeError) as exc:
        print(f"geo-ukraine {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
