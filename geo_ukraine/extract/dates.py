"""Dates in article text: the publication date, and what a sentence's date resolves to."""

from __future__ import annotations

import datetime as dt
import re

from ..vocab import MONTH_PATTERN, MONTHS

__all__ = ["EventDate", "event_date", "publication_date"]

#: An ISO date and its precision (``day``, ``week`` or ``month``).
EventDate = tuple[str, str]

_HEADER_DATE = re.compile(
    rf"^\s*(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})\s*$", re.M)
_ON_DATE = re.compile(
    rf"\b(?:on\s+)?(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?\b",
    re.I)
_RANGE = re.compile(
    rf"\bbetween (?P<m1>{MONTH_PATTERN}) (?P<d1>\d{{1,2}})(?:,? (?P<y1>\d{{4}}))? and "
    rf"(?P<m2>{MONTH_PATTERN}) (?P<d2>\d{{1,2}})", re.I)
_MONTH_PART = re.compile(
    r"\b(?P<part>(?:at the )?(?:end|beginning|start|middle) of|early|mid|late|in early|"
    rf"in mid|in late)[\s-]+(?P<month>{MONTH_PATTERN})\b", re.I)
# How many lines from the top a publication date may stand on.
_HEADER_LINES = 15


def publication_date(text: str) -> dt.date | None:
    """A publication date written on a line of its own near the top ("January 10, 2026")."""
    head = "\n".join(text.splitlines()[:_HEADER_LINES])
    match = _HEADER_DATE.search(head)
    if not match:
        return None
    return dt.date(int(match.group("year")), MONTHS[match.group("month").lower()],
                   int(match.group("day")))


def event_date(sentence: str, published: dt.date | None,
               previous: EventDate | None) -> EventDate | None:
    """Date and precision of what a sentence reports, resolved against the publication.

    A written date wins ("between March 1 and March 5", "on February 4", "at the end of
    January"; a yearless day or month part later in the year than the publication is last
    year's); then relative words ("overnight", "today", "days later"); then the previous
    sentence's date in the same paragraph; then the week before publication.

    Parameters
    ----------
    sentence : str
    published : date, optional
        Without it only dates that carry a year resolve, and the rest take ``previous``.
    previous : tuple of str, optional
        The date and precision of the previous dated sentence of the paragraph.

    Returns
    -------
    tuple of str or None
        ISO date and precision, or ``None`` when nothing dates the sentence.
    """
    written = _written_date(sentence, published)
    if written is not None:
        return written
    if published is None:
        return previous
    return _relative_date(sentence, published, previous)


def _written_date(sentence: str, published: dt.date | None) -> EventDate | None:
    """A date written out in the sentence, a missing year taken from the publication."""
    year = published.year if published else None
    span = _RANGE.search(sentence)
    if span and (span.group("y1") or year):
        y = int(span.group("y1") or year or 0)
        first = dt.date(y, MONTHS[span.group("m1").lower()], int(span.group("d1")))
        last = dt.date(y, MONTHS[span.group("m2").lower()], int(span.group("d2")))
        return first.isoformat(), "week" if (last - first).days <= 7 else "month"
    match = _ON_DATE.search(sentence)
    if match and (match.group("year") or year):
        month = MONTHS[match.group("month").lower()]
        y = int(match.group("year") or year or 0)
        if not match.group("year") and published and month > published.month:
            y -= 1
        return dt.date(y, month, int(match.group("day"))).isoformat(), "day"
    match = _MONTH_PART.search(sentence)
    if match and year:
        month = MONTHS[match.group("month").lower()]
        y = year - 1 if published and month > published.month else year
        return _month_part(match.group("part").lower(), y, month)
    return None


def _month_part(part: str, year: int, month: int) -> EventDate:
    """The week or month that "the end of", "early" or "mid" a month means."""
    if "end" in part or "late" in part:
        last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
        monday = last - dt.timedelta(days=last.weekday())
        return monday.isoformat(), "week"
    if "early" in part or "beginning" in part or "start" in part:
        return dt.date(year, month, 1).isoformat(), "week"
    return dt.date(year, month, 1).isoformat(), "month"


def _relative_date(sentence: str, published: dt.date,
                   previous: EventDate | None) -> EventDate:
    """A date from relative words, the previous sentence's date, or the week before."""
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
