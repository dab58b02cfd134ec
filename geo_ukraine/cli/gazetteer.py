"""``geo-ukraine gazetteer``: information about, rebuilding of, or additions to the gazetteer."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from .._data import manifest, verify
from ..errors import GeoUkraineError
from ..gazetteer import Gazetteer, overlay_file
from ..gazetteer.ingest import ingest
from .common import print_json

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the command's parser to ``subparsers``."""
    p = subparsers.add_parser("gazetteer", help="gazetteer info, rebuild, or ingest user data",
                              description="info: sources, sizes and integrity; build: rerun "
                                          "the recipe; ingest PATH: add a GeoNames dump, "
                                          "alternateNames, KATOTTG xlsx or your own "
                                          "CSV/GeoJSON places.")
    p.add_argument("action", choices=["info", "build", "ingest"])
    p.add_argument("path", nargs="?", help="file to ingest")
    p.add_argument("--format", choices=["geonames", "alternatenames", "katottg", "csv",
                                        "geojson"], help="format of PATH (default: guessed)")
    p.add_argument("--recipe", help="path of gazetteer/build.py (build)")
    p.add_argument("--force", action="store_true",
                   help="ingest: accept entries that move a known place by more than 50 km or "
                        "give a well-known name to a place far from it (listed on stderr)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)
    return p


def _info(args: argparse.Namespace) -> int:
    built = manifest()
    info = {"sources": built["sources"], "katottg_edition": built["katottg_edition"],
            "kinds": built["kinds"],
            "files": {k: {"rows": v["rows"], "bytes": v["bytes"]}
                      for k, v in built["files"].items()},
            "overlay": str(overlay_file()) if overlay_file().exists() else None,
            "problems": verify()}
    if args.json:
        print_json(info)
    else:
        for kind, count in info["kinds"].items():
            print(f"{kind:12} {count:>8,}")
        for name, src in info["sources"].items():
            print(f"source {name}: {src.get('package', src.get('file'))}=={src['version']}")
        print(f"KATOTTG edition: {info['katottg_edition']}")
        print(f"user overlay: {info['overlay'] or 'none'}")
        print("integrity: " + ("ok" if not info["problems"] else str(info["problems"])))
    return 0 if not info["problems"] else 1


def _build(args: argparse.Namespace) -> int:
    recipe = Path(args.recipe or Path.cwd() / "gazetteer" / "build.py")
    if not recipe.exists():
        msg = f"build recipe {str(recipe)!r} not found: run from a source checkout or --recipe"
        raise GeoUkraineError(msg)
    return subprocess.call([sys.executable, str(recipe)])


def _ingest(args: argparse.Namespace) -> int:
    if not args.path:
        raise GeoUkraineError("gazetteer ingest needs a PATH")
    report = ingest(args.path, kind=args.format, force=args.force)
    for override in report["overrides"]:
        print(f"warning: accepted with --force: {override}", file=sys.stderr)
    Gazetteer.reset_default()
    print(json.dumps(report, ensure_ascii=False))
    return 0


def run(args: argparse.Namespace) -> int:
    """Information about, rebuilding of, or additions to the gazetteer."""
    actions = {"info": _info, "build": _build, "ingest": _ingest}
    return actions[args.action](args)
