"""What a sentence reports: its event type, who acted, and its status and claimant."""

from __future__ import annotations

import re

from ..vocab import THEATRE
from .figures import injured, killed
from .mentions import Mention
from .rules import (
    ADVANCE,
    AID,
    CAPTURE,
    CIVILIAN_HARM,
    CLAIMANTS,
    CONFIRMED,
    CUMULATIVE,
    DAMAGE,
    DIPLOMACY,
    EXPLOSIONS,
    FOOTHOLD,
    INFRASTRUCTURE,
    MEANS,
    MILITARY_VICTIMS,
    MOVEMENT,
    SETTLEMENT_NOUN,
    STRIKE_AT,
    STRIKE_NOUN,
    STRIKE_VERB,
    UNCONFIRMED,
)
from .sentences import Sentence

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
    across = _across_the_border(locations)
    ground = _ground_type(sentence, locations, across)
    if ground is not None:
        return ground
    abroad = bool(locations) and all(p.country not in THEATRE for m in locations
                                     for p in m.places)
    if abroad:
        if DIPLOMACY.search(sentence):
            return "diplomacy"
        return "aid" if AID.search(sentence) else None
    if _running_total(sentence):
        return None
    strike = _strike_type(sentence, across)
    if strike is not None:
        return strike
    if across and EXPLOSIONS.search(sentence):
        return "cross_border_strike"
    if INFRASTRUCTURE.search(sentence):
        return "infrastructure_damage"
    if CIVILIAN_HARM.search(sentence) and STRIKE_NOUN.search(sentence):
        return "cross_border_strike" if across else "civilian_casualties"
    town = any(m.kind in ("settlement", "facility") for m in locations)
    if town and STRIKE_AT.search(sentence):
        attack = _attack_type(sentence, following, across)
        if attack is not None:
            return attack
    if town and _people_hurt(sentence):  # "Three more were wounded in Shebekino"
        return "cross_border_strike" if across else "civilian_casualties"
    if AID.search(sentence):
        return "aid"
    if DIPLOMACY.search(sentence):
        return "diplomacy"
    return None


def _attack_type(sentence: str, following: str, across: bool) -> str | None:
    """The type of an attack at a town whose weapon is not named, if it hurt or damaged.

    "An evening attack on the village. Two people were wounded.": casualties (the next
    sentence's figures complete it); "An attack on the town damaged a school.": damage.
    """
    victims = [killed(following), injured(following)]
    if any(n for n in victims if n):
        return "cross_border_strike" if across else "civilian_casualties"
    return "infrastructure_damage" if DAMAGE.search(sentence) else None


def _people_hurt(sentence: str) -> bool:
    """Whether the sentence counts civilians killed or hurt (soldiers' losses are not)."""
    if MILITARY_VICTIMS.search(sentence):
        return False
    return any(n for n in (killed(sentence), injured(sentence)) if n)


def _running_total(sentence: str) -> bool:
    """Whether the sentence reports a running total rather than a strike.

    "Since the start of the war, strikes on Kharkiv have killed ...": nothing is struck
    before the total's start.
    """
    total = CUMULATIVE.search(sentence)
    return total is not None and STRIKE_VERB.search(sentence, 0, total.start()) is None


def _across_the_border(locations: list[Mention]) -> bool:
    """Whether the sentence's places are in Russia or occupied Crimea (and none elsewhere)."""
    places = [p for m in locations for p in m.places if p.kind != "country"] or \
        [p for m in locations for p in m.places]
    return bool(places) and all(p.country == "RU" or p.admin1 in _OCCUPIED_ACROSS
                                for p in places)


def _ground_type(sentence: str, locations: list[Mention], across: bool) -> str | None:
    """A change of ground the sentence reports: an incursion, a claim or an observed change."""
    settlement = any(m.kind in ("settlement", "ambiguous") for m in locations)
    if FOOTHOLD.search(sentence) and across:
        return "incursion"
    if ADVANCE.search(sentence):
        return "territorial_change"
    if CAPTURE.search(sentence) and (settlement or SETTLEMENT_NOUN.search(sentence)):
        return "territorial_claim"
    if MOVEMENT.search(sentence) and settlement:
        return "territorial_change"
    return None


def _strike_type(sentence: str, across: bool) -> str | None:
    """The type of a strike by the means the sentence names, if it reports one."""
    means = {name for name, pattern in MEANS.items() if pattern.search(sentence)}
    if not means or (not STRIKE_VERB.search(sentence) and "shelling" not in means):
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
    claimant = next((m.group("who") for m in (p.search(sentence) for p in CLAIMANTS) if m),
                    None)
    if event_type == "territorial_claim" or UNCONFIRMED.search(sentence) or \
            UNCONFIRMED.search(following):
        return "claimed", claimant
    if CONFIRMED.search(sentence) or CONFIRMED.search(following):
        return "confirmed", claimant
    return "reported", claimant


def actor(sentence: Sentence, event_type: str, mentions: list[Mention]) -> str | None:
    """Who acted: a country opening the sentence, the actors named, or Russia or Ukraine.

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
    actors = [m.place.name for m in mentions if m.role == "actor" and m.place is not None]
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
