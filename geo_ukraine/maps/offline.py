"""Saving maps as single HTML pages that make no network request: assets inlined, tiles left out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .._files import atomic_open, check_output
from .assets import find_remote_assets, inline_assets

if TYPE_CHECKING:
    import folium

__all__ = ["offline_html", "save_map", "without_tile_layers"]

_TILE_LAYER = re.compile(r"\bvar (tile_layer_[0-9a-f]+) = L\.tileLayer\(")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _call_end(code: str, start: int) -> int:
    """Index just past the ``);`` closing the call whose ``(`` ends ``code[:start]``."""
    depth, at = 1, start
    while depth and at < len(code):
        char = code[at]
        if char == '"':
            at = _STRING.match(code, at).end()  # type: ignore[union-attr]
            continue
        depth += (char in "([{") - (char in ")]}")
        at += 1
    return at + 1 if code.startswith(";", at) else at


def without_tile_layers(html: str) -> str:
    """A rendered folium page with its tile layers taken out.

    Each ``folium.TileLayer`` renders as ``var tile_layer_<id> = L.tileLayer(...);``, an
    ``addTo`` call, and an entry in any layer control; all three are removed, so the page
    neither requests tiles nor refers to a variable it no longer defines.
    """
    names = _TILE_LAYER.findall(html) if "L.tileLayer(" in html else []
    for name in names:
        match = re.search(rf"\bvar {name} = L\.tileLayer\(", html)
        if match is not None:
            html = html[:match.start()] + html[_call_end(html, match.end()):]
        html = re.sub(rf"\n[ \t]*{name}\.addTo\([\w$]+\);", "", html)
        html = re.sub(rf'\n[ \t]*"(?:[^"\\\n]|\\.)*"[ \t]*:[ \t]*{name},', "", html)
    return html


def offline_html(m: folium.Map) -> str:
    """The map as one self-contained HTML page: assets inlined, tile layers left out.

    The map itself is not changed (tile layers are left out of this rendering only).

    Raises
    ------
    RuntimeError
        When the map uses an asset no installed package provides.
    """
    html = inline_assets(without_tile_layers(m.get_root().render()))
    remote = find_remote_assets(html)
    if remote:
        msg = f"offline map would still load {remote[:3]}"
        raise RuntimeError(msg)
    return html


def save_map(m: folium.Map, path: str | Path, *, offline: bool = True) -> Path:
    """Save a map as one HTML file; with ``offline`` it makes no network request at all.

    Offline, every JS/CSS file the page links to is inlined from the installed
    ``folium-offline`` package and tile layers are dropped (the vector basemap stays).

    Parameters
    ----------
    m : folium.Map
    path : str or Path
    offline : bool

    Returns
    -------
    pathlib.Path

    Raises
    ------
    RuntimeError
        When ``offline`` and the map uses an asset no installed package provides.
    """
    path = check_output(path)
    html = offline_html(m) if offline else m.get_root().render()
    with atomic_open(path, encoding="utf-8") as handle:
        handle.write(html)
    return path
