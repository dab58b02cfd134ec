"""folium/branca elements of our maps, each with a fixed class-level template.

User text never becomes template source. branca's ``MacroElement.render`` compiles the
*output* of an element's ``script`` macro as a new Jinja template, so any data inside a
script block (popups, notes, titles) would run as template code. The elements here render
their script themselves and hand the page a finished string, so ``{{ 7*7 }}`` or ``{% ... %}``
in a title, a layer name or an article stays literal text. This module imports folium, so
:mod:`geo_ukraine.maps` imports it only when a map is drawn (``import geo_ukraine`` stays cheap).
"""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.template import Template

from .._html import escape
from .._settings import settings
from .assets import package_script
from .offline import offline_html

__all__ = ["EventLayers", "EventMap", "HtmlElement", "ScriptElement", "TerritoryLayers"]


class EventMap(folium.Map):
    """A folium.Map that displays in notebooks with no network while offline.

    It links only Leaflet itself: no jQuery, Bootstrap or icon fonts (nothing here uses them).
    """

    # folium declares these as list attributes; ours are never mutated.
    default_js = [pair for pair in folium.Map.default_js  # noqa: RUF012
                  if pair[0] == "leaflet"]
    default_css = [pair for pair in folium.Map.default_css  # noqa: RUF012
                   if pair[0] == "leaflet_css"]

    def _repr_html_(self, **kwargs: Any) -> str:
        if not settings.offline:
            return super()._repr_html_(**kwargs)
        return ('<div style="width:100%;"><div style="position:relative;width:100%;'
                'height:0;padding-bottom:60%;"><iframe srcdoc="'
                + escape(offline_html(self))
                + '" style="position:absolute;width:100%;height:100%;left:0;top:0;'
                'border:none !important;" allowfullscreen></iframe></div></div>')


class HtmlElement(Element):
    """A piece of HTML for the page header or body, already escaped by the caller."""

    _template = Template("{{ this.html }}")

    def __init__(self, html: str) -> None:
        super().__init__()
        self.html = html


class ScriptElement(MacroElement):
    """A block of our own JavaScript for the page's script section, never compiled by Jinja."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "ScriptElement"
        self.code = code

    def script(self) -> str:
        """The finished JavaScript of this element."""
        return self.code

    def render(self, **kwargs: object) -> None:  # type: ignore[override]
        """Add the script to the page as a value (unlike ``MacroElement.render``)."""
        figure = self.get_root()
        figure.script.add_child(HtmlElement(self.script()),  # type: ignore[attr-defined]
                                name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class EventLayers(ScriptElement):
    """The basemap, event layers, legend and controls of :func:`geo_ukraine.event_map`.

    Parameters
    ----------
    config_json, legend_json : str
        The layer data and the legend HTML, as script-safe JSON
        (:func:`geo_ukraine._html.script_json`).
    lazy_json : dict of str to str, optional
        Data the page reads only when it needs it (popup text, villages), each as script-safe
        JSON; the page finds each by its key (``geoUkraineLib.lazyJson``).
    """

    def __init__(self, config_json: str, legend_json: str,
                 lazy_json: dict[str, str] | None = None) -> None:
        super().__init__("".join(package_script(name) for name in
                                 ("common.js", "basemap.js", "event_map.js", "controls.js")))
        self._name = "EventLayers"
        self.config_json = config_json
        self.legend_json = legend_json
        self.lazy_json = dict(lazy_json or {})

    def render(self, **kwargs: object) -> None:  # type: ignore[override]
        """Add the layer data to the page's body as JSON, then the script (see ``script``).

        A browser reads JSON with ``JSON.parse`` much faster than it compiles the same data
        as a script; each JSON is script-safe (no ``<``), so it cannot end its element.
        """
        body = self.get_root().html  # type: ignore[attr-defined]
        for key, value in {"config": self.config_json, **self.lazy_json}.items():
            body.add_child(HtmlElement(
                f'<script type="application/json" id="{self.get_name()}_{key}">'
                f"{value}</script>"), name=f"{self.get_name()}_{key}")
        super().render(**kwargs)

    def script(self) -> str:
        """Our scripts, then the calls that draw the map, its legend and its controls."""
        map_name = self._parent.get_name() if self._parent is not None else "map"
        data = f'document.getElementById("{self.get_name()}_config")'
        return (f"{self.code}\n"
                f"var geoUkraineConfig = JSON.parse({data}.textContent);\n"
                f"{data}.remove();\n"
                f'geoUkraineConfig.lazy = "{self.get_name()}_";\n'
                f"geoUkraineLib.fitView({map_name}, geoUkraineConfig.fit);\n"
                f"geoUkraineBasemap({map_name}, geoUkraineConfig);\n"
                "var guLegend = L.control({position: 'bottomright'});\n"
                "guLegend.onAdd = function () { var d = L.DomUtil.create('div');"
                f" d.innerHTML = {self.legend_json};"
                " L.DomEvent.disableClickPropagation(d); return d.firstChild; };\n"
                f"guLegend.addTo({map_name});\n"
                f"var geoUkraine = geoUkraineEventMap({map_name}, geoUkraineConfig);\n"
                f"geoUkraineControls({map_name}, geoUkraineConfig);\n")


class TerritoryLayers(ScriptElement):
    """Control areas and their changes on the map's shared canvas, with legend entries.

    Parameters
    ----------
    config_json : str
        The areas (GeoJSON with colour, label and layer group each), as script-safe JSON.
    """

    def __init__(self, config_json: str) -> None:
        super().__init__(package_script("common.js") + package_script("territory.js"))
        self._name = "TerritoryLayers"
        self.config_json = config_json

    def script(self) -> str:
        """Our scripts, then the call that draws the areas."""
        map_name = self._parent.get_name() if self._parent is not None else "map"
        return f"{self.code}\ngeoUkraineTerritory({map_name}, {self.config_json});\n"
