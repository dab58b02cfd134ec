"""Candidate events from article text, one per sentence and place, with provenance."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import TYPE_CHECKING, Any

from ..errors import EventSchemaError, UnresolvedPlaceWarning
from ..events import empty_events, events_from_records
from ..gazetteer import Gazetteer
from .classify import actor, attribution, event_type
from .dates import EventDate, event_date, publication_date
from .figures import injured, killed, quantities
from .locations import best_locations, event_locations
from .mentions import Mention, find_places
from .rules import CUE
from .sentences import Sentence, sentences

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["events_from_text", "extract_events"]

# Mention kinds whose place's admin-1 unit is copied to the event.
_POINT_KINDS = ("settlement", "facility")


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
    gaz = gazetteer or Gazetteer.default()
    when = _publication(text, published)
    parts = sentences(text)
    all_mentions = find_places(text, gazetteer=gaz)
    records: list[dict[str, Any]] = []
    previous_date: EventDate | None = None
    paragraph = -1
    for n, sentence in enumerate(parts):
        if sentence.paragraph != paragraph:
            paragraph, previous_date = sentence.paragraph, None
        if sentence.noise:
            continue
        mentions = [m for m in all_mentions if sentence.start <= m.start < sentence.end]
        kind = event_type(sentence.text, best_locations(mentions))
        if kind is None:
            continue
        previous_date = _dated(sentence, when, previous_date)
        following = parts[n + 1].text if n + 1 < len(parts) else ""
        records += _records(sentence, following, kind, previous_date, mentions, gaz,
                            source=source, url=url)
    if not records:
        return empty_events()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnresolvedPlaceWarning)
        return events_from_records(records, gazetteer=gaz, source_name=source or "text")


#: The same function as :func:`extract_events`, named like the other event constructors
#: (``events_from_records``, ``events_from_acled``).
events_from_text = extract_events


def _publication(text: str, published: str | dt.date | None) -> dt.date | None:
    """The publication date passed, else the one in the text's header."""
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            msg = f"published must be a date YYYY-MM-DD, got {published!r}"
            raise EventSchemaError(msg) from None
    return published or publication_date(text)


def _dated(sentence: Sentence, published: dt.date | None,
           previous: EventDate | None) -> EventDate:
    """The sentence's date, or an error asking for the publication date."""
    date = event_date(sentence.text, published, previous)
    if date is None:
        msg = (f"cannot date the event in {sentence.text[:80]!r}: the text has no "
               "publication date; pass published=YYYY-MM-DD (CLI: --published)")
        raise EventSchemaError(msg)
    return date


def _has_cue(sentence: str, kind: str) -> bool:
    """Whether a country-level sentence reports a datable, countable event."""
    return kind == "aid" or (kind != "diplomacy" and bool(CUE.search(sentence)))


def _records(sentence: Sentence, following: str, kind: str, date: EventDate,
             mentions: list[Mention], gaz: Gazetteer, *, source: str | None,
             url: str | None) -> list[dict[str, Any]]:
    """The event records of one sentence: one per place it is drawn at."""
    who = actor(sentence, kind, mentions)
    locations = event_locations(kind, mentions, who, gaz)
    if not locations or (all(m.kind == "country" for m in locations)
                         and not _has_cue(sentence.text, kind)):
        return []  # a generic remark, not an event that can be placed
    status, claimant = attribution(sentence.text, following, kind)
    dead, hurt = killed(sentence.text), injured(sentence.text)
    counted = quantities(sentence.text)
    return [{
        "event_date": date[0], "date_precision": date[1], "event_type": kind,
        "location": mention.phrase,
        "country": mention.place.country if mention.place else None,
        "admin1": mention.place.admin1 if mention.place is not None
        and mention.kind in _POINT_KINDS else None,
        "actor": who, "status": status, "claimed_by": claimant,
        "fatalities": dead, "injured": hurt,
        "source": source, "source_url": url, "notes": None,
        "sentence": sentence.text, "sentence_start": sentence.start,
        "sentence_end": sentence.end, "mention": mention.surface,
        "quantity": counted,
        "extraction_confidence": round(min(mention.confidence, 1.0), 3),
    } for mention in locations]
