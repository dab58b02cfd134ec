"""Incidents an article reports: events built sentence by sentence, follow-ups merged in.

One incident is one event per place: a strike and the casualties it caused are one event
(the strike's type, the casualties' figures), a later sentence that only adds figures ("At
least ten more were hurt") completes the event before it, and a sentence that
repeats an incident at the same place adds nothing new.
"""

from __future__ import annotations

from typing import Any

from ..events import GeoPrecision, acled_types
from ..events.records import event_id
from ..gazetteer import Gazetteer, Place
from .classify import actor, attribution, event_type
from .dates import EventDate
from .figures import Casualties, injured, killed, quantities
from .locations import best_locations, event_locations
from .mentions import Mention
from .placing import place_columns
from .rules import CUE, DAMAGE, DAMAGE_WORDS, SAME_AGAIN, STRIKE_NOUN, STRIKE_NOUN_WORDS
from .sentences import Sentence, search
from .totals import without_totals

__all__ = ["STRIKE_TYPES", "Incidents"]

#: Event types of a strike (its weapon named or not) that casualties at its place belong to.
STRIKE_TYPES: frozenset[str] = frozenset([
    "missile_strike", "drone_strike", "glide_bomb", "shelling", "combined_strike",
    "cross_border_strike", "civilian_casualties"])
# Types of event that a sentence with no place of its own continues (it is the same incident).
_INCIDENT_TYPES = STRIKE_TYPES | {"infrastructure_damage"}
# How many sentences after an event a sentence may still add to its incident.
_FOLLOW_UP_REACH = 6


class Incidents:
    """The events of one article, built sentence by sentence.

    Parameters
    ----------
    gazetteer : Gazetteer
    source, url : str, optional
        Copied to every event.
    """

    def __init__(self, gazetteer: Gazetteer, *, source: str | None = None,
                 url: str | None = None) -> None:
        self.gazetteer = gazetteer
        self.source = source
        self.url = url
        self._rows: list[dict[str, Any]] = []
        # events of the last few sentences, by place id (and a town's by its raion's code)
        self._recent: dict[str, list[dict[str, Any]]] = {}
        self._latest: list[dict[str, Any]] = []  # strikes of the latest strike sentence
        self._since = 0  # sentences read since the latest event sentence
        self._weapon: str | None = None  # the type of the latest strike whose weapon is named

    def rows(self) -> list[dict[str, Any]]:
        """The event rows so far, in text order, less totals their incidents add up to."""
        return without_totals(self._rows, STRIKE_TYPES)

    def add(self, sentence: Sentence, following: str, mentions: list[Mention],
            date: EventDate) -> bool:
        """Read one sentence; return whether it reported (or completed) an event.

        Parameters
        ----------
        sentence : Sentence
        following : str
            The next sentence's text (a claim may be said to be unverified there).
        mentions : list of Mention
            The sentence's mentions, in text order.
        date : tuple
            The sentence's date and precision.

        Returns
        -------
        bool
        """
        self._since += 1
        if self._since > _FOLLOW_UP_REACH:
            self._recent, self._latest = {}, []
        located = best_locations(mentions, sentence)
        kind = event_type(sentence.text, located, following)
        own = [m for m in located if m.kind != "country"]
        if kind is None:
            return self._complete(sentence, mentions, kind)
        if kind == "civilian_casualties" and self._weapon and \
                search(SAME_AGAIN, sentence.text, STRIKE_NOUN_WORDS):
            kind = self._weapon  # "Another attack in X killed ten": the same kind of strike
        if kind == "civilian_casualties" and \
                not search(STRIKE_NOUN, sentence.text, STRIKE_NOUN_WORDS) and \
                self._latest and all(r["geo_precision"] >= GeoPrecision.REGION
                                     for r in self._latest) and \
                self._complete(sentence, mentions, kind):
            return True  # victims inside the area of a strike placed only by its region
        if not own and self._latest and kind in _INCIDENT_TYPES:
            self._complete(sentence, mentions, kind)
            self._since = 0
            return True  # more about the strike just reported
        who = actor(sentence, kind, mentions)
        locations = event_locations(kind, mentions, who, self.gazetteer, sentence,
                                    located=located)
        if not locations or (all(m.kind == "country" for m in locations)
                             and not _has_cue(sentence.text, kind)):
            return self._complete(sentence, mentions, kind)
        status, claimant = attribution(sentence.text, following, kind)
        damage = kind in STRIKE_TYPES and \
            search(DAMAGE, sentence.text, DAMAGE_WORDS) is not None
        latest = []
        casualties = Casualties(sentence.text, [m.start - sentence.start for m in locations])
        amounts = quantities(sentence.text)  # once per sentence, not per place
        for mention in locations:
            row = self._row(sentence, mention, kind, date, amounts)
            row["fatalities"], row["injured"] = casualties.at(
                max(0, mention.start - sentence.start))
            row.update(actor=who, status=status, claimed_by=claimant)
            row = self._merged(row) or self._keep(row)
            latest.append(row)
            if damage:
                self._damage_at(row, sentence)
        if kind in STRIKE_TYPES:
            self._latest = latest
            self._weapon = kind if kind != "civilian_casualties" else self._weapon
        self._since = 0
        return True

    def _keep(self, row: dict[str, Any]) -> dict[str, Any]:
        self._rows.append(row)
        self._recent.setdefault(row["place_id"], []).append(row)
        if row["admin2"] and not str(row["place_id"]).startswith("a2:"):
            self._recent.setdefault(f"admin2:{row['admin2']}", []).append(row)
        return row

    def _row(self, sentence: Sentence, mention: Mention, kind: str, date: EventDate,
             amounts: str | None) -> dict[str, Any]:
        """One event row at one mention (figures and attribution set by the caller).

        ``amounts`` is what :func:`quantities` reads in the sentence.
        """
        row: dict[str, Any] = {
            "event_date": date[0], "date_precision": date[1], "event_type": kind,
            "location": mention.phrase, "source": self.source, "source_url": self.url,
            "notes": None, "target": None, "sentence": sentence.text,
            "sentence_start": sentence.start, "sentence_end": sentence.end,
            "mention": mention.surface, "quantity": amounts,
            "extraction_confidence": round(min(mention.confidence, 1.0), 3),
        }
        row["acled_event_type"], row["acled_sub_event_type"] = acled_types(kind)
        row.update(place_columns(mention, kind))
        row["event_id"] = event_id(row)
        return row

    def _merged(self, row: dict[str, Any]) -> dict[str, Any] | None:
        """Merge ``row`` into an event of the incident at its place when both are one.

        The same type at the same place is a restatement (its figures may update the first);
        casualties where a strike was reported are that strike's, and a strike named after
        bare casualties gives them its type. Returns the event merged into, if any.
        """
        for earlier in self._at_place(row):
            kinds = {earlier["event_type"], row["event_type"]}
            same = len(kinds) == 1
            if not same and (not kinds <= STRIKE_TYPES or "civilian_casualties" not in kinds):
                continue
            if earlier["event_type"] == "civilian_casualties":
                for key in ("event_type", "acled_event_type", "acled_sub_event_type"):
                    earlier[key] = row[key]
            _fill_figures(earlier, row["fatalities"], row["injured"])
            return earlier
        return None

    def _at_place(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        """Recent events at the row's place: the same place, or a town and its raion.

        "Shelling of Nikopol district" after casualties in Nikopol is one incident.
        """
        place_id = str(row["place_id"])
        found = list(self._recent.get(place_id, ()))
        if place_id.startswith("a2:"):
            found += self._recent.get(f"admin2:{row['admin2']}", [])
        elif row["admin2"]:
            found += self._recent.get(f"a2:{row['admin2']}", [])
        return found

    def _damage_at(self, strike: dict[str, Any], sentence: Sentence) -> None:
        """Add the damage a strike did at its place, once per incident and place."""
        if any(r["event_type"] == "infrastructure_damage"
               for r in self._recent.get(strike["place_id"], ())):
            return
        row = dict(strike, event_type="infrastructure_damage", fatalities=None, injured=None,
                   sentence=sentence.text, sentence_start=sentence.start,
                   sentence_end=sentence.end)
        row["acled_event_type"], row["acled_sub_event_type"] = acled_types(
            "infrastructure_damage")
        row["event_id"] = event_id(row)
        self._keep(row)

    def _complete(self, sentence: Sentence, mentions: list[Mention], kind: str | None) -> bool:
        """Give what a sentence adds (figures, damage) to the incident just before it."""
        strikes = [r for r in self._latest if r["event_type"] in STRIKE_TYPES]
        if not strikes:
            return False
        if any(m.role == "location" and m.kind in ("settlement", "facility", "ambiguous")
               and not any(_within(m.places[0], r) for r in strikes)
               for m in mentions if m.places):
            return False  # another place: not about the same incident
        dead, hurt = killed(sentence.text), injured(sentence.text)
        damage = kind == "infrastructure_damage" or \
            search(DAMAGE, sentence.text, DAMAGE_WORDS) is not None
        if dead is None and hurt is None and not damage:
            return False
        for strike in strikes:
            _fill_figures(strike, dead, hurt)
            if damage:
                self._damage_at(strike, sentence)
        self._since = 0
        return True


def _within(place: Place, row: dict[str, Any]) -> bool:
    """Whether ``place`` is the event's place or lies in its oblast or country."""
    if place.place_id == row["place_id"]:
        return True
    if row["geo_precision"] == GeoPrecision.COUNTRY:
        return place.country == row["country"]
    return row["geo_precision"] == GeoPrecision.REGION and row["admin1"] is not None \
        and place.admin1 == row["admin1"]


def _fill_figures(row: dict[str, Any], dead: int | None, hurt: int | None) -> None:
    """Take the larger of the known and the new figures (tolls rise as reports come in)."""
    for key, value in (("fatalities", dead), ("injured", hurt)):
        if value is not None and (row[key] is None or value > row[key]):
            row[key] = value


def _has_cue(sentence: str, kind: str) -> bool:
    """Whether a country-level sentence reports a datable, countable event."""
    return kind == "aid" or (kind != "diplomacy" and bool(CUE.search(sentence)))
