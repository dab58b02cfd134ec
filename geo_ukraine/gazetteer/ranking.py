"""Ranking the places a name could mean: match quality, priors for war reporting, context.

A candidate's weight is ``quality**4 * prior * context``. The prior says which of several
same-named places a bare name in war reporting most likely means: countries and oblasts before
towns, the theatre's countries before others, bigger places before smaller ones, places in the
oblasts where fighting and strikes are reported before the rest of the country, and places near
the contact line and the border before places far from it. Context (an oblast or raion the
text names, a town the place is said to be near) narrows the candidates before the prior
ranks them.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Collection, Mapping
from typing import Any

from .._coords import validate_lon_lat
from .._settings import settings
from .names import normalize, skeleton
from .records import CITY_SECTION, MatchMethod, PlaceKind, PlaceRow
from .store import KEPT, USER_PREFIX, PlaceStore

__all__ = [
    "BORDER_LINE",
    "BORDER_ZONE",
    "COUNTRY_PRIOR",
    "CURRENT_FRONT_LINES",
    "FRONT_LINE",
    "FRONT_LINES",
    "WAR_REPORTING_WEIGHT",
    "Context",
    "Filters",
    "as_lon_lat",
    "fuzzy_buckets",
    "fuzzy_candidates",
    "haversine_km",
    "own_name_rows",
    "prior",
    "rank",
    "war_reporting_prior",
]

#: How much a place's country counts when names collide: the theatre first, then neighbours.
COUNTRY_PRIOR: dict[str, float] = {"UA": 1.0, "RU": 0.6, "BY": 0.3, "MD": 0.3}
_NEIGHBOUR_PRIOR = 0.1
_NEIGHBOURS = frozenset(["PL", "RO", "HU", "SK", "LT", "LV", "EE", "GE", "TR", "FI"])
_WORLD_PRIOR = 0.05
_KIND_PRIOR = {PlaceKind.COUNTRY: 1e9, PlaceKind.ADMIN1: 1e6, PlaceKind.ADMIN2: 2e4,
               PlaceKind.FACILITY: 5e4, PlaceKind.OTHER: 3e4}

#: Weight of a settlement's admin-1 unit among namesakes in war reporting: the oblasts where
#: the contact line runs and that are shelled daily first, then the Russian regions that
#: Ukraine strikes and entered, then oblasts struck often. Units not listed weigh 1.
WAR_REPORTING_WEIGHT: dict[str, float] = {
    "UA.05": 8.0,   # Donetsk
    "UA.26": 6.0,   # Zaporizhzhia
    "UA.07": 5.0,   # Kharkiv
    "UA.14": 5.0,   # Luhansk
    "UA.08": 5.0,   # Kherson
    "UA.04": 4.0,   # Dnipropetrovsk
    "UA.21": 4.0,   # Sumy
    "UA.11": 3.0,   # Crimea
    "UA.16": 2.0,   # Mykolaiv
    "UA.02": 2.0,   # Chernihiv
    "UA.17": 1.5,   # Odesa
    "RU.41": 3.0,   # Kursk
    "RU.09": 3.0,   # Belgorod
    "RU.10": 2.0,   # Bryansk
}

#: The contact lines of the war as chains of towns on or next to them (lon, lat), each north
#: to south; a place near any of them is one that reporting names. Coordinates of the towns
#: from the embedded GeoNames data, rounded.
FRONT_LINES: tuple[tuple[tuple[float, float], ...], ...] = (
    (   # 2024-2025
        (36.94, 50.29),  # Vovchansk
        (37.61, 49.71),  # Kupiansk
        (37.62, 49.38),  # Borova
        (37.80, 48.99),  # Lyman
        (38.10, 48.87),  # Siversk
        (37.84, 48.59),  # Chasiv Yar
        (37.85, 48.40),  # Toretsk
        (37.18, 48.28),  # Pokrovsk
        (37.28, 47.98),  # Kurakhove
        (36.84, 47.84),  # Velyka Novosilka
        (36.26, 47.66),  # Huliaipole
        (35.79, 47.57),  # Orikhiv
        (35.36, 47.51),  # Kamianske (Zaporizhzhia)
        (34.40, 47.10),  # the Kakhovka reservoir's right bank
        (33.50, 46.75),  # Nova Kakhovka on the Dnipro
        (32.62, 46.64),  # Kherson
        (31.95, 46.55),  # the Dnipro's mouth
        (31.55, 46.50),  # the Kinburn spit
    ),
    (   # 2025: west of Pokrovsk into Dnipropetrovsk oblast, round Huliaipole, and the
        # Robotyne-Stepnohirsk reach south of Orikhiv
        (37.18, 48.28),  # Pokrovsk
        (36.99, 48.24),  # Udachne
        (36.83, 48.05),  # Dachne (Dnipropetrovsk)
        (36.54, 47.89),  # Ternove, east of Velykomykhailivka
        (36.41, 47.78),  # Uspenivka (Zaporizhzhia)
        (36.26, 47.67),  # Huliaipole
        (35.90, 47.53),  # Mala Tokmachka
        (35.84, 47.45),  # Robotyne
        (35.55, 47.55),  # Mali Shcherbaky
        (35.36, 47.59),  # Stepnohirsk
    ),
    (   # late 2022 to early 2024
        (37.77, 49.80),  # Synkivka
        (37.95, 49.35),  # west of Svatove
        (38.22, 49.05),  # Kreminna
        (38.09, 48.69),  # Soledar
        (38.00, 48.59),  # Bakhmut
        (37.90, 48.35),  # west of Horlivka
        (37.75, 48.14),  # Avdiivka
        (37.50, 47.94),  # Marinka
        (37.25, 47.78),  # Vuhledar
        (36.75, 47.66),  # Staromaiorske
        (35.84, 47.45),  # Robotyne
        (35.36, 47.51),  # Kamianske (Zaporizhzhia)
    ),
    (   # spring to autumn 2022
        (36.40, 50.10),  # Kharkiv's northern outskirts
        (36.90, 49.90),  # Staryi Saltiv
        (37.25, 49.20),  # Izium
        (37.60, 49.00),  # Sviatohirsk
    ),
    (   # the Kherson front of 2022
        (33.75, 47.50),  # Vysokopillia
        (33.40, 47.10),  # Davydiv Brid
        (32.90, 46.90),  # Snihurivka
        (32.30, 46.70),  # Posad-Pokrovske
    ),
)
#: The line of 2024-2025, the first of :data:`FRONT_LINES`.
FRONT_LINE = FRONT_LINES[0]
#: The lines of :data:`FRONT_LINES` where the fighting is now (2024-2025, and 2025 west of
#: Pokrovsk and round Huliaipole): they count fully, earlier ones half.
CURRENT_FRONT_LINES = FRONT_LINES[:2]
#: Places beyond the border where raids and shelling are reported (lon, lat): the Kursk
#: incursion's ground round Sudzha and the Belgorod side of the Kharkiv border.
BORDER_ZONE: tuple[tuple[float, float], ...] = (
    (35.27, 51.19),  # Sudzha (Kursk)
    (36.60, 50.60),  # Belgorod-Kharkiv border
)
#: The state border from Chernihiv oblast to Vovchansk, as a chain of towns next to it (lon,
#: lat, west to east): the strip on both sides is shelled daily (Krasnopillia, Khotin,
#: Velyka Pysarivka, Tyotkino). Coordinates of the towns from the embedded data, rounded.
BORDER_LINE: tuple[tuple[float, float], ...] = (
    (32.58, 52.18),  # Semenivka (Chernihiv)
    (34.04, 52.19),  # Seredyna-Buda
    (34.07, 51.77),  # Esman
    (34.29, 51.28),  # Tyotkino (Kursk)
    (34.77, 51.08),  # Khotin
    (35.04, 51.12),  # Yunakivka
    (35.25, 51.02),  # Myropillia
    (35.26, 50.77),  # Krasnopillia
    (35.48, 50.42),  # Velyka Pysarivka
    (35.98, 50.27),  # Zolochiv (Kharkiv)
    (36.20, 50.33),  # Kozacha Lopan
    (36.94, 50.29),  # Vovchansk
)
#: How far (km) the contact line's pull reaches, and how strong it is at the line itself.
_FRONT_REACH_KM = 15.0
_FRONT_BOOST = 200.0

# A settlement this large that bears an oblast's name is taken as the oblast's capital.
CAPITAL_MIN_POPULATION = 50_000
# A place found only by an alternate (often former) name, while another place bears the name
# as its current primary name, keeps this share of its weight: "Pokrovsk" is the Donetsk-oblast
# town, not Engels (formerly Pokrovsk) in Saratov oblast.
_ALIAS_ONLY_FACTOR = 0.05
# Misspellings are matched against places at least this large (and every admin unit).
_FUZZY_MIN_POPULATION = 1000
# A misspelling this far from every name is no match: "xyzzy" is not a town in Taiwan.
_FUZZY_MIN_RATIO = 85.0
# ... and the misspelt name this close to one of the place's names as written.
_SPELLING_MIN_RATIO = 80.0
# Places the user ingested from their own files take precedence over namesakes.
_USER_PRIOR = 1e4
_METHOD_QUALITY = {MatchMethod.EXACT: 1.0, MatchMethod.ALIAS: 0.97, MatchMethod.SKELETON: 0.9}
_EARTH_RADIUS_KM = 6371.0088
# A smaller settlement sharing a city's name keeps at most this share of the city's weight.
_UNDER_CITY = 0.1
# Weight of a candidate outside the oblasts an article is about, relative to one inside.
_OUTSIDE_CONTEXT = 0.15
# A city section weighs like a settlement of this share of its population: Lviv's Sykhiv
# (151,131 people) still outweighs the village of 700 of that name, but a Kramatorsk quarter
# does not take the name of a front-line village.
_CITY_SECTION_SHARE = 0.02
# ... and ten times that (a fifth of its people) when the text names its oblast or city.
_CITY_SECTION_IN_CONTEXT = 10.0


@dataclasses.dataclass(frozen=True)
class Context:
    """What the surrounding text says about where a place is.

    Attributes
    ----------
    admin1 : collection of str
        Admin-1 codes the text is about (its other mentions); candidates inside them are
        preferred, others kept at a lower weight.
    admin2 : str, optional
        A raion code the text names for this place: a hard filter when some candidate is in it.
    near : (lon, lat), optional
        A point the place is said to be near ("X, on the outskirts of Y"): the nearest
        namesake wins.
    """

    admin1: Collection[str] = ()
    admin2: str | None = None
    near: tuple[float, float] | None = None


def haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def _distance_to_chain(lon: float, lat: float, chain: tuple[tuple[float, float], ...]) -> float:
    """Distance (km, flat-earth within the theatre) from a point to a chain of segments."""
    kx = 111.32 * math.cos(math.radians(lat))
    best = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(chain):
        px, py = (lon - ax) * kx, (lat - ay) * 111.32
        vx, vy = (bx - ax) * kx, (by - ay) * 111.32
        t = max(0.0, min(1.0, (px * vx + py * vy) / (vx * vx + vy * vy or 1.0)))
        best = min(best, math.hypot(px - t * vx, py - t * vy))
    return best


def war_reporting_prior(row: PlaceRow) -> float:
    """How much more likely war reporting names this settlement than an average namesake.

    The product of the oblast's :data:`WAR_REPORTING_WEIGHT` and a boost that falls off with
    the distance to the nearest of :data:`FRONT_LINES` (lines before 2024 count half), the
    :data:`BORDER_LINE` or the :data:`BORDER_ZONE` (up to
    ``1 + 200`` on the line, 75 at 15 km, 4.7 at 30 km, 1 beyond 50 km): a village on
    the contact line is named in far more reports than a namesake in a quiet oblast.
    """
    weight = WAR_REPORTING_WEIGHT.get(row.admin1, 1.0)
    if row.country not in ("UA", "RU"):
        return weight
    lon, lat = float(row.lon), float(row.lat)
    if not (43.0 < lat < 53.5 and 30.0 < lon < 41.0):
        return weight
    # Earlier lines count half: most reporting is about where the fighting is now.
    nearness = max(
        share * math.exp(-((distance / _FRONT_REACH_KM) ** 2))
        for share, distance in (
            *((1.0 if n < len(CURRENT_FRONT_LINES) else 0.5, _distance_to_chain(lon, lat, line))
              for n, line in enumerate(FRONT_LINES)),
            (1.0, min(haversine_km(lon, lat, x, y) for x, y in BORDER_ZONE)),
            (1.0, _distance_to_chain(lon, lat, BORDER_LINE))))
    return weight * (1.0 + _FRONT_BOOST * nearness)


def prior(row: PlaceRow, region_phrase: bool) -> float:
    """The weight of a place before anything about the query or its context is known."""
    kind = row.kind
    if kind == PlaceKind.COUNTRY:
        return _KIND_PRIOR[PlaceKind.COUNTRY]
    user = _USER_PRIOR if row.id.startswith(USER_PREFIX) else 1.0
    # A place of no one country (a sea, a strait, a continent) is not a far-off namesake.
    weight = COUNTRY_PRIOR.get(row.country or "UA") or (
        _NEIGHBOUR_PRIOR if row.country in _NEIGHBOURS else _WORLD_PRIOR)
    if kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        return weight * _KIND_PRIOR[PlaceKind(kind)] * (100.0 if region_phrase else 1.0)
    if kind in (PlaceKind.FACILITY, PlaceKind.OTHER):
        return weight * _KIND_PRIOR[PlaceKind(kind)] * user
    # A village without a population figure is real but small: weigh it like one of 300.
    people: float = row.population_int + 300
    if row.feature == CITY_SECTION:
        people *= _CITY_SECTION_SHARE
    return weight * people * war_reporting_prior(row) * user


def _cached_prior(store: PlaceStore, i: int, region_phrase: bool) -> float:
    key = (i, region_phrase)
    value = store.memo.get(key)
    if value is None:
        if len(store.memo) >= 4 * KEPT:  # bounded, like the store's parsed rows
            store.memo.clear()
        value = store.memo[key] = prior(store.rows[i], region_phrase)
    return value


def fuzzy_candidates(store: PlaceStore, name: str, buckets: Mapping[tuple[str, int], str]
                     ) -> dict[int, tuple[str, float]]:
    """Rows whose names are misspellings of ``name`` (rapidfuzz ratio over skeletons)."""
    from rapidfuzz import fuzz, process

    skel = skeleton(name)
    if len(skel) < 4:
        return {}
    cutoff = max(settings.fuzzy_cutoff, _FUZZY_MIN_RATIO)
    spread = max(1, int(len(skel) * (100 - cutoff) / (100 + cutoff) * 2) + 1)
    pool = [key for size in range(len(skel) - spread, len(skel) + spread + 1)
            for key in buckets.get((skel[0], size), "").split()]
    hits = process.extract(skel, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8)
    query = _distinctive(normalize(name))
    found: dict[int, tuple[str, float]] = {}
    for key, ratio, _ in hits:
        for i in store.skeleton_hits(key):
            # Skeletons drop vowels and fold letters: "xyzzy" and "Xizhi" share one. The
            # spelling itself must be close too.
            # ... and a shared "district" makes no two names alike: "Kyivskyi district" is
            # not Klimovsky District.
            spelled = process.extractOne(
                query, [_distinctive(normalize(n)) for n in store.rows[i].all_names],
                scorer=fuzz.ratio)
            # A misspelling keeps its words: "White House" is not Whitehorse.
            if spelled is None or spelled[1] < _SPELLING_MIN_RATIO \
                    or spelled[0].count(" ") != query.count(" "):
                continue
            if i not in found or found[i][1] < ratio:
                found[i] = (MatchMethod.FUZZY, ratio)
    return found


# Words that say what kind of unit a name is, not which one.
_UNIT_WORDS = frozenset(["district", "raion", "rayon", "region", "oblast", "province"])


def _distinctive(name: str) -> str:
    """A normalised name less its unit words ("kupiansk district" -> "kupiansk")."""
    words = [w for w in name.split() if w not in _UNIT_WORDS]
    return " ".join(words) if words else name


def fuzzy_buckets(store: PlaceStore) -> dict[tuple[str, int], str]:
    """Skeleton keys grouped by first letter and length, for places worth guessing at.

    A ratio over the cutoff needs lengths within a few letters, so only nearby buckets are
    compared. A misspelt name should not land on one of thousands of small villages: only
    places of 1,000+ people, admin units, facilities and the user's own places are kept.
    Each bucket is one string of space-separated keys (split when a guess needs it): as
    170,000 separate strings they held 10 MB in every process for an occasional typo.
    """
    buckets: dict[tuple[str, int], list[str]] = {}
    targets: dict[int, bool] = {}  # per row: a row has a dozen skeletons, parse it once

    def target(i: int) -> bool:
        found = targets.get(i)
        if found is None:
            found = targets[i] = _fuzzy_target(store.rows.peek(i))
        return found

    for key, rows in store.skeletons():
        if key and key[0] != "\0" and any(target(i) for i in rows):
            buckets.setdefault((key[0], len(key)), []).append(key)
    return {bucket: " ".join(keys) for bucket, keys in buckets.items()}


def _fuzzy_target(row: PlaceRow) -> bool:
    return row.kind != PlaceKind.SETTLEMENT or row.population_int >= _FUZZY_MIN_POPULATION \
        or row.id.startswith(USER_PREFIX)


@dataclasses.dataclass(frozen=True)
class Filters:
    """Hard restrictions asked for by the caller."""

    country: str | None = None
    admin1: str | None = None
    kind: str | None = None

    def allow(self, row: PlaceRow) -> bool:
        """Whether a row passes every filter."""
        if self.country and row.country != self.country.upper():
            return False
        if self.admin1 and row.admin1 != self.admin1:
            return False
        return not (self.kind and row.kind != self.kind)


def rank(store: PlaceStore, name: str, found: Mapping[int, tuple[str, float]],
         region_phrase: bool, filters: Filters, context: Context,
         own: Collection[int] | None = None) -> list[tuple[int, str, float, float]]:
    """Score candidates: (row, method, quality, weight), best first.

    Parameters
    ----------
    store : PlaceStore
    name : str
        The query.
    found : mapping
        Row -> (method, fuzzy ratio) for every place the name could mean.
    region_phrase : bool
        The query is a region phrase ("Sumy region"): admin units weigh far more.
    filters : Filters
    context : Context
    own : collection of int, optional
        :func:`own_name_rows` of ``found``, when the caller has it already.
    """
    table = store.rows
    rows = {i: table[i] for i in found}
    stop = normalize(name) in store.stopwords
    if own is None:
        own = own_name_rows(store, name, found)
    if stop or filters.country or filters.admin1 or filters.kind:
        keep = [i for i, row in rows.items() if filters.allow(row)
                and not (stop and row.kind != PlaceKind.COUNTRY)]
    else:
        keep = list(rows)
    if context.admin2:
        keep = [i for i in keep if rows[i].admin2 == context.admin2] or keep
    inside = {i for i in keep if rows[i].admin1 in context.admin1}
    scored = []
    for i in keep:
        row = rows[i]
        method, ratio = found[i]
        # A StrEnum member hashes as its text: no enum built per candidate.
        quality = _METHOD_QUALITY.get(method, 0.85 * ratio / 100.0)  # type: ignore[call-overload]
        weight = quality**4 * _cached_prior(store, i, region_phrase)
        settlement = row.kind == PlaceKind.SETTLEMENT
        if settlement and own and i not in own and method in (MatchMethod.ALIAS,
                                                              MatchMethod.FUZZY):
            weight *= _ALIAS_ONLY_FACTOR
        if settlement and inside and i not in inside:
            weight *= _OUTSIDE_CONTEXT
        elif i in inside and row.feature == CITY_SECTION:
            weight *= _CITY_SECTION_IN_CONTEXT
        if context.near is not None:
            distance = haversine_km(context.near[0], context.near[1], float(row.lon),
                                    float(row.lat))
            weight /= 1.0 + (distance / 15.0) ** 2
        scored.append((i, method, quality, weight))
    if not context.admin1 and context.near is None and not context.admin2:
        scored = _cities_first(rows, own, scored)
    if not region_phrase and filters.kind is None:
        scored = _demote_eponymous_regions(rows, scored)
    scored.sort(key=lambda t: (-t[3], rows[t[0]].id))
    return scored


def own_name_rows(store: PlaceStore, name: str, found: Mapping[int, tuple[str, float]]
                  ) -> frozenset[int]:
    """Rows whose own (primary) name is the query or a spelling or misspelling of it.

    A KATOTTG-only village's primary name is our romanisation, so it does not count.

    Parameters
    ----------
    store, name, found
        As for :func:`rank`.

    Returns
    -------
    frozenset of int
    """
    from rapidfuzz import fuzz

    query = skeleton(name)
    own = set()
    for i, (method, _ratio) in found.items():
        row = store.rows[i]
        if row.id.startswith("katottg:"):
            continue
        own_skeleton = skeleton(row.name)
        close = method == MatchMethod.FUZZY and \
            fuzz.ratio(query, own_skeleton) >= _FUZZY_MIN_RATIO
        if method == MatchMethod.EXACT or own_skeleton == query or close:
            own.add(i)
    return frozenset(own)


def _cities_first(rows: Mapping[int, PlaceRow], own: Collection[int],
                  scored: list[tuple[int, str, float, float]]
                  ) -> list[tuple[int, str, float, float]]:
    """A bare name that a city of 50,000+ in the theatre bears means the city, not a village.

    Without context, a village's war-reporting boost must not outweigh a city of the same
    name ("Rivne" is the regional capital, not the village near Pokrovsk): other settlements
    keep at most a tenth of the city's weight. A city section is never the city, however
    many people it has. Any context (an oblast, a raion, a town nearby) lifts this.
    """
    city = max((w for i, method, _, w in scored
                if (i in own or method == MatchMethod.ALIAS) and _is_city(rows[i])
                and rows[i].country in COUNTRY_PRIOR), default=0.0)
    if not city:
        return scored
    return [(i, method, quality,
             min(weight, city * _UNDER_CITY) if rows[i].kind == PlaceKind.SETTLEMENT
             and not _is_city(rows[i])
             and not rows[i].id.startswith(USER_PREFIX) else weight)
            for i, method, quality, weight in scored]


def _is_city(row: PlaceRow) -> bool:
    """A settlement of 50,000 people or more, not a section of one."""
    return row.kind == PlaceKind.SETTLEMENT and row.feature != CITY_SECTION \
        and row.population_int >= CAPITAL_MIN_POPULATION


def _demote_eponymous_regions(rows: Mapping[int, PlaceRow],
                              scored: list[tuple[int, str, float, float]]
                              ) -> list[tuple[int, str, float, float]]:
    """A bare oblast name ("Sumy", "Zaporizhzhia") means its capital city, not the oblast."""
    if not any(rows[i].kind == PlaceKind.ADMIN1 for i, *_ in scored):
        return scored
    big = [rows[i] for i, *_ in scored if _is_city(rows[i])]
    countries = {r.country for r in big}
    capitals_admin1 = {r.admin1 for r in big}
    best_settlement = max((w for i, _, _, w in scored
                           if rows[i].kind == PlaceKind.SETTLEMENT), default=0.0)
    out = []
    for i, method, quality, weight in scored:
        row = rows[i]
        if row.kind == PlaceKind.ADMIN1 and (row.country in countries
                                              or row.admin1 in capitals_admin1):
            weight = min(weight, best_settlement * 0.01)
        out.append((i, method, quality, weight))
    return out


def as_lon_lat(near: Any) -> tuple[float, float] | None:
    """A ``near=`` hint as (lon, lat): a shapely Point, a (lon, lat) pair, or None."""
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
