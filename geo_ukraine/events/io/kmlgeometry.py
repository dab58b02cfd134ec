"""KML geometry elements to and from shapely: Point, LineString, Polygon, MultiGeometry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from ...errors import EventSchemaError
from .source import one_line

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["GEOMETRY_TAGS", "geometry_element", "placemark_geometry"]

#: The KML geometry elements we read.
GEOMETRY_TAGS: tuple[str, ...] = ("Point", "LineString", "LinearRing", "Polygon",
                                  "MultiGeometry")

#: ``q(tag)``: the tag in the document's namespace.
Qualify = Callable[[str], str]


# ---------------------------------------------------------------------------------- writing
def geometry_element(parent: ET.Element, geom: BaseGeometry, digits: int) -> None:
    """Append the KML element of ``geom`` to ``parent``; coordinates to ``digits`` decimals."""
    kind = geom.geom_type
    if kind == "Point":
        point = ET.SubElement(parent, "Point")
        ET.SubElement(point, "coordinates").text = _coordinates_text(geom.coords, digits)
    elif kind == "Polygon":
        import shapely

        geom = shapely.orient_polygons(geom, exterior_cw=False)
        poly = ET.SubElement(parent, "Polygon")
        outer = ET.SubElement(ET.SubElement(poly, "outerBoundaryIs"), "LinearRing")
        ET.SubElement(outer, "coordinates").text = _coordinates_text(geom.exterior.coords,
                                                                     digits)
        for hole in geom.interiors:
            inner = ET.SubElement(ET.SubElement(poly, "innerBoundaryIs"), "LinearRing")
            ET.SubElement(inner, "coordinates").text = _coordinates_text(hole.coords, digits)
    elif kind in ("LineString", "LinearRing"):
        line = ET.SubElement(parent, kind)
        ET.SubElement(line, "coordinates").text = _coordinates_text(geom.coords, digits)
    else:  # Multi* and collections
        multi = ET.SubElement(parent, "MultiGeometry")
        for part in geom.geoms:
            geometry_element(multi, part, digits)


def _coordinates_text(coords: Any, digits: int) -> str:
    """``lon,lat`` or ``lon,lat,alt`` tuples separated by spaces."""
    return " ".join(",".join(f"{v:.{digits}f}" for v in c) for c in coords)


# ---------------------------------------------------------------------------------- reading
def placemark_geometry(mark: ET.Element, q: Qualify, where: str) -> BaseGeometry | None:
    """The geometry of a Placemark (its first geometry element), or None if it has none.

    Raises
    ------
    EventSchemaError
        For empty or non-numeric ``<coordinates>``, or a shape that cannot be built (a
        Polygon without an outer ring, a line of one point), naming ``where``.
    """
    for child in mark:
        if child.tag in {q(t) for t in GEOMETRY_TAGS}:
            return _geometry(child, q, where)
    return None


def _geometry(el: ET.Element, q: Qualify, where: str) -> BaseGeometry:
    from shapely.errors import ShapelyError
    from shapely.geometry import LinearRing, LineString, Point

    kind = el.tag.rsplit("}", 1)[-1]
    try:
        if kind == "Point":
            coords = _coordinates(el, q, where, kind)
            if len(coords) != 1:
                msg = f"{where}: a Point has {len(coords)} coordinates, expected 1"
                raise EventSchemaError(msg)
            return Point(coords[0])
        if kind == "LineString":
            return LineString(_coordinates(el, q, where, kind))
        if kind == "LinearRing":
            return LinearRing(_coordinates(el, q, where, kind))
        if kind == "Polygon":
            return _polygon(el, q, where)
        return _multi(el, q, where)
    except EventSchemaError:
        raise
    except (ShapelyError, ValueError, TypeError) as exc:  # too few points for a line or ring
        msg = f"{where}: a {kind} that cannot be built: {one_line(exc)}"
        raise EventSchemaError(msg) from None


def _polygon(el: ET.Element, q: Qualify, where: str) -> BaseGeometry:
    from shapely.geometry import Polygon

    outer = el.find(f"{q('outerBoundaryIs')}/{q('LinearRing')}")
    if outer is None:
        msg = f"{where}: a Polygon without an outerBoundaryIs ring"
        raise EventSchemaError(msg)
    holes = [_coordinates(r, q, where, "LinearRing")
             for r in el.findall(f"{q('innerBoundaryIs')}/{q('LinearRing')}")]
    return Polygon(_coordinates(outer, q, where, "LinearRing"), holes)


def _multi(el: ET.Element, q: Qualify, where: str) -> BaseGeometry:
    """A MultiGeometry: Multi* when its parts are of one kind, else a GeometryCollection."""
    from shapely.geometry import (
        GeometryCollection,
        MultiLineString,
        MultiPoint,
        MultiPolygon,
    )

    tags = {q(t) for t in GEOMETRY_TAGS}
    parts = [_geometry(child, q, where) for child in el if child.tag in tags]
    kinds = {p.geom_type for p in parts}
    homogeneous = {"Point": MultiPoint, "LineString": MultiLineString, "Polygon": MultiPolygon}
    if parts and len(kinds) == 1 and next(iter(kinds)) in homogeneous:
        return homogeneous[next(iter(kinds))](parts)
    return GeometryCollection(parts)


def _coordinates(el: ET.Element, q: Qualify, where: str,
                 kind: str) -> list[tuple[float, ...]]:
    text = el.findtext(q("coordinates")) or ""
    coords = []
    for item in text.split():
        try:
            values = tuple(float(v) for v in item.rstrip(",").split(","))
        except ValueError:
            values = ()
        if len(values) not in (2, 3):
            msg = (f"{where}: {kind} coordinates {item[:40]!r} are not 'lon,lat' or "
                   "'lon,lat,altitude' numbers")
            raise EventSchemaError(msg)
        coords.append(values)
    if not coords:
        msg = f"{where}: a {kind} with empty <coordinates>"
        raise EventSchemaError(msg)
    return coords
