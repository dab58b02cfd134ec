"""ACLED CSV exports: their columns and codes, and the ``geo_ukraine:`` tags we add to them.

Reading is :mod:`~geo_ukraine.events.io.acled_read`, writing
:mod:`~geo_ukraine.events.io.acled_write`. What ACLED's columns cannot hold travels in its
``tags`` column as ``geo_ukraine:<field>=<value>`` items separated by ``"; "``, as ACLED
separates its own tags: our ``event_type`` always, ``status`` when it is not ``reported`` (the
reader's default) and ``claimed_by`` when given, for example
``geo_ukraine:event_type=territorial_claim; geo_ukraine:status=claimed;
geo_ukraine:claimed_by=Russian MoD``. In a value, ``%``, ``;`` and control characters are
written ``%25``, ``%3B``, ``%0A`` and so on, so that every text survives and the tags stay
readable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from ..codes import DatePrecision, Status

__all__ = [
    "ACLED_COLUMNS",
    "DISORDER_TYPES",
    "ISO_NUMERIC",
    "TIME_PRECISIONS",
    "acled_tags",
    "is_acled_header",
    "parse_tags",
    "with_tags",
]

#: The 31 standard columns of an ACLED export, in order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

#: ACLED's ``time_precision`` codes and our date precisions.
TIME_PRECISIONS: dict[str, DatePrecision] = {
    "1": DatePrecision.DAY, "2": DatePrecision.WEEK, "3": DatePrecision.MONTH}

#: ACLED ``event_type`` -> its ``disorder_type``.
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Strategic developments": "Strategic developments"}

#: ISO 3166-1 numeric codes, which ACLED writes in ``iso``, of the countries our events name:
#: the theatre, its neighbours and the usual places of talks and aid. Source: ISO 3166-1
#: (the same numbers as the UN M49 country codes, https://unstats.un.org/unsd/methodology/m49/).
ISO_NUMERIC: dict[str, int] = {
    "UA": 804, "RU": 643, "BY": 112, "MD": 498,
    "PL": 616, "RO": 642, "HU": 348, "SK": 703, "LT": 440, "LV": 428, "EE": 233, "FI": 246,
    "GE": 268, "TR": 792, "BG": 100, "CZ": 203, "AT": 40, "DE": 276, "FR": 250, "GB": 826,
    "IT": 380, "ES": 724, "PT": 620, "NL": 528, "BE": 56, "LU": 442, "DK": 208, "SE": 752,
    "NO": 578, "IS": 352, "IE": 372, "CH": 756, "VA": 336, "GR": 300, "CY": 196, "MT": 470,
    "HR": 191, "SI": 705, "RS": 688, "US": 840, "CA": 124, "JP": 392, "CN": 156, "IN": 356,
    "BR": 76, "ZA": 710, "SA": 682, "AE": 784, "QA": 634, "IL": 376, "IR": 364, "KP": 408,
    "KZ": 398, "AM": 51, "AZ": 31,
}

_PREFIX = "geo_ukraine:"
_TAG = re.compile(r"geo_ukraine:(\w+)=([^;]*)")
_QUOTED = re.compile(r"[%;\x00-\x1f\x7f]")
_OURS = ("event_type", "status", "claimed_by")


def is_acled_header(record: Mapping[str, Any]) -> bool:
    """Whether a CSV's first record (or header) has ACLED's identifying columns."""
    return "event_id_cnty" in record and "sub_event_type" in record


def acled_tags(event_type: str | None, status: str | None, claimed_by: str | None) -> str:
    """Our fields as ``geo_ukraine:`` tags (see the module's description).

    Examples
    --------
    >>> acled_tags("territorial_claim", "claimed", "Russian MoD; TASS").split("; ")
    ['geo_ukraine:event_type=territorial_claim', 'geo_ukraine:status=claimed', \
'geo_ukraine:claimed_by=Russian MoD%3B TASS']
    """
    items = []
    for field, value in (("event_type", event_type), ("status", status),
                         ("claimed_by", claimed_by)):
        if value and not (field == "status" and value == Status.REPORTED):
            items.append(f"{_PREFIX}{field}={_quote(str(value))}")
    return "; ".join(items)


def with_tags(tags: str, status: str | None, claimed_by: str | None) -> str:
    """An ACLED ``tags`` cell with our ``status`` and ``claimed_by`` tags replaced."""
    kept = [item for item in tags.split("; ")
            if item and not re.match(r"geo_ukraine:(status|claimed_by)=", item)]
    ours = acled_tags(None, status, claimed_by)
    return "; ".join([*kept, ours] if ours else kept)


def parse_tags(tags: str) -> dict[str, str]:
    """Our fields from an ACLED ``tags`` cell: ``{"event_type": ..., "status": ...}``."""
    return {m.group(1): unquote(m.group(2)) for m in _TAG.finditer(tags or "")
            if m.group(1) in _OURS}


def _quote(value: str) -> str:
    return _QUOTED.sub(lambda m: f"%{ord(m.group()):02X}", value)
