"""Article text to place mentions and candidate events, each with the sentence it came from.

Offline and rule-based: the gazetteer drives recognition (every normalised name is a pattern,
matched over word n-grams of the text), and small explicit rule tables decide event types,
figures, dates and attribution. Every event keeps its sentence and character offsets so a
person can review it in seconds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from typing import TYPE_CHECKING, Any

from ..gazetteer import Gazetteer, Place

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["Mention", "Sentence", "events_from_text", "extract_events", "find_places",
           "publication_date", "sentences"]

# ---------------------------------------------------------------------------------- tables
_WORD = re.compile(r"[^\W\d_](?:[\w’'ʼ\-]*\w)?", re.UNICODE)
_MAX_NGRAM = 6
_DIRECTION = re.compile(
    r"^(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)"
    r"(?:ern)?$", re.I)
_REGION_WORD = re.compile(r"^(?:region|regions|oblast|oblasts|province|provinces)$", re.I)
_LOCATIVE = {"in", "on", "at", "near", "over", "into", "against", "outside", "across",
             "around", "from", "to", "toward", "towards", "inside", "of", "hit", "struck",
             "targeting", "targeted", "attacked", "shelled", "village", "town", "city"}
_ACTOR_VERBS = {
    "said", "says", "say", "used", "uses", "launched", "launches", "announced", "announces",
    "claimed", "claims", "accused", "accuses", "has", "have", "had", "is", "was", "will",
    "would", "did", "does", "continues", "continued", "presses", "pressed", "absorbs",
    "tries", "tried", "kept", "keeps", "denied", "denies", "warned", "warns", "stated",
    "responded", "rejected", "demanded", "demands", "agreed", "signaled", "signalled",
    "reiterated", "insists", "insisted", "maintained", "maintains", "prepared", "reported",
    "gained", "occupies", "took", "takes", "cannot", "can", "could", "must", "should",
    "also", "to", "respond", "carried", "expanded",
}
_ACTOR_BEFORE = {"forcing", "forced", "urged", "urging", "told", "pressed", "pressing",
                 "between", "and"}
# Place names that are also the first word of an organisation or outlet's name.
_NAME_FOLLOWERS = {"matters", "independent", "post", "times", "today", "pravda", "insider",
                   "daily", "herald", "news", "ministry", "government", "council", "coalition",
                   "group", "institute", "center", "centre", "foundation", "fund", "forum"}
_SKIP_SINGLE = {"president", "reuters", "kremlin", "nato", "tridon", "patriot", "oreshnik",
                "rtx", "isw", "coalition", "european", "western", "eastern", "northern",
                "southern", "russian", "ukrainian", "senator", "minister", "officials"}

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12,
    "a dozen": 12,
}
_NUM = (r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|a dozen|dozen|" + "|".join(
    sorted((k for k in _NUMBER_WORDS if k not in ("a", "an", "dozen", "a dozen")),
           key=len, reverse=True)) + r")")
_KILLED = [
    re.compile(r"\b(?:killing|killed|kills|kill)\s+(?:at least\s+|more than\s+|over\s+)?"
               + _NUM + r"\b(?!-year)", re.I),
    re.compile(r"\b(?:at least\s+|more than\s+)?" + _NUM
               + r"\s+(?:people|civilians|persons|residents)?\s*(?:were\s+|have been\s+)?"
               r"(?:killed|dead|died)\b", re.I),
]
_INJURED = [
    re.compile(r"\b(?:injuring|injured|wounding|wounded|injures|wounds)\s+"
               r"(?:at least\s+|more than\s+|over\s+)?" + _NUM + r"\b(?!-year)", re.I),
    re.compile(r"\b(?:at least\s+|more than\s+)?" + _NUM
               + r"\s+(?:people|civilians|persons|residents|others)?\s*"
               r"(?:were\s+|have been\s+)?(?:injured|wounded|hurt)\b", re.I),
]
_QUANTITY = re.compile(
    r"\b(?:(?:over|more than|nearly|about|around|at least|almost|some)\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+|hundreds|dozens|thousands|tens)\s+(?:of\s+)?"
    r"(?:(?:guided|aerial|glide|ballistic|cruise|interceptor|apartment|residential|power)\s+)?"
    r"(?:drones|missiles|bombs|buildings|blocks|generators|shells|rockets)\b", re.I)

# Event type rules: (type, pattern), the first that matches wins, after the means rules.
_MEANS = {
    "missile": re.compile(r"\bmissiles?\b|\bballistic\b|\bOreshnik\b", re.I),
    "drone": re.compile(r"\bdrones?\b|\bUAVs?\b|\bShaheds?\b", re.I),
    "bomb": re.compile(r"\b(?:glide|guided|aerial)\s+bombs?\b|\bKABs?\b", re.I),
    "shelling": re.compile(r"\bshelling\b|\bartillery\b|\bshelled\b", re.I),
}
_STRIKE_VERB = re.compile(
    r"\b(?:strikes?|struck|hit|attacks?|attacked|barrage|bombardments?|assault|shelling|"
    r"launched|targeted|targeting|damaged?|used|use of)\b", re.I)
_CAPTURE = re.compile(
    r"\b(?:taken|took|taking|captured?|capturing|seized?|occupied|liberated|took control)\b",
    re.I)
_ADVANCE = re.compile(r"\b(?:gained|gains?|advanced|advances)\b.*\b(?:square (?:miles|kilo"
                      r"metres|kilometers)|km2|sq)\b", re.I)
_FOOTHOLD = re.compile(r"\b(?:foothold|incursion)\b", re.I)
_INFRA = re.compile(
    r"\bwithout (?:heat|heating|power|electricity|water)\b|\bpower outages?\b|\bblackouts?\b|"
    r"\benergy (?:facilities|infrastructure|system)\b|\bheating (?:facilities|supplies)\b|"
    r"\bpower (?:and heating )?(?:facilities|plants?|grid|lines)\b|\bdisrupted electricity\b",
    re.I)
_DIPLOMACY = re.compile(
    r"\b(?:talks|negotiations|summit|peace (?:proposal|plan|deal)|ceasefire|meeting|"
    r"visit to|visited|during a visit)\b", re.I)
_AID = re.compile(
    r"\b(?:aid package|military aid|delivery of|deliver(?:ies)?|to buy and deliver|"
    r"generators|package focused)\b", re.I)
_CIVILIAN_HARM = re.compile(r"\b(?:killed|killing|dead|deaths|injured|injuring|wounded)\b", re.I)
_HEADER_DATE = re.compile(
    r"^\s*(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})\s*$", re.M)
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_ON_DATE = re.compile(
    r"\b(?:on\s+)?(?P<month>January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?\b", re.I)
_RANGE = re.compile(
    r"\bbetween (?P<m1>January|February|March|April|May|June|July|August|September|October|"
    r"November|December) (?P<d1>\d{1,2})(?:,? (?P<y1>\d{4}))? and (?P<m2>January|February|"
    r"March|April|May|June|July|August|September|October|November|December) (?P<d2>\d{1,2})",
    re.I)
_MONTH_PART = re.compile(
    r"\b(?P<part>(?:at the )?(?:end|beginning|start|middle) of|early|mid|late|in early|"
    r"in mid|in late)[\s-]+(?P<month>January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b", re.I)

# Attribution: (pattern, status, claimant) — the claimant group is used when present.
_ATTRIBUTION = [
    (re.compile(r"\b(?P<who>Russian (?:state media|defen[cs]e ministry|ministry of defen[cs]e|"
                r"MoD|officials|authorities|forces))\s+(?:said|say|says|claimed|reported|"
                r"announced)", re.I), "claimed"),
    (re.compile(r"\b(?P<who>Russia|Moscow)\s+(?:also\s+)?(?:claimed|claims|announced)", re.I),
     "claimed"),
    (re.compile(r"\b(?P<who>Ukrainian (?:officials|authorities|military|air force|"
                r"assessments?|president))\s+(?:said|say|says|reported|described|suggested)",
                re.I), "reported"),
    (re.compile(r"\b(?P<who>Ukraine|Kyiv)\s+(?:said|says|called|reported)", re.I), "reported"),
    (re.compile(r"\b(?P<who>authorities|officials)\s+(?:said|say|described|reported)", re.I),
     "reported"),
    (re.compile(r"\baccording to (?P<who>(?:the )?[A-Z][\w’']+(?:\s+[A-Z][\w’']+)*)"),
     "reported"),
    (re.compile(r"\b(?P<who>Reuters|AP|AFP|ISW)\s+(?:reported|reporting|said)", re.I),
     "reported"),
]
_UNCONFIRMED = re.compile(r"could not (?:be )?independently (?:confirm|verif)|"
                          r"not independently (?:confirmed|verified)|unverified", re.I)
_CONFIRMED = re.compile(r"\bconfirmed\b", re.I)


# ---------------------------------------------------------------------------------- records
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
        ``settlement``, ``admin1``, ``admin2``, ``country``, ``facility``, ``regions``
        (several admin-1 units), ``area`` (a directional part) or ``ambiguous``.
    confidence : float
        The gazetteer's confidence, lowered for weak contexts.
    role : str
        ``location``, ``actor`` (a capital or country standing for its government) or
        ``name_part`` (inside another name such as an outlet's).
    phrase : str
        The text to geocode: the surface with possessives and punctuation cleaned.
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


@dataclasses.dataclass(frozen=True)
class Sentence:
    """A sentence (or line) of the text with its offsets and whether it is page noise."""

    start: int
    end: int
    text: str
    noise: bool
    paragraph: int = 0


@dataclasses.dataclass
class _Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().rstrip("’'ʼ")

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


# ---------------------------------------------------------------------------------- sentences
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z\u0400-\u042f0-9])")
_ABBREV = re.compile(r"\b(?:U\.S|U\.K|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|No|approx|e\.g|i\.e)\.$")


def _is_noise(line: str) -> bool:
    words = _WORD.findall(line)
    if len(words) < 6:
        return True
    if not re.search(r"[.!?:;”\"]\s*$", line.strip()) and len(words) < 16:
        return True  # headlines, menus, teasers
    if sum(1 for c in line if not c.isascii() and not ("\u0400" <= c <= "\u04ff")
           and c not in "’‘“”—–…€£°") > 2:
        return True  # mojibake or another script's menu
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised / len(words) > 0.6  # title-case headline


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences with offsets, marking page furniture as noise.

    Lines that look like menus, language pickers, headlines or mojibake are ``noise``.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Sentence
    """
    out = []
    for paragraph, line in enumerate(re.finditer(r"[^\n]+", text)):
        body = line.group(0)
        if not body.strip():
            continue
        noise = _is_noise(body)
        start = 0
        for match in _SENTENCE_END.finditer(body):
            if _ABBREV.search(body[: match.start()]):
                continue
            piece = body[start:match.start()]
            if piece.strip():
                out.append(Sentence(line.start() + start, line.start() + match.start(),
                                    piece, noise, paragraph))
            start = match.end()
        piece = body[start:].rstrip()
        if piece.strip():
            out.append(Sentence(line.start() + start, line.start() + start + len(piece),
                                piece, noise, paragraph))
    return out


# ---------------------------------------------------------------------------------- places
def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def _clean(surface: str) -> str:
    return re.sub(r"[’'ʼ]s$", "", surface.strip(" ,.;:")).strip()


def _between(text: str, a: _Token, b: _Token) -> str:
    return text[a.end:b.start]


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
    tokens = _tokens(text)
    lowercase_words = {t.text.lower() for t in tokens if not t.capital}
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = _match_at(text, tokens, i, gaz, lowercase_words)
        if found is None:
            i += 1
            continue
        mention, i = found
        mentions.append(mention)
    mentions = [m for m in mentions if m.places]
    return _disambiguate(text, mentions, gaz)


def _match_at(text: str, tokens: list[_Token], i: int, gaz: Gazetteer,
              lowercase_words: set[str]) -> tuple[Mention, int] | None:
    token = tokens[i]
    direction = None
    j = i
    if _DIRECTION.match(token.text) and i + 1 < len(tokens) and tokens[i + 1].capital and \
            _between(text, token, tokens[i + 1]) == " ":
        direction, j = token, i + 1
    if tokens[j].lower == "the" and j + 1 < len(tokens) and tokens[j + 1].lower == "capital" \
            and re.search(r"\b(?:Kyiv|Kiev)\b", text):
        kyiv = gaz.get("gn:703448")
        return Mention(tokens[j].start, tokens[j + 1].end, text[tokens[j].start:tokens[j + 1].end],
                       kyiv, (kyiv,), "settlement", 0.8, "location", "Kyiv"), j + 2
    if not tokens[j].capital or tokens[j].lower == "the":
        return None
    for n in range(min(_MAX_NGRAM, len(tokens) - j), 0, -1):
        span = tokens[j:j + n]
        if any(_between(text, a, b).strip(" ") not in ("", "-") for a, b in
               itertools.pairwise(span)):
            continue  # n-grams never cross punctuation
        surface = _clean(text[span[0].start:span[-1].end])
        if not gaz.has_name(surface):
            continue
        if n == 1 and (span[0].lower in _SKIP_SINGLE or span[0].text.lower() in
                       lowercase_words):
            return None
        return _build(text, tokens, i, j, j + n, direction, gaz)
    return None


def _build(text: str, tokens: list[_Token], i: int, j: int, k: int, direction: _Token | None,
           gaz: Gazetteer) -> tuple[Mention, int]:
    """Grow a matched name into its phrase and resolve it."""
    names = [_clean(text[tokens[j].start:tokens[k - 1].end])]
    end = k
    # "X and Y regions" / "X, Y and Z oblasts"
    cursor = k
    while cursor + 1 < len(tokens) and (
            tokens[cursor].lower in ("and",) or _between(text, tokens[cursor - 1],
                                                         tokens[cursor]).strip() == ","):
        nxt = cursor + 1 if tokens[cursor].lower == "and" else cursor
        if nxt >= len(tokens) or not tokens[nxt].capital:
            break
        if not gaz.has_name(_clean(tokens[nxt].text)):
            break
        names.append(_clean(tokens[nxt].text))
        cursor = nxt + 1
    region_word = cursor < len(tokens) and _REGION_WORD.match(tokens[cursor].text) and \
        _between(text, tokens[cursor - 1], tokens[cursor]).strip() == ""
    if len(names) > 1 and region_word and tokens[cursor].lower.endswith("s"):
        end = cursor + 1
    elif len(names) > 1:
        names = names[:1]
    elif region_word and tokens[k - 1].lower not in ("region", "oblast"):
        end = k + 1
    start_tok = i if direction is not None else j
    surface = text[tokens[start_tok].start:tokens[end - 1].end]
    near_border = re.match(r"\s*,?\s*near (?:the )?(?P<b>[A-Z][\w ]*?) border", text[
        tokens[end - 1].end:tokens[end - 1].end + 60])
    phrase = _clean(surface)
    if direction is not None and near_border:
        phrase = f"{phrase} near the {near_border.group('b')} border"
        surface = text[tokens[start_tok].start:tokens[end - 1].end + near_border.end()]
    start = tokens[start_tok].start
    mention = _resolve_mention(text, tokens, start_tok, end, surface, phrase, names,
                               direction, gaz)
    return dataclasses.replace(mention, start=start, end=start + len(surface)), end


def _resolve_mention(text: str, tokens: list[_Token], first: int, end: int, surface: str,
                     phrase: str, names: list[str], direction: _Token | None,
                     gaz: Gazetteer) -> Mention:
    from ..gazetteer.areas import area_for_phrase

    if direction is not None:
        area = area_for_phrase(phrase, gaz)
        places = tuple(gaz.get(pid) for pid in area["place_id"].split("|")) if area else ()
        return Mention(0, 0, surface, places[0] if places else None, places,
                       "area" if area else "ambiguous", 0.9 if area else 0.0, "location",
                       phrase)
    if len(names) > 1:
        places = tuple(p for p in (gaz.resolve(f"{n} oblast", kind="admin1").place
                                   for n in names) if p is not None)
        return Mention(0, 0, surface, places[0] if places else None, places, "regions",
                       0.95 if len(places) == len(names) else 0.3, "location", phrase)
    match = gaz.resolve(phrase)
    if match.place is not None and match.place.kind == "settlement" and \
            match.place.country not in ("UA", "RU", "BY", "MD") and match.method != "exact":
        # Abroad only primary names count: aliases there include codes and nicknames.
        match = dataclasses.replace(match, place=None, status="unresolved", score=0.0,
                                    candidates=())
    if match.status == "group":
        places = tuple(c.place for c in match.candidates)
        return Mention(0, 0, surface, places[0], places, "regions", 1.0, "location", phrase)
    place = match.place
    kind = place.kind if place else "ambiguous"
    role = _role(text, tokens, first, end, place)
    places = (place,) if place else tuple(c.place for c in match.candidates)
    return Mention(0, 0, surface, place, places, kind, match.score, role, phrase)


def _role(text: str, tokens: list[_Token], first: int, end: int, place: Place | None) -> str:
    after = tokens[end] if end < len(tokens) else None
    before = tokens[first - 1] if first > 0 else None
    tight_after = after is not None and _between(text, tokens[end - 1], after) == " "
    if after is not None and tight_after and after.capital and after.lower in _NAME_FOLLOWERS:
        return "name_part"
    if before is not None and _between(text, before, tokens[first]) == " " and before.capital \
            and before.lower in ("the",) and after is not None and after.capital:
        return "name_part"
    if place is not None and place.kind in ("country", "settlement") and after is not None \
            and tight_after and after.capital and not _REGION_WORD.match(after.text):
        return "name_part"  # "Volodymyr Zelensky", "Russia Matters", "Ana Dumbadze"
    window = text[max(0, before.start - 12):before.start] if before is not None else ""
    sentence_start = before is None or not window.strip() or \
        re.search(r"[.!?\n]\s*$", window) is not None
    if before is not None and before.capital and before.lower not in _LOCATIVE and \
            _between(text, before, tokens[first]) == " " and place is not None and \
            place.kind == "settlement" and not sentence_start:
        return "name_part"  # "Senator Lindsey Graham", "President Volodymyr ..."
    if place is None or place.kind not in ("country", "settlement"):
        return "location"
    is_capital_or_country = place.kind == "country" or place.population >= 1_000_000
    if not is_capital_or_country:
        return "location"
    possessive = re.match(r"[’'ʼ]s\b", text[tokens[end - 1].end - 2:tokens[end - 1].end]) is \
        not None
    if before is not None and before.lower in _LOCATIVE:
        return "location"
    if after is not None and after.lower in _ACTOR_VERBS and not possessive:
        return "actor"
    if before is not None and before.lower in _ACTOR_BEFORE and after is not None and \
            after.lower in ("to", "and", "have", "has"):
        return "actor"
    return "location"


def _disambiguate(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
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


# ---------------------------------------------------------------------------------- events
def publication_date(text: str) -> dt.date | None:
    """A publication date written on a line of its own near the top ("January 10, 2026")."""
    head = "\n".join(text.splitlines()[:15])
    match = _HEADER_DATE.search(head)
    if not match:
        return None
    return dt.date(int(match.group("year")), _MONTHS[match.group("month").lower()],
                   int(match.group("day")))


def _number(value: str) -> int:
    value = value.lower().replace(",", "")
    return int(value) if value.isdigit() else _NUMBER_WORDS[value]


def _figure(patterns: list[re.Pattern[str]], sentence: str) -> int | None:
    for pattern in patterns:
        match = pattern.search(sentence)
        if match:
            return _number(match.group("num"))
    return None


def _event_date(sentence: str, published: dt.date | None,
                previous: tuple[str, str] | None) -> tuple[str, str] | None:
    """Date and precision of what a sentence reports, resolved against the publication."""
    year = published.year if published else None
    span = _RANGE.search(sentence)
    if span and (span.group("y1") or year):
        y = int(span.group("y1") or year or 0)
        first = dt.date(y, _MONTHS[span.group("m1").lower()], int(span.group("d1")))
        last = dt.date(y, _MONTHS[span.group("m2").lower()], int(span.group("d2")))
        return first.isoformat(), "week" if (last - first).days <= 7 else "month"
    match = _ON_DATE.search(sentence)
    if match and (match.group("year") or year):
        month = _MONTHS[match.group("month").lower()]
        y = int(match.group("year") or year or 0)
        if not match.group("year") and published and month > published.month:
            y -= 1
        return dt.date(y, month, int(match.group("day"))).isoformat(), "day"
    match = _MONTH_PART.search(sentence)
    if match and year:
        month = _MONTHS[match.group("month").lower()]
        y = year - 1 if published and month > published.month else year
        part = match.group("part").lower()
        if "end" in part or "late" in part:
            last = (dt.date(y + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
            monday = last - dt.timedelta(days=last.weekday())
            return monday.isoformat(), "week"
        if "early" in part or "beginning" in part or "start" in part:
            return dt.date(y, month, 1).isoformat(), "week"
        return dt.date(y, month, 1).isoformat(), "month"
    if published is None:
        return previous
    lowered = sentence.lower()
    if re.search(r"\b(?:overnight|last night|yesterday)\b", lowered):
        return (published - dt.timedelta(days=1)).isoformat(), "day"
    if re.search(r"\btoday\b|\bthis morning\b", lowered):
        return published.isoformat(), "day"
    if re.search(r"\bdays later\b", lowered) and previous:
        return previous[0], "week"
    if previous:
        return previous
    week_start = published - dt.timedelta(days=published.weekday() + 7)
    return week_start.isoformat(), "week"


def _event_type(sentence: str, locations: list[Mention]) -> str | None:
    means = {name for name, pattern in _MEANS.items() if pattern.search(sentence)}
    russia = any(p.country == "RU" for m in locations for p in m.places) and \
        not any(p.country == "UA" for m in locations for p in m.places if p.kind != "country")
    if _FOOTHOLD.search(sentence):
        return "incursion"
    if _ADVANCE.search(sentence):
        return "territorial_change"
    if _CAPTURE.search(sentence) and re.search(r"\b(?:villages?|towns?|settlements?|city)\b",
                                               sentence, re.I):
        return "territorial_claim"
    abroad = bool(locations) and all(p.country not in _THEATRE for m in locations
                                     for p in m.places)
    if abroad:
        if _DIPLOMACY.search(sentence):
            return "diplomacy"
        return "aid" if _AID.search(sentence) else None
    if means and _STRIKE_VERB.search(sentence):
        if russia:
            return "cross_border_strike"
        if len(means) >= 2 and means != {"shelling", "bomb"}:
            return "combined_strike"
        if "shelling" in means:
            return "shelling"
        return {"missile": "missile_strike", "drone": "drone_strike",
                "bomb": "glide_bomb"}[means.pop()]
    if _INFRA.search(sentence):
        return "infrastructure_damage"
    if _CIVILIAN_HARM.search(sentence) and re.search(r"\bstrikes?\b|\battacks?\b", sentence,
                                                     re.I):
        return "cross_border_strike" if russia else "civilian_casualties"
    if _DIPLOMACY.search(sentence):
        return "diplomacy"
    if _AID.search(sentence):
        return "aid"
    return None


def _attribution(sentence: str, following: str, event_type: str) -> tuple[str, str | None]:
    """Status and claimant of a sentence's event.

    A side's claim of ground, or anything nobody could verify, is ``claimed``; an
    independently confirmed fact ``confirmed``; the rest ``reported``.
    """
    status, claimant = "reported", None
    for pattern, found_status in _ATTRIBUTION:
        match = pattern.search(sentence)
        if match:
            claimant = match.group("who")
            if found_status == "claimed" and event_type == "territorial_claim":
                status = "claimed"
            break
    if event_type == "territorial_claim" or _UNCONFIRMED.search(sentence) or \
            _UNCONFIRMED.search(following):
        status = "claimed"
    elif _CONFIRMED.search(sentence) or _CONFIRMED.search(following):
        status = "confirmed"
    return status, claimant


def _actor(sentence: Sentence, event_type: str, mentions: list[Mention]) -> str | None:
    actors = [m.place.name for m in mentions if m.role == "actor" and m.place is not None]
    first = next((m.place for m in mentions if m.start == sentence.start
                  and m.place is not None and m.kind == "country"), None)
    if first is not None:
        return first.name  # "Ukraine, meanwhile, kept a foothold..."
    if actors:
        return "; ".join(dict.fromkeys(actors))
    lowered = sentence.text.lower()
    if event_type in ("cross_border_strike",) or re.search(r"\bukrain(?:e|ian)(?:’s|'s)? (?:own "
                                                          r")?(?:long-range|drone)", lowered):
        return "Ukraine"
    if re.search(r"\brussia(?:n)?\b", lowered) and event_type not in ("diplomacy", "aid"):
        return "Russia"
    return None


def _best_locations(mentions: list[Mention]) -> list[Mention]:
    located = [m for m in mentions if m.role == "location" and m.places]
    specific = [m for m in located if m.kind in ("settlement", "facility", "admin2")]
    if specific:
        return specific
    areas = [m for m in located if m.kind in ("area", "regions", "admin1")]
    if areas:
        return areas
    return [m for m in located if m.kind == "country"][:1]


_CUE = re.compile(
    r"\b(?:overnight|last night|yesterday|today|this morning|square (?:miles|kilomet(?:re|er)s)|"
    r"killed|killing|injured|injuring|wounded|hundreds|dozens|thousands)\b|\d", re.I)
_THEATRE = ("UA", "RU")


def _has_cue(sentence: str, event_type: str) -> bool:
    """Whether a country-level sentence reports a datable, countable event."""
    return event_type == "aid" or (event_type != "diplomacy" and bool(_CUE.search(sentence)))


def _event_locations(event_type: str, mentions: list[Mention], actor: str | None,
                     gaz: Gazetteer) -> list[Mention]:
    """The places an event is drawn at, by the kind of event."""
    located = _best_locations(mentions)
    if event_type == "diplomacy":
        return [m for m in located if m.kind == "settlement"]  # a venue, or nothing
    if event_type == "aid":
        donors = [m for m in mentions if m.role == "actor" and m.place is not None
                  and m.place.country not in _THEATRE and m.kind == "country"]
        given = [m for m in mentions if m.kind == "country" and m.place is not None
                 and m.place.country not in _THEATRE]
        return sorted(donors + given, key=lambda m: m.start)[:1]
    located = [m for m in located if any(p.country in _THEATRE for p in m.places)]
    if located:
        return located
    country = {"Russia": "c:UA", "Ukraine": "c:RU"}.get(actor or "")
    if country is None:
        return []
    place = gaz.get(country)
    return [Mention(0, 0, place.name, place, (place,), "country", 0.5, "location",
                    place.name)]


def extract_events(text: str, *, published: str | dt.date | None = None,
                   source: str | None = None, url: str | None = None,
                   gazetteer: Gazetteer | None = None) -> gpd.GeoDataFrame:
    """Propose the events an article reports, in the event schema, with provenance.

    Each sentence that reports a strike, damage, casualties, a claimed or assessed change of
    territory, a cross-border strike, an incursion, diplomacy or aid becomes an event per
    place it names (the most specific places of the sentence), with its figures (killed,
    injured, quantities of means), its date resolved against the publication date, its
    status and claimant ("Russian state media said" -> claimed), and the exact sentence and
    its offsets. Page furniture (menus, headlines, mojibake) yields nothing.

    Parameters
    ----------
    text : str
    published : str or date, optional
        Publication date (``YYYY-MM-DD``); found in the text's header when it carries one.
    source, url : str, optional
        Outlet and address, copied to every event.
    gazetteer : Gazetteer, optional

    Returns
    -------
    geopandas.GeoDataFrame
        Event schema plus ``sentence``, ``sentence_start``, ``sentence_end``, ``mention``,
        ``quantity`` and ``extraction_confidence``.

    Raises
    ------
    EventSchemaError
        When an event's date cannot be known: pass ``published``.
    """
    import warnings

    from ..errors import EventSchemaError, UnresolvedPlaceWarning
    from ..events import empty_events, events_from_records

    gaz = gazetteer or Gazetteer.default()
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            msg = f"published must be a date YYYY-MM-DD, got {published!r}"
            raise EventSchemaError(msg) from None
    published = published or publication_date(text)
    parts = sentences(text)
    all_mentions = find_places(text, gazetteer=gaz)
    records: list[dict[str, Any]] = []
    previous_date: tuple[str, str] | None = None
    paragraph = -1
    for n, sentence in enumerate(parts):
        if sentence.paragraph != paragraph:
            paragraph, previous_date = sentence.paragraph, None
        if sentence.noise:
            continue
        mentions = [m for m in all_mentions if sentence.start <= m.start < sentence.end]
        event_type = _event_type(sentence.text, _best_locations(mentions))
        if event_type is None:
            continue
        date = _event_date(sentence.text, published, previous_date)
        if date is None:
            msg = (f"cannot date the event in {sentence.text[:80]!r}: the text has no "
                   "publication date; pass published=YYYY-MM-DD (CLI: --published)")
            raise EventSchemaError(msg)
        previous_date = date
        actor = _actor(sentence, event_type, mentions)
        locations = _event_locations(event_type, mentions, actor, gaz)
        if not locations or (all(m.kind == "country" for m in locations)
                             and not _has_cue(sentence.text, event_type)):
            continue  # a generic remark, not an event that can be placed
        following = parts[n + 1].text if n + 1 < len(parts) else ""
        status, claimant = _attribution(sentence.text, following, event_type)
        quantities = "; ".join(m.group(0) for m in _QUANTITY.finditer(sentence.text)) or None
        for mention in locations:
            records.append({
                "event_date": date[0], "date_precision": date[1], "event_type": event_type,
                "location": mention.phrase,
                "country": mention.place.country if mention.place else None,
                "admin1": mention.place.admin1 if mention.place is not None and mention.kind in (
                    "settlement", "facility") else None,
                "actor": actor, "status": status, "claimed_by": claimant,
                "fatalities": _figure(_KILLED, sentence.text),
                "injured": _figure(_INJURED, sentence.text),
                "source": source, "source_url": url, "notes": None,
                "sentence": sentence.text, "sentence_start": sentence.start,
                "sentence_end": sentence.end, "mention": mention.surface,
                "quantity": quantities,
                "extraction_confidence": round(min(mention.confidence, 1.0), 3),
            })
    if not records:
        return empty_events()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnresolvedPlaceWarning)
        return events_from_records(records, gazetteer=gaz, source_name=source or "text")


events_from_text = extract_events

