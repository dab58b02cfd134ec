"""Place mentions in text: gazetteer names found over word n-grams, grown into phrases, resolved.

Every normalised gazetteer name is a pattern: runs of up to ``_MAX_NGRAM`` capitalised words
are looked up in the gazetteer's name index, longest first. A match grows into its phrase
("Zaporizhzhia and Donetsk regions", "southeastern Zaporizhzhia", "western Ukraine near the
Polish border"), is resolved, given a role, and, when ambiguous, disambiguated with the oblasts
the rest of the article names.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from typing import Any

from ..gazetteer import Gazetteer, Place, area_for_phrase
from ..vocab import DIRECTION_PATTERN, REGION_WORD_PATTERN, THEATRE_WIDE
from .roles import role
from .rules import SKIP_SINGLE
from .tokens import Token, between, clean, tokens

__all__ = ["Mention", "find_places"]

# The longest name looked up, in words.
_MAX_NGRAM = 6
# "the capital" means Kyiv in an article that names Kyiv.
_KYIV = "gn:703448"


@dataclasses.dataclass(frozen=True)
class Mention:
    """A place named in a text.

    Attributes
    ----------
    start, end : int
        Character offsets of ``surface`` in the text.
    surface : str
        The words as written ("Zaporizhzhia and Donetsk regions").
    place : Place or None
        The resolved place (the first of ``places`` for a multi-region phrase).
    places : tuple of Place
        Every place the mention names (two oblasts for "Kursk and Belgorod regions").
    kind : str
        ``settlement``, ``admin1``, ``admin2``, ``country``, ``facility``, ``other``,
        ``regions`` (several admin-1 units), ``area`` (a directional part) or ``ambiguous``.
    confidence : float
        The gazetteer's confidence, lowered for weak contexts.
    role : str
        ``location``, ``actor`` (a capital or country standing for its government) or
        ``name_part`` (inside another name such as an outlet's).
    phrase : str
        The text to geocode: the surface with possessives and punctuation cleaned.
    area : tuple, optional
        For an ``area`` mention, its geometry and ``geo_precision``.
    """

    start: int
    end: int
    surface: str
    place: Place | None
    places: tuple[Place, ...]
    kind: str
    confidence: float
    role: str
    phrase: str
    area: tuple[Any, int] | None = dataclasses.field(default=None, repr=False, compare=False)


def find_places(text: str, *, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every place mention in ``text``, with offsets, resolution, kind, confidence and role.

    Multi-word names and aliases are found by looking up word n-grams (longest first) in the
    gazetteer's name index; region phrases ("Zaporizhzhia and Donetsk regions", "Russia's
    Kursk region") and directional phrases ("southeastern Zaporizhzhia", "western Ukraine
    near the EU border") become one mention each. Ordinary words, outlet names ("Russia
    Matters", "Kyiv Independent") and capitals standing for governments ("Moscow used...")
    are told apart; places that stay ambiguous are disambiguated with the oblasts the rest of
    the article names.

    Parameters
    ----------
    text : str
        Article text (any length; scraped pages welcome).
    gazetteer : Gazetteer, optional

    Returns
    -------
    list of Mention
        In text order.

    Examples
    --------
    >>> from geo_ukraine import find_places
    >>> [(m.surface, m.kind, m.role) for m in find_places("Drones hit Sumy region.")]
    [('Sumy region', 'admin1', 'location')]
    """
    if not isinstance(text, str):
        msg = f"text must be a string, got {type(text).__name__}"
        raise TypeError(msg)
    gaz = gazetteer or Gazetteer.default()
    words = tokens(text)
    lowercase_words = {t.text.lower() for t in words if not t.capital}
    mentions: list[Mention] = []
    i = 0
    while i < len(words):
        found = _match_at(text, words, i, gaz, lowercase_words)
        if found is None:
            i += 1
            continue
        mention, i = found
        mentions.append(mention)
    mentions = [m for m in mentions if m.places]
    return _disambiguate(mentions)


def _match_at(text: str, words: list[Token], i: int, gaz: Gazetteer,
              lowercase_words: set[str]) -> tuple[Mention, int] | None:
    """The mention starting at word ``i`` and the index of the word after it, if any."""
    token = words[i]
    direction = None
    j = i
    if DIRECTION_PATTERN.match(token.text) and i + 1 < len(words) and words[i + 1].capital and \
            between(text, token, words[i + 1]) == " ":
        direction, j = token, i + 1
    if words[j].lower == "the" and j + 1 < len(words) and words[j + 1].lower == "capital" \
            and re.search(r"\b(?:Kyiv|Kiev)\b", text):
        kyiv = gaz.get(_KYIV)
        return Mention(words[j].start, words[j + 1].end, text[words[j].start:words[j + 1].end],
                       kyiv, (kyiv,), "settlement", 0.8, "location", "Kyiv"), j + 2
    if not words[j].capital or words[j].lower == "the":
        return None
    for n in range(min(_MAX_NGRAM, len(words) - j), 0, -1):
        span = words[j:j + n]
        if any(between(text, a, b).strip(" ") not in ("", "-") for a, b in
               itertools.pairwise(span)):
            continue  # n-grams never cross punctuation
        surface = clean(text[span[0].start:span[-1].end])
        if not gaz.has_name(surface):
            continue
        if n == 1 and (span[0].lower in SKIP_SINGLE or span[0].text.lower() in
                       lowercase_words):
            return None
        return _grow(text, words, i, j, j + n, direction, gaz)
    return None


def _grow(text: str, words: list[Token], i: int, j: int, k: int, direction: Token | None,
          gaz: Gazetteer) -> tuple[Mention, int]:
    """Grow the name in ``words[j:k]`` into its phrase and resolve it."""
    names, cursor = _listed_names(text, words, j, k, gaz)
    end = k
    region_word = cursor < len(words) and REGION_WORD_PATTERN.match(words[cursor].text) and \
        between(text, words[cursor - 1], words[cursor]).strip() == ""
    if len(names) > 1 and region_word and words[cursor].lower.endswith("s"):
        end = cursor + 1
    elif len(names) > 1:
        names = names[:1]
    elif region_word and words[k - 1].lower not in ("region", "oblast"):
        end = k + 1
    first = i if direction is not None else j
    surface = text[words[first].start:words[end - 1].end]
    near_border = re.match(r"\s*,?\s*near (?:the )?(?P<b>[A-Z][\w ]*?) border", text[
        words[end - 1].end:words[end - 1].end + 60])
    phrase = clean(surface)
    if direction is not None and near_border:
        phrase = f"{phrase} near the {near_border.group('b')} border"
        surface = text[words[first].start:words[end - 1].end + near_border.end()]
    start = words[first].start
    mention = _resolve(text, words, first, end, surface, phrase, names, direction, gaz)
    return dataclasses.replace(mention, start=start, end=start + len(surface)), end


def _listed_names(text: str, words: list[Token], j: int, k: int,
                  gaz: Gazetteer) -> tuple[list[str], int]:
    """The names of "X and Y regions" / "X, Y and Z oblasts", and the word after the list."""
    names = [clean(text[words[j].start:words[k - 1].end])]
    cursor = k
    while cursor + 1 < len(words) and (
            words[cursor].lower in ("and",) or between(text, words[cursor - 1],
                                                       words[cursor]).strip() == ","):
        nxt = cursor + 1 if words[cursor].lower == "and" else cursor
        if nxt >= len(words) or not words[nxt].capital:
            break
        if not gaz.has_name(clean(words[nxt].text)):
            break
        names.append(clean(words[nxt].text))
        cursor = nxt + 1
    return names, cursor


def _resolve(text: str, words: list[Token], first: int, end: int, surface: str,
             phrase: str, names: list[str], direction: Token | None,
             gaz: Gazetteer) -> Mention:
    """Resolve a phrase to its places (offsets are set by the caller)."""
    if direction is not None:
        area = area_for_phrase(phrase, gaz)
        places = tuple(gaz.get(pid) for pid in area["place_id"].split("|")) if area else ()
        return Mention(0, 0, surface, places[0] if places else None, places,
                       "area" if area else "ambiguous", 0.9 if area else 0.0, "location",
                       phrase, (area["geometry"], area["geo_precision"]) if area else None)
    if len(names) > 1:
        places = tuple(p for p in (gaz.resolve(f"{n} oblast", kind="admin1").place
                                   for n in names) if p is not None)
        return Mention(0, 0, surface, places[0] if places else None, places, "regions",
                       0.95 if len(places) == len(names) else 0.3, "location", phrase)
    match = gaz.resolve(phrase)
    if match.place is not None and match.place.kind == "settlement" and \
            match.place.country not in THEATRE_WIDE and match.method != "exact":
        # Abroad only primary names count: aliases there include codes and nicknames.
        match = dataclasses.replace(match, place=None, status="unresolved", score=0.0,
                                    candidates=())
    if match.status == "group":
        places = tuple(c.place for c in match.candidates)
        return Mention(0, 0, surface, places[0], places, "regions", 1.0, "location", phrase)
    place = match.place
    kind = place.kind if place else "ambiguous"
    places = (place,) if place else tuple(c.place for c in match.candidates)
    return Mention(0, 0, surface, place, places, kind, match.score,
                   role(text, words, first, end, place), phrase)


def _disambiguate(mentions: list[Mention]) -> list[Mention]:
    """Resolve ambiguous names with the oblasts the rest of the article names."""
    context = {p.admin1 for m in mentions if m.role == "location" and m.confidence >= 0.6
               for p in m.places if p.admin1 and p.country == "UA"}
    out = []
    for mention in mentions:
        if mention.kind == "ambiguous" and mention.places and context:
            fitting = [p for p in mention.places if p.admin1 in context]
            if len(fitting) == 1:
                place = fitting[0]
                mention = dataclasses.replace(mention, place=place, places=(place,),
                                              kind=place.kind, confidence=0.6)
        out.append(mention)
    return out
