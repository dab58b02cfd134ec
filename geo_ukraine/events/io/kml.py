"""KML 2.2: one Placemark per event, every column in ExtendedData, written and read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from ..._files import atomic_open
from ...errors import EventSchemaError
from .base import WriteOptions
from .rows import events_from_rows
from .values import plain_value

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

__all__ = ["KML_NS", "read_kml", "write_kml"]

#: The namespace we write.
KML_NS = "http://www.opengis.net/kml/2.2"


# ---------------------------------------------------------------------------------- writing
def write_kml(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Write ``events`` to ``path`` as KML 2.2 (UTF-8, atomically)."""
    digits = options.precision
    ET.register_namespace("", KML_NS)
    kml = ET.Element("kml", xmlns=KML_NS)
    doc = ET.SubElement(kml, "Document")
    ET.SubElement(doc, "name").text = path.stem
    columns = [c for c in events.columns if c != events.geometry.name]
    for values, geom in zip(events[columns].itertuples(index=False, name=None),
                            events.geometry, strict=True):
        _placemark(doc, dict(zip(columns, values, strict=True)), geom, digits)
    with atomic_open(path, "wb") as handle:
        ET.ElementTree(kml).write(handle, encoding="utf-8", xml_declaration=True)


def _placemark(doc: ET.Element, props: dict[str, Any], geom: BaseGeometry | None,
               digits: int) -> None:
    mark = ET.SubElement(doc, "Placemark")
    ET.SubElement(mark, "name").text = f"{props.get('event_type')}: {props.get('location')}"
    if props.get("event_date"):
        stamp = ET.SubElement(mark, "TimeStamp")
        ET.SubElement(stamp, "when").text = str(props["event_date"])
    # ElementTree escapes text: article prose cannot inject markup into the KML.
    ET.SubElement(mark, "description").text = str(plain_value(props.get("notes")) or "")
    data = ET.SubElement(mark, "ExtendedData")
    for key, value in props.items():
        item = ET.SubElement(data, "Data", name=str(key))
        plain = plain_value(value)
        ET.SubElement(item, "value").text = "" if plain is None else str(plain)
    if geom is not None and not geom.is_empty:
        _kml_geometry(mark, geom, digits)


def _kml_coords(coords: Any, digits: int) -> str:
    return " ".join(f"{x:.{digits}f},{y:.{digits}f}" for x, y, *_ in coords)


def _kml_geometry(parent: ET.Element, geom: BaseGeometry, digits: int) -> None:
    kind = geom.geom_type
    if kind == "Point":
        point = ET.SubElement(parent, "Point")
        ET.SubElement(point, "coordinates").text = _kml_coords(geom.coords, digits)
    elif kind == "Polygon":
        import shapely

        geom = shapely.orient_polygons(geom, exterior_cw=False)
        poly = ET.SubElement(parent, "Polygon")
        outer = ET.SubElement(ET.SubElement(poly, "outerBoundaryIs"), "LinearRing")
        ET.SubElement(outer, "coordinates").text = _kml_coords(geom.exterior.coords, digits)
        for hole in geom.interiors:
            inner = ET.SubElement(ET.SubElement(poly, "innerBoundaryIs"), "LinearRing")
            ET.SubElement(inner, "coordinates").text = _kml_coords(hole.coords, digits)
    elif kind == "LineString":
        line = ET.SubElement(parent, "LineString")
        ET.SubElement(line, "coordinates").text = _kml_coords(geom.coords, digits)
    else:  # Multi* and collections
        multi = ET.SubElement(parent, "MultiGeometry")
        for part in geom.geoms:
            _kml_geometry(multi, part, digits)


# ---------------------------------------------------------------------------------- reading
def read_kml(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read the Placemarks of a KML file as events (``gazetteer`` is not needed)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        msg = f"{path.name}: not valid KML: {exc}"
        raise EventSchemaError(msg) from None
    rows = []
    for mark in root.iter(f"{{{KML_NS}}}Placemark"):
        row: dict[str, Any] = {}
        for data in mark.iter(f"{{{KML_NS}}}Data"):
            value = data.findtext(f"{{{KML_NS}}}value")
            row[data.get("name", "")] = value if value != "" else None
        row["geometry"] = _placemark_geometry(mark, path)
        rows.append(row)
    return events_from_rows(rows, path.name)


def _coords(el: ET.Element) -> list[tuple[float, float]]:
    text = el.findtext(f"{{{KML_NS}}}coordinates") or ""
    return [tuple(float(v) for v in c.split(",")[:2]) for c in text.split()]  # type: ignore[misc]


def _placemark_geometry(mark: ET.Element, path: Path) -> Any:
    from shapely.geometry import MultiPolygon, Point, Polygon

    point = mark.find(f".//{{{KML_NS}}}Point")
    if point is not None and mark.find(f"{{{KML_NS}}}MultiGeometry") is None:
        return Point(_coords(point)[0])
    polys = []
    for poly in mark.iter(f"{{{KML_NS}}}Polygon"):
        outer = poly.find(f"{{{KML_NS}}}outerBoundaryIs/{{{KML_NS}}}LinearRing")
        if outer is None:
            msg = f"{path.name}: a Polygon without an outerBoundaryIs ring"
            raise EventSchemaError(msg)
        inner = poly.findall(f"{{{KML_NS}}}innerBoundaryIs/{{{KML_NS}}}LinearRing")
        polys.append(Polygon(_coords(outer), [_coords(r) for r in inner]))
    if not polys:
        return None
    return polys[0] if len(polys) == 1 and mark.find(f"{{{KML_NS}}}MultiGeometry") is None \
        else MultiPolygon(polys)
