"""User extensions of the gazetteer: GeoNames dumps, alternate names, KATOTTG, own places.

Everything ingested goes into one overlay file in the user's cache directory
(``<cache_dir>/overlay.tsv``, same columns as the embedded table). Overlay rows take
precedence over embedded rows with the same id, and are merged on every load.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import statistics
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .._coords import validate_lon_lat
from ..errors import GeoUkraineError
from .names import LATIN_OR_CYRILLIC, has_cyrillic, normalize, skeleton, transliterate
from .overlay import read_overlay, write_overlay
from .ranking import haversine_km
from .records import PlaceRow
from .resolver import Gazetteer
from .store import USER_PREFIX

__all__ = ["IngestConflictError", "ingest", "read_overlay"]

# alternateNames "languages" that are not names.
_NOT_NAMES = {"link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc", "tcid", "fr_1793"}
_KATOTTG_CATEGORIES = {"M", "X", "C", "K"}
# An ingested entry that moves a known place (or claims a well-known name) this far away
# needs force=True: a typo or a hostile file must not silently move Kyiv to Moscow.
_MOVE_LIMIT_KM = 50.0
_WELL_KNOWN_POPULATION = 10_000


class IngestConflictError(GeoUkraineError, ValueError):
    """Ingested entries would move known places; ``.conflicts`` lists them."""

    def __init__(self, message: str, conflicts: list[str]) -> None:
        super().__init__(message)
        self.conflicts = conflicts


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
def _from_geonames(path: Path, gaz: Any) -> tuple[list[PlaceRow], dict[str, int]]:
    """Populated places (feature class P) of a GeoNames country dump; relink KATOTTG."""
    rows: list[PlaceRow] = []
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
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            msg = f"{path.name} line {n}: latitude/longitude {lat}, {lon} out of range"
            raise GeoUkraineError(msg)
        row = PlaceRow(f"gn:{cols[0]}", "settlement", cols[1], cc, f"{cc}.{admin1}",
                       f"{cc}.{admin1}.{admin2}" if admin2 else "", "", f"{lon:.5f}",
                       f"{lat:.5f}", str(int(cols[14] or 0)), "point", "", "",
                       _names(cols[3].split(","), cols[1]), cols[7])
        rows.append(_merged_with_known(row, gaz))
    relinked = _relink_katottg(rows, gaz)
    return rows + relinked, {"places": len(rows), "katottg_relinked": len(relinked)}


def _merged_with_known(row: PlaceRow, gaz: Any) -> PlaceRow:
    """A dump row for a place the gazetteer has keeps its links and names (no duplicate).

    The place is the known one when it has the same id, or the same name in the same raion
    within 5 km (a dump from another GeoNames export, or a user's corrected copy).
    """
    known = gaz.store.row(row.id) or _same_place(row, gaz)
    if known is None:
        return row
    have = {normalize(n) for n in known.all_names}
    new = [n for n in row.all_names if n and normalize(n) not in have]
    names = "|".join(filter(None, [known.names, _names(new, known.name)]))
    return known._replace(lon=row.lon, lat=row.lat, names=names,
                          population=row.population if row.population_int else known.population)


def _same_place(row: PlaceRow, gaz: Any) -> PlaceRow | None:
    if not row.admin2:
        return None
    for i, _primary in gaz.store.exact_hits(normalize(row.name)):
        other = gaz.store.rows[i]
        if other.admin2 == row.admin2 and other.kind == "settlement" and haversine_km(
                float(row.lon), float(row.lat), float(other.lon), float(other.lat)) < 5.0:
            return other
    return None


def _relink_katottg(new_rows: list[PlaceRow], gaz: Any) -> list[PlaceRow]:
    """KATOTTG settlements placed only at a hromada centre get the dump's own point."""
    by_key: dict[tuple[str, str], list[PlaceRow]] = defaultdict(list)
    for row in new_rows:
        if row.admin2 and not row.katottg:  # a place joined to a KATOTTG village is taken
            for name in row.all_names:
                by_key[(row.admin2, skeleton(name))].append(row)
    out = []
    for row in gaz.store.rows:
        if not row.id.startswith("katottg:") or row.precision == "point" or not row.admin2:
            continue
        hits = {r.id: r for name in row.all_names
                for r in by_key.get((row.admin2, skeleton(name)), [])}
        if len(hits) == 1:
            point = next(iter(hits.values()))
            out.append(row._replace(lon=point.lon, lat=point.lat, precision="point",
                                    names=_names([*row.names.split("|"), point.name],
                                                 row.name)))
    return out


def _from_alternatenames(path: Path, gaz: Any) -> tuple[list[PlaceRow], dict[str, int]]:
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
        row = gaz.store.row(place_id)
        if row is not None:
            rows.append(row._replace(names=_names([*row.names.split("|"), *names], row.name)))
    return rows, {"places_extended": len(rows), "names_read": sum(map(len, extra.values())),
                  "historic_names": historic}


def _from_katottg(path: Path, gaz: Any) -> tuple[list[PlaceRow], dict[str, int]]:
    """Apply a newer KATOTTG codifier.

    Renamed settlements keep the old name as an alias; new ones are placed at their
    hromada's centre.
    """
    try:
        import openpyxl
    except ImportError as exc:
        msg = "reading a KATOTTG .xlsx needs openpyxl: pip install 'geo_ukraine[build]'"
        raise ImportError(msg) from exc
    book = openpyxl.load_workbook(path, read_only=True)
    body = [cells for cells in book.active.iter_rows(values_only=True)
            if cells and str(cells[0] or "").startswith("UA")]
    if not body:
        msg = f"{path.name}: no KATOTTG rows (codes starting 'UA') found"
        raise GeoUkraineError(msg)
    store_rows = gaz.store.rows
    by_katottg = {row.katottg: row for row in store_rows if row.katottg}
    l1_to_admin1 = {row.katottg[:4]: row.admin1 for row in store_rows
                    if row.kind == "admin1" and row.katottg}
    hromada_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in store_rows:
        if row.hromada and row.precision == "point":
            hromada_points[row.hromada].append((float(row.lon), float(row.lat)))
    rows: list[PlaceRow] = []
    renamed = added = 0
    for l1, l2, l3, l4, _extra, cat, name in (tuple(r[:7]) for r in body):
        if cat not in _KATOTTG_CATEGORIES or not name:
            continue
        ident = str(l4 or l1)
        name = str(name).strip()
        latin = transliterate(name)
        if ident in by_katottg:
            row = by_katottg[ident]
            if name.casefold() not in {n.casefold() for n in row.all_names}:
                rows.append(row._replace(
                    names=_names([*row.names.split("|"), row.name, name], latin),
                    name=latin if row.id.startswith("katottg:") else row.name))
                renamed += 1
            continue
        admin1 = l1_to_admin1.get(str(l1)[:4])
        points = hromada_points.get(str(l3 or ""), [])
        if admin1 is None or not points:
            continue
        lon = statistics.median(p[0] for p in points)
        lat = statistics.median(p[1] for p in points)
        admin2 = f"{admin1}.{str(l2)[2:6]}" if l2 else ""
        rows.append(PlaceRow(f"katottg:{ident}", "settlement", latin, "UA", admin1, admin2,
                             str(l3 or ""), f"{lon:.5f}", f"{lat:.5f}", "0", "hromada", ident,
                             "", _names([name], latin), ""))
        added += 1
    return rows, {"renamed": renamed, "added": added}


def _user_row(rec: dict[str, Any], where: str, gaz: Any) -> PlaceRow:
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
        try:
            admin1 = gaz.admin1_code(admin1)
        except GeoUkraineError as exc:
            raise GeoUkraineError(f"{where}: {exc}") from None
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
    ident = USER_PREFIX + hashlib.sha1(f"{name}|{lon:.5f}|{lat:.5f}".encode()).hexdigest()[:12]
    try:
        population = int(rec.get("population") or 0)
    except (TypeError, ValueError):
        population = -1
    if population < 0:
        msg = f"{where}: population must be a whole number >= 0, got {rec.get('population')!r}"
        raise GeoUkraineError(msg)
    return PlaceRow(ident, kind, name, country, admin1, str(rec.get("admin2") or ""), "",
                    f"{lon:.5f}", f"{lat:.5f}", str(population), "point", "", "",
                    _names(aliases, name), "")


def _from_csv(path: Path, gaz: Any) -> tuple[list[PlaceRow], dict[str, int]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    rows = [_user_row(rec, f"{path.name} line {n}", gaz) for n, rec in enumerate(records, 2)]
    return rows, {"places": len(rows)}


def _from_geojson(path: Path, gaz: Any) -> tuple[list[PlaceRow], dict[str, int]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        msg = f"{path.name}: not a GeoJSON file ({exc})"
        raise GeoUkraineError(msg) from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        msg = f"{path.name}: not a GeoJSON FeatureCollection (no list of 'features')"
        raise GeoUkraineError(msg)
    rows = []
    for n, feat in enumerate(features, start=1):
        geom = (feat.get("geometry") if isinstance(feat, dict) else None) or {}
        coords = geom.get("coordinates") if isinstance(geom, dict) else None
        if geom.get("type") != "Point" or not isinstance(coords, list) or len(coords) < 2:
            msg = f"{path.name} feature {n}: only Point features can be ingested"
            raise GeoUkraineError(msg)
        lon, lat = coords[:2]
        props = feat.get("properties") if isinstance(feat.get("properties"), dict) else {}
        rows.append(_user_row({**props, "lon": lon, "lat": lat}, f"{path.name} feature {n}",
                              gaz))
    return rows, {"places": len(rows)}


_READERS = {"geonames": _from_geonames, "alternatenames": _from_alternatenames,
            "katottg": _from_katottg, "csv": _from_csv, "geojson": _from_geojson}


def _conflicts(rows: list[PlaceRow], gaz: Any) -> list[str]:
    """Entries that move a known place, or take a well-known name far from its bearer."""
    out = []
    for row in rows:
        lon, lat = float(row.lon), float(row.lat)
        known = gaz.store.row(row.id)
        if known is not None:
            moved = haversine_km(lon, lat, float(known.lon), float(known.lat))
            if moved > _MOVE_LIMIT_KM:
                out.append(f"{row.name} ({row.id}) moved {moved:,.0f} km")
            continue
        if not row.id.startswith(USER_PREFIX):
            continue
        for i, _primary in gaz.store.exact_hits(normalize(row.name)):
            other = gaz.store.rows[i]
            well_known = other.kind != "settlement" or \
                other.population_int >= _WELL_KNOWN_POPULATION
            far = haversine_km(lon, lat, float(other.lon), float(other.lat))
            if well_known and far > _MOVE_LIMIT_KM:
                out.append(f"{row.name} would rival {other.name} ({other.id}) {far:,.0f} km away")
                break
    return out


def ingest(path: str | Path, *, kind: str | None = None, force: bool = False
           ) -> dict[str, Any]:
    """Add a file's places to the user overlay of the gazetteer.

    Parameters
    ----------
    path : str or Path
        A GeoNames country dump (``UA.txt`` or ``UA.zip``: 19 columns; populated places are
        merged with the places the gazetteer has, and KATOTTG villages known only to their
        hromada get the dump's point), a GeoNames ``alternateNamesV2`` file (names added to
        known places), a KATOTTG ``.xlsx`` (renames and new settlements), or a CSV/GeoJSON of
        your own places (``name``, ``aliases`` pipe-separated, ``lat``, ``lon``, ``country``,
        ``admin1``, ``admin2``).
    kind : str, optional
        ``geonames``, ``alternatenames``, ``katottg``, ``csv`` or ``geojson``; guessed if
        omitted.
    force : bool
        Accept entries that move a known place by more than 50 km, or give a well-known
        name (a city of 10,000+, an admin unit, a country) to a place of your own more than
        50 km from it. Without it such a file is refused and nothing is written.

    Returns
    -------
    dict
        What was read and added, the overlay's path, and ``overrides``: the entries that
        moved or rivalled known places (accepted only with ``force``).

    Raises
    ------
    IngestConflictError
        When entries would move known places and ``force`` is false.
    """
    path = Path(path)
    if not path.is_file():
        msg = f"{str(path)!r} {'is a directory' if path.is_dir() else 'does not exist'}"
        raise FileNotFoundError(msg)
    kind = kind or _guess(path)
    if kind not in _READERS:
        msg = f"unknown ingest format {kind!r}; use one of {', '.join(_READERS)}"
        raise GeoUkraineError(msg)
    gaz = Gazetteer.from_embedded(overlay=True)
    rows, report = _READERS[kind](path, gaz)
    # A row the gazetteer already holds as it is adds nothing: the overlay keeps changes only.
    unchanged = sum(gaz.store.row(row.id) == row for row in rows)
    rows = [row for row in rows if gaz.store.row(row.id) != row]
    overrides = _conflicts(rows, gaz)
    if overrides and not force:
        msg = (f"{path.name}: {len(overrides)} entr{'y' if len(overrides) == 1 else 'ies'} "
               f"would move known places ({'; '.join(overrides[:3])}"
               f"{'; ...' if len(overrides) > 3 else ''}); nothing written: check the file, "
               "or pass force=True (--force) to accept")
        raise IngestConflictError(msg, overrides)
    overlay, written = write_overlay(rows)
    Gazetteer.reset_default()
    return {"format": kind, "file": str(path), **report, "rows_written": written,
            "unchanged": unchanged, "overlay": str(overlay), "overrides": overrides,
            "cyrillic_names": sum(has_cyrillic(r.names) for r in rows)}
