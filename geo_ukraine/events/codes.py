"""The coded values of the event schema, documented once: statuses, precisions, resolutions."""

from __future__ import annotations

import enum

__all__ = [
    "DATE_PRECISIONS",
    "GEO_PRECISION",
    "RESOLUTIONS",
    "STATUSES",
    "DatePrecision",
    "GeoPrecision",
    "Resolution",
    "Status",
]


class Status(enum.StrEnum):
    """How far a report of an event has been corroborated (the ``status`` column).

    ``claimed``: one side says so (``claimed_by`` names who); ``reported``: the outlet
    reports it as fact; ``confirmed``: verified by several independent sources.
    """

    CLAIMED = "claimed"
    REPORTED = "reported"
    CONFIRMED = "confirmed"


class DatePrecision(enum.StrEnum):
    """How exactly ``event_date`` is known (the ``date_precision`` column).

    ``day``: that day; ``week``: some day of the ISO week starting on ``event_date`` (a
    Monday); ``month``: some day of the month starting on ``event_date`` (the 1st). ACLED's
    ``time_precision`` codes 1, 2 and 3 mean the same. ``unknown``: the source gives no date
    (an article with no dateline and no date in its text); ``event_date`` is then null, and
    the event is kept rather than dated by guesswork.
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    UNKNOWN = "unknown"


class GeoPrecision(enum.IntEnum):
    """How exactly the geometry shows where an event happened (the ``geo_precision`` column).

    The codes and their meaning are listed in :data:`GEO_PRECISION`. ACLED's codebook has
    1-3; our 4 (a whole country) exports as ACLED's 3.
    """

    PLACE = 1
    NEAR = 2
    REGION = 3
    COUNTRY = 4


class Resolution(enum.StrEnum):
    """Whether the event's place was found in the gazetteer (the ``resolution`` column).

    A ``resolved`` event has a geometry; an ``ambiguous`` (several namesakes, none clearly
    meant) or ``unresolved`` one keeps its row without geometry.
    """

    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
DATE_PRECISIONS: tuple[str, ...] = tuple(p.value for p in DatePrecision)
RESOLUTIONS: tuple[str, ...] = tuple(r.value for r in Resolution)

#: ``geo_precision`` codes. ACLED's codebook has 1-3; our 4 (whole country) exports as ACLED 3.
GEO_PRECISION: dict[int, str] = {
    GeoPrecision.PLACE.value:
        "the named place itself (a settlement or facility with its own coordinates)",
    GeoPrecision.NEAR.value:
        "near a named place or part of a region: an approximate village location, a claimed-"
        "capture buffer, or a directional sub-area such as 'southeastern Zaporizhzhia'",
    GeoPrecision.REGION.value: "a whole admin-1 region (oblast) or several",
    GeoPrecision.COUNTRY.value: "a whole country",
}

