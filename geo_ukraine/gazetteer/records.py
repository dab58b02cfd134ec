"""The gazetteer's records: the row type, and the places, candidates and matches it gives."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "CITY_SECTION",
    "COLUMNS",
    "Candidate",
    "Match",
    "MatchMethod",
    "MatchStatus",
    "Place",
    "PlaceKind",
    "PlaceRow",
    "ReverseResult",
    "row_from_fields",
]


#: The ``feature`` of a settlement that is a section of a city (GeoNames ``PPLX``: Kyiv's
#: Podil, Lviv's Sykhiv, Kharkiv's Saltivka): named in reporting on strikes on cities, and
#: weighed far below real settlements of its name unless the text is about its city.
CITY_SECTION = "PPLX"


class PlaceKind(StrEnum):
    """What a place is.

    ``other`` covers natural features: rivers, seas, straits, reservoirs, peninsulas, spits
    and islands (their ``feature`` says which).
    """

    SETTLEMENT = "settlement"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    COUNTRY = "country"
    FACILITY = "facility"
    OTHER = "other"


class MatchStatus(StrEnum):
    """The outcome of resolving a name.

    ``group`` is a named group of admin-1 units ("Donbas", "the Baltic states"): a success
    whose ``candidates`` are the units.
    """

    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"
    GROUP = "group"


class MatchMethod(StrEnum):
    """How a name matched a place."""

    EXACT = "exact"          # the place's primary name
    ALIAS = "alias"          # one of its alternate names, or a curated alias
    SKELETON = "skeleton"    # a transliteration variant
    FUZZY = "fuzzy"          # a misspelling
    NONE = "none"


class PlaceRow(NamedTuple):
    """One row of the embedded ``places.tsv.gz`` (and of the user overlay), as strings.

    The build recipe writes these columns, the store reads them and ingest appends them;
    this class is their one definition.
    """

    id: str
    kind: str
    name: str
    country: str
    admin1: str
    admin2: str
    hromada: str
    lon: str
    lat: str
    population: str
    precision: str
    katottg: str
    iso: str
    names: str
    feature: str

    @property
    def all_names(self) -> list[str]:
        """The primary name followed by every alternate name."""
        return [self.name, *self.names.split("|")] if self.names else [self.name]

    @property
    def population_int(self) -> int:
        """Population as a number (0 when unknown)."""
        return int(self.population or 0)


#: The column order of ``places.tsv.gz`` and of the overlay.
COLUMNS: tuple[str, ...] = PlaceRow._fields


def row_from_fields(fields: Sequence[str]) -> PlaceRow:
    """A :class:`PlaceRow` from split TSV fields; rows of an older, shorter layout are padded.

    Raises
    ------
    ValueError
        When there are more fields than columns, or fewer than the 14 of the first layout.
    """
    if len(fields) == len(COLUMNS):
        return PlaceRow._make(fields)
    if not 14 <= len(fields) < len(COLUMNS):
        msg = f"a place row has {len(fields)} fields, expected {len(COLUMNS)}"
        raise ValueError(msg)
    return PlaceRow._make([*fields, *[""] * (len(COLUMNS) - len(fields))])


class _PolygonSource(Protocol):
    def polygon(self, place: Place | str) -> BaseGeometry | None: ...


@dataclasses.dataclass(frozen=True, eq=False)
class Place:
    """One place of the gazetteer.

    Attributes
    ----------
    place_id : str
        Stable key: ``gn:<geonameid>``, ``a1:<GeoNames admin-1 code>``, ``a2:<admin-2 code>``,
        ``c:<ISO alpha-2>``, ``katottg:<KATOTTG id>``, ``x:<curated key>`` or ``user:<...>``.
    name : str
        Primary name (GeoNames' for settlements, the English short name for admin units).
    kind : str
        A :class:`PlaceKind`: settlement, admin1, admin2, country, facility or other.
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
    feature : str or None
        A finer class: a GeoNames feature code (``PPL``, ``STM``, ``AIRB``...) or a curated
        one (``nuclear_power_plant``, ``river``, ``city_district``...).
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
    feature: str | None = dataclasses.field(default=None, repr=False)
    _gazetteer: _PolygonSource | None = dataclasses.field(default=None, repr=False,
                                                           compare=False)

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
        return self.kind in (PlaceKind.ADMIN1, PlaceKind.COUNTRY)

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
        if self.kind not in (PlaceKind.ADMIN1, PlaceKind.COUNTRY) and self.admin1_name:
            parts.append(self.admin1_name)
        if self.kind != PlaceKind.COUNTRY:
            parts.append(self.country)
        return ", ".join(parts)


class Candidate(NamedTuple):
    """A place that matches a name, how it matched, and its share of the confidence.

    A tuple: a name like Mykolaivka has a hundred namesakes, each a candidate.

    Attributes
    ----------
    place : Place
    score : float
        Its share of the confidence, 0..1.
    method : str
        A :class:`MatchMethod`, as a plain string.
    """

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
        The resolved place; None when ``status`` is ``ambiguous``, ``unresolved`` or ``group``.
    score : float
        Confidence 0..1: how well the best candidate matched times its share among the
        candidates (so many equal namesakes give a low score).
    method : str
        A :class:`MatchMethod`: ``exact`` (primary name), ``alias`` (an alternate name),
        ``skeleton`` (transliteration variant), ``fuzzy`` (a misspelling), or ``none``.
    status : str
        A :class:`MatchStatus`: ``resolved``, ``ambiguous``, ``unresolved`` or ``group``.
    candidates : tuple of Candidate
        Every candidate, best first (for a group, its member units).
    reason : str
        Why the name is ambiguous, unresolved or a group (empty when resolved).
    """

    query: str
    place: Place | None
    score: float
    method: str
    status: str
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""

    def __post_init__(self) -> None:
        # Enum members arrive from the resolver; callers see the plain strings.
        object.__setattr__(self, "method", str(self.method))
        object.__setattr__(self, "status", str(self.status))

    @property
    def resolved(self) -> bool:
        """True when a single place was chosen with enough confidence."""
        return self.status == MatchStatus.RESOLVED

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
