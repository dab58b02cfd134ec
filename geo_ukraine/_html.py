"""The one place where text becomes HTML or inline script data; everything is escaped here."""

from __future__ import annotations

import html
import json
import re
from typing import Any

__all__ = ["escape", "script_json", "svg_symbol"]


def escape(text: object) -> str:
    """HTML-escape any value for element content or a quoted attribute."""
    return html.escape("" if text is None else str(text), quote=True)


def script_json(obj: Any) -> str:
    r"""JSON safe to embed inside ``<script>``: no ``</script>``, ``<!--`` or U+2028 can escape.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and ``\\u0026``, which JavaScript reads
    back as the same characters, so article text arrives in the page as data, never as markup.
    """
    text = json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# Shapes drawn both in the legend (SVG) and on the map (canvas, see templates/event_map.js).
_SHAPES = {
    "circle": '<circle cx="9" cy="9" r="6"/>',
    "square": '<rect x="3.5" y="3.5" width="11" height="11"/>',
    "triangle": '<polygon points="9,2.5 15.5,15 2.5,15"/>',
    "diamond": '<polygon points="9,2 16,9 9,16 2,9"/>',
    "star": '<polygon points="9,1.5 11.1,6.6 16.5,7 12.4,10.5 13.7,15.8 9,13 4.3,15.8 5.6,10.5 '
            '1.5,7 6.9,6.6"/>',
    "cross": '<polygon points="6.5,2 11.5,2 11.5,6.5 16,6.5 16,11.5 11.5,11.5 11.5,16 6.5,16 '
             '6.5,11.5 2,11.5 2,6.5 6.5,6.5"/>',
    "hexagon": '<polygon points="5,2.5 13,2.5 16.5,9 13,15.5 5,15.5 1.5,9"/>',
}


def svg_symbol(shape: str, colour: str, *, area: str | None = None) -> str:
    """An 18x18 inline SVG legend swatch: a point symbol, or an area (solid or hatched)."""
    colour = escape(colour)
    if area is not None:
        pattern_id = "hatch-" + re.sub(r"[^0-9a-zA-Z]", "", colour)
        if area == "hatched":
            fill = f"url(#{pattern_id})"
            defs = (f'<defs><pattern id="{pattern_id}" width="5" height="5" '
                    f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
                    f'<line x1="0" y1="0" x2="0" y2="5" stroke="{colour}" stroke-width="2"/>'
                    f"</pattern></defs>")
        else:
            fill, defs = colour, ""
        dash = ' stroke-dasharray="3,2"' if area == "hatched" else ""
        return (f'<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">{defs}'
                f'<rect x="2" y="3" width="14" height="12" fill="{fill}" fill-opacity="0.6" '
                f'stroke="{colour}" stroke-width="1.5"{dash}/></svg>')
    body = _SHAPES.get(shape, _SHAPES["circle"])
    return (f'<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
            f'<g fill="{colour}" fill-opacity="0.85" stroke="#222" stroke-width="1">{body}</g>'
            "</svg>")
