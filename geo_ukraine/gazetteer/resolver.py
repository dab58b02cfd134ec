"""The offline gazetteer: places, admin units and countries, resolved from any spelling."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from .. import _data
from .._coords import validate_lon_lat
from .._settings import settings
from ..errors import AmbiguousPlaceError, InvalidNameError, UnknownPlaceError
from .lines import SortedLines
from .names import normalize, russian_spelling_skeletons, skeleton, split_region_phrase
from .overlay import read_overlay_safely
from .ranking import (
    CAPITAL_MIN_POPULATION,
    Context,
    Filters,
    as_lon_lat,
    fuzzy_buckets,
    fuzzy_candidates,
    own_name_rows,
    rank,
)
from .records import (
    CITY_SECTION,
    COLUMNS,
    Candidate,
    Match,
    MatchMethod,
    MatchStatus,
    Place,
    PlaceKind,
    PlaceRow,
    ReverseResult,
)
from .spatial import PointIndex, Polygons
from .store import NameIndex, PlaceStore, RowTable, overlay_file, read_embedded_rows

# How many has_name (and begins_name) answers a gazetteer remembers, then forgets at once.
_KNOWN_NAMES = 32_768


# How many names' unranked candidates a gazetteer remembers (each a small dict of rows).
_RAW_NAMES = 4_096

_T = TypeVar("_T")


def _remember(answers: dict[str, _T], name: str, answer: _T, size: int = _KNOWN_NAMES) -> _T:
    """Keep ``answer`` for ``name`` in a memo of at most ``size`` answers."""
    if len(answers) >= size:
        answers.clear()
    answers[name] = answer
    return answer

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["KINDS", "MAX_NAME_LENGTH", "Gazetteer"]

MAX_NAME_LENGTH = 200
#: The kinds a place can be (see :class:`PlaceKind`).
KINDS: tuple[str, ...] = tuple(PlaceKind)


class Gazetteer:
    """An in-memory gazetteer over the embedded tables, plus an optional user overlay.

    Use :meth:`default` for the shared instance; it loads once, lazily, and is thread-safe.

    Parameters
    ----------
    rows : RowTable or iterable of PlaceRow or sequences of str
        Rows in the column order of ``places.tsv.gz`` (:data:`COLUMNS`).
    extra : iterable of PlaceRow
        Rows that replace rows of the same id or add new places (the user overlay).
    aliases : iterable of (alias, target)
        Curated aliases; ``target`` is a place id or ``group:<code>,<code>``.
    name_index, skeleton_index
        Prebuilt indexes of the embedded rows (see :class:`PlaceStore`).
    """

    _default: Gazetteer | None = None
    _lock = threading.Lock()
    COLUMNS = COLUMNS

    def __init__(self, rows: RowTable | Iterable[PlaceRow | list[str]],
                 aliases: Iterable[tuple[str, str]] = (), *,
                 extra: Iterable[PlaceRow] = (),
                 name_index: NameIndex | dict[str, str] | None = None,
                 skeleton_index: Any = None) -> None:
        self.store = PlaceStore(rows, aliases, extra=extra, name_index=name_index,
                                skeleton_index=skeleton_index)
        self.store.bind(self)
        self._polygons = Polygons()
        self._points: PointIndex | None = None
        self._fuzzy_buckets: dict[tuple[str, int], str] | None = None
        # has_name's answers: a text asks about every capitalised run of words it holds,
        # and the same runs ("Russian forces", "The General Staff") recur across texts.
        self._known: dict[str, bool] = {}
        self._begins: dict[str, bool] = {}
        # A name's candidates before filters and context rank them: an article's namesakes
        # are ranked again with each article's oblasts, but found only once.
        self._raw: dict[str, tuple[dict[int, tuple[str, float]], bool, frozenset[int]]] = {}

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

        A damaged overlay is reported with a warning and left out, never an error.

        Parameters
        ----------
        overlay : bool
            Merge ``<cache_dir>/overlay.tsv`` written by ``geo-ukraine gazetteer ingest``.

        Returns
        -------
        Gazetteer
        """
        extra = read_overlay_safely(overlay_file()) if overlay else []
        aliases = [(alias, target) for alias, target, *_note
                   in list(_data.read_tsv("aliases.tsv"))[1:]]
        return cls(read_embedded_rows(), aliases, extra=extra,
                   name_index=NameIndex(*_data.read_sorted_index("names.tsv.gz")),
                   skeleton_index=lambda: SortedLines(
                       _data.read_sorted_index("skeletons.tsv.gz")[0]))

    def __len__(self) -> int:
        return len(self.store)

    # ------------------------------------------------------------------ places
    def has_name(self, name: str) -> bool:
        """Whether some place or named group of regions ("Donbas") bears exactly this name.

        The name is normalised first; nothing is ranked.
        """
        known = self._known.get(name)
        if known is None:
            key = normalize(name)
            known = _remember(self._known, name,
                              bool(self.store.exact.get(key)) or key in self.store.groups)
        return known

    def begins_name(self, name: str) -> bool:
        """Whether some name the gazetteer has begins with ``name`` and goes on with more words.

        "Nova" begins "Nova Kakhovka", "Velyka" begins "Velyka Novosilka"; "Russian" begins
        none. A reader that finds no name beginning with a word need not look up the longer
        phrases that start with it. The answers are remembered, as :meth:`has_name`'s are.

        Parameters
        ----------
        name : str

        Returns
        -------
        bool
        """
        begins = self._begins.get(name)
        if begins is None:
            key = normalize(name)
            begins = _remember(self._begins, name, self.store.exact.begins(key) or any(
                group.startswith(key + " ") for group in self.store.groups))
        return begins

    def get(self, place_id: str) -> Place:
        """Return a place by its id (``gn:687700``, ``a1:UA.26``, ``c:UA`` ...).

        Raises
        ------
        UnknownPlaceError
            When no place has that id.
        """
        index = self.store.by_id.get(place_id)
        if index is None:
            msg = f"no place has id {place_id!r}; ids look like 'gn:687700', 'a1:UA.26', 'c:UA'"
            raise UnknownPlaceError(msg)
        return self.store.place(index)

    def places(self, kind: str | None = None) -> list[Place]:
        """Every place, or every place of one ``kind``."""
        return [self.store.place(i) for i, row in enumerate(self.store.rows)
                if kind is None or row.kind == kind]

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

    def _region_candidates(self, name: str) -> dict[int, str]:
        """Admin units a region phrase ("Sumy region", "Pokrovsk Raion") names."""
        split = split_region_phrase(name)
        if not split:
            return {}
        base, level = split
        region, rows = self.store.region, self.store.rows
        # The whole phrase, or the base with the level's word, before the bare base: "Kyiv
        # region" is Kyiv Oblast (named "Kyiv Oblast"), not Kyiv City (also named "Kyiv").
        for key in (normalize(name), f"{base} {'oblast' if level == 'admin1' else 'raion'}"):
            exact = [i for i in region.get(key, []) if rows[i].kind == level]
            if exact:
                return dict.fromkeys(exact, MatchMethod.ALIAS)
        pool = region.get(base, [])
        hits = [i for i in pool if rows[i].kind == level] or pool
        return dict.fromkeys(hits, MatchMethod.ALIAS)

    def _unranked(self, name: str) -> tuple[dict[int, tuple[str, float]], bool, frozenset[int]]:
        """:meth:`_raw_candidates` of ``name`` and the rows it is the own name of, remembered.

        The dictionary is shared between calls: callers must not change it.
        """
        raw = self._raw.get(name)
        if raw is None:
            found, region_phrase = self._raw_candidates(name)
            own = own_name_rows(self.store, name, found)
            raw = _remember(self._raw, name, (found, region_phrase, own), _RAW_NAMES)
        return raw

    def _raw_candidates(self, name: str) -> tuple[dict[int, tuple[str, float]], bool]:
        """Row -> (method, ratio) for every place the name could mean; and region-phrase flag."""
        found: dict[int, tuple[str, float]] = {
            i: (m, 100.0) for i, m in self._region_candidates(name).items()}
        if found:
            return found, True
        for i, primary in self.store.exact_hits(normalize(name)):
            method = MatchMethod.EXACT if primary else MatchMethod.ALIAS
            if found.get(i, ("",))[0] != MatchMethod.EXACT:
                found[i] = (method, 100.0)
        if found and all(self.store.rows[i].kind == PlaceKind.ADMIN1 for i in found):
            found.update(self._capitals_of(name, found))
        # A city section's name does not hide the places spelled like it ("Varshava").
        if found and not all(self.store.rows[i].feature == CITY_SECTION for i in found):
            return found, False
        for i in self.store.skeleton_hits(skeleton(name)):
            found.setdefault(i, (MatchMethod.SKELETON, 100.0))
        return found, False

    def _russian_spelling_candidates(self, name: str) -> dict[int, tuple[str, float]]:
        """Places a Russian rendering of a Ukrainian name stands for ("Nevelskoye")."""
        return {i: (MatchMethod.SKELETON, 100.0) for skel in russian_spelling_skeletons(name)
                for i in self.store.skeleton_hits(skel)}

    def _capitals_of(self, name: str, admin1_rows: Collection[int]
                     ) -> dict[int, tuple[str, float]]:
        """A bare oblast name means its capital ("Zaporizhia" -> the city, spelled loosely)."""
        codes = {self.store.rows[j].admin1 for j in admin1_rows}
        out = {}
        for i, hit in self._fuzzy(name).items():
            row = self.store.rows[i]
            if row.kind == PlaceKind.SETTLEMENT and row.admin1 in codes \
                    and row.population_int >= CAPITAL_MIN_POPULATION:
                out[i] = hit
        return out

    def _fuzzy(self, name: str) -> dict[int, tuple[str, float]]:
        if self._fuzzy_buckets is None:
            self._fuzzy_buckets = fuzzy_buckets(self.store)
        return fuzzy_candidates(self.store, name, self._fuzzy_buckets)

    def candidates(self, name: str, *, country: str | None = None, admin1: str | None = None,
                   kind: str | None = None, near: Any = None, admin2: str | None = None,
                   context_admin1: Collection[str] = (), fuzzy: bool = True
                   ) -> list[Candidate]:
        """Every place ``name`` could mean, best first, each with its share of confidence.

        Parameters
        ----------
        name : str
            A place name in any spelling.
        country, admin1, kind, near, admin2, context_admin1
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
        filters = Filters(country, self._admin1_code(admin1), kind)
        context = Context(admin1=frozenset(context_admin1), admin2=admin2,
                          near=as_lon_lat(near))
        found, region_phrase, own = self._unranked(name)
        if admin2 and not any(self.store.rows[i].admin2 == admin2 for i in found):
            # The raion the text names outranks the spelling: "Pokrovsk" in Nikopol raion is
            # Pokrovske there, not the city of that exact name in another oblast.
            found = {**found, **{i: hit for i, hit in self._fuzzy(name).items()
                                 if self.store.rows[i].admin2 == admin2}}
            own = own_name_rows(self.store, name, found)
        ranked = rank(self.store, name, found, region_phrase, filters, context, own)
        if not ranked and not region_phrase:
            # Tried only when the name as written names nothing that passes the filters, so
            # an exact name never becomes ambiguous through it.
            ranked = rank(self.store, name, self._russian_spelling_candidates(name),
                          region_phrase, filters, context)
        if not ranked and fuzzy and normalize(name) not in self.store.stopwords:
            ranked = rank(self.store, name, self._fuzzy(name), region_phrase, filters, context)
        total = sum(w for *_, w in ranked) or 1.0
        place, new = self.store.place, tuple.__new__  # Candidate(...) without its frame
        return [new(Candidate, (place(i), round(quality * weight / total, 4), str(method)))
                for i, method, quality, weight in ranked]

    def _admin1_code(self, admin1: str | None) -> str | None:
        """Accept ``UA.26``, ``UA-23`` or a region name for the ``admin1=`` hint."""
        if admin1 is None or admin1 in self.store.admin_names:
            return admin1
        if re.fullmatch(r"[A-Z]{2}\.\w+", admin1):
            return admin1
        split = split_region_phrase(admin1)
        for key in (normalize(admin1), split[0] if split else ""):
            for i in self.store.region.get(key, []):
                if self.store.rows[i].kind == PlaceKind.ADMIN1:
                    return self.store.rows[i].admin1
        for row in self.store.rows:
            if row.kind == PlaceKind.ADMIN1 and row.iso == admin1:
                return row.admin1
        msg = f"admin1 {admin1!r} is not a known admin-1 code (UA.26, UA-23) or region name"
        raise UnknownPlaceError(msg)

    def admin1_code(self, admin1: str) -> str:
        """The GeoNames admin-1 code of ``UA.26``, ``UA-23`` or a region name.

        Raises
        ------
        UnknownPlaceError
            When it names no admin-1 unit.
        """
        return self._admin1_code(admin1) or admin1

    def resolve(self, name: str, *, country: str | None = None, admin1: str | None = None,
                kind: str | None = None, near: Any = None, admin2: str | None = None,
                context_admin1: Collection[str] = (), fuzzy: bool = True) -> Match:
        """Resolve a place name to one place, or say why it cannot.

        Countries and region phrases ("Sumy region", "Kursk Oblast", "Запорізька область")
        resolve before settlements; among same-named settlements the theatre's countries
        rank first, then population weighted by where war reporting happens (see
        :mod:`geo_ukraine.gazetteer.ranking`), so "Zaporizhzhia" is the city, "Donetsk" the
        Ukrainian oblast centre and "Robotyne" the front-line village.

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
            settlement, admin1, admin2, country, facility or other.
        near : shapely Point or (lon, lat), optional
            The place is near this point (a town named beside it): the nearest namesake wins.
        admin2 : str, optional
            A raion code (``UA.05.1416``): candidates in it are preferred when there are any.
        context_admin1 : collection of str, optional
            Admin-1 codes the surrounding text is about: namesakes inside them are preferred.
        fuzzy : bool
            Try misspellings when nothing matches the name as written.

        Returns
        -------
        Match
            ``status`` is ``resolved``, ``group`` (a named group of regions, see
            ``candidates``), ``ambiguous`` (several namesakes, none clearly meant) or
            ``unresolved``.

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
        group = self.store.groups.get(normalize(self._check_name(name)))
        if group and kind in (None, PlaceKind.ADMIN1):
            places = [self.get(pid) for pid in group]
            return Match(name, None, 1.0, MatchMethod.ALIAS, MatchStatus.GROUP,
                         tuple(Candidate(p, 1.0, str(MatchMethod.ALIAS)) for p in places),
                         reason=f"{name!r} names a group of regions: "
                                + ", ".join(p.name for p in places))
        found = self.candidates(name, country=country, admin1=admin1, kind=kind, near=near,
                                admin2=admin2, context_admin1=context_admin1, fuzzy=fuzzy)
        if not found:
            reason = f"no place in the gazetteer is called {name!r}"
            if normalize(name) in self.store.stopwords:
                reason = (f"{name!r} is an ordinary word or a person's name, not resolved to a "
                          f"small place")
            return Match(name, None, 0.0, MatchMethod.NONE, MatchStatus.UNRESOLVED, (), reason)
        top = found[0]
        if top.score < settings.min_score and not self._leads(found):
            reason = (f"{name!r} could mean {len(found)} places; the best, "
                      f"{top.place.label()}, has confidence {top.score:.2f}: "
                      f"give admin1= or country= to choose")
            return Match(name, None, top.score, top.method, MatchStatus.AMBIGUOUS,
                         tuple(found), reason)
        return Match(name, top.place, top.score, top.method, MatchStatus.RESOLVED,
                     tuple(found))

    @staticmethod
    def _leads(found: list[Candidate]) -> bool:
        """Whether the best candidate, named by its own name, clearly outweighs the next."""
        top, runner_up = found[0], found[1] if len(found) > 1 else None
        return top.method in (MatchMethod.EXACT, MatchMethod.SKELETON) and (
            runner_up is None or top.score >= settings.min_lead * runner_up.score)

    def lookup(self, name: str, **hints: Any) -> Place:
        """Like :meth:`resolve`, but return the place or raise.

        Raises
        ------
        UnknownPlaceError
            Nothing matches.
        AmbiguousPlaceError
            Several places match (or a group of regions); ``.candidates`` lists them.
        """
        match = self.resolve(name, **hints)
        if match.place is not None:
            return match.place
        if match.status in (MatchStatus.AMBIGUOUS, MatchStatus.GROUP):
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
                    match = Match(str(name), None, 0.0, MatchMethod.NONE,
                                  MatchStatus.UNRESOLVED, (), str(exc))
                with contextlib.suppress(TypeError):  # unhashable names are not cached
                    cache[name] = match
            out.append(match)
        return out

    # ------------------------------------------------------------------ areas
    def polygon(self, place: Place | str) -> BaseGeometry | None:
        """The polygon of an admin-1 unit or country (None for other kinds)."""
        return self._polygons.get(place.place_id if isinstance(place, Place) else place)

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
        if match.status == MatchStatus.GROUP:
            return union_all([self.polygon(c.place) for c in match.candidates])
        for kind in (PlaceKind.ADMIN1, PlaceKind.COUNTRY):
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
        lon, lat = validate_lon_lat(lon, lat)
        hits = self._polygons.containing(lon, lat)
        admin1 = next((self.get(h) for h in hits if h.startswith("a1:")), None)
        country = next((self.get(h) for h in hits if h.startswith("c:")), None)
        if country is None and admin1 is not None:
            country = self.get(f"c:{admin1.country}")
        if self._points is None:
            self._points = PointIndex(self.store)
        row, distance = self._points.nearest(lon, lat)
        nearest = None if row is None else self.store.place(row)
        admin2 = None
        if nearest is not None and nearest.admin2 and distance is not None and distance < 25:
            with contextlib.suppress(UnknownPlaceError):
                admin2 = self.get(f"a2:{nearest.admin2}")
        return ReverseResult(lon, lat, country, admin1, admin2, nearest, distance)
