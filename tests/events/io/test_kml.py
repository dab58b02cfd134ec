"""KML and KMZ: every namespace read (finding 9), geometry and text kept, bad files refused."""

import zipfile

import pytest
from shapely.geometry import LineString, MultiPoint, Point

from geo_ukraine import EventSchemaError, read_events, write_events
from geo_ukraine.events import event_frame
from tests.events.io.support import assert_same, full_row

PLACEMARK = """<Placemark><name>shelling: Druzhkivka</name>
<TimeStamp><when>2026-02-04</when></TimeStamp>
<ExtendedData>
<Data name="event_date"><value>2026-02-04</value></Data>
<Data name="event_type"><value>shelling</value></Data>
<Data name="location"><value>Druzhkivka</value></Data>
<Data name="fatalities"><value>{fatalities}</value></Data>
<Data name="resolution"><value>resolved</value></Data>
</ExtendedData>
{geometry}</Placemark>"""
POINT = "<Point><coordinates>37.5254,48.62</coordinates></Point>"


def kml(namespace: str, *, geometry: str = POINT, fatalities: str = "7", marks: int = 2) -> str:
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    body = "".join(PLACEMARK.format(geometry=geometry, fatalities=fatalities)
                   for _ in range(marks))
    return f'<?xml version="1.0" encoding="UTF-8"?><kml{xmlns}><Document>{body}</Document></kml>'


@pytest.mark.parametrize("namespace", [
    "http://www.opengis.net/kml/2.2", "http://earth.google.com/kml/2.2",
    "http://earth.google.com/kml/2.1", "http://earth.google.com/kml/2.0", ""])
def test_every_kml_namespace_reads_its_events(tmp_path, namespace):
    path = tmp_path / "ev.kml"
    path.write_text(kml(namespace), encoding="utf-8")
    events = read_events(path)
    assert len(events) == 2
    assert list(events.fatalities) == [7, 7]
    assert events.geometry.iloc[0].equals(Point(37.5254, 48.62))


def test_a_foreign_root_is_not_read_as_zero_events(tmp_path):
    path = tmp_path / "ev.kml"
    path.write_text('<kml xmlns="http://example.test/not-kml"><Placemark/></kml>')
    with pytest.raises(EventSchemaError, match=r"ev\.kml: not KML: the root element"):
        read_events(path)


def test_ogr2ogr_schema_data_and_slashed_dates_are_read(tmp_path):
    path = tmp_path / "ogr.kml"
    path.write_text(
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><Placemark>'
        '<ExtendedData><SchemaData schemaUrl="#events">'
        '<SimpleData name="event_date">2026/01/27</SimpleData>'
        '<SimpleData name="event_type">drone_strike</SimpleData>'
        '<SimpleData name="location">Kharkiv</SimpleData>'
        "</SchemaData></ExtendedData>"
        "<Point><coordinates>36.2304,49.9935,0</coordinates></Point>"
        "</Placemark></Folder></Document></kml>")
    events = read_events(path)
    assert events.event_date.iloc[0] == "2026-01-27"
    assert events.geometry.iloc[0].has_z, "the altitude is kept"


@pytest.mark.parametrize("suffix", [".kml", ".kmz"])
def test_text_and_geometry_kinds_survive(tmp_path, suffix):
    rows = [full_row(0, LineString([(37.0, 48.0), (37.5, 48.3)]),
                     notes="CRLF\r\nCR\rcontrol\x01\x1f NUL\x00 end"),
            full_row(1, MultiPoint([(37.1, 48.1), (37.3, 48.2)]), notes="tab\there"),
            full_row(2, Point(37.5, 48.5, 120.25), notes='json:"x"', actor="\x02actor")]
    events = event_frame(rows)
    back = read_events(write_events(events, tmp_path / f"ev{suffix}"))
    assert_same(events, back)
    assert back.geometry.iloc[2].z == pytest.approx(120.25)


@pytest.mark.parametrize(
    ("geometry", "message"),
    [("<Point><coordinates></coordinates></Point>", "Placemark 1: a Point with empty"),
     ("<Point><coordinates> </coordinates></Point>", "Placemark 1: a Point with empty"),
     ("<Point><coordinates>200,100</coordinates></Point>",
      "Placemark 1: geometry: longitude 200.0 is outside"),
     ("<Point><coordinates>37,-95</coordinates></Point>",
      "Placemark 1: geometry: latitude -95.0 is outside"),
     ("<Point><coordinates>abc,def</coordinates></Point>", "coordinates 'abc,def' are not"),
     ("<Point><coordinates>nan,nan</coordinates></Point>", "must be finite"),
     ("<Point><coordinates>1,2 3,4</coordinates></Point>", "a Point has 2 coordinates"),
     ("<LineString><coordinates>1,2</coordinates></LineString>", "a LineString that cannot"),
     ("<Polygon></Polygon>", "without an outerBoundaryIs"),
     ("<Polygon><outerBoundaryIs><LinearRing><coordinates>1,2 3,4</coordinates></LinearRing>"
      "</outerBoundaryIs></Polygon>", "a Polygon that cannot be built")],
)
def test_bad_geometry_names_the_placemark(tmp_path, geometry, message):
    path = tmp_path / "ev.kml"
    path.write_text(kml("http://www.opengis.net/kml/2.2", geometry=geometry, marks=1))
    with pytest.raises(EventSchemaError, match=message):
        read_events(path)


@pytest.mark.parametrize("value", ["-5", "abc", "2.7", "true"])
def test_bad_counts_name_the_placemark_and_field(tmp_path, value):
    path = tmp_path / "ev.kml"
    path.write_text(kml("", fatalities=value, marks=1))
    with pytest.raises(EventSchemaError, match=r"ev\.kml Placemark 1: fatalities must be a"):
        read_events(path)


def test_a_kmz_that_is_not_a_zip(tmp_path):
    path = tmp_path / "ev.kmz"
    path.write_text(kml(""))
    with pytest.raises(EventSchemaError, match=r"ev\.kmz: not a KMZ"):
        read_events(path)


def test_a_kmz_without_kml(tmp_path):
    path = tmp_path / "ev.kmz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    with pytest.raises(EventSchemaError, match=r"no \.kml document inside"):
        read_events(path)


def test_a_kmz_is_read_without_extracting(tmp_path):
    path = tmp_path / "ev.kmz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../escape.kml", kml(""))
    assert len(read_events(path)) == 2
    assert not (tmp_path.parent / "escape.kml").exists()
