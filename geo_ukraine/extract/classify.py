"""What a sentence reports: its event type, who acted, and its status and claimant."""

from __future__ import annotations

import re

from ..vocab import THEATRE
from .figures import injured, killed
from .mentions import Mention
from .rules import (
    ADVANCE,
    ADVANCE_WORDS,
    AID,
    AID_WORDS,
    CAPTURE,
    CAPTURE_WORDS,
    CIVILIAN_HARM,
    CIVILIAN_HARM_WORDS,
    CLAIMANT_WORDS,
    CLAIMANTS,
    CONFIRMED,
    CONFIRMED_WORDS,
    CUMULATIVE,
    CUMULATIVE_WORDS,
    DAMAGE,
    DAMAGE_WORDS,
    DIPLOMACY,
    DIPLOMACY_WORDS,
    EXPLOSIONS,
    EXPLOSIONS_WORDS,
    FOOTHOLD,
    FOOTHOLD_WORDS,
    INFRASTRUCTURE,
    INFRASTRUCTURE_WORDS,
    MEANS,
    MEANS_WORDS,
    MILITARY_VICTIMS,
    MILITARY_VICTIMS_WORDS,
    MOVEMENT,
    MOVEMENT_WORDS,
    SETTLEMENT_NOUN,
    SETTLEMENT_NOUN_WORDS,
    STRIKE_AT,
    STRIKE_NOUN,
    STRIKE_NOUN_WORDS,
    STRIKE_VERB,
    STRIKE_VERB_WORDS,
    TRAILING_SOURCE,
    TRAILING_SOURCE_WORDS,
    UNCONFIRMED,
    UNCONFIRMED_WORDS,
)
from .sentences import Sentence, folded, has_any, search

__all__ = ["actor", "attribution", "event_type"]

# Admin-1 units of Ukraine occupied since 2014 whose strikes count as cross-border: Crimea
# and Sevastopol.
_OCCUPIED_ACROSS = frozenset(["UA.11", "UA.20"])
# The event type of a strike by a single means.
_STRIKE_BY_MEANS = {"missile": "missile_strike", "drone": "drone_strike", "bomb": "glide_bomb"}


def event_type(sentence: str, locations: list[Mention], following: str = "") -> str | None:
    """The event type a sentence reports, or ``None`` when it reports none.

    Ground first (an incursion into Russia, an area gained, a settlement captured, ground
    seen gained or given up), then, for a sentence placed wholly outside the theatre, only
    diplomacy or aid; then strikes by their means (a strike on Russia or occupied Crimea is a
    cross-border strike, and so are explosions reported there), infrastructure damage,
    casualties (an attack at a place whose victims the next sentence gives is one), damage
    an attack at a place did, aid and diplomacy.

    Parameters
    ----------
    sentence : str
    locations : list of Mention
        The sentence's most specific located mentions.
    following : str, optional
        The next sentence's text.

    Returns
    -------
    str or None
        One of :data:`geo_ukraine.EVENT_TYPES`.
    """
    text = _Text(sentence)
    across = _across_the_border(locations)
    ground = _ground_type(text, locations, across)
    if ground is not None:
        return ground
    abroad = bool(locations) and all(p.country not in THEATRE for m in locations
                                     for p in m.places)
    if abroad:
        if text.has(DIPLOMACY, DIPLOMACY_WORDS):
            return "diplomacy"
        return "aid" if text.has(AID, AID_WORDS) else None
    if _running_total(text):
        return None
    strike = _strike_type(text, across)
    if strike is not None:
        return strike
    if across and (text.has(EXPLOSIONS, EXPLOSIONS_WORDS) or (
            text.has(DAMAGE, DAMAGE_WORDS) and text.has(STRIKE_VERB, STRIKE_VERB_WORDS))):
        return "cross_border_strike"  # "it hit the refinery in Russia's Rostov region"
    if text.has(INFRASTRUCTURE, INFRASTRUCTURE_WORDS):
        return "infrastructure_damage"
    if text.has(CIVILIAN_HARM, CIVILIAN_HARM_WORDS) and text.has(STRIKE_NOUN, STRIKE_NOUN_WORDS):
        return "cross_border_strike" if across else "civilian_casualties"
    town = any(m.kind in ("settlement", "facility") for m in locations)
    if town and text.has(STRIKE_AT, STRIKE_NOUN_WORDS):
        attack = _attack_type(text, following, across)
        if attack is not None:
            return attack
    if town and _people_hurt(text):  # "Three more were wounded in Shebekino"
        return "cross_border_strike" if across else "civilian_casualties"
    if text.has(AID, AID_WORDS):
        return "aid"
    if text.has(DIPLOMACY, DIPLOMACY_WORDS):
        return "diplomacy"
    return None


class _Text:
    """A sentence and its folded form, folded once for all the patterns tried on it."""

    __slots__ = ("lowered", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = folded(text)

    def has(self, pattern: re.Pattern[str], words: tuple[str, ...]) -> bool:
        """Whether ``pattern`` matches (tried only when one of ``words`` is there)."""
        return search(pattern, self.text, words, self.lowered) is not None


def _attack_type(text: _Text, following: str, across: bool) -> str | None:
    """The type of an attack at a town whose weapon is not named, if it hurt or damaged.

    "An evening attack on the village. Two people were wounded.": casualties (the next
    sentence's figures complete it); "An attack on the town damaged a school.": damage.
    """
    victims = [killed(following), injured(following)]
    if any(n for n in victims if n):
        return "cross_border_strike" if across else "civilian_casualties"
    return "infrastructure_damage" if text.has(DAMAGE, DAMAGE_WORDS) else None


def _people_hurt(text: _Text) -> bool:
    """Whether the sentence counts civilians killed or hurt (soldiers' losses are not)."""
    if text.has(MILITARY_VICTIMS, MILITARY_VICTIMS_WORDS):
        return False
    return any(n for n in (killed(text.text), injured(text.text)) if n)


def _running_total(text: _Text) -> bool:
    """Whether the sentence reports a running total rather than a strike.

    "Since the start of the war, strikes on Kharkiv have killed ...": nothing is struck
    before the total's start.
    """
    total = search(CUMULATIVE, text.text, CUMULATIVE_WORDS, text.lowered)
    return total is not None and (not has_any(text.lowered, STRIKE_VERB_WORDS) or
                                  STRIKE_VERB.search(text.text, 0, total.start()) is None)


def _across_the_border(locations: list[Mention]) -> bool:
    """Whether the sentence's places are in Russia or occupied Crimea (and none elsewhere)."""
    places = [p for m in locations for p in m.places if p.kind != "country"] or \
        [p for m in locations for p in m.places]
    return bool(places) and all(p.country == "RU" or p.admin1 in _OCCUPIED_ACROSS
                                for p in places)


def _ground_type(text: _Text, locations: list[Mention], across: bool) -> str | None:
    """A change of ground the sentence reports: an incursion, a claim or an observed change."""
    settlement = any(m.kind in ("settlement", "ambiguous") for m in locations)
    if text.has(FOOTHOLD, FOOTHOLD_WORDS) and across:
        return "incursion"
    if text.has(ADVANCE, ADVANCE_WORDS):
        return "territorial_change"
    if text.has(CAPTURE, CAPTURE_WORDS) and (
            settlement or text.has(SETTLEMENT_NOUN, SETTLEMENT_NOUN_WORDS)):
        return "territorial_claim"
    if text.has(MOVEMENT, MOVEMENT_WORDS) and settlement:
        return "territorial_change"
    return None


def _strike_type(text: _Text, across: bool) -> str | None:
    """The type of a strike by the means the sentence names, if it reports one."""
    means = {name for name, pattern in MEANS.items() if text.has(pattern, MEANS_WORDS[name])}
    if not means or (not text.has(STRIKE_VERB, STRIKE_VERB_WORDS) and "shelling" not in means):
        return None
    if across:
        return "cross_border_strike"
    if len(means) >= 2 and means != {"shelling", "bomb"}:
        return "combined_strike"
    if "shelling" in means:
        return "shelling"
    return _STRIKE_BY_MEANS[means.pop()]


def attribution(sentence: str, following: str, event_type: str) -> tuple[str, str | None]:
    """Status and claimant of a sentence's event.

    A side's claim of ground, or anything nobody could verify (in the sentence or the one
    after it), is ``claimed``; an independently confirmed fact ``confirmed``; the rest
    ``reported``. The claimant is whoever the sentence attributes it to
    (:data:`~geo_ukraine.extract.rules.CLAIMANTS`).

    Parameters
    ----------
    sentence, following : str
        The sentence and the next one.
    event_type : str

    Returns
    -------
    tuple
        ``(status, claimant)``; the claimant may be ``None``.
    """
    text, after = _Text(sentence), _Text(following)
    claimant = next((m.group("who") for m in (
        search(p, sentence, words, text.lowered)
        for p, words in zip(CLAIMANTS, CLAIMANT_WORDS, strict=True)) if m), None)
    if event_type == "territorial_claim" or text.has(UNCONFIRMED, UNCONFIRMED_WORDS) or \
            after.has(UNCONFIRMED, UNCONFIRMED_WORDS):
        return "claimed", claimant
    if text.has(CONFIRMED, CONFIRMED_WORDS) or after.has(CONFIRMED, CONFIRMED_WORDS):
        return "confirmed", claimant
    return "reported", claimant


def actor(sentence: Sentence, event_type: str, mentions: list[Mention]) -> str | None:
    """Who acted: a country opening the sentence, the actors named, or Russia or Ukraine.

    An actor named in the source that closes the sentence (", Ukraine's emergency service
    said") reported the event and is not taken for who acted.

    Parameters
    ----------
    sentence : Sentence
    event_type : str
    mentions : list of Mention
        The sentence's mentions.

    Returns
    -------
    str or None
        Names joined by "; ".
    """
    source = search(TRAILING_SOURCE, sentence.text, TRAILING_SOURCE_WORDS)
    told = sentence.start + source.start() if source is not None else sentence.end
    actors = [m.place.name for m in mentions
              if m.role == "actor" and m.place is not None and m.start < told]
    first = next((m.place for m in mentions if m.start == sentence.start
                  and m.place is not None and m.kind == "country"), None)
    if first is not None:
        return first.name  # "Ukraine, meanwhile, kept a foothold..."
    if actors:
        return "; ".join(dict.fromkeys(actors))
    lowered = sentence.text.lower()
    if event_type == "cross_border_strike" or re.search(
            r"\bukrain(?:e|ian)(?:’s|'s)? (?:own )?(?:long-range|drone)", lowered):
        return "Ukraine"
    if re.search(r"\brussia(?:n)?\b", lowered) and event_type not in ("diplomacy", "aid"):
        return "Russia"
    return None
