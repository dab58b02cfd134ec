"""geo_ukraine: offline gazetteer, event geodata and layered maps of the war in Ukraine.

``import geo_ukraine`` loads no data and opens no socket: the gazetteer loads on first use.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from ._settings import Settings, configure, settings
from .corpus import extract_corpus, extract_corpus_to
from .errors import (
    AmbiguousPlaceError,
    EventSchemaError,
    GeoUkraineError,
    GeoUkraineWarning,
    InvalidCoordinateError,
    InvalidNameError,
    OutputPathError,
    TerritoryError,
    UnknownPlaceError,
    UnresolvedPlaceWarning,
)
from .events import (
    ACLED_TYPES,
    EVENT_COLUMNS,
    EVENT_TYPES,
    GEO_PRECISION,
    STATUSES,
    acled_types,
    attach_place,
    empty_events,
    event_type_from_acled,
    events_from_records,
    validate_events,
)
from .events.io import (
    ACLED_COLUMNS,
    events_from_acled,
    read_events,
    to_geojson,
    write_acled,
    write_events,
)
from .extract import Mention, events_from_text, extract_events, find_places, publication_date
from .gazetteer import (
    Candidate,
    Gazetteer,
    Match,
    Place,
    ReverseResult,
    buffer_km,
    directional_part,
    normalize,
    skeleton,
    split_region_phrase,
    transliterate,
)
from .maps import LAYERS, event_map, offline_html, save_map, territory_layers
from .territory import (
    Change,
    Snapshot,
    area_km2,
    by_oblast,
    changes,
    read_snapshot,
    share_of_country,
    snapshot_from_geometry,
    time_series,
)

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

try:
    __version__ = version("geo_ukraine")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"


def __getattr__(name: str) -> object:
    # geopy is imported only when its geocoders are asked for: ``import geo_ukraine`` stays cheap.
    if name in ("GazetteerGeocoder", "CachedOnlineGeocoder"):
        from .gazetteer import geocoders

        return getattr(geocoders, name)
    msg = f"module 'geo_ukraine' has no attribute {name!r}"
    raise AttributeError(msg)


def resolve(name: str, **hints: object) -> Match:
    """Resolve a place name with the default gazetteer; see :meth:`Gazetteer.resolve`.

    Examples
    --------
    >>> import geo_ukraine
    >>> geo_ukraine.resolve("Sumy region").place.kind
    'admin1'
    """
    return Gazetteer.default().resolve(name, **hints)  # type: ignore[arg-type]


def reverse(lon: float, lat: float) -> ReverseResult:
    """Country, oblast, raion and nearest settlement of a point; see :meth:`Gazetteer.reverse`."""
    return Gazetteer.default().reverse(lon, lat)


def region(name: str) -> BaseGeometry:
    """The polygon of a region, group of regions or country; see :meth:`Gazetteer.region`."""
    return Gazetteer.default().region(name)


__all__ = [
    "ACLED_COLUMNS",
    "ACLED_TYPES",
    "EVENT_COLUMNS",
    "EVENT_TYPES",
    "GEO_PRECISION",
    "LAYERS",
    "STATUSES",
    "AmbiguousPlaceError",
    "CachedOnlineGeocoder",
    "Candidate",
    "Change",
    "EventSchemaError",
    "Gazetteer",
    "GazetteerGeocoder",
    "GeoUkraineError",
    "GeoUkraineWarning",
    "InvalidCoordinateError",
    "InvalidNameError",
    "Match",
    "Mention",
    "OutputPathError",
    "Place",
    "ReverseResult",
    "Settings",
    "Snapshot",
    "TerritoryError",
    "UnknownPlaceError",
    "UnresolvedPlaceWarning",
    "__version__",
    "acled_types",
    "area_km2",
    "attach_place",
    "buffer_km",
    "by_oblast",
    "changes",
    "configure",
    "directional_part",
    "empty_events",
    "event_map",
    "event_type_from_acled",
    "events_from_acled",
    "events_from_records",
    "events_from_text",
    "extract_corpus",
    "extract_corpus_to",
    "extract_events",
    "find_places",
    "normalize",
    "offline_html",
    "publication_date",
    "read_events",
    "read_snapshot",
    "region",
    "resolve",
    "reverse",
    "save_map",
    "settings",
    "share_of_country",
    "skeleton",
    "snapshot_from_geometry",
    "split_region_phrase",
    "territory_layers",
    "time_series",
    "to_geojson",
    "transliterate",
    "validate_events",
    "write_acled",
    "write_events",
]
