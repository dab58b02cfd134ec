"""Shared vocabularies: month names, region and direction words, the countries of the theatre.

Every stage reads these words from here, so a new spelling ("oblasts", "Sept.") is added once.
"""

from __future__ import annotations

import re

__all__ = [
    "DIRECTION_PATTERN",
    "DIRECTION_VECTORS",
    "MONTHS",
    "MONTH_NAMES",
    "MONTH_PATTERN",
    "REGION_WORDS",
    "REGION_WORD_PATTERN",
    "THEATRE",
    "THEATRE_WIDE",
    "WEEKDAYS",
]

#: The months' full names, January first.
MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December")

#: The days of the week, Monday first (as ``date.weekday()`` counts them).
WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Month names and the abbreviations wire copy uses (lower case, no dot) to month numbers.
MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{abbr: number for number, abbrs in enumerate(
        [("jan",), ("feb",), ("mar",), ("apr",), (), ("jun",), ("jul",), ("aug",),
         ("sep", "sept"), ("oct",), ("nov",), ("dec",)], start=1) for abbr in abbrs},
}

#: A regular-expression alternation of the full month names, as written ("January|...").
MONTH_PATTERN = "|".join(MONTH_NAMES)

#: Words that turn a name into a first-level region phrase ("Sumy region", "Kursk Oblast").
REGION_WORDS: frozenset[str] = frozenset(
    ["region", "regions", "oblast", "oblasts", "province", "provinces"])

#: A token that is a region word.
REGION_WORD_PATTERN = re.compile(r"^(?:region|regions|oblast|oblasts|province|provinces)$", re.I)

#: Compass directions to unit vectors (east, north) for directional parts of a region.
DIRECTION_VECTORS: dict[str, tuple[float, float]] = {
    "north": (0.0, 1.0), "south": (0.0, -1.0), "east": (1.0, 0.0), "west": (-1.0, 0.0),
    "northeast": (1.0, 1.0), "northwest": (-1.0, 1.0), "southeast": (1.0, -1.0),
    "southwest": (-1.0, -1.0), "central": (0.0, 0.0),
}

#: A token that is a direction word ("southeastern", "north-west", "central").
DIRECTION_PATTERN = re.compile(
    r"^(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)"
    r"(?:ern)?$", re.I)

#: The countries where the war is fought: events elsewhere are diplomacy, aid or abroad.
THEATRE: tuple[str, ...] = ("UA", "RU")

#: The theatre with the neighbours that maps frame by default (Belarus, Moldova).
THEATRE_WIDE: tuple[str, ...] = ("UA", "RU", "BY", "MD")
