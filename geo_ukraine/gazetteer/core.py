"""The offline gazetteer: places, admin units and countries, resolved from any spelling."""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import json
import math
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import _data
from .._coords import validate_lon_lat
from .._settings import settings
from ..errors import AmbiguousPlaceError, InvalidNameError, UnknownPlaceError
from .names import index_keys, normalize, skeleton, split_region_phrase

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "Candidate",
    "Gazetteer",
    "Match",
    "Place",
    "ReverseResult",
    "overlay_file",
]

MAX_NAME_LENGTH = 200
KINDS = ("settlement", "admin1", "admin2", "country", "facility")
# How much a place's country counts when names collide: the theatre first, then neighbours.
_COUNTRY_PRIOR = {"UA": 1.0, "RU": 0.6, "BY": 0.3, "MD": 0.3}
_NEIGHBOUR_PRIOR = 0.1
_NEIGHBOURS = frozenset(["PL", "RO", "HU", "SK", "LT", "LV", "EE", "GE", "TR", "FI"])
_WORLD_PRIOR = 0.05
_KIND_PRIOR = {"country": 1e9, "admin1": 1e6, "admin2": 2e4, "facility": 5e4}
# A settlement this large that bears an oblast's name is taken as the oblast's capital.
_CAPITAL_MIN_POPULATION = 50_000
# A place found only by an alternate (often former) name, while another place bears the name
# as its current primary name, keeps this share of its weight: "Pokrovsk" is the Donetsk-oblast
# town, not Engels (formerly Pokrovsk) in Saratov oblast.
_ALIAS_ONLY_FACTOR = 0.2
# Misspellings are matched against places at least this large (and every admin unit).
_FUZZY_MIN_POPULATION = 1000
# Places the user ingested from their own files take precedence over namesakes.
_USER_PRIOR = 1e4
_METHOD_QUALITY = {"exact": 1.0, "alias": 0.97, "skeleton": 0.9}
_EARTH_RADIUS_KM = 6371.0088


@dataclasses.dataclass(frozen=True, eq=False)
class Place:
    """One place of the gazetteer.

    Attributes
    ----------
    place_id : str
        Stable key: ``gn:<geonameid>``, ``a1:<GeoNames admin-1 code>``, ``a2:<admin-2 code>``,
        ``c:<ISO alpha-2>``, ``katottg:<KATOTTG id>`` or ``x:<curated key>``.
    name : str
        Primary name (GeoNames' for settlements, the English short name for admin units).
    kind : str
        settlement, admin1, admin2, country or facility.
    lon, lat : float
        The point (for an admin unit, a point inside it).
    country : str
        ISO 3166-1 alpha-2.
    admin1 : str or None
        GeoNames admin-1 code such as ``UA.26`` (an admin-1 unit carries its own).
    admin1_name : str or None
        English short name of that admin-1 unit.
    admin2 : str or None
        GeoNames admin-2 (raion) code such as ``UA.05.1416``.
    admin2_name : str or None
        Name of that raion.
    population : int
        GeoNames population (0 when unknown).
    location_precision : str
        ``point`` (its own coordinates), ``hromada`` / ``raion`` / ``admin1`` (a KATOTTG
        settlement with no coordinates of its own, placed at the centre of that unit), or
        ``polygon`` (an admin unit or country).
    iso_3166_2 : str or None
        ISO 3166-2 code of an admin-1 unit.
    katottg : str or None
        KATOTTG id of a Ukrainian settlement or oblast.
    alternate_names : tuple of str
        Every other name indexed for it.
    """

    place_id: str
    name: str
    kind: str
    lon: float
    lat: float
    country: str
    admin1: str | None
    admin1_name: str | None
    admin2: str | None
    admin2_name: str | None
    population: int
    location_precision: str
    iso_3166_2: str | None
    katottg: str | None
    alternate_names: tuple[str, ...] = dataclasses.field(repr=False)
    _gazetteer: Gazetteer | None = dataclasses.field(default=None, repr=False, compare=False)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.place_id == self.place_id

    def __hash__(self) -> int:
        return hash(self.place_id)

    @property
    def geonameid(self) -> int | None:
        """GeoNames id, when the place comes from GeoNames."""
        return int(self.place_id[3:]) if self.place_id.startswith("gn:") else None

    @property
    def is_area(self) -> bool:
        """True for admin units and countries, which have a polygon."""
        return self.kind in ("admin1", "country")

    @property
    def geometry(self) -> BaseGeometry:
        """A shapely Point (lon, lat), or the polygon of an admin-1 unit or country."""
        from shapely.geometry import Point

        if self.is_area and self._gazetteer is not None:
            polygon = self._gazetteer.polygon(self)
            if polygon is not None:
                return polygon
        return Point(self.lon, self.lat)

    def label(self) -> str:
        """A human label such as "Druzhkivka, Donetsk, UA"."""
        parts = [self.name]
        if self.kind in ("settlement", "facility", "admin2") and self.admin1_name:
            parts.append(self.admin1_name)
        if self.kind != "country":
            parts.append(self.country)
        return ", ".join(parts)


@dataclasses.dataclass(frozen=True)
class Candidate:
    """A place that matches a name, how it matched, and its share of the confidence."""

    place: Place
    score: float
    method: str


@dataclasses.dataclass(frozen=True)
class Match:
    """The answer to :meth:`Gazetteer.resolve`.

    Attributes
    ----------
    query : str
        The name as asked.
    place : Place or None
        The resolved place; None when ``status`` is ``ambiguous`` or ``unresolved``.
    score : float
        Confidence 0..1: how well the best candidate matched times its share among the
        candidates (so many equal namesakes give a low score).
    method : str
        ``exact`` (primary name), ``alias`` (an alternate name), ``skeleton``
        (transliteration variant), ``fuzzy`` (a misspelling), or ``none``.
    status : str
        ``resolved``, ``ambiguous`` or ``unresolved``.
    candidates : tuple of Candidate
        Every candidate, best first.
    reason : str
        Why the name is ambiguous or unresolved (empty when resolved).
    """

    query: str
    place: Place | None
    score: float
    method: str
    status: str
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""

    @property
    def resolved(self) -> bool:
        """True when a single place was chosen with enough confidence."""
        return self.status == "resolved"

    @property
    def best(self) -> Place | None:
        """The top candidate even when the match is ambiguous."""
        return self.candidates[0].place if self.candidates else None


@dataclasses.dataclass(frozen=True)
class ReverseResult:
    """Where a coordinate lies: country, admin-1 unit, raion and the nearest settlement."""

    lon: float
    lat: float
    country: Place | None
    admin1: Place | None
    admin2: Place | None
    nearest: Place | None
    distance_km: float | None


class Gazetteer:
    """An in-memory gazetteer over the embedded tables, plus an optional user overlay.

    Use :meth:`default` for the shared instance; it loads once, lazily, and is thread-safe.

    Parameters
    ----------
    rows : iterable of sequences
        Rows in the column order of ``places.tsv.gz``.
    aliases : iterable of (alias, target)
        Curated aliases; ``target`` is a place id or ``group:<id>,<id>``.
    """

    _default: Gazetteer | None = None
    _lock = threading.Lock()
    COLUMNS = ("id", "kind", "name", "country", "admin1", "admin2", "hromada", "lon", "lat",
               "population", "precision", "katottg", "iso", "names")

    def __init__(self, rows: Iterable[Sequence[str]],
                 aliases: Iterable[tuple[str, str]] = (), *,
                 name_index: dict[str, str] | None = None,
                 skeleton_index: dict[str, str] | Callable[[], dict[str, str]] | None = None,
                 ) -> None:
        self._rows: list[Sequence[str]] = []
        self._by_id: dict[str, int] = {}
        new_rows: list[int] = []
        prebuilt = self._indexed_rows(name_index) if name_index is not None else 0
        for row in rows:
            if row[0] in self._by_id and len(self._rows) < prebuilt:
                msg = f"place id {row[0]!r} occurs twice in the embedded table: rebuild it"
                raise RuntimeError(msg)
            if row[0] in self._by_id:  # overlay rows come last and take precedence
                self._rows[self._by_id[row[0]]] = row
                new_rows.append(self._by_id[row[0]])
            else:
                self._by_id[row[0]] = len(self._rows)
                self._rows.append(row)
                if len(self._rows) > prebuilt:
                    new_rows.append(len(self._rows) - 1)
        # Index values are comma-separated row numbers, "a" marking an alternate name; they
        # are parsed on first use so that loading stays a dictionary build.
        self._exact: dict[str, str] = name_index if name_index is not None else {}
        # The skeleton index is only needed when an exact lookup fails: loaded on first use.
        self._skeleton_loader = skeleton_index
        self._skeleton_index: dict[str, str] | None = None if callable(skeleton_index) \
            else dict(skeleton_index or {})
        self._skeleton_extra: dict[str, str] = {}
        self._region: dict[str, list[int]] = defaultdict(list)
        self._groups: dict[str, tuple[str, ...]] = {}
        self._admin_names: dict[str, str] = {}
        self._places: dict[int, Place] = {}
        self._stopwords = _data.stopwords()
        self._fuzzy_buckets: dict[tuple[str, int], list[str]] | None = None
        self._polygons: dict[str, BaseGeometry] | None = None
        self._tree: Any = None
        for i in new_rows:
            self._index_row(i)
        for i, row in enumerate(self._rows):
            if row[1] in ("admin1", "admin2"):
                self._index_admin(i, row)
        for alias, target in aliases:
            self._add_alias(alias, target)

    @staticmethod
    def _indexed_rows(name_index: dict[str, str]) -> int:
        return int(name_index.get("\0rows", "0"))

    # ------------------------------------------------------------------ loading
    @classmethod
    def default(cls) -> Gazetteer:
        """The shared gazetteer over the embedded data (and the user overlay, if any).

        Returns
        -------
        Gazetteer
        """
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls.from_embedded(overlay=settings.use_overlay)
        return cls._default

    @classmethod
    def reset_default(cls) -> None:
        """Forget the shared instance, e.g. after ``gazetteer ingest``."""
        with cls._lock:
            cls._default = None

    @classmethod
    def from_embedded(cls, *, overlay: bool = True) -> Gazetteer:
        """Load the embedded tables, merging the user overlay when ``overlay`` is true.

        Parameters
        ----------
        overlay : bool
            Merge ``<cache_dir>/overlay.tsv`` written by ``geo-ukraine gazetteer ingest``.

        Returns
        -------
        Gazetteer
        """
        rows = _data.read_tsv("places.tsv.gz")
        header = next(rows)
        if tuple(header) != cls.COLUMNS:
            msg = f"places.tsv.gz has columns {header}, expected {list(cls.COLUMNS)}"
            raise RuntimeError(msg)
        all_rows: Iterable[Sequence[str]] = rows
        overlay_path = overlay_file()
        if overlay and overlay_path.exists():
            from .ingest import read_overlay

            all_rows = [*rows, *read_overlay(overlay_path)]
        aliases = [(r[0], r[1]) for r in list(_data.read_tsv("aliases.tsv"))[1:] if len(r) >= 2]
        name_index = _data.read_index("names.tsv.gz")
        return cls(all_rows, aliases, name_index=name_index,
                   skeleton_index=lambda: _data.read_index("skeletons.tsv.gz"))

    def _index_row(self, i: int) -> None:
        """Add a row (an overlay row, or every row when no prebuilt index is given)."""
        row = self._rows[i]
        names = [row[2], *row[13].split("|")] if row[13] else [row[2]]
        keys, skels = index_keys(names)
        for n, key in enumerate(keys.split("|")):
            if key:
                code = f"{i}" if n == 0 else f"{i}a"
                self._exact[key] = f"{self._exact[key]},{code}" if key in self._exact else code
        for skel in set(skels.split("|")):
            if skel:
                raw = self._skeleton_extra.get(skel)
                self._skeleton_extra[skel] = f"{raw},{i}" if raw else f"{i}"

    def _index_admin(self, i: int, row: Sequence[str]) -> None:
        names = [row[2], *row[13].split("|")] if row[13] else [row[2]]
        for name in names:
            self._region[normalize(name)].append(i)
            split = split_region_phrase(name)
            if split:
                self._region[split[0]].append(i)
        self._admin_names[row[5] if row[1] == "admin2" else row[4]] = row[2]

    def has_name(self, name: str) -> bool:
        """Whether some place bears exactly this name (after normalisation); no ranking."""
        return bool(self._exact.get(normalize(name)))

    def _exact_hits(self, key: str) -> list[tuple[int, bool]]:
        raw = self._exact.get(key)
        if not raw:
            return []
        return [(int(c[:-1]), False) if c[-1] == "a" else (int(c), True) for c in raw.split(",")]

    @property
    def _skeleton_raw(self) -> dict[str, str]:
        """The prebuilt skeleton index (rows added at load time live in ``_skeleton_extra``)."""
        if self._skeleton_index is None:
            self._skeleton_index = self._skeleton_loader()  # type: ignore[misc,operator]
        return self._skeleton_index

    def _skeleton_hits(self, skel: str) -> list[int]:
        raw = ",".join(filter(None, (self._skeleton_raw.get(skel),
                                     self._skeleton_extra.get(skel))))
        return [int(c) for c in raw.split(",")] if raw else []

    def _add_alias(self, alias: str, target: str) -> None:
        key = normalize(alias)
        if target.startswith("group:"):
            self._groups[key] = tuple(f"a1:{code}" for code in target[6:].split(","))
            return
        index = self._by_id.get(target)
        if index is None:
            msg = f"alias {alias!r} points at unknown place id {target!r}"
            raise RuntimeError(msg)
        self._exact[key] = f"{self._exact[key]},{index}a" if key in self._exact else f"{index}a"
        if self._rows[index][1] in ("admin1", "admin2"):
            self._region[key].append(index)

    def __len__(self) -> int:
        return len(self._rows)

    # ------------------------------------------------------------------ places
    def _place(self, i: int) -> Place:
        place = self._places.get(i)
        if place is None:
            row = self._rows[i]
            admin1, admin2 = row[4] or None, row[5] or None
            place = Place(
                place_id=row[0], kind=row[1], name=row[2], country=row[3], admin1=admin1,
                admin1_name=self._admin_names.get(admin1) if admin1 else None, admin2=admin2,
                admin2_name=self._admin_names.get(admin2) if admin2 else None,
                lon=float(row[7]), lat=float(row[8]), population=int(row[9] or 0),
                location_precision=row[10], katottg=row[11] or None, iso_3166_2=row[12] or None,
                alternate_names=tuple(row[13].split("|")) if row[13] else (), _gazetteer=self,
            )
            self._places[i] = place
        return place

    def get(self, place_id: str) -> Place:
        """Return a place by its id (``gn:687700``, ``a1:UA.26``, ``c:UA`` ...).

        Parameters
        ----------
        place_id : str

        Returns
        -------
        Place

        Raises
        ------
        UnknownPlaceError
            When no place has that id.
        """
        index = self._by_id.get(place_id)
        if index is None:
            msg = f"no place has id {place_id!r}; ids look like 'gn:687700', 'a1:UA.26', 'c:UA'"
            raise UnknownPlaceError(msg)
        return self._place(index)

    def places(self, kind: str | None = None) -> list[Place]:
        """Every place, or every place of one ``kind``."""
        return [self._place(i) for i, row in enumerate(self._rows)
                if kind is None or row[1] == kind]

    # ------------------------------------------------------------------ resolving
    @staticmethod
    def _check_name(name: object) -> str:
        if not isinstance(name, str):
            msg = f"a place name must be a string, got {name!r} of type {type(name).__name__}"
            raise InvalidNameError(msg)
        if not name.strip():
            msg = f"a place name must not be empty or whitespace, got {name!r}"
            raise InvalidNameError(msg)
        if len(name) > MAX_NAME_LENGTH:
            msg = (f"a place name must be at most {MAX_NAME_LENGTH} characters, "
                   f"got {len(name)} characters starting {name[:40]!r}")
            raise InvalidNameError(msg)
        return name

    def _raw_candidates(self, name: str) -> tuple[dict[int, Any], bool]:
        """Row index -> method for every place the name could mean; and region-phrase flag."""
        key = normalize(name)
        split = split_region_phrase(name)
        found: dict[int, Any] = {}
        if split:
            base, level = split
            hits = [i for i in self._region.get(key, []) + self._region.get(base, [])
                    if self._rows[i][1] == level]
            if not hits:  # "X oblast" where only the other level has X
                hits = self._region.get(key, []) + self._region.get(base, [])
            for i in hits:
                found.setdefault(i, "alias")
            if found:
                return found, True
        for i, primary in self._exact_hits(key):
            method = "exact" if primary else "alias"
            if found.get(i) != "exact":
                found[i] = method
        if found and all(self._rows[i][1] == "admin1" for i in found):
            # A bare oblast name means its capital ("Zaporizhia" -> the city, spelled loosely).
            for i, (method, _ratio) in self._fuzzy(name).items():
                row = self._rows[i]
                if row[1] == "settlement" and int(row[9] or 0) >= _CAPITAL_MIN_POPULATION \
                        and any(self._rows[j][4] == row[4] for j in found):
                    found.setdefault(i, (method, _ratio))
        if found:
            return found, False
        for i in self._skeleton_hits(skeleton(name)):
            found.setdefault(i, "skeleton")
        return found, False

    def _fuzzy(self, name: str) -> dict[int, tuple[str, float]]:
        from rapidfuzz import fuzz, process

        skel = skeleton(name)
        if len(skel) < 4:
            return {}
        if self._fuzzy_buckets is None:
            # Keys grouped by first letter and length: a ratio >= the cutoff needs lengths
            # within a few letters of each other, so only nearby buckets are compared.
            # Only names of places worth guessing at: a misspelt name should not land on one
            # of 24,000 coordinate-less KATOTTG villages.
            buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
            for key in {*self._skeleton_raw, *self._skeleton_extra}:
                if key and key[0] != "\0" and any(
                        self._fuzzy_target(i) for i in self._skeleton_hits(key)):
                    buckets[key[0], len(key)].append(key)
            self._fuzzy_buckets = dict(buckets)
        cutoff = settings.fuzzy_cutoff
        spread = max(1, int(len(skel) * (100 - cutoff) / (100 + cutoff) * 2) + 1)
        pool = [key for size in range(len(skel) - spread, len(skel) + spread + 1)
                for key in self._fuzzy_buckets.get((skel[0], size), ())]
        hits = process.extract(skel, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8)
        found: dict[int, tuple[str, float]] = {}
        for key, ratio, _ in hits:
            for i in self._skeleton_hits(key):
                if i not in found or found[i][1] < ratio:
                    found[i] = ("fuzzy", ratio)
        return found

    def _fuzzy_target(self, i: int) -> bool:
        row = self._rows[i]
        return row[1] != "settlement" or int(row[9] or 0) >= _FUZZY_MIN_POPULATION \
            or row[0].startswith("user:")

    def _prior(self, i: int, region_phrase: bool) -> float:
        row = self._rows[i]
        kind = row[1]
        if kind == "country":
            return _KIND_PRIOR["country"]
        country = row[3]
        weight = _COUNTRY_PRIOR.get(country) or (
            _NEIGHBOUR_PRIOR if country in _NEIGHBOURS else _WORLD_PRIOR)
        if kind in ("admin1", "admin2"):
            return weight * _KIND_PRIOR[kind] * (100.0 if region_phrase else 1.0)
        if kind == "facility":
            return weight * _KIND_PRIOR["facility"] * (
                _USER_PRIOR if row[0].startswith("user:") else 1)
        population = int(row[9] or 0)
        # A KATOTTG-only village is real but small: weigh it like a village of 300.
        return weight * (population + 300) * (_USER_PRIOR if row[0].startswith("user:") else 1)

    def _rank(self, name: str, found: dict[int, tuple[str, float]], region_phrase: bool, *,
              country: str | None, admin1: str | None, kind: str | None,
              near: tuple[float, float] | None) -> list[tuple[int, str, float, float]]:
        key = normalize(name)
        stop = key in self._stopwords
        # A place whose own name is the query (or a spelling of it) outranks places that
        # merely list the query among their alternate (often former) names. A KATOTTG
        # village's "primary" name is our romanisation, so it does not count here.
        query_skeleton = skeleton(name)

        def own_name(i: int, method: str) -> bool:
            row = self._rows[i]
            return not row[0].startswith("katottg:") and (
                method == "exact" or skeleton(row[2]) == query_skeleton)

        own = {i for i, (m, _) in found.items() if own_name(i, m)}
        scored = []
        for i, (method, ratio) in found.items():
            row = self._rows[i]
            if country and row[3] != country.upper():
                continue
            if admin1 and row[4] != admin1 and not (row[1] == "admin1" and row[4] == admin1):
                continue
            if kind and row[1] != kind:
                continue
            if stop and row[1] != "country":
                continue
            quality = _METHOD_QUALITY.get(method, 0.85 * ratio / 100.0)
            weight = quality**4 * self._prior(i, region_phrase)
            if own and i not in own and method == "alias" and row[1] == "settlement":
                weight *= _ALIAS_ONLY_FACTOR
            if near is not None:
                distance = _haversine_km(near[0], near[1], float(row[7]), float(row[8]))
                weight /= 1.0 + (distance / 50.0) ** 2
            scored.append((i, method, quality, weight))
        scored.sort(key=lambda t: (-t[3], self._rows[t[0]][0]))
        if not region_phrase and kind is None:
            scored = self._demote_eponymous_regions(scored)
        return scored

    def _demote_eponymous_regions(self, scored: list[tuple[int, str, float, float]]
                                  ) -> list[tuple[int, str, float, float]]:
        """A bare oblast name ("Sumy", "Zaporizhzhia") means its capital city, not the oblast."""
        capitals = {(self._rows[i][3], self._rows[i][4]) for i, *_ in scored
                    if self._rows[i][1] == "settlement"
                    and int(self._rows[i][9] or 0) >= _CAPITAL_MIN_POPULATION}
        countries = {c for c, _ in capitals}
        best_settlement = max((w for i, _, _, w in scored if self._rows[i][1] == "settlement"),
                              default=0.0)
        out = []
        for i, method, quality, weight in scored:
            row = self._rows[i]
            if row[1] == "admin1" and (row[3] in countries or any(a == row[4] for _, a in
                                                                   capitals)):
                weight = min(weight, best_settlement * 0.01)
            out.append((i, method, quality, weight))
        out.sort(key=lambda t: (-t[3], self._rows[t[0]][0]))
        return out

    def candidates(self, name: str, *, country: str | None = None, admin1: str | None = None,
                   kind: str | None = None, near: Any = None,
                   fuzzy: bool = True) -> list[Candidate]:
        """Every place ``name`` could mean, best first, each with its share of confidence.

        Parameters
        ----------
        name : str
            A place name in any spelling.
        country, admin1, kind, near
            Filters and hints, as for :meth:`resolve`.
        fuzzy : bool
            Try misspellings when nothing matches exactly.

        Returns
        -------
        list of Candidate
        """
        self._check_name(name)
        if kind is not None and kind not in KINDS:
            msg = f"kind must be one of {', '.join(KINDS)}, got {kind!r}"
            raise ValueError(msg)
        admin1 = self._admin1_code(admin1)
        near_lonlat = _as_lon_lat(near)
        raw, region_phrase = self._raw_candidates(name)
        found = {i: (m, 100.0) if isinstance(m, str) else m for i, m in raw.items()}
        ranked = self._rank(name, found, region_phrase, country=country, admin1=admin1,
                            kind=kind, near=near_lonlat)
        if not ranked and fuzzy and normalize(name) not in self._stopwords:
            ranked = self._rank(name, self._fuzzy(name), region_phrase, country=country,
                                admin1=admin1, kind=kind, near=near_lonlat)
        total = sum(w for *_, w in ranked) or 1.0
        return [Candidate(self._place(i), round(quality * weight / total, 4), method)
                for i, method, quality, weight in ranked]

    def _admin1_code(self, admin1: str | None) -> str | None:
        """Accept ``UA.26``, ``UA-23`` or a region name for the ``admin1=`` hint."""
        if admin1 is None or admin1 in self._admin_names or re.fullmatch(r"[A-Z]{2}\.\w+",
                                                                          admin1):
            return admin1
        for i in self._region.get(normalize(admin1), []):
            if self._rows[i][1] == "admin1":
                return self._rows[i][4]
        split = split_region_phrase(admin1)
        for i in self._region.get(split[0] if split else "", []):
            if self._rows[i][1] == "admin1":
                return self._rows[i][4]
        for row in self._rows:
            if row[1] == "admin1" and row[12] == admin1:
                return row[4]
        msg = f"admin1 {admin1!r} is not a known admin-1 code (UA.26, UA-23) or region name"
        raise UnknownPlaceError(msg)

    def resolve(self, name: str, *, country: str | None = None, admin1: str | None = None,
                kind: str | None = None, near: Any = None) -> Match:
        """Resolve a place name to one place, or say why it cannot.

        Countries and region phrases ("Sumy region", "Kursk Oblast", "Запорізька область")
        resolve before settlements; among settlements the theatre's countries rank first, then
        population, so "Zaporizhzhia" is the city and "Donetsk" the Ukrainian oblast centre.

        Parameters
        ----------
        name : str
            A place name in any spelling: transliterations, legacy names, Cyrillic,
            "X region", "X Oblast".
        country : str, optional
            ISO alpha-2 code to restrict to.
        admin1 : str, optional
            Admin-1 unit to restrict to: GeoNames code (``UA.05``), ISO (``UA-14``) or a name.
        kind : str, optional
            settlement, admin1, admin2, country or facility.
        near : shapely Point or (lon, lat), optional
            Prefer places close to this point.

        Returns
        -------
        Match
            ``status`` is ``resolved``, ``ambiguous`` (several namesakes, none clearly meant:
            see ``candidates``) or ``unresolved``.

        Raises
        ------
        InvalidNameError
            When ``name`` is not a string, is empty, or is longer than 200 characters.

        Examples
        --------
        >>> from geo_ukraine import Gazetteer
        >>> match = Gazetteer.default().resolve("Zaporozhye")
        >>> match.place.name, match.place.admin1, match.status
        ('Zaporizhzhya', 'UA.26', 'resolved')
        """
        group = self._groups.get(normalize(self._check_name(name)))
        if group and kind in (None, "admin1"):
            places = [self.get(pid) for pid in group]
            return Match(name, None, 1.0, "alias", "group",
                         tuple(Candidate(p, 1.0, "alias") for p in places),
                         reason=f"{name!r} names a group of regions: "
                                + ", ".join(p.name for p in places))
        found = self.candidates(name, country=country, admin1=admin1, kind=kind, near=near)
        if not found:
            reason = f"no place in the gazetteer is called {name!r}"
            if normalize(name) in self._stopwords:
                reason = f"{name!r} is an ordinary word, not resolved to a small place"
            return Match(name, None, 0.0, "none", "unresolved", (), reason)
        top = found[0]
        if top.score < settings.min_score:
            reason = (f"{name!r} could mean {len(found)} places; the best, "
                      f"{top.place.label()}, has confidence {top.score:.2f}: "
                      f"give admin1= or country= to choose")
            return Match(name, None, top.score, top.method, "ambiguous", tuple(found), reason)
        return Match(name, top.place, top.score, top.method, "resolved", tuple(found))

    def lookup(self, name: str, **hints: Any) -> Place:
        """Like :meth:`resolve`, but return the place or raise.

        Raises
        ------
        UnknownPlaceError
            Nothing matches.
        AmbiguousPlaceError
            Several places match; ``.candidates`` lists them.
        """
        match = self.resolve(name, **hints)
        if match.place is not None:
            return match.place
        if match.status in ("ambiguous", "group"):
            raise AmbiguousPlaceError(match.reason, [c.place for c in match.candidates])
        raise UnknownPlaceError(match.reason)

    def resolve_many(self, names: Iterable[object], **hints: Any) -> list[Match]:
        """Resolve a column of names; bad entries give an ``unresolved`` match, never an error.

        Repeated names are resolved once.

        Parameters
        ----------
        names : iterable
            Names (non-strings and empty values allowed: they come back unresolved).
        **hints
            ``country``, ``admin1``, ``kind``, ``near`` applied to every name.

        Returns
        -------
        list of Match
            One per input, in order.
        """
        cache: dict[object, Match] = {}
        out = []
        for name in names:
            try:
                match = cache[name]
            except (KeyError, TypeError):
                try:
                    match = self.resolve(name, **hints)  # type: ignore[arg-type]
                except InvalidNameError as exc:
                    match = Match(str(name), None, 0.0, "none", "unresolved", (), str(exc))
                with contextlib.suppress(TypeError):  # unhashable names are not cached
                    cache[name] = match
            out.append(match)
        return out

    # ------------------------------------------------------------------ areas
    def _load_polygons(self) -> dict[str, BaseGeometry]:
        if self._polygons is None:
            import shapely

            polygons: dict[str, BaseGeometry] = {}
            for name, prefix in (("admin1.geojson.gz", "a1:"), ("countries.geojson.gz", "c:")):
                feats = _data.read_geojson(name)["features"]
                geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in feats])
                for feat, geom in zip(feats, geoms, strict=True):
                    polygons[prefix + feat["properties"]["code"]] = geom
            self._polygons = polygons
        return self._polygons

    def polygon(self, place: Place | str) -> BaseGeometry | None:
        """The polygon of an admin-1 unit or country (None for other kinds)."""
        place_id = place.place_id if isinstance(place, Place) else place
        return self._load_polygons().get(place_id)

    def region(self, name: str) -> BaseGeometry:
        """The polygon named by a region, group of regions or country.

        Parameters
        ----------
        name : str
            "Zaporizhzhia region", "Kursk Oblast", "Donbas", "Crimea", "Ukraine", ...

        Returns
        -------
        shapely geometry

        Raises
        ------
        UnknownPlaceError
            When the name is not an admin-1 unit, group of them or country.
        """
        from shapely import union_all

        match = self.resolve(name, kind=None)
        if match.status == "group":
            return union_all([self.polygon(c.place) for c in match.candidates])
        for kind in ("admin1", "country"):
            area = self.resolve(name, kind=kind)
            if area.place is not None and (match.place is None or match.place.is_area
                                           or split_region_phrase(name)):
                polygon = self.polygon(area.place)
                if polygon is not None:
                    return polygon
        msg = f"{name!r} is not a region or country with a polygon in the gazetteer"
        raise UnknownPlaceError(msg)

    def reverse(self, lon: float, lat: float) -> ReverseResult:
        """Country, admin-1 unit, raion and nearest settlement of a coordinate.

        Parameters
        ----------
        lon, lat : float
            WGS84 degrees.

        Returns
        -------
        ReverseResult

        Raises
        ------
        InvalidCoordinateError
            For NaN, non-numbers or values out of range.
        """
        import shapely

        lon, lat = validate_lon_lat(lon, lat)
        polygons = self._load_polygons()
        if self._tree is None:
            ids = list(polygons)
            self._tree = (ids, shapely.STRtree([polygons[k] for k in ids]))
            self._point_index = self._build_point_index()
        ids, tree = self._tree
        point = shapely.Point(lon, lat)
        hits = [ids[j] for j in tree.query(point, predicate="intersects")]
        admin1 = next((self.get(h) for h in hits if h.startswith("a1:")), None)
        country = next((self.get(h) for h in hits if h.startswith("c:")), None)
        if country is None and admin1 is not None:
            country = self.get(f"c:{admin1.country}")
        nearest, distance = self._nearest(lon, lat)
        admin2 = None
        if nearest is not None and nearest.admin2 and distance is not None and distance < 25:
            admin2 = self.get(f"a2:{nearest.admin2}") if f"a2:{nearest.admin2}" in self._by_id \
                else None
        return ReverseResult(lon, lat, country, admin1, admin2, nearest, distance)

    def _build_point_index(self) -> tuple[list[float], list[int]]:
        order = sorted((float(r[8]), i) for i, r in enumerate(self._rows)
                       if r[1] == "settlement" and r[10] == "point")
        return [lat for lat, _ in order], [i for _, i in order]

    def _nearest(self, lon: float, lat: float) -> tuple[Place | None, float | None]:
        lats, rows = self._point_index
        best, best_d = None, math.inf
        for window in (0.25, 1.0, 5.0):
            lo = bisect.bisect_left(lats, lat - window)
            hi = bisect.bisect_right(lats, lat + window)
            for j in range(lo, hi):
                row = self._rows[rows[j]]
                d = _haversine_km(lon, lat, float(row[7]), float(row[8]))
                if d < best_d:
                    best, best_d = rows[j], d
            if best is not None and best_d <= window * 111.0:
                break
        if best is None:
            return None, None
        return self._place(best), round(best_d, 3)


def overlay_file() -> Path:
    """Path of the user's gazetteer overlay (written by ``gazetteer ingest``)."""
    return Path(settings.cache_dir) / "overlay.tsv"


def _as_lon_lat(near: Any) -> tuple[float, float] | None:
    if near is None:
        return None
    if hasattr(near, "x") and hasattr(near, "y"):
        return validate_lon_lat(near.x, near.y)
    try:
        lon, lat = near
    except (TypeError, ValueError):
        msg = f"near must be a shapely Point or a (lon, lat) pair, got {near!r}"
        raise TypeError(msg) from None
    return validate_lon_lat(lon, lat)


def _haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
