"""The maps stage: layered folium maps of events and territory, saved offline."""

from __future__ import annotations

from .core import (
    LAYERS,
    event_map,
    offline_html,
    save_map,
    territory_layers,
)

__all__ = [
    "LAYERS",
    "event_map",
    "offline_html",
    "save_map",
    "territory_layers",
]
