"""The gazetteer stage: place names to places, regions and reverse lookups."""

from __future__ import annotations

from .areas import (
    EU_MEMBERS,
    area_for_phrase,
    buffer_km,
    directional_part,
    reproject,
)
from .core import (
    Candidate,
    Gazetteer,
    Match,
    Place,
    ReverseResult,
    overlay_file,
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

__all__ = [
    "EU_MEMBERS",
    "LATIN_OR_CYRILLIC",
    "Candidate",
    "Gazetteer",
    "Match",
    "Place",
    "ReverseResult",
    "area_for_phrase",
    "buffer_km",
    "directional_part",
    "has_cyrillic",
    "index_keys",
    "normalize",
    "overlay_file",
    "reproject",
    "skeleton",
    "split_region_phrase",
    "transliterate",
]
