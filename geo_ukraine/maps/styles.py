"""How the map looks: the colour palette, one style per event layer, labels and the page CSS."""

from __future__ import annotations

import dataclasses

__all__ = [
    "BLACK",
    "BLUE",
    "CHOROPLETH",
    "CLUSTER_CELL_PIXELS",
    "CLUSTER_MAX_IN_VIEW",
    "CLUSTER_MAX_ZOOM",
    "CLUSTER_MIN_POINTS",
    "COMPACT_WIDTH",
    "CSS",
    "EVENT_LABELS",
    "GAINED",
    "GREEN",
    "GREY",
    "LAYERS",
    "LOST",
    "ORANGE",
    "POPUP_FIELDS",
    "PURPLE",
    "SKY",
    "SNAPSHOT_COLOURS",
    "UKRAINE_BOUNDS",
    "VERMILLION",
    "WINE",
    "YELLOW",
    "LayerStyle",
]

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies; WINE (from
# Paul Tol's muted scheme) marks claims, a hue no strike layer uses.
ORANGE, SKY, GREEN, YELLOW = "#E69F00", "#56B4E9", "#009E73", "#F0E442"
BLUE, VERMILLION, PURPLE, BLACK, GREY = "#0072B2", "#D55E00", "#CC79A7", "#000000", "#999999"
WINE = "#882255"

#: Territory layers, one colour each: snapshots in order (cycled), then gained and lost.
SNAPSHOT_COLOURS: tuple[str, ...] = ("#44AA99", "#332288", "#DDCC77", "#117733", "#AA4499")
GAINED, LOST = VERMILLION, BLUE

#: Below this page width (CSS pixels) the controls fold into buttons.
COMPACT_WIDTH = 1200


@dataclasses.dataclass(frozen=True)
class LayerStyle:
    """One switchable layer: which event types it shows and how they are drawn."""

    key: str
    group: str
    label: str
    event_types: tuple[str, ...]
    colour: str
    shape: str = "circle"
    area: str = "solid"  # how area geometries are drawn: solid or hatched
    radius: float = 7.0
    sized: bool = False  # symbol size by killed + injured


#: The map's layers, in legend order.
LAYERS: tuple[LayerStyle, ...] = (
    LayerStyle("missile", "Strikes", "Missile strikes", ("missile_strike",), VERMILLION,
               "triangle"),
    LayerStyle("drone", "Strikes", "Drone strikes", ("drone_strike",), ORANGE, "diamond"),
    LayerStyle("glide_bomb", "Strikes", "Glide / aerial bombs", ("glide_bomb",), PURPLE,
               "square"),
    LayerStyle("shelling", "Strikes", "Shelling", ("shelling",), YELLOW, "hexagon"),
    LayerStyle("combined", "Strikes", "Combined strikes", ("combined_strike",), BLACK, "star"),
    LayerStyle("civilian", "Civilian harm", "Civilians killed or injured (size = people)",
               ("civilian_casualties",), "#B2182B", "circle", sized=True),
    LayerStyle("infrastructure", "Damage", "Infrastructure damage", ("infrastructure_damage",),
               SKY, "square"),
    LayerStyle("claimed", "Territory", "Claimed advances (hatched)", ("territorial_claim",),
               WINE, "hexagon", area="hatched"),
    LayerStyle("assessed", "Territory", "Assessed territorial changes", ("territorial_change",),
               PURPLE, "triangle"),
    LayerStyle("cross_border", "Strikes into Russia", "Cross-border strikes",
               ("cross_border_strike",), BLUE, "diamond"),
    LayerStyle("incursion", "Strikes into Russia", "Incursions", ("incursion",), GREEN,
               "cross"),
    LayerStyle("diplomacy", "Diplomacy and aid", "Diplomacy", ("diplomacy",), GREEN, "circle"),
    LayerStyle("aid", "Diplomacy and aid", "Aid", ("aid",), SKY, "cross"),
    LayerStyle("other", "Other", "Other events", ("other",), GREY, "circle"),
)

#: Event columns carried to the page for popups and tooltips.
POPUP_FIELDS: tuple[str, ...] = (
    "event_id", "event_date", "date_precision", "event_type", "location", "place_name",
    "geo_precision", "actor", "target", "status", "claimed_by", "fatalities", "injured",
    "source", "source_url", "sentence", "notes")

#: Event types as a reader names them.
EVENT_LABELS: dict[str, str] = {
    "missile_strike": "Missile strike", "drone_strike": "Drone strike",
    "glide_bomb": "Glide / aerial bomb", "shelling": "Shelling",
    "combined_strike": "Combined strike", "infrastructure_damage": "Infrastructure damage",
    "civilian_casualties": "Civilian casualties", "territorial_claim": "Claimed advance",
    "territorial_change": "Assessed territorial change",
    "cross_border_strike": "Cross-border strike", "incursion": "Incursion",
    "diplomacy": "Diplomacy", "aid": "Aid", "other": "Other",
}

#: A layer with more points than this is drawn as counts on a grid below this zoom.
CLUSTER_MIN_POINTS = 2000
CLUSTER_MAX_ZOOM = 10
#: ... and from that zoom on too, while more than this many of its points are in view.
CLUSTER_MAX_IN_VIEW = 3000
#: The grid's cells, in screen pixels: wider than the largest count symbol (48 pixels
#: across), so neighbouring counts of one layer rarely overlap.
CLUSTER_CELL_PIXELS = 64

#: The initial view when no event lies in the theatre: (south, west), (north, east).
UKRAINE_BOUNDS = ((44.3, 22.1), (52.4, 40.2))

#: Choropleth classes, light to dark.
CHOROPLETH: tuple[str, ...] = (
    "#f7fcb9", "#d9f0a3", "#addd8e", "#78c679", "#31a354", "#006837")

#: The page's own stylesheet.
CSS = """
div.leaflet-container{background:#cfe3f0;
 font:13px/1.35 system-ui,-apple-system,"Segoe UI",sans-serif}
.gu-legend{background:#fff;padding:6px 10px;border-radius:6px;box-shadow:0 1px 5px rgba(0,0,0,.4);
 max-width:300px;max-height:70vh;overflow:auto}
.leaflet-control-layers-expanded{max-height:60vh;overflow:auto}
.gu-legend summary{font-weight:600;cursor:pointer}
.gu-legend ul{list-style:none;margin:4px 0 0;padding:0}
.gu-legend li{display:flex;align-items:center;gap:6px;margin:2px 0}
.gu-legend .gu-note{color:#555;font-size:11px;margin-top:4px}
.gu-swatch{display:inline-block;width:14px;height:11px;border:1.5px solid;opacity:.8;flex:none}
.gu-swatch-hatched{background:repeating-linear-gradient(45deg,currentColor 0 2px,
 transparent 2px 5px)}
.gu-swatch-outline{border-style:dashed;background:none}
.gu-title{background:#fff;padding:4px 10px;border-radius:6px;font:600 15px system-ui,sans-serif;
 box-shadow:0 1px 5px rgba(0,0,0,.4)}
.gu-popup{max-width:320px}
.gu-popup-title{font-weight:700;margin-bottom:4px}
.gu-count{font-weight:600;color:#555;margin-bottom:4px}
.gu-event+.gu-event{border-top:1px solid #ccc;margin-top:6px;padding-top:6px}
.gu-popup table{border-collapse:collapse}
.gu-popup th{text-align:left;padding:1px 8px 1px 0;color:#555;font-weight:500;vertical-align:top}
.gu-sentence{margin:6px 0 0;padding-left:8px;border-left:3px solid #bbb;color:#222}
.gu-popup .gu-notes{margin:6px 0 0;font-style:italic}
.gu-time{background:#fff;padding:6px 8px}
.gu-time input{width:220px;display:block}
.gu-oblast-label,.gu-country-label,.gu-badge-label{white-space:nowrap;
 text-shadow:0 0 2px #fff,0 0 2px #fff;transform:translate(-50%,-50%)}
.gu-oblast-label{color:#555;font-size:10px;font-style:italic}
.gu-country-label{color:#222;font:600 13px system-ui,sans-serif;letter-spacing:.12em;
 text-transform:uppercase}
.gu-badge-label{color:#882255;font-size:11px;font-weight:600;transform:translate(-50%,12px)}
.gu-river-label{color:#2f6f9f;font:italic 11px/1 system-ui,sans-serif;white-space:nowrap;
 text-shadow:0 0 2px #fff,0 0 2px #fff}
.gu-river-label span{position:absolute;left:0;top:0;transform-origin:0 0}
.gu-zoom-low .gu-oblast-label{display:none}
.leaflet-container .gu-tier6{display:none}
.leaflet-container.gu-z6 .gu-tier6{display:block}
.leaflet-container .gu-tier7{display:none}
.leaflet-container.gu-z7 .gu-tier7{display:block}
.leaflet-container .gu-tier8{display:none}
.leaflet-container.gu-z8 .gu-tier8{display:block}
.leaflet-container .gu-tier9{display:none}
.leaflet-container.gu-z9 .gu-tier9{display:block}
.leaflet-container .gu-tier10{display:none}
.leaflet-container.gu-z10 .gu-tier10{display:block}
.gu-fold{display:none}
@media (max-width:1199px){
 .gu-fold{display:block;border:0;background:#fff;font:600 13px system-ui,sans-serif;
  padding:6px 10px;cursor:pointer}
 .leaflet-control-layers:not(.gu-open)>:not(.gu-fold){display:none}
 .gu-legend{max-width:220px}
}
"""
