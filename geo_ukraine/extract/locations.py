"""Where a sentence's event is drawn: its most specific places, chosen by the kind of event."""

from __future__ import annotations

from ..gazetteer import Gazetteer
from ..vocab import THEATRE
from .mentions import Mention
from .rules import OFFICIAL_AFTER, OFFICIAL_BEFORE, THE_CITY
from .sentences import Sentence

__all__ = ["best_locations", "event_locations"]

# Who an event with no place of its own is drawn on: the other side's country.
_TARGET_OF = {"Russia": "c:UA", "Ukraine": "c:RU"}


def best_locations(mentions: list[Mention], sentence: Sentence | None = None
                   ) -> list[Mention]:
    """The most specific located mentions: towns, else raions, else regions, else a country.

    Actors ("Moscow blamed Kyiv"), name parts and datelines ("ODESA —" over a story about
    Mykolaiv) are never where an event is, nor, beside another place, an official's
    jurisdiction ("... in Kupiansk, Kharkiv Governor Oleh Syniehubov said"); a place named
    twice counts once (its first mention). A dateline's city is where a sentence with no
    other place says "the city" ("ODESA — Drones hit the city's port").

    Parameters
    ----------
    mentions : list of Mention
        A sentence's mentions.
    sentence : Sentence, optional
        The sentence, to read the words around each name.

    Returns
    -------
    list of Mention
    """
    located, seen = [], set()
    for m in mentions:
        if m.role == "location" and m.places and not m.dateline and m.places not in seen:
            seen.add(m.places)
            located.append(m)
    if sentence is not None:
        places = [m for m in located if not _official_of(m, sentence)]
        located = places or located
        if not located and THE_CITY.search(sentence.text):
            located = [m for m in mentions if m.dateline and m.role == "location"
                       and m.kind == "settlement"][:1]
    for kinds in (("settlement", "facility"), ("admin2",)):
        specific = [m for m in located if m.kind in kinds]
        if specific:
            return specific  # "Kucherivka, Kupiansk district": the village
    areas = [m for m in located if m.kind in ("area", "regions", "admin1")]
    regional = [m for m in areas if any(p.kind != "country" for p in m.places)]
    if regional:
        return regional  # "southern Ukraine's Kherson region": the oblast
    if areas:
        return areas
    return [m for m in located if m.kind == "country"][:1]


def _official_of(mention: Mention, sentence: Sentence) -> bool:
    """Whether the mention names an official's jurisdiction ("Kharkiv Governor")."""
    start, end = mention.start - sentence.start, mention.end - sentence.start
    return OFFICIAL_AFTER.match(sentence.text, end, end + 60) is not None or \
        OFFICIAL_BEFORE.search(sentence.text, max(0, start - 30), start) is not None


def event_locations(event_type: str, mentions: list[Mention], actor: str | None,
                    gaz: Gazetteer, sentence: Sentence | None = None, *,
                    located: list[Mention] | None = None) -> list[Mention]:
    """The places an event is drawn at, by the kind of event.

    Diplomacy is drawn at its venue (a settlement) or nowhere; aid at its donor or
    recipient abroad, else at its venue; the rest at its places in the theatre, else at the
    country its actor (Russia or Ukraine) acted against.

    Parameters
    ----------
    event_type : str
    mentions : list of Mention
        The sentence's mentions.
    actor : str or None
    gaz : Gazetteer
    sentence : Sentence, optional
        The sentence, to read the words around each name.
    located : list of Mention, optional
        ``best_locations(mentions, sentence)``, when the caller has it already.

    Returns
    -------
    list of Mention
        Empty when the event cannot be placed.
    """
    if located is None:
        located = best_locations(mentions, sentence)
    if event_type == "diplomacy":
        return [m for m in located if m.kind == "settlement"]  # a venue, or nothing
    if event_type == "aid":
        donors = [m for m in mentions if m.role == "actor" and m.place is not None
                  and m.place.country not in THEATRE and m.kind == "country"]
        given = [m for m in mentions if m.kind == "country" and m.place is not None
                 and m.place.country not in THEATRE]
        abroad = sorted(donors + given, key=lambda m: m.start)[:1]
        # a donor abroad, else where the aid was announced or delivered
        return abroad or [m for m in located if m.kind == "settlement"]
    located = [m for m in located if any(p.country in THEATRE for p in m.places)]
    if located:
        return located
    country = _TARGET_OF.get(actor or "")
    if country is None:
        return []
    place = gaz.get(country)
    return [Mention(0, 0, place.name, place, (place,), "country", 0.5, "location",
                    place.name)]
