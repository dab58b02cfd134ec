"""Place mentions in text: gazetteer names found over word n-grams, grown into phrases, resolved.

Every normalised gazetteer name is a pattern: runs of up to ``_MAX_NGRAM`` capitalised words
are looked up in the gazetteer's name index, longest first. A match grows into its phrase
("Zaporizhzhia and Donetsk regions", "southeastern Zaporizhzhia", "western Ukraine near the
Polish border"), is resolved, given a role, and, when ambiguous, disambiguated with the oblasts
the rest of the article names.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from typing import Any

from .._collector import without_collector_pauses
from ..errors import UnknownPlaceError
from ..gazetteer import Gazetteer, Match, Place, area_for_phrase, skeleton
from ..vocab import DIRECTION_PATTERN, REGION_WORD_PATTERN, THEATRE_WIDE
from .context import Hints, hints_after, resolve_cached, river_after_the
from .hromadas import COMMUNITY_AFTER, centre_names
from .roles import NameContext, role, seat_role
from .rules import (
    FACILITY_MODIFIERS,
    FACILITY_NOUNS,
    SEATS_OF_GOVERNMENT,
    SKIP_SINGLE,
)
from .tokens import Token, between, clean, tokens

__all__ = ["Mention", "find_places"]

# The longest name looked up, in words.
_MAX_NGRAM = 6
# "the capital" means Kyiv in an article that names Kyiv.
_KYIV = "gn:703448"
# A dateline: a name opening a line, then "(Reuters)", ":", a dash, ", Country —", or a date
# (", May 3, 2024 —", ", Ukraine, Nov. 3 (AP) -").
_DATELINE = re.compile(r"\s*(?:\(|:|[—–]|-\s|,\s*[A-Z][\w ]{1,30}?\s*(?:\(|:|[—–])|"
                       r",\s*(?:[A-Z][\w ]{1,30}?,\s*)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                       r"Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\s*(?:\(|:|[—–]|-\s))")
# How far a dateline may be indented from the start of its line.
_DATELINE_INDENT = 40
# A possessive ending ("Ukraine's", "Russia’s"): outside a mention's span.
_POSSESSIVE = re.compile(r"[’'ʼ]s$")
# The longest list of names read as one phrase ("A, B, C and D regions"): a bound that keeps
# reading linear however long a list a text holds.
_MAX_LISTED = 16
# How many modifiers may stand between a name and its facility noun ("children's").
_FACILITY_MODIFIERS_MAX = 2


# "... near the Polish border" after a directional phrase ("western Ukraine").
_NEAR_BORDER = re.compile(r"\s*,?\s*near (?:the )?(?P<b>[A-Z][\w ]*?) border")
# The first words of the seats' names: no other word can start one.
_SEAT_FIRST_WORDS = frozenset(name.split(" ")[0] for name in SEATS_OF_GOVERNMENT)
# The compass words DIRECTION_PATTERN takes, in lower case (checked before the pattern).
_DIRECTIONS = frozenset(
    f"{point}{ending}" for point in ("north", "south", "east", "west", "northeast",
                                     "north-east", "northwest", "north-west", "southeast",
                                     "south-east", "southwest", "south-west", "central")
    for ending in ("", "ern"))


def _is_direction(word: str) -> bool:
    """Whether ``word`` is a compass word ("southern", "North-Eastern", "central")."""
    if word.isascii() and not word.endswith("\n"):
        return word.lower() in _DIRECTIONS
    # The pattern itself for case-folding beyond ASCII, and for the "$" before a newline.
    return DIRECTION_PATTERN.match(word) is not None


def _possessive_length(word: str) -> int:
    match = _POSSESSIVE.search(word)
    return len(match.group(0)) if match else 0


# Words after names that make them raions or city districts.
_DISTRICT_WORDS = frozenset(["district", "districts", "raion", "raions"])
# The city or oblast whose districts are named: "Kherson's X district", "X district of
# Kharkiv", "X district in the Zaporizhzhia region".
_POSSESSIVE_BEFORE = re.compile(
    r"(?<![\w’'])(?P<name>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)[’']s\s+$")
_OF_AFTER = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+(?:city\s+of\s+)?)?(?P<name>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?"
    r"(?: (?:region|oblast|Oblast|Region))?)")
# Words before a name that show it is a place, so a spelling variant may be looked up.
_PLACE_BEFORE = frozenset(["of", "in", "near", "outside", "village", "town", "city"])
# How sure the gazetteer must be of a spelling variant's town.
_VARIANT_MIN_SCORE = 0.5
# No hints beside a name.
_NO_HINTS = Hints()
# Kinds whose namesakes the article's other mentions help choose among.
_NAMESAKE_KINDS = ("settlement", "ambiguous")


# Stands for an article context that holds none of a name's candidates' oblasts.
_ELSEWHERE = frozenset({"elsewhere"})


def _relevant(context: frozenset[str], oblasts: set[str | None]) -> frozenset[str]:
    """The part of an article's oblasts that can change how a name's namesakes rank.

    Ranking asks only whether each candidate's oblast is in the context, and whether the
    context is empty: the oblasts of the candidates (``oblasts``) that are in the context
    say the same, with a code of no oblast when there are none. Articles about different
    places then share one resolution of a name instead of each resolving it again.
    """
    relevant = context & oblasts
    return relevant or (_ELSEWHERE if context else context)


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
    dateline : bool
        The name opens a line as a dateline ("KYIV (Reuters) -", "ODESA —"): where the
        report was filed, not where its events happened.
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
    dateline: bool = False


@without_collector_pauses
def find_places(text: str, *, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every place mention in ``text``, with offsets, resolution, kind, confidence and role.

    Multi-word names and aliases are found by looking up word n-grams (longest first) in the
    gazetteer's name index; region phrases ("Zaporizhzhia and Donetsk regions", "Russia's
    Kursk region") and directional phrases ("southeastern Zaporizhzhia", "western Ukraine
    near the EU border") become one mention each. Ordinary words, people's names that are
    towns somewhere ("Volodymyr Zelensky", "Senator Lindsey Graham"), outlets ("Kyiv
    Independent", "Interfax") and months are left out; capitals and countries standing for
    governments ("Moscow said", "Russia's defence ministry") are actors.

    Namesakes are chosen from context: the oblast or raion given beside the name ("X in
    Ukraine's Donetsk region", "X, Kupiansk district"), a town it is said to be near ("X,
    on the outskirts of Y"), then the oblasts the rest of the article is about.

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
    reader = _Reader(text, gazetteer or Gazetteer.default())
    mentions: list[Mention] = []
    starts = reader.starts()
    i = 0
    while i < len(starts):
        i = starts[i]  # the next word a mention can start at (len(words) after the last)
        if i >= len(starts):
            break
        found = reader.districts_at(i) or reader.match_at(i)
        if found is None:
            i += 1
            continue
        mention, i = found
        mentions += [m for m in mention if (m.places or m.kind in ("admin2", "facility"))
                     and m.role != "person"]
    return reader.with_article_context(mentions)


class _Reader:
    """One text's words and what has been learnt about them while reading."""

    def __init__(self, text: str, gaz: Gazetteer) -> None:
        self.text = text
        self.gaz = gaz
        self.words = tokens(text)
        self.names = NameContext(lowercase={lower for _, _, _, lower, capital in self.words
                                            if not capital})
        self.names_kyiv = re.search(r"\b(?:Kyiv|Kiev)\b", text) is not None
        self.cache: dict[tuple[str, Hints, frozenset[str]], Match] = {}
        # Names that the text placed with a hint: later bare mentions mean the same place.
        self.hinted: dict[str, Match] = {}

    def starts(self) -> list[int]:
        """For each word, the first word at or after it where a mention can start.

        Only at a capitalised word, "the" ("the capital") or a compass word ("southern"):
        :meth:`districts_at` and :meth:`match_at` find nothing at any other word, so the
        reader skips to the next such word without asking them. One list over the words,
        ``len(words)`` where none is left.
        """
        words = self.words
        nxt = [len(words)] * len(words)
        following = len(words)
        for i in range(len(words) - 1, -1, -1):
            text, _, _, lower, capital = words[i]
            if capital or lower == "the" or (
                    (lower in _DIRECTIONS or not text.isascii()) and _is_direction(text)):
                following = i
            nxt[i] = following
        return nxt

    def resolve(self, phrase: str, hints: Hints | None = None,
                context: frozenset[str] = frozenset()) -> Match:
        """Resolve a phrase with hints, once per phrase and hints (and per gazetteer)."""
        hints = hints or _NO_HINTS
        key = (phrase, hints, context)
        match = self.cache.get(key)
        if match is None:
            match = self.cache[key] = resolve_cached(self.gaz, phrase, hints, context)
        return match

    def districts_at(self, i: int) -> tuple[list[Mention], int] | None:
        """Raions or city districts named at word ``i``, one mention per district.

        "Kupiansk district", "Solomianskyi, Dniprovskyi and Holosiivskyi districts".
        """
        words, text = self.words, self.text
        names = [i]
        k = i
        while k + 2 < len(words) and words[k].capital and len(names) < _MAX_LISTED:
            gap = between(text, words[k], words[k + 1])
            if gap == ", " and words[k + 1].capital and words[k + 1].lower != "and":
                k += 1
            elif gap in (" ", ", ") and words[k + 1].lower == "and" and words[k + 2].capital:
                k += 2
            else:
                break
            names.append(k)
        if not words[i].capital or k + 1 >= len(words) or \
                words[k + 1].lower not in _DISTRICT_WORDS or \
                between(text, words[k], words[k + 1]) != " ":
            return None
        if len(names) > 1 and not words[k + 1].lower.endswith("s"):
            return None  # "Petropavlivka, Kupiansk district": a village, then its raion
        within = self._district_of(i, k + 1)
        found = []
        for n in names:
            place, score = self._raion(words[n].text, within)
            if place is None and len(names) == 1 and not self.gaz.has_name(words[n].text):
                return None
            # A raion the gazetteer lacks is still a raion, never the town it is named after.
            found.append(Mention(words[n].start, words[n].end, words[n].text, place,
                                 (place,) if place else (), "admin2", score, "location",
                                 f"{words[n].text} district"))
        return found, k + 2

    def _district_of(self, first: int, word: int) -> Place | None:
        """The city or oblast the districts named are said to be in, if any.

        "Kherson's X district", "X district of Kharkiv", "X and Y districts in Zaporizhzhia
        region"; ``first`` is the first district's word, ``word`` the word "district(s)".
        """
        words, text = self.words, self.text
        names = []
        before = text[max(0, words[first].start - 40):words[first].start]
        possessive = _POSSESSIVE_BEFORE.search(before)
        if possessive is not None:
            names.append(possessive.group("name"))
        after = _OF_AFTER.match(text, words[word].end)
        if after is not None:
            names.append(after.group("name"))
        for name in names:
            place = self.resolve(name).place
            if place is not None and place.kind in ("settlement", "admin1") and place.admin1:
                return place
        return None

    def _raion(self, name: str, within: Place | None = None) -> tuple[Place | None, float]:
        """The raion or city district called ``name``, and the confidence in it.

        "X district" and "X raion" are looked up; else a raion is named after its centre
        ("Izium district" is the raion of the town of Izium). A district said to be in a
        city or oblast (``within``) is one of its own or none: "Kherson's Dniprovskyi
        district" is not Kyiv's Dniprovskyi district.
        """
        phrases = [f"{name} {word}" for word in ("district", "raion")]
        if within is not None:
            phrases.insert(0, f"{name} district of {within.name}")
        for phrase in phrases:
            match = self.resolve(phrase)
            if match.place is not None and match.place.kind == "admin2" and (
                    within is None or match.place.admin1 == within.admin1):
                return match.place, match.score
        town = self.resolve(name).place
        if within is not None and (town is None or town.admin1 != within.admin1):
            return None, 0.0
        if town is not None and town.kind == "settlement" and town.admin2:
            with contextlib.suppress(UnknownPlaceError):
                raion = self.gaz.get(f"a2:{town.admin2}")
                if skeleton(raion.name)[:4] == skeleton(name)[:4]:
                    return raion, 0.8
        return None, 0.0

    def match_at(self, i: int) -> tuple[list[Mention], int] | None:
        """The mention starting at word ``i`` and the index of the word after it, if any."""
        text, words = self.text, self.words
        token = words[i]
        direction = None
        j = i
        if _is_direction(token.text) and i + 1 < len(words) and \
                words[i + 1].capital and between(text, token, words[i + 1]) == " ":
            direction, j = token, i + 1
        if words[j].lower == "the" and j + 1 < len(words) and words[j + 1].lower == "capital" \
                and self.names_kyiv:
            kyiv = self.gaz.get(_KYIV)
            return [Mention(words[j].start, words[j + 1].end,
                            text[words[j].start:words[j + 1].end], kyiv, (kyiv,),
                            "settlement", 0.8, "location", "Kyiv")], j + 2
        if not words[j].capital or words[j].lower == "the":
            return None
        run = 1  # n-grams never cross punctuation: how many words follow without any
        if self.gaz.begins_name(words[j].text):  # else no longer name starts here
            while run < _MAX_NGRAM and j + run < len(words) and \
                    between(text, words[j + run - 1], words[j + run]).strip(" ") in ("", "-"):
                run += 1
        seat = self._seat_at(j)
        if seat is not None:
            return seat
        for n in range(run, 0, -1):
            surface = clean(text[words[j].start:words[j + n - 1].end])
            if not self.gaz.has_name(surface):
                continue
            if n == 1 and self._ordinary(words[j]):
                return None
            return self._as_facility(j, j + n, self._grow(i, j, j + n, direction))
        return self._unknown_facility(j) or self._spelling_variant(i, j) or self._community(j)

    def _facility_end(self, k: int) -> int | None:
        """The word after a facility's head noun that follows a name ending at word ``k``.

        "Okhmatdyt children's hospital", "Zatoka shipyard", "Engels-2 airfield".
        """
        words, n = self.words, 0
        while k < len(self.words) and n <= _FACILITY_MODIFIERS_MAX and \
                between(self.text, words[k - 1], words[k]) == " ":
            if words[k].lower in FACILITY_NOUNS:
                return k + 1
            if words[k].lower not in FACILITY_MODIFIERS:
                return None
            k, n = k + 1, n + 1
        return None

    def _as_facility(self, j: int, k: int, grown: tuple[list[Mention], int]
                     ) -> tuple[list[Mention], int]:
        """A town's name followed by a facility noun is the facility, placed at the town."""
        (mention,), end = grown
        stop = self._facility_end(end) if end == k and mention.kind == "settlement" else None
        if stop is None:
            return grown
        words = self.words
        surface = self.text[words[j].start:words[stop - 1].end]
        return [dataclasses.replace(mention, end=words[stop - 1].end, surface=surface,
                                    kind="facility")], stop

    def _unknown_facility(self, j: int) -> tuple[list[Mention], int] | None:
        """A name the gazetteer lacks before a facility noun: an unplaced facility."""
        words, k = self.words, j + 1
        while k < len(words) and k - j < 3 and words[k].capital and \
                words[k].lower not in FACILITY_NOUNS and \
                between(self.text, words[k - 1], words[k]) == " ":
            k += 1
        stop = self._facility_end(k)
        if stop is None or words[j].lower in SKIP_SINGLE:
            return None
        surface = self.text[words[j].start:words[stop - 1].end]
        return [Mention(words[j].start, words[stop - 1].end, surface, None, (), "facility",
                        0.0, "location", clean(surface))], stop

    def _seat_at(self, j: int) -> tuple[list[Mention], int] | None:
        """A seat of government standing for it ("the Kremlin said"), if one starts at ``j``."""
        words = self.words
        first = words[j].text
        if first not in _SEAT_FIRST_WORDS and clean(first) not in _SEAT_FIRST_WORDS:
            return None  # no seat's name starts with this word
        for size in (2, 1):
            end = j + size
            if end > len(words):
                continue
            name = " ".join(w.text for w in words[j:end])
            if clean(name) not in SEATS_OF_GOVERNMENT:
                continue
            match = self.resolve(clean(name)) if self.gaz.has_name(clean(name)) else None
            place = match.place if match is not None else None
            return [Mention(words[j].start, words[end - 1].end - _possessive_length(
                words[end - 1].text), clean(name), place, (place,) if place else (),
                "facility", match.score if match else 0.0,
                seat_role(self.text, words, j, end), clean(name))], end
        return None

    def _spelling_variant(self, i: int, j: int) -> tuple[list[Mention], int] | None:
        """A town in another transliteration ("Krivyi Rig"), where the text says it is one.

        Only after "in", "near", "city of" and the like, and only a Ukrainian or Russian
        settlement that the gazetteer finds by its transliteration skeleton.
        """
        words = self.words
        if j == 0 or words[j - 1].lower not in _PLACE_BEFORE or len(words[j].text) < 5:
            return None
        k = j + 1
        if k < len(words) and words[k].capital and between(self.text, words[j], words[k]) == " ":
            k += 1
        phrase = clean(self.text[words[j].start:words[k - 1].end])
        found = self.gaz.candidates(phrase, fuzzy=False)
        top = found[0] if found else None
        if top is None or top.method != "skeleton" or top.score < _VARIANT_MIN_SCORE or \
                top.place.kind != "settlement" or top.place.country not in ("UA", "RU"):
            return None
        return self._grow(i, j, k, None)

    def _community(self, j: int) -> tuple[list[Mention], int] | None:
        """A community named by its adjective ("Chervonohryhorivska community"): its centre."""
        word = self.words[j]
        names = centre_names(word.text)
        if not names or COMMUNITY_AFTER.match(self.text, word.end, word.end + 120) is None:
            return None
        for name in names:
            match = self.resolve(name) if self.gaz.has_name(name) else None
            place = match.place if match is not None else None
            if place is not None and place.kind == "settlement" and place.country == "UA" \
                    and match is not None and match.method != "fuzzy":
                return [Mention(word.start, word.end, word.text, place, (place,),
                                "settlement", 0.9 * match.score, "location", name)], j + 1
        return None

    def _ordinary(self, word: Token) -> bool:
        """Whether a one-word name is an ordinary word here ("Still", "Hit", "Jan.")."""
        if word.lower in SKIP_SINGLE:
            return True
        shouting = word.text.isupper() and len(word.text) > 1
        return not shouting and word.text.lower() in self.names.lowercase


    def _grow(self, i: int, j: int, k: int, direction: Token | None
              ) -> tuple[list[Mention], int]:
        """Grow the name in ``words[j:k]`` into its phrase and resolve it."""
        text, words = self.text, self.words
        names, cursor = self._listed_names(j, k)
        end = k
        region_word = cursor < len(words) and REGION_WORD_PATTERN.match(words[cursor].text) \
            and between(text, words[cursor - 1], words[cursor]).strip() == ""
        if len(names) > 1 and region_word and words[cursor].lower.endswith("s"):
            end = cursor + 1
        elif len(names) > 1 and not region_word and words[cursor - 2].lower == "and" and \
                self._oblast_list(names):
            end = cursor  # "Dnipropetrovsk and Zaporizhzhia": the oblasts
        elif len(names) > 1:
            names = names[:1]
        elif region_word and words[k - 1].lower not in ("region", "oblast"):
            end = k + 1
        first = i if direction is not None else j
        stop = words[end - 1].end
        possessive = _POSSESSIVE.search(words[end - 1].text)
        if possessive is not None:
            stop -= len(possessive.group(0))  # "Ukraine's": the name without its 's
        near_border = _NEAR_BORDER.match(text[stop:stop + 60])
        surface = text[words[first].start:stop]
        phrase = clean(surface)
        if direction is not None and near_border:
            phrase = f"{phrase} near the {near_border.group('b')} border"
            surface = text[words[first].start:stop + near_border.end()]
        start = words[first].start
        mention = self._resolve(first, end, surface, phrase, names, direction)
        if direction is not None and not mention.places:
            return self._grow(j, j, k, None)  # "eastern Karlivka": the town itself
        # A new Mention rather than dataclasses.replace, which costs three times as much.
        return [Mention(start, start + len(surface), mention.surface, mention.place,
                        mention.places, mention.kind, mention.confidence, mention.role,
                        mention.phrase, mention.area, self._is_dateline(start, stop))], end

    def _oblast_list(self, names: list[str]) -> bool:
        """Whether a list of names without "regions" still names oblasts.

        It does when every name is an oblast's and one of them is not a town's own current
        name ("Dnipropetrovsk" is the oblast; the city is Dnipro).
        """
        oblasts = [self.gaz.resolve(f"{n} oblast", kind="admin1").place for n in names]
        if any(p is None for p in oblasts):
            return False
        bare = [self.resolve(n) for n in names]
        return any(m.place is None or m.place.kind == "admin1"
                   or skeleton(m.place.name) != skeleton(n) for n, m in zip(names, bare,
                                                                            strict=True))

    def _is_dateline(self, start: int, stop: int) -> bool:
        """Whether the name opens a line and is followed by a dateline's punctuation."""
        # Only a few characters back are read: a long line costs no more than a short one.
        window = self.text[max(0, start - _DATELINE_INDENT):start]
        if window.rpartition("\n")[2].strip() or (start > _DATELINE_INDENT
                                                   and "\n" not in window):
            return False
        return _DATELINE.match(self.text, stop, stop + 45) is not None

    def _listed_names(self, j: int, k: int) -> tuple[list[str], int]:
        """The names of "X and Y regions" / "X, Y and Z oblasts", and the word after them."""
        text, words = self.text, self.words
        names = [clean(text[words[j].start:words[k - 1].end])]
        cursor = k
        while cursor + 1 < len(words) and len(names) < _MAX_LISTED and (
                words[cursor].lower in ("and",) or between(text, words[cursor - 1],
                                                           words[cursor]).strip() == ","):
            nxt = cursor + 1 if words[cursor].lower == "and" else cursor
            if nxt >= len(words) or not words[nxt].capital:
                break
            if not self.gaz.has_name(clean(words[nxt].text)):
                break
            names.append(clean(words[nxt].text))
            cursor = nxt + 1
        return names, cursor

    def _resolve(self, first: int, end: int, surface: str, phrase: str, names: list[str],
                 direction: Token | None) -> Mention:
        """Resolve a phrase to its places (offsets are set by the caller)."""
        gaz = self.gaz
        if direction is not None:
            area = area_for_phrase(phrase, gaz)
            places = tuple(gaz.get(pid) for pid in area["place_id"].split("|")) if area else ()
            return Mention(0, 0, surface, places[0] if places else None, places,
                           "area" if area else "ambiguous", 0.9 if area else 0.0, "location",
                           phrase, (area["geometry"], area["geo_precision"]) if area else None)
        if len(names) > 1:
            if not REGION_WORD_PATTERN.match(self.words[end - 1].text):
                phrase = f"{', '.join(names[:-1])} and {names[-1]} regions"
            places = tuple(p for p in (gaz.resolve(f"{n} oblast", kind="admin1").place
                                       for n in names) if p is not None)
            return Mention(0, 0, surface, places[0] if places else None, places, "regions",
                           0.95 if len(places) == len(names) else 0.3, "location", phrase)
        match = river_after_the(self.text, self.words[first].start, phrase, gaz) or \
            self._match(phrase, self.words[end - 1].end)
        if not match.candidates and names[0] != phrase:
            match = self._match(names[0], self.words[end - 1].end)  # "Donbas region"
        if match.status == "group":
            places = tuple(c.place for c in match.candidates)
            return Mention(0, 0, surface, places[0], places, "regions", 1.0, "location",
                           phrase)
        place = match.place
        kind = place.kind if place else "ambiguous"
        places = (place,) if place else tuple(c.place for c in match.candidates)
        return Mention(0, 0, surface, place, places, kind, match.score,
                       role(self.text, self.words, first, end, place, self.names), phrase)

    def _match(self, phrase: str, stop: int) -> Match:
        """The phrase resolved, with the oblast, raion or town the text places it by."""
        match = self.resolve(phrase)
        best = match.place or match.best
        if best is not None and best.kind not in ("country", "admin1", "admin2"):
            hints = hints_after(self.text, stop, self.gaz)
            if hints:
                match = self.hinted[phrase] = self.resolve(phrase, hints)
            elif phrase in self.hinted:
                match = self.hinted[phrase]
        if match.place is not None and match.place.kind == "settlement" and \
                match.place.country not in THEATRE_WIDE and match.method != "exact":
            # Abroad only primary names count: aliases there include codes and nicknames.
            match = dataclasses.replace(match, place=None, status="unresolved", score=0.0,
                                        candidates=())
        return match

    def with_article_context(self, mentions: list[Mention]) -> list[Mention]:
        """Choose again among namesakes, preferring the oblasts the article is about.

        The oblasts come from the article's region mentions (a namesake in one of them wins
        outright) and its unambiguous towns (namesakes in their oblasts are preferred); a
        mention that the text placed itself (an oblast named beside it) keeps its place.
        """
        theatre = ("UA", "RU")
        named = frozenset(p.admin1 for m in mentions if m.role != "name_part"
                          and m.kind in ("admin1", "regions", "area")
                          for p in m.places if p.admin1 and p.country in theatre)
        context = named | frozenset(
            p.admin1 for m in mentions if m.role != "name_part" and m.confidence >= 0.6
            and m.kind in ("settlement", "admin2")
            for p in m.places if p.admin1 and p.country in theatre)
        if not context:
            return mentions
        out = []
        chosen: dict[str, tuple[Place, float] | None] = {}  # per phrase: mentions repeat
        for mention in mentions:
            phrase = mention.phrase
            if mention.kind in _NAMESAKE_KINDS and phrase not in self.hinted:
                if phrase not in chosen:
                    chosen[phrase] = self._in_context(phrase, named, context)
                choice = chosen[phrase]
                if choice is not None:
                    place, confidence = choice
                    mention = dataclasses.replace(mention, place=place, places=(place,),
                                                  kind=place.kind, confidence=confidence)
            out.append(mention)
        return out

    def _in_context(self, phrase: str, named: frozenset[str], context: frozenset[str]
                    ) -> tuple[Place, float] | None:
        """The place and confidence of a namesake resolved again with the article's oblasts.

        None when the phrase has one candidate or fewer, or the context chooses none.
        """
        match = self.cache.get((phrase, _NO_HINTS, frozenset()))
        if match is None or len(match.candidates) < 2:
            return None
        oblasts = {c.place.admin1 for c in match.candidates}
        inside = oblasts & named
        hints = Hints(admin1=inside.pop()) if len(inside) == 1 else _NO_HINTS
        match = self.resolve(phrase, hints, _relevant(context, oblasts))
        place, confidence = match.place, match.score
        if place is None:
            fitting = [c.place for c in match.candidates if c.place.admin1 in context]
            place, confidence = (fitting[0], 0.6) if len(fitting) == 1 else (None, 0.0)
        return None if place is None else (place, confidence)
