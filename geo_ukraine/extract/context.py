"""What a sentence says about where a named place is: its oblast, raion, or a town it is near.

"X in Ukraine's eastern Donetsk region", "X, Donetsk Oblast", "X (Kharkiv region)" give the
oblast (a hard filter); "X in Pokrovsk raion", "X, Kupiansk district" give the raion; "X near
Z", "X, on the outskirts of Z", "X, south of Z", "X, 20 km from Z" give Z's point, so the
nearest namesake wins. Only a short window after the name is read, so each look is constant
time however long the text.
"""

from __future__ import annotations

import dataclasses
import re
import weakref
from collections.abc import Collection
from typing import Any

from ..gazetteer import Gazetteer, Match

__all__ = ["Hints", "hints_after", "resolve_cached", "river_after_the"]

# "the" just before a name: "the Dnipro", "across the Oskil".
_THE_BEFORE = re.compile(r"(?:^|\W)the\s+$", re.I)
# How far after a name its hints are looked for.
_WINDOW = 90
_NAME = r"(?P<name>[A-Z][\w’'ʼ-]+(?:[ -][A-Z][\w’'ʼ-]+)?)"
_DIRECTION = (r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
              r"(?:ern)?|central)\s+")
_IN_UNIT = re.compile(
    r"\s*(?:,\s*(?:in\s+)?|\s+in\s+|\s*\(\s*)(?:the\s+)?(?:(?:Ukraine|Russia)[’'ʼ]s\s+)?"
    rf"(?:{_DIRECTION})?{_NAME}\s+(?P<level>region|oblast|province|district|raion)\b",
    re.I)
_NEAR = re.compile(
    r"\s*,?\s*(?:(?:which|that) is\s+)?(?:about\s+|some\s+|around\s+)?"
    r"(?:near|outside|close to|next to|not far from|(?:on|in) the outskirts of|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|"
    r"\d+\s*(?:km|kilomet(?:re|er)s?|miles?)\s+(?:\w+\s+)?(?:of|from))\s+"
    r"(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:(?:city|town|village|settlement)\s+of\s+)?"
    r"(?:(?:Ukrainian|Russian)(?:-held|-controlled|-occupied)?\s+)?(?:city|town)?\s*"
    r"(?P<name>[A-Z][\w’'ʼ-]+(?:\s[A-Z][\w’'ʼ-]+)?)")


# Resolutions are remembered per gazetteer (a new gazetteer, say after an ingest, starts
# afresh): an article names the same places again and again, and neighbouring articles of a
# batch often do. Each entry holds its candidates (about 2 KB), so the memory is two
# generations of at most this many entries: when the newer fills up, the older is dropped
# and the newer takes its place, and an entry found in the older moves to the newer. The
# places a corpus keeps naming stay remembered; 100,000 entries kept for good had grown a
# corpus worker by some 200 MB for no measurable gain in speed.
_CACHE_SIZE = 4_096


class _Generations:
    """Two generations of resolutions: ``new`` fills, ``old`` is what it replaced."""

    def __init__(self) -> None:
        self.new: dict[tuple[str, Any, Collection[str], bool], Match] = {}
        self.old: dict[tuple[str, Any, Collection[str], bool], Match] = {}

    def get(self, key: tuple[str, Any, Collection[str], bool]) -> Match | None:
        match = self.new.get(key)
        if match is None:
            match = self.old.get(key)
            if match is not None:
                self.put(key, match)
        return match

    def put(self, key: tuple[str, Any, Collection[str], bool], match: Match) -> None:
        if len(self.new) >= _CACHE_SIZE:
            self.old, self.new = self.new, {}
        self.new[key] = match


_CACHES: weakref.WeakKeyDictionary[Gazetteer, _Generations] = weakref.WeakKeyDictionary()
# The gazetteer asked about last and its cache: a weak-key lookup costs microseconds, and
# nearly every call is about the same gazetteer.
_LAST: list[Any] = [None, None]


def _generations(gaz: Gazetteer) -> _Generations:
    """The resolution cache of ``gaz`` (held weakly: a dropped gazetteer frees its cache)."""
    last, cache = _LAST
    if last is None or last() is not gaz:
        cache = _CACHES.get(gaz)
        if cache is None:
            cache = _CACHES[gaz] = _Generations()
        _LAST[:] = [weakref.ref(gaz), cache]
    return cache  # type: ignore[no-any-return]


def resolve_cached(gaz: Gazetteer, phrase: str, hints: Hints | None = None,
                   context: frozenset[str] = frozenset(), *, fuzzy: bool = True) -> Match:
    """``gaz.resolve(phrase, ...)`` with the hints, remembered for the next articles.

    Parameters
    ----------
    gaz : Gazetteer
    phrase : str
    hints : Hints, optional
        The oblast, raion or nearby point the text gives.
    context : frozenset of str
        The admin-1 codes the article is about.
    fuzzy : bool
        Try misspellings when nothing matches the phrase as written.

    Returns
    -------
    Match
    """
    cache = _generations(gaz)
    key = (phrase, hints, context, fuzzy)
    match = cache.get(key)
    if match is None:
        hints = hints or Hints()
        match = gaz.resolve(phrase, admin1=hints.admin1, admin2=hints.admin2,
                            near=hints.near, context_admin1=context, fuzzy=fuzzy)
        cache.put(key, match)
    return match


@dataclasses.dataclass(frozen=True)
class Hints:
    """Where the text says a place is: an oblast code, a raion code, a point near it."""

    admin1: str | None = None
    admin2: str | None = None
    near: tuple[float, float] | None = None

    def __bool__(self) -> bool:
        return bool(self.admin1 or self.admin2 or self.near)


def hints_after(text: str, end: int, gaz: Gazetteer) -> Hints:
    """The hints that follow a name ending at ``end`` in ``text``.

    Parameters
    ----------
    text : str
    end : int
        Offset just after the name.
    gaz : Gazetteer

    Returns
    -------
    Hints
        Empty when the text says nothing about where the place is.
    """
    window = text[end:end + _WINDOW]
    unit = _IN_UNIT.match(window)
    if unit is not None:
        level = "admin1" if unit.group("level").lower() in ("region", "oblast", "province") \
            else "admin2"
        word = "oblast" if level == "admin1" else "raion"
        match = resolve_cached(gaz, f"{unit.group('name')} {word}")
        if match.place is not None and match.place.kind == level:
            if level == "admin1":
                return Hints(admin1=match.place.admin1)
            return Hints(admin1=match.place.admin1, admin2=match.place.admin2)
    near = _NEAR.match(window)
    if near is not None:
        match = resolve_cached(gaz, near.group("name"))
        if match.place is not None and match.place.kind in ("settlement", "facility"):
            return Hints(near=(match.place.lon, match.place.lat))
    return Hints()


def river_after_the(text: str, start: int, phrase: str, gaz: Gazetteer) -> Match | None:
    """The river a name after "the" stands for, when a river has the name.

    A town is not "the Dnipro": "the Dnipro's west bank", "troops crossed the Oskil",
    "the Desna" are rivers; "Dnipro", "Oskil", "Desna" alone stay the towns.

    Parameters
    ----------
    text : str
    start : int
        Offset where the name starts.
    phrase : str
        The name.
    gaz : Gazetteer

    Returns
    -------
    Match or None
        The river's match, or None when no "the" comes before or no river has the name.
    """
    if _THE_BEFORE.search(text, max(0, start - 5), start) is None:
        return None
    # Only a river named so counts: "the Volga" is no misspelt Vovcha.
    match = resolve_cached(gaz, f"{phrase} River", fuzzy=False)
    if match.place is None or match.place.kind != "other":
        return None
    return match
