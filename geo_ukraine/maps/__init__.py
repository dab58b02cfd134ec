"""The maps stage: layered folium maps of events and territory, saved offline.

Importing it loads neither folium nor geopandas: they load when a map is drawn.
"""

from __future__ import annotations

from .build import event_map
from .offline import offline_html, save_map
from .styles import LAYERS
from .territory import territory_layers

__all__ = [
    "LAYERS",
    "event_map",
    "offline_html",
    "save_map",
    "territory_layers",
]
