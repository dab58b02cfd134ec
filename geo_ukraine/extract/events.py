"""Candidate events from article text, one per incident and place, with provenance."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .._collector import without_collector_pauses
from ..errors import EventSchemaError
from ..events import event_frame
from ..gazetteer import Gazetteer
from .dates import UNKNOWN_DATE, EventDate, UndatedArticleWarning, article_date, event_date
from .incidents import Incidents
from .mentions import Mention, find_places
from .sentences import Sentence, sentences

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["check_published", "event_records", "events_from_text", "extract_events"]

@without_collector_pauses
def extract_events(text: str, *, published: str | dt.date | None = None,
                   source: str | None = None, url: str | None = None,
                   gazetteer: Gazetteer | None = None) -> gpd.GeoDataFrame:
    """Propose the events an article reports, in the event schema, with provenance.

    Each sentence that reports a strike, damage, casualties, a claimed or assessed change of
    territory, a cross-border strike, an incursion, diplomacy or aid becomes an event per
    place it names (the most specific places of the sentence, as :func:`find_places`
    resolved them), with its figures (killed, injured, quantities of means), its date, its
    status and claimant ("Russian state media said" -> claimed), and the exact sentence and
    its offsets. A sentence that only adds figures ("A dozen more were hurt")
    completes the event before it. Page furniture (menus, headlines, mojibake) yields nothing.

    Dates: the article's own date (a header or dateline date) comes first, ``published``
    second. A sentence that cannot be dated (no date anywhere, or an impossible one such as
    "February 30") keeps its event with an unknown date, and one warning names ``source``.

    Parameters
    ----------
    text : str
    published : str or date, optional
        Publication date (``YYYY-MM-DD``), used when the text carries none of its own.
    source, url : str, optional
        Outlet (or file) and address, copied to every event; ``source`` names the article
        in warnings.
    gazetteer : Gazetteer, optional

    Returns
    -------
    geopandas.GeoDataFrame
        Event schema plus ``sentence``, ``sentence_start``, ``sentence_end``, ``mention``,
        ``quantity`` and ``extraction_confidence``.

    Raises
    ------
    EventSchemaError
        When ``published`` is not a date.

    Warns
    -----
    UndatedArticleWarning
        Once per article whose events (or some of them) cannot be dated.

    Examples
    --------
    >>> from geo_ukraine import extract_events
    >>> ev = extract_events("A missile killed three people in Dnipro on March 2.",
    ...                     published="2026-03-04")
    >>> row = ev.iloc[0]
    >>> row.event_type, row.place_name, int(row.fatalities), row.event_date
    ('missile_strike', 'Dnipro', 3, '2026-03-02')
    """
    # The rows are valid by construction (a test holds the validator to that), so the
    # table is not validated again: that took a fifth of the time of an article.
    return event_frame(event_records(text, published=published, source=source, url=url,
                                     gazetteer=gazetteer), validate=False)


#: The same function as :func:`extract_events`, named like the other event constructors
#: (``events_from_records``, ``events_from_acled``).
events_from_text = extract_events


@without_collector_pauses
def event_records(text: str, *, published: str | dt.date | None = None,
                  source: str | None = None, url: str | None = None,
                  gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """The rows :func:`extract_events` makes, before they become one event table.

    A batch builds one table from the rows of all its articles
    (:func:`geo_ukraine.events.event_frame`), which is far cheaper than one table each.

    Parameters
    ----------
    text, published, source, url, gazetteer
        As for :func:`extract_events`.

    Returns
    -------
    list of dict
        Rows in the event schema (with their geometry), in text order.
    """
    if not isinstance(text, str):
        msg = f"text must be a string, got {type(text).__name__}"
        raise TypeError(msg)
    gaz = gazetteer or Gazetteer.default()
    when = article_date(text) or check_published(published)
    parts = sentences(text)
    incidents = Incidents(gaz, source=source, url=url)
    previous: EventDate | None = None
    paragraph = -1
    problems: list[str] = []
    for n, sentence, mentions in _sentence_mentions(parts, find_places(text, gazetteer=gaz)):
        if sentence.paragraph != paragraph:
            paragraph, previous = sentence.paragraph, None
        if sentence.noise:
            continue
        following = parts[n + 1].text if n + 1 < len(parts) else ""
        date = _date_of(sentence, when, previous, problems)
        if incidents.add(sentence, following, mentions, date):
            previous = date if date[0] is not None else previous
    return _dated_rows(incidents.rows(), problems, source, published=when is not None)


def check_published(published: str | dt.date | None) -> dt.date | None:
    """``published`` as a date (None stays None).

    Raises
    ------
    EventSchemaError
        When it is not a date written YYYY-MM-DD.
    """
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published)
        except ValueError:
            msg = f"published must be a date YYYY-MM-DD, got {published!r}"
            raise EventSchemaError(msg) from None
    return published


def _sentence_mentions(parts: list[Sentence], mentions: list[Mention]
                       ) -> Iterator[tuple[int, Sentence, list[Mention]]]:
    """Each sentence with the mentions that start inside it, in one walk over both lists.

    Both are in text order, so a pointer into the mentions moves forward only: the walk is
    linear in the number of sentences plus mentions.
    """
    pointer = 0
    for n, sentence in enumerate(parts):
        while pointer < len(mentions) and mentions[pointer].start < sentence.start:
            pointer += 1
        inside = pointer
        while inside < len(mentions) and mentions[inside].start < sentence.end:
            inside += 1
        yield n, sentence, mentions[pointer:inside]
        pointer = inside


def _date_of(sentence: Sentence, published: dt.date | None, previous: EventDate | None,
             problems: list[str]) -> EventDate:
    """The sentence's date; an impossible date ("February 30") is noted and left unknown."""
    try:
        date = event_date(sentence.text, published, previous)
    except ValueError as exc:
        problems.append(f"{sentence.text[:60]!r} gives an impossible date ({exc})")
        return UNKNOWN_DATE
    return date or UNKNOWN_DATE


def _dated_rows(rows: list[dict[str, Any]], problems: list[str], source: str | None, *,
                published: bool) -> list[dict[str, Any]]:
    """The rows, with one warning naming the article when some cannot be dated."""
    undated = [r for r in rows if r["event_date"] is None]
    if not undated and not problems:
        return rows
    reasons = list(problems[:3])
    if undated and not published:
        reasons.insert(0, "it carries no date of its own and none was given (--published)")
    msg = (f"{source or 'text'}: " + "; ".join(reasons) + f"; {len(undated)} of {len(rows)} "
           "events cannot be dated and are kept with an unknown date")
    warnings.warn(msg, UndatedArticleWarning, stacklevel=3)
    return rows
