"""Build step: read the GeoNames country dump for Ukraine and join KATOTTG settlements to it.

The dump (``UA.zip``, CC BY 4.0) holds every Ukrainian populated place with its own
coordinates, and its ``admin2`` field is the oblast+raion part of the KATOTTG code. Joining
on raion + name gives nearly every KATOTTG settlement a real point instead of its hromada's
centre: Cyrillic name first, then the transliteration, then the spelling skeleton; when a
raion has several places of that name, the one nearest the hromada's centre wins, and each
dump place is given to one KATOTTG settlement at most.
"""

from __future__ import annotations

import collections
import hashlib
import io
import math
import statistics
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from geo_ukraine.gazetteer.names import normalize, skeleton, transliterate
from geo_ukraine.gazetteer.records import CITY_SECTION

#: sha256 of the dump the recipe was written against (GeoNames export of 2026-07-29).
DUMP_SHA256 = "499fe805ff1d09d700d3dc0078d0f468e060cb275bedb134af22ae27aa5d0ee4"
#: Populated places that are not settlements (historical, abandoned, destroyed).
SKIP_PPL = frozenset({"PPLH", "PPLQ", "PPLW"})
# A section of a city (records.CITY_SECTION) is kept as a place of its own, but never joined
# to a KATOTTG settlement or counted in a unit's centre.
#: City sections kept: those with a population figure, or known by this many names.
SECTION_MIN_NAMES = 3
#: Non-settlement features taken from the dump, as (kind, curated feature class).
FEATURES: dict[str, tuple[str, str]] = {
    "SEA": ("other", "sea"), "STRT": ("other", "strait"), "RSV": ("other", "reservoir"),
    "LGN": ("other", "lagoon"), "ESTY": ("other", "estuary"), "PEN": ("other", "peninsula"),
    "SPIT": ("other", "spit"), "STM": ("other", "river"), "ISL": ("other", "island"),
    "DAM": ("facility", "dam"), "BDG": ("facility", "bridge"),
    "PS": ("facility", "power_plant"), "PSH": ("facility", "hydro_power_plant"),
    "PSN": ("facility", "nuclear_power_plant"), "AIRB": ("facility", "airbase"),
    "AIRP": ("facility", "airport"), "PRT": ("facility", "port"),
}
#: Streams and islands are many and mostly obscure: keep those with this many alternate
#: names (a proxy for being known beyond their valley: the Dnipro has dozens).
MIN_NAMES = {"STM": 8, "ISL": 4}
#: Power "stations" that are substations or switchyards are not what reporting calls plants.
NOT_A_PLANT = ("substation", "kv", "switchyard", "inverter")


@dataclass
class DumpPlace:
    """One feature of the dump, as the build needs it."""

    geonameid: int
    name: str
    names: list[str]
    lat: float
    lon: float
    feature: str
    admin1: str
    admin2: str
    population: int
    katottg: str = ""
    hromada: str = ""
    extra_names: list[str] = field(default_factory=list)


def read_dump(path: Path) -> list[DumpPlace]:
    """Every feature of ``UA.zip`` that the gazetteer keeps (settlements and named features).

    Raises
    ------
    SystemExit
        When the file's sha256 is not the pinned one.
    """
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != DUMP_SHA256:
        msg = f"{path}: sha256 {digest} does not match the pinned {DUMP_SHA256}"
        raise SystemExit(msg)
    with zipfile.ZipFile(path) as archive:
        text = io.TextIOWrapper(archive.open("UA.txt"), encoding="utf-8")
        return [p for p in (_parse(line) for line in text) if p is not None]


def _parse(line: str) -> DumpPlace | None:
    cols = line.rstrip("\n").split("\t")
    fclass, code = cols[6], cols[7]
    if fclass == "P" and code in SKIP_PPL:
        return None
    if fclass != "P" and code not in FEATURES:
        return None
    names = [n for n in cols[3].split(",") if n]
    if code == CITY_SECTION and not int(cols[14] or 0) and len(names) < SECTION_MIN_NAMES:
        return None
    if fclass != "P" and (len(names) < MIN_NAMES.get(code, 0)
                          or (code == "PS" and any(w in cols[1].lower() for w in NOT_A_PLANT))):
        return None
    admin1 = f"UA.{cols[10]}" if cols[10] and cols[10] != "00" else ""
    admin2 = f"{admin1}.{cols[11]}" if admin1 and cols[11] else ""
    return DumpPlace(int(cols[0]), cols[1], names, float(cols[4]), float(cols[5]),
                     code, admin1, admin2, int(cols[14] or 0))


@dataclass(frozen=True)
class KatottgSettlement:
    """A settlement of the KATOTTG codifier."""

    ident: str
    name: str          # Ukrainian, Cyrillic
    admin1: str        # GeoNames admin-1 code
    admin2: str        # GeoNames admin-2 code (UA.05.1416)
    hromada: str       # KATOTTG hromada code
    category: str


@dataclass
class JoinReport:
    """What the join did, for the build log and the manifest."""

    by_cyrillic: int = 0
    by_latin: int = 0
    by_skeleton: int = 0
    by_distance: int = 0
    unmatched: int = 0

    @property
    def matched(self) -> int:
        """KATOTTG settlements that got a dump place."""
        return self.by_cyrillic + self.by_latin + self.by_skeleton


def join_katottg(settlements: Iterable[KatottgSettlement], places: list[DumpPlace]
                 ) -> tuple[dict[str, DumpPlace], JoinReport]:
    """Match KATOTTG settlements to dump settlements of the same raion and name.

    Returns
    -------
    dict
        KATOTTG id -> the dump place it is (each dump place used once).
    JoinReport
    """
    index = _name_index(p for p in places
                        if p.feature.startswith("PPL") and p.feature != CITY_SECTION)
    report = JoinReport()
    pending: list[tuple[KatottgSettlement, list[tuple[list[DumpPlace], str]]]] = []
    for s in settlements:
        pools = _candidates(index, s)
        if pools:
            pending.append((s, pools))
        else:
            report.unmatched += 1
    taken: dict[int, str] = {}
    matched: dict[str, DumpPlace] = {}
    # Unique matches first: they also give each hromada its centre for the others.
    for s, pools in pending:
        pool, how = pools[0]
        if len(pool) == 1 and pool[0].geonameid not in taken:
            _take(s, pool[0], how, taken, matched, report)
    centres = _hromada_centres(matched.values())
    for s, pools in pending:
        if s.ident in matched:
            continue
        # The first spelling with a place left over: a namesake taken by another village
        # of the same name does not hide a second place spelled another way.
        free, how = next(((f, h) for f, h in (([p for p in pool if p.geonameid not in taken],
                                                how) for pool, how in pools) if f), ([], ""))
        if not free:
            report.unmatched += 1
            continue
        centre = centres.get(s.hromada)
        best = min(free, key=lambda p: _km(p, centre)) if centre else free[0]
        report.by_distance += len(free) > 1
        _take(s, best, how, taken, matched, report)
    return matched, report


def _name_index(places: Iterable[DumpPlace]) -> dict[tuple[str, str], list[DumpPlace]]:
    index: dict[tuple[str, str], list[DumpPlace]] = collections.defaultdict(list)
    for place in places:
        if not place.admin2:
            continue
        keys = {("=" + normalize(n)) for n in [place.name, *place.names]}
        keys |= {("~" + skeleton(n)) for n in [place.name, *place.names]}
        for key in keys:
            index[place.admin2, key].append(place)
    return index


def _candidates(index: dict[tuple[str, str], list[DumpPlace]], s: KatottgSettlement
                ) -> list[tuple[list[DumpPlace], str]]:
    """Dump places of the settlement's raion by Cyrillic name, transliteration, skeleton."""
    pools = []
    for how, key in (("cyrillic", "=" + normalize(s.name)),
                     ("latin", "=" + normalize(transliterate(s.name))),
                     ("skeleton", "~" + skeleton(s.name))):
        pool = index.get((s.admin2, key))
        if pool:
            pools.append((pool, how))
    return pools


def _take(s: KatottgSettlement, place: DumpPlace, how: str, taken: dict[int, str],
          matched: dict[str, DumpPlace], report: JoinReport) -> None:
    taken[place.geonameid] = s.ident
    matched[s.ident] = place
    place.katottg = s.ident
    place.hromada = s.hromada
    place.extra_names += [s.name, transliterate(s.name)]
    if how == "cyrillic":
        report.by_cyrillic += 1
    elif how == "latin":
        report.by_latin += 1
    else:
        report.by_skeleton += 1


def _hromada_centres(places: Iterable[DumpPlace]) -> dict[str, tuple[float, float]]:
    points: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    for place in places:
        points[place.hromada].append((place.lon, place.lat))
    return {h: (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts))
            for h, pts in points.items()}


def _km(place: DumpPlace, centre: tuple[float, float] | None) -> float:
    if centre is None:
        return 0.0
    dx = (place.lon - centre[0]) * math.cos(math.radians(place.lat)) * 111.2
    dy = (place.lat - centre[1]) * 111.2
    return math.hypot(dx, dy)
