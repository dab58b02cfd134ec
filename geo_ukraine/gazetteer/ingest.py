"""User extensions of the gazetteer: GeoNames dumps, alternate names, KATOTTG, own places.

Everything ingested goes into one overlay file in the user's cache directory
(``<cache_dir>/overlay.tsv``, same columns as the embedded table). Overlay rows take
precedence over embedded rows with the same id, and are merged on every load.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import io
import json
import statistics
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .._files import atomic_open
from ..errors import GeoUkraineError
from .names import LATIN_OR_CYRILLIC, has_cyrillic, skeleton

__all__ = ["ingest", "read_overlay"]

# alternateNames "languages" that are not names.
_NOT_NAMES = {"link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc", "tcid", "fr_1793"}
_KATOTTG_CATEGORIES = {"M", "X", "C", "K"}


def _columns() -> tuple[str, ...]:
    from .core import Gazetteer

    return Gazetteer.COLUMNS


def read_overlay(path: Path) -> list[list[str]]:
    """Rows of an overlay file (header checked)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    if not rows or tuple(rows[0]) != _columns():
        msg = (f"{str(path)!r} is not a geo_ukraine overlay (wrong header); "
               "delete it and ingest again")
        raise GeoUkraineError(msg)
    return rows[1:]


def _write_overlay(rows: Iterable[Sequence[str]]) -> tuple[Path, int]:
    from .core import overlay_file

    path = overlay_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # One writer at a time: concurrent ingests each read-merge-replace under the lock, so
    # none loses another's rows, and readers only ever see a complete file (atomic rename).
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        merged: dict[str, Sequence[str]] = {}
        if path.exists():
            merged.update((row[0], row) for row in read_overlay(path))
        added = 0
        for row in rows:
            added += 1
            merged[row[0]] = row
        with atomic_open(path, encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(_columns())
            writer.writerows(merged.values())
    return path, added


def _names(names: Iterable[str], primary: str) -> str:
    seen = {primary.casefold()}
    out = []
    for name in names:
        name = name.strip().replace("|", " ").replace("\t", " ")
        if name and name.casefold() not in seen and LATIN_OR_CYRILLIC.match(name):
            seen.add(name.casefold())
            out.append(name)
    return "|".join(out)


def _lines(path: Path) -> Iterator[str]:
    """Text lines of a file, or of the one .txt inside a GeoNames .zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist()
                       if n.endswith(".txt") and not n.lower().startswith("readme")]
            if len(members) != 1:
                msg = f"{path.name}: expected one data .txt inside, found {members}"
                raise GeoUkraineError(msg)
            with archive.open(members[0]) as handle:
                yield from io.TextIOWrapper(handle, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as handle:
        yield from handle


def _guess(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xls"):
        return "katottg"
    if suffix in (".geojson", ".json"):
        return "geojson"
    if suffix == ".csv":
        return "csv"
    first = next(_lines(path), "")
    cols = first.rstrip("\n").split("\t")
    if len(cols) == 19:
        return "geonames"
    if len(cols) in (4, 8, 10) and cols[0].isdigit() and cols[1].isdigit():
        return "alternatenames"
    msg = (f"{path.name}: cannot tell the format (a GeoNames dump has 19 tab-separated "
           "columns, alternateNamesV2 has 10); pass --format")
    raise GeoUkraineError(msg)


# ---------------------------------------------------------------------------------- formats
def _from_geonames(path: Path, gaz: Any) -> tuple[list[list[str]], dict[str, int]]:
    """Populated places (feature class P) of a GeoNames country dump; relink KATOTTG."""
    rows: list[list[str]] = []
    for n, line in enumerate(_lines(path), start=1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 19:
            msg = f"{path.name} line {n}: expected 19 tab-separated columns, got {len(cols)}"
            raise GeoUkraineError(msg)
        if cols[6] != "P":
            continue
        cc, admin1, admin2 = cols[8], cols[10], cols[11]
        try:
            lat, lon = float(cols[4]), float(cols[5])
        except ValueError:
            msg = f"{path.name} line {n}: latitude/longitude {cols[4]!r}, {cols[5]!r} not numbers"
            raise GeoUkraineError(msg) from None
        rows.append([f"gn:{cols[0]}", "settlement", cols[1], cc, f"{cc}.{admin1}",
                     f"{cc}.{admin1}.{admin2}" if admin2 else "", "", f"{lon:.5f}",
                     f"{lat:.5f}", str(int(cols[14] or 0)), "point", "", "",
                     _names(cols[3].split(","), cols[1])])
    relinked = _relink_katottg(rows, gaz)
    return rows + relinked, {"places": len(rows), "katottg_relinked": len(relinked)}


def _relink_katottg(new_rows: list[list[str]], gaz: Any) -> list[list[str]]:
    """KATOTTG settlements placed only at a hromada centre get the dump's own point."""
    by_key: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for row in new_rows:
        if row[5]:
            for name in [row[2], *row[13].split("|")]:
                by_key[(row[5], skeleton(name))].append(row)
    out = []
    for row in gaz._rows:
        if not row[0].startswith("katottg:") or row[10] == "point" or not row[5]:
            continue
        hits = {r[0]: r for name in [row[2], *row[13].split("|")]
                for r in by_key.get((row[5], skeleton(name)), [])}
        if len(hits) == 1:
            point = next(iter(hits.values()))
            linked = list(row)
            linked[7], linked[8], linked[10] = point[7], point[8], "point"
            linked[13] = _names([*row[13].split("|"), point[2]], row[2])
            out.append(linked)
    return out


def _from_alternatenames(path: Path, gaz: Any) -> tuple[list[list[str]], dict[str, int]]:
    """Add alternate names (and historic names) to places the gazetteer already has."""
    extra: dict[str, list[str]] = defaultdict(list)
    historic = 0
    for n, line in enumerate(_lines(path), start=1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4:
            msg = f"{path.name} line {n}: expected at least 4 tab-separated columns"
            raise GeoUkraineError(msg)
        if cols[2] in _NOT_NAMES:
            continue
        extra[f"gn:{cols[1]}"].append(cols[3])
        historic += len(cols) > 7 and cols[7] == "1"
    rows = []
    for place_id, names in extra.items():
        index = gaz._by_id.get(place_id)
        if index is None:
            continue
        row = list(gaz._rows[index])
        row[13] = _names([*row[13].split("|"), *names], row[2])
        rows.append(row)
    return rows, {"places_extended": len(rows), "names_read": sum(map(len, extra.values())),
                  "historic_names": historic}


def _from_katottg(path: Path, gaz: Any) -> tuple[list[list[str]], dict[str, int]]:
    """Apply a newer KATOTTG codifier.

    Renamed settlements keep the old name as an alias; new ones are placed at their
    hromada's centre.
    """
    try:
        import openpyxl
    except ImportError as exc:
        msg = "reading a KATOTTG .xlsx needs openpyxl: pip install 'geo_ukraine[build]'"
        raise ImportError(msg) from exc
    from .names import transliterate

    book = openpyxl.load_workbook(path, read_only=True)
    body = [r for r in book.active.iter_rows(values_only=True)
            if r and r[0] and str(r[0]).startswith("UA")]
    if not body:
        msg = f"{path.name}: no KATOTTG rows (codes starting 'UA') found"
        raise GeoUkraineError(msg)
    by_katottg = {row[11]: i for i, row in enumerate(gaz._rows) if row[11]}
    l1_to_admin1 = {row[11][:4]: row[4] for row in gaz._rows if row[1] == "admin1" and row[11]}
    hromada_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in gaz._rows:
        if row[6] and row[10] == "point":
            hromada_points[row[6]].append((float(row[7]), float(row[8])))
    rows, renamed, added = [], 0, 0
    for l1, l2, l3, l4, _extra, cat, name in (tuple(r[:7]) for r in body):
        if cat not in _KATOTTG_CATEGORIES or not name:
            continue
        ident = str(l4 or l1)
        name = str(name).strip()
        latin = transliterate(name)
        if ident in by_katottg:
            row = list(gaz._rows[by_katottg[ident]])
            known = {n.casefold() for n in [row[2], *row[13].split("|")]}
            if name.casefold() not in known:
                row[13] = _names([*row[13].split("|"), row[2], name], latin)
                row[2] = latin if row[0].startswith("katottg:") else row[2]
                rows.append(row)
                renamed += 1
            continue
        admin1 = l1_to_admin1.get(str(l1)[:4])
        points = hromada_points.get(str(l3 or ""), [])
        if admin1 is None or not points:
            continue
        lon = statistics.median(p[0] for p in points)
        lat = statistics.median(p[1] for p in points)
        admin2 = f"{admin1}.{str(l2)[2:6]}" if l2 else ""
        rows.append([f"katottg:{ident}", "settlement", latin, "UA", admin1, admin2, str(l3 or ""),
                     f"{lon:.5f}", f"{lat:.5f}", "0", "hromada", ident, "", _names([name], latin)])
        added += 1
    return rows, {"renamed": renamed, "added": added}


def _user_row(rec: dict[str, Any], where: str, gaz: Any) -> list[str]:
    from .._coords import validate_lon_lat

    name = str(rec.get("name") or "").strip()
    if not name:
        msg = f"{where}: 'name' is missing"
        raise GeoUkraineError(msg)
    try:
        lon, lat = validate_lon_lat(rec.get("lon"), rec.get("lat"))
    except GeoUkraineError as exc:
        raise GeoUkraineError(f"{where}: {exc}") from None
    admin1 = str(rec.get("admin1") or "").strip()
    if admin1:
        admin1 = gaz._admin1_code(admin1)
    else:
        found = gaz.reverse(lon, lat).admin1
        admin1 = found.admin1 if found else ""
    country = str(rec.get("country") or (admin1[:2] if admin1 else "")).upper()
    kind = str(rec.get("kind") or "settlement")
    if kind not in ("settlement", "facility"):
        msg = f"{where}: kind must be settlement or facility, got {kind!r}"
        raise GeoUkraineError(msg)
    aliases = rec.get("aliases") or ""
    aliases = aliases if isinstance(aliases, list) else str(aliases).split("|")
    ident = "user:" + hashlib.sha1(f"{name}|{lon:.5f}|{lat:.5f}".encode()).hexdigest()[:12]
    return [ident, kind, name, country, admin1, str(rec.get("admin2") or ""), "", f"{lon:.5f}",
            f"{lat:.5f}", str(int(rec.get("population") or 0)), "point", "", "",
            _names(aliases, name)]


def _from_csv(path: Path, gaz: Any) -> tuple[list[list[str]], dict[str, int]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    rows = [_user_row(rec, f"{path.name} line {n}", gaz) for n, rec in enumerate(records, 2)]
    return rows, {"places": len(rows)}


def _from_geojson(path: Path, gaz: Any) -> tuple[list[list[str]], dict[str, int]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for n, feat in enumerate(data.get("features", []), start=1):
        geom = feat.get("geometry") or {}
        if geom.get("type") != "Point":
            msg = f"{path.name} feature {n}: only Point features can be ingested"
            raise GeoUkraineError(msg)
        lon, lat = geom["coordinates"][:2]
        rows.append(_user_row({**feat.get("properties", {}), "lon": lon, "lat": lat},
                              f"{path.name} feature {n}", gaz))
    return rows, {"places": len(rows)}


_READERS = {"geonames": _from_geonames, "alternatenames": _from_alternatenames,
            "katottg": _from_katottg, "csv": _from_csv, "geojson": _from_geojson}


def ingest(path: str | Path, *, kind: str | None = None) -> dict[str, Any]:
    """Add a file's places to the user overlay of the gazetteer.

    Parameters
    ----------
    path : str or Path
        A GeoNames country dump (``UA.txt`` or ``UA.zip``: 19 columns; populated places are
        taken, and KATOTTG villages known only to their hromada get the dump's point), a
        GeoNames ``alternateNamesV2`` file (names added to known places), a KATOTTG ``.xlsx``
        (renames and new settlements), or a CSV/GeoJSON of your own places (``name``,
        ``aliases`` pipe-separated, ``lat``, ``lon``, ``country``, ``admin1``, ``admin2``).
    kind : str, optional
        ``geonames``, ``alternatenames``, ``katottg``, ``csv`` or ``geojson``; guessed if
        omitted.

    Returns
    -------
    dict
        What was read and added, and the overlay's path.
    """
    from .core import Gazetteer

    path = Path(path)
    if not path.exists():
        msg = f"{str(path)!r} does not exist"
        raise FileNotFoundError(msg)
    kind = kind or _guess(path)
    if kind not in _READERS:
        msg = f"unknown ingest format {kind!r}; use one of {', '.join(_READERS)}"
        raise GeoUkraineError(msg)
    gaz = Gazetteer.from_embedded(overlay=True)
    rows, report = _READERS[kind](path, gaz)
    overlay, written = _write_overlay(rows)
    Gazetteer.reset_default()
    return {"format": kind, "file": str(path), **report, "rows_written": written,
            "overlay": str(overlay), "cyrillic_names": sum(has_cyrillic(r[13]) for r in rows)}
