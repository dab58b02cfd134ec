"""KML and KMZ: one Placemark per event, every column in ExtendedData, written and read.

We write KML 2.2. We read KML 2.2, Google Earth's older namespaces (2.0, 2.1, 2.2) and KML
with no namespace; column values come from ``ExtendedData`` (``Data`` or, as ogr2ogr writes,
``SchemaData``/``SimpleData``), with ``TimeStamp``/``when`` and ``description`` standing in
for a missing ``event_date`` and ``notes``. Points, lines, polygons and ``MultiGeometry`` are
read, altitudes kept. Text XML cannot carry (control characters, CR) is escaped reversibly,
see :mod:`~geo_ukraine.events.io.text`. A KMZ is a zip archive holding one KML document.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from ..._files import atomic_open, atomic_path
from ...errors import EventSchemaError
from .base import WriteOptions
from .kmlgeometry import geometry_element, placemark_geometry
from .rows import PlacedRow, events_from_rows
from .source import one_line
from .text import XML_UNSAFE, decode_text, encode_text, xml_display
from .values import plain_value

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

__all__ = ["KML_NAMESPACES", "KML_NS", "MAX_KMZ_BYTES", "read_kml", "read_kmz", "write_kml",
           "write_kmz"]

#: The namespace we write.
KML_NS = "http://www.opengis.net/kml/2.2"
#: Namespaces we read ("" is KML without a namespace).
KML_NAMESPACES: tuple[str, ...] = (
    KML_NS, "http://earth.google.com/kml/2.2", "http://earth.google.com/kml/2.1",
    "http://earth.google.com/kml/2.0", "")
#: The largest KML document read out of a KMZ (a guard against zip bombs).
MAX_KMZ_BYTES = 256 * 1024 * 1024


# ---------------------------------------------------------------------------------- writing
def write_kml(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Write ``events`` to ``path`` as KML 2.2 (UTF-8, atomically)."""
    document = kml_document(events, path.stem, options)
    with atomic_open(path, "wb") as handle:
        handle.write(document)


def write_kmz(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Write ``events`` to ``path`` as a KMZ: ``doc.kml`` in a zip archive (atomically)."""
    document = kml_document(events, path.stem, options)
    with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", document)


def kml_document(events: gpd.GeoDataFrame, name: str, options: WriteOptions) -> bytes:
    """The events as the bytes of a KML 2.2 document called ``name``."""
    ET.register_namespace("", KML_NS)
    kml = ET.Element("kml", xmlns=KML_NS)
    doc = ET.SubElement(kml, "Document")
    ET.SubElement(doc, "name").text = xml_display(name)
    columns = [c for c in events.columns if c != events.geometry.name]
    for values, geom in zip(events[columns].itertuples(index=False, name=None),
                            events.geometry, strict=True):
        _placemark(doc, dict(zip(columns, values, strict=True)), geom, options.precision)
    buffer = io.BytesIO()
    ET.ElementTree(kml).write(buffer, encoding="utf-8", xml_declaration=True)
    return buffer.getvalue()


def _placemark(doc: ET.Element, props: dict[str, Any], geom: BaseGeometry | None,
               digits: int) -> None:
    mark = ET.SubElement(doc, "Placemark")
    title = f"{plain_value(props.get('event_type'))}: {plain_value(props.get('location'))}"
    ET.SubElement(mark, "name").text = xml_display(title)
    if props.get("event_date"):
        stamp = ET.SubElement(mark, "TimeStamp")
        ET.SubElement(stamp, "when").text = xml_display(str(props["event_date"]))
    # ElementTree escapes text: article prose cannot inject markup into the KML.
    notes = plain_value(props.get("notes"))
    ET.SubElement(mark, "description").text = xml_display(str(notes or ""))
    data = ET.SubElement(mark, "ExtendedData")
    for key, value in props.items():
        item = ET.SubElement(data, "Data", name=encode_text(str(key), XML_UNSAFE))
        plain = plain_value(value)
        text = "" if plain is None else encode_text(str(plain), XML_UNSAFE)
        ET.SubElement(item, "value").text = text
    if geom is not None and not geom.is_empty:
        geometry_element(mark, geom, digits)


# ---------------------------------------------------------------------------------- reading
def read_kml(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read the Placemarks of a KML file as events."""
    return events_from_rows(kml_rows(path.read_bytes(), path.name), path.name,
                            gazetteer=gazetteer)


def read_kmz(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read the Placemarks of the KML document in a KMZ archive as events.

    Raises
    ------
    EventSchemaError
        For a file that is not a zip archive, holds no ``.kml``, or whose KML is larger than
        :data:`MAX_KMZ_BYTES` once decompressed.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            names = [i for i in archive.infolist() if i.filename.lower().endswith(".kml")]
            if not names:
                msg = f"{path.name}: a KMZ with no .kml document inside"
                raise EventSchemaError(msg)
            member = next((i for i in names if i.filename.lower() == "doc.kml"), names[0])
            with archive.open(member) as handle:
                data = handle.read(MAX_KMZ_BYTES + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
            RuntimeError, zlib.error) as exc:  # RuntimeError: an encrypted member
        msg = f"{path.name}: not a KMZ (a zip archive holding KML): {one_line(exc)}"
        raise EventSchemaError(msg) from None
    if len(data) > MAX_KMZ_BYTES:
        msg = f"{path.name}: its KML is larger than {MAX_KMZ_BYTES // 2**20} MiB uncompressed"
        raise EventSchemaError(msg)
    return events_from_rows(kml_rows(data, path.name), path.name, gazetteer=gazetteer)


def kml_rows(data: bytes, name: str) -> list[PlacedRow]:
    """The Placemarks of a KML document as rows, each named ``<file> Placemark <n>``."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        msg = f"{name}: not valid KML: {one_line(exc)}"
        raise EventSchemaError(msg) from None
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    local = root.tag.rsplit("}", 1)[-1]
    if local != "kml" or namespace not in KML_NAMESPACES:
        msg = (f"{name}: not KML: the root element is {root.tag!r}, expected 'kml' in one of "
               f"the namespaces {', '.join(repr(n) for n in KML_NAMESPACES)}")
        raise EventSchemaError(msg)

    def q(tag: str) -> str:
        return f"{{{namespace}}}{tag}" if namespace else tag

    rows = []
    for n, mark in enumerate(root.iter(q("Placemark")), start=1):
        where = f"{name} Placemark {n}"
        row = _extended_data(mark, q)
        if row.get("event_date") is None and mark.findtext(f"{q('TimeStamp')}/{q('when')}"):
            row["event_date"] = mark.findtext(f"{q('TimeStamp')}/{q('when')}")
        if "notes" not in row and mark.findtext(q("description")):
            row["notes"] = mark.findtext(q("description"))
        row["geometry"] = placemark_geometry(mark, q, where)
        rows.append((where, row))
    return rows


def _extended_data(mark: ET.Element, q: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for data in mark.iter(q("Data")):
        value = data.findtext(q("value"))
        row[decode_text(data.get("name", ""))] = decode_text(value) if value else None
    for data in mark.iter(q("SimpleData")):
        row[decode_text(data.get("name", ""))] = decode_text(data.text) if data.text else None
    return row
