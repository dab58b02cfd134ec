"""Dates in article text: the publication date, and what a sentence's date resolves to."""

from __future__ import annotations

import datetime as dt
import re

from ..errors import UndatedArticleWarning
from ..vocab import MONTH_NAMES, MONTH_PATTERN, MONTHS, WEEKDAYS
from .sentences import folded, has_any

__all__ = ["UNKNOWN_DATE", "EventDate", "UndatedArticleWarning", "article_date", "event_date",
           "publication_date"]

#: An ISO date and its precision (``day``, ``week`` or ``month``), or ``(None, "unknown")``.
EventDate = tuple[str | None, str]

#: What a sentence that cannot be dated gets.
UNKNOWN_DATE: EventDate = (None, "unknown")


# Month names as wire copy writes them: "January", "Jan", "Jan.", "Sept".
_MONTH_WORD = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# A date on a header line of its own, perhaps after a label or a weekday and before a time:
# "January 10, 2026", "Posted On: Mar 14/2025 09:05AM", "Monday, 7 August 2023, 10:45",
# "Published 2024-08-25", "06.12.2024".
_HEADER_DATE = re.compile(
    r"^[^\n]{0,40}?(?<![\w/.])(?:"
    rf"(?P<month>{_MONTH_WORD})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|/|\s+)"
    r"(?P<year>\d{4})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_WORD}),?\s+(?P<year2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<dd>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<yyyy>\d{4})"
    r")(?![\w/.])[\s\d:.,|()+-]{0,12}(?:[AP]\.?M\.?|UTC|GMT|EST|CET|EET|MSK)?[\s\d:+-]{0,8}$",
    re.M | re.I)
# A month in a sentence's date: its name, or wire copy's abbreviation ("Jan. 14", "Sept 5").
_DATE_MONTH = (r"(?:" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + "|"
               + "|".join(sorted((m for m in MONTHS if m.title() not in MONTH_NAMES),
                                 key=len, reverse=True)) + r")\b\.?")
_ON_DATE = re.compile(
    rf"\b(?:on\s+)?(?P<month>{_DATE_MONTH})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?\b",
    re.I)
_RANGE = re.compile(
    rf"\bbetween (?P<m1>{_DATE_MONTH}) (?P<d1>\d{{1,2}})(?:,? (?P<y1>\d{{4}}))? and "
    rf"(?P<m2>{_DATE_MONTH}) (?P<d2>\d{{1,2}})", re.I)
_MONTH_PART = re.compile(
    r"\b(?P<part>(?:at the )?(?:end|beginning|start|middle) of|early|mid|late|in early|"
    rf"in mid|in late)[\s-]+(?P<month>{MONTH_PATTERN})\b", re.I)
# A written date names its month: a sentence without the first three letters of one has none.
_MONTH_WORDS = tuple(sorted({name[:3].lower() for name in MONTH_NAMES}))
# A day of the week, as English capitalises it: the latest such day up to publication.
_WEEKDAY = re.compile(r"\b(?P<day>" + "|".join(WEEKDAYS) + r")\b")
# How many lines from the top a publication date may stand on.
_HEADER_LINES = 15
# ... and how many characters: a text of one long line is not read to its end for a header.
_HEADER_CHARS = 3000


def publication_date(text: str) -> dt.date | None:
    """The article's own date: on a short line of its own near the top.

    "January 10, 2026", "Monday, 7 August 2023, 10:45", "Posted On: Mar 14/2025 09:05AM",
    "2024-08-25" and "06.12.2024" (day first) are read; an impossible date is skipped.

    Parameters
    ----------
    text : str

    Returns
    -------
    date or None
    """
    head = "\n".join(text[:_HEADER_CHARS].splitlines()[:_HEADER_LINES])
    for match in _HEADER_DATE.finditer(head):
        try:
            return _header_date(match)
        except ValueError:
            continue
    return None


#: The article's own date (an alias of :func:`publication_date`, named for what it reads).
article_date = publication_date


def _header_date(match: re.Match[str]) -> dt.date:
    """The date a header match names (ValueError for an impossible one)."""
    if match.group("iso"):
        return dt.date.fromisoformat(match.group("iso"))
    if match.group("yyyy"):
        return dt.date(int(match.group("yyyy")), int(match.group("mm")), int(match.group("dd")))
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    year = match.group("year") or match.group("year2")
    return dt.date(int(year), _month(month), int(day))


def event_date(sentence: str, published: dt.date | None,
               previous: EventDate | None) -> EventDate | None:
    """Date and precision of what a sentence reports, resolved against the publication.

    A written date wins ("between March 1 and March 5", "on February 4", "Jan. 14", "at the
    end of January"; a yearless day or month part later in the year than the publication is
    last year's); then a day of the week ("on Monday", "late Sunday": the latest such day up
    to the publication); then relative words ("overnight", "today", "days later"); then the
    previous sentence's date in the same paragraph; then the week before publication.

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
    if not has_any(folded(sentence), _MONTH_WORDS):
        return None  # each pattern below needs a month's name
    year = published.year if published else None
    span = _RANGE.search(sentence)
    if span and (span.group("y1") or year):
        y = int(span.group("y1") or year or 0)
        first = dt.date(y, _month(span.group("m1")), int(span.group("d1")))
        last = dt.date(y, _month(span.group("m2")), int(span.group("d2")))
        return first.isoformat(), "week" if (last - first).days <= 7 else "month"
    match = _ON_DATE.search(sentence)
    if match and (match.group("year") or year):
        month = _month(match.group("month"))
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


def _month(word: str) -> int:
    """The number of a month named in full or abbreviated ("Sept.")."""
    return MONTHS[word.lower().rstrip(".")]


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
    """A date from a weekday, relative words, the previous sentence's date, or the week before."""
    weekday = _WEEKDAY.search(sentence) if "day" in sentence else None
    if weekday is not None:
        back = (published.weekday() - WEEKDAYS.index(weekday.group("day"))) % 7
        return (published - dt.timedelta(days=back)).isoformat(), "day"
    lowered = sentence.lower()
    if _has_word(lowered, ("overnight", "last night", "yesterday")):
        return (published - dt.timedelta(days=1)).isoformat(), "day"
    if _has_word(lowered, ("today", "this morning")):
        return published.isoformat(), "day"
    if _has_word(lowered, ("days later",)) and previous:
        return previous[0], "week"
    if previous:
        return previous
    week_start = published - dt.timedelta(days=published.weekday() + 7)
    return week_start.isoformat(), "week"


def _has_word(lowered: str, phrases: tuple[str, ...]) -> bool:
    """Whether a lower-case text holds one of ``phrases`` as whole words."""
    return any(phrase in lowered and re.search(rf"\b{phrase}\b", lowered) is not None
               for phrase in phrases)
