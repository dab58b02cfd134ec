"""The gazetteer stage: place names to places, regions and reverse lookups.

``records`` (the row type, places, matches), ``store`` (rows and name indexes), ``ranking``
(priors and context), ``spatial`` (polygons, nearest points), ``resolver`` (the
:class:`Gazetteer`), ``names`` (normalisation), ``areas`` (areas named by phrases),
``overlay`` and ``ingest`` (the user's own data), ``geocoders`` (geopy-compatible).
"""

from __future__ import annotations

from .areas import (
    EU_MEMBERS,
    area_for_phrase,
    buffer_km,
    directional_part,
    geodesic_circle,
    reproject,
)
from .names import (
    LATIN_OR_CYRILLIC,
    has_cyrillic,
    index_keys,
    normalize,
    skeleton,
    split_region_phrase,
    transliterate,
)
from .ranking import WAR_REPORTING_WEIGHT, Context
from .records import (
    CITY_SECTION,
    COLUMNS,
    Candidate,
    Match,
    MatchMethod,
    MatchStatus,
    Place,
    PlaceKind,
    PlaceRow,
    ReverseResult,
)
from .resolver import KINDS, Gazetteer
from .store import overlay_file

__all__ = [
    "CITY_SECTION",
    "COLUMNS",
    "EU_MEMBERS",
    "KINDS",
    "LATIN_OR_CYRILLIC",
    "WAR_REPORTING_WEIGHT",
    "Candidate",
    "Context",
    "Gazetteer",
    "Match",
    "MatchMethod",
    "MatchStatus",
    "Place",
    "PlaceKind",
    "PlaceRow",
    "ReverseResult",
    "area_for_phrase",
    "buffer_km",
    "directional_part",
    "geodesic_circle",
    "has_cyrillic",
    "index_keys",
    "normalize",
    "overlay_file",
    "reproject",
    "skeleton",
    "split_region_phrase",
    "transliterate",
]
