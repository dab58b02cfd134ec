"""The map's legend: exactly the symbols drawn, as escaped HTML."""

from __future__ import annotations

from .._html import escape, svg_symbol
from .styles import CHOROPLETH, LayerStyle

__all__ = ["CHOROPLETH_ITEM", "REFERENCE_ITEM", "legend_html"]

#: Legend entry of the oblast boundaries (an outline, no fill).
REFERENCE_ITEM = (f'{svg_symbol("circle", "#555", area="solid").replace("0.6", "0")}'
                  "<span>Oblast boundaries</span>")
#: Legend entry of the events-per-oblast choropleth.
CHOROPLETH_ITEM = (f'{svg_symbol("circle", CHOROPLETH[3], area="solid")}'
                   "<span>Events per oblast (darker = more)</span>")


def _item(style: LayerStyle) -> str:
    hatched = svg_symbol(style.shape, style.colour, area=style.area)
    return (f"<li>{svg_symbol(style.shape, style.colour)}"
            + (hatched if style.area == "hatched" else "")
            + f"<span>{escape(style.label)}</span></li>")


def legend_html(layers: list[LayerStyle], title: str | None, extras: list[str],
                unmapped: int, outside: int) -> str:
    """The legend of a map.

    Parameters
    ----------
    layers : list of LayerStyle
        The event layers drawn, in legend order.
    title : str, optional
        The heading (escaped here); "Legend" when absent.
    extras : list of str
        Further entries, already HTML (such as :data:`REFERENCE_ITEM`).
    unmapped, outside : int
        Events that could not be placed, and events beyond the initial view.

    Returns
    -------
    str
    """
    items = "".join(_item(s) for s in layers)
    items += "".join(f"<li>{extra}</li>" for extra in extras)
    note = ("Areas: a region when only the region is named; hatched = claimed, "
            "not independently confirmed.")
    if unmapped:
        note += f" {unmapped} event(s) could not be placed and are not drawn."
    if outside:
        note += f" {outside} event(s) lie beyond Ukraine and Russia: zoom out to see them."
    heading = escape(title) if title else "Legend"
    return (f'<details open class="gu-legend"><summary>{heading}</summary><ul>{items}</ul>'
            f'<div class="gu-note">{escape(note)}</div></details>')
