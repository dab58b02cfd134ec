"""A corpus of bad event files in every format: `export` answers each with one line, exit 2.

Each file is one class of hostile or broken input from issue 14 (findings 8-11): bad counts,
codes, dates and admin-1 codes, coordinates out of range or not finite, broken structure,
alias bombs, wrong encodings, files that are not what their extension says. The CLI must
return 2 with exactly one line on stderr, never a traceback; the few valid oddities (other
KML namespaces, a byte-order mark) must be read with exit 0.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geo_ukraine.cli import main
from tests.conftest import DATA

GOOD = {"event_date": "2026-02-04", "event_type": "shelling", "location": "Druzhkivka",
        "resolution": "resolved", "status": "reported", "fatalities": 2, "admin1": "UA.05",
        "notes": "fine", "lon": 37.5254, "lat": 48.62}

#: (field, value) that no event may hold.
BAD_VALUES: list[tuple[str, object]] = [
    ("fatalities", -5), ("fatalities", "abc"), ("fatalities", 2.7), ("fatalities", True),
    ("fatalities", "1e400"), ("injured", "-1"), ("event_type", "bombing"),
    ("status", "rumoured"), ("event_date", "2026-02-30"), ("event_date", "yesterday"),
    ("admin1", "UA.99"), ("geo_precision", 9), ("date_precision", "fortnight"),
    ("lon", 200), ("lat", -95), ("lon", float("nan")), ("lat", float("inf")),
]


# ---------------------------------------------------------------------- writers, one a format
def _record(field: str, value: object) -> dict:
    return {**GOOD, field: value}


def _geojson(path: Path, rec: dict) -> None:
    props = {k: v for k, v in rec.items() if k not in ("lon", "lat")}
    feature = {"type": "Feature", "properties": props,
               "geometry": {"type": "Point", "coordinates": [rec["lon"], rec["lat"]]}}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))


def _csv(path: Path, rec: dict) -> None:
    pd.DataFrame([rec]).to_csv(path, index=False)


def _kml(path: Path, rec: dict) -> None:
    data = "".join(f'<Data name="{k}"><value>{v}</value></Data>' for k, v in rec.items()
                   if k not in ("lon", "lat"))
    path.write_text(f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
                    f"<ExtendedData>{data}</ExtendedData><Point><coordinates>"
                    f"{rec['lon']},{rec['lat']}</coordinates></Point></Placemark></Document></kml>")


def _yaml(path: Path, rec: dict) -> None:
    fields = {k: v for k, v in rec.items() if k != "resolution"}
    lines = [f"    {k}: {json.dumps(v) if isinstance(v, str) else _yaml_scalar(v)}"
             for k, v in fields.items()]
    path.write_text("events:\n  -" + "\n".join(lines)[3:] + "\n")


def _yaml_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"  # type: ignore[operator]
    return str(value)


def _frame(rec: dict) -> gpd.GeoDataFrame:
    props = {k: [v] for k, v in rec.items() if k not in ("lon", "lat")}
    return gpd.GeoDataFrame(props, geometry=[Point(rec["lon"], rec["lat"])], crs=4326)


def _gpkg(path: Path, rec: dict) -> None:
    _frame(rec).to_file(path, layer="events", engine="pyogrio")


def _parquet(path: Path, rec: dict) -> None:
    frame = _frame(rec)
    for column in frame.columns:
        if column != "geometry" and frame[column].dtype == object:
            frame[column] = frame[column].astype(str)
    frame.to_parquet(path)


def _acled(path: Path, rec: dict) -> None:
    lines = (DATA / "events" / "acled_sample.csv").read_text().splitlines()
    header, row = lines[0].split(","), lines[1].split(",")
    acled_names = {"lon": "longitude", "lat": "latitude"}
    for field, value in rec.items():
        name = acled_names.get(field, field)
        if name in header and name not in ("event_type", "admin1", "location"):
            row[header.index(name)] = str(value)
    path.write_text(lines[0] + "\n" + ",".join(row) + "\n")


WRITERS: dict[str, tuple[str, Callable[[Path, dict], None]]] = {
    "geojson": (".geojson", _geojson), "csv": (".csv", _csv), "kml": (".kml", _kml),
    "yaml": (".yaml", _yaml), "gpkg": (".gpkg", _gpkg), "parquet": (".parquet", _parquet),
    "acled": (".csv", _acled),
}
# Fields a format cannot even say: YAML records name places (resolution is derived), ACLED
# has no status or date_precision of ours and maps any event_type.
NOT_APPLICABLE = {("acled", f) for f in ("status", "date_precision", "event_type", "injured",
                                         "admin1")}


def _value_cases() -> list:
    return [pytest.param(fmt, field, value, id=f"{fmt}-{field}={value!r}")
            for fmt in WRITERS for field, value in BAD_VALUES
            if (fmt, field) not in NOT_APPLICABLE]


# ---------------------------------------------------------------------- raw files
def _bomb() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        text += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]\n"
    return text + "events:\n  - {event_date: 2026-02-04, event_type: shelling, location: Kyiv," \
                  " notes: *i}\n"


YAML_EVENT = "events:\n  - event_date: 2026-02-04\n    event_type: shelling\n    location: Kyiv\n"
KML_OK = ('<kml{ns}><Document><Placemark><ExtendedData><Data name="event_date"><value>'
          '2026-02-04</value></Data><Data name="event_type"><value>shelling</value></Data>'
          "</ExtendedData><Point><coordinates>{coords}</coordinates></Point></Placemark>"
          "</Document></kml>")
NS22 = ' xmlns="http://www.opengis.net/kml/2.2"'

RAW: list[tuple[str, str, bytes | str]] = [
    ("geojson-list", ".geojson", "[]"), ("geojson-int", ".geojson", "42"),
    ("geojson-null", ".geojson", "null"), ("geojson-string", ".geojson", '"x"'),
    ("geojson-features-int", ".geojson", '{"type": "FeatureCollection", "features": 5}'),
    ("geojson-feature-int", ".geojson", '{"type": "FeatureCollection", "features": [5]}'),
    ("geojson-feature", ".geojson", '{"type": "Feature"}'),
    ("geojson-props-list", ".geojson", '{"type": "FeatureCollection", "features": '
     '[{"type": "Feature", "properties": [1], "geometry": null}]}'),
    ("geojson-blob", ".geojson", '{"type": "FeatureCollection", "features": [{"type": '
     '"Feature", "properties": {}, "geometry": {"type": "Blob", "coordinates": [1, 2]}}]}'),
    ("geojson-coords-text", ".geojson", '{"type": "FeatureCollection", "features": [{"type":'
     ' "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": "ab"}}]}'),
    ("geojson-nan-token", ".geojson", '{"type": "FeatureCollection", "features": [{"type": '
     '"Feature", "properties": {"fatalities": NaN}, "geometry": null}]}'),
    ("geojson-deep", ".geojson", "[" * 50_000 + "]" * 50_000),
    ("geojson-not-json", ".geojson", "{not json"), ("geojson-empty", ".geojson", ""),
    ("geojson-latin1", ".geojson", b'{"type": "FeatureCollection", "x": "\xe9"}'),
    ("geojson-no-date", ".geojson", '{"type": "FeatureCollection", "features": [{"type": '
     '"Feature", "properties": {"event_type": "shelling"}, "geometry": null}]}'),
    ("csv-empty", ".csv", ""), ("csv-latin1", ".csv", b"event_date,location\n2026,\xe9\n"),
    ("csv-extra-cells", ".csv", "event_date,lon,lat\n2026-02-04,37,48,x,y\n"),
    ("csv-bad-wkt", ".csv", "event_date,event_type,wkt\n2026-02-04,shelling,NOT WKT\n"),
    ("csv-wkt-200", ".csv", "event_date,event_type,wkt\n2026-02-04,shelling,POINT (200 100)\n"),
    ("csv-wkt-nan", ".csv", "event_date,event_type,wkt\n2026-02-04,shelling,POINT (nan 1)\n"),
    ("csv-records-no-location", ".csv", "event_date,event_type\n2026-02-04,shelling\n"),
    ("csv-records-buffer", ".csv", "event_date,event_type,location,buffer_km\n"
     "2026-02-04,territorial_claim,Kurakhove,-5\n"),
    ("csv-records-admin1", ".csv", "event_date,event_type,location,admin1\n"
     "2026-02-04,shelling,Andriivka,UA.99\n"),
    ("kml-not-xml", ".kml", "<kml><Placemark>"), ("kml-html", ".kml", "<html></html>"),
    ("kml-foreign-ns", ".kml", '<kml xmlns="http://example.test/x"/>'),
    ("kml-empty-coords", ".kml", KML_OK.format(ns=NS22, coords="")),
    ("kml-200-100", ".kml", KML_OK.format(ns=NS22, coords="200,100")),
    ("kml-text-coords", ".kml", KML_OK.format(ns=NS22, coords="abc,def")),
    ("kml-four-numbers", ".kml", KML_OK.format(ns=NS22, coords="1,2,3,4")),
    ("kml-nan", ".kml", KML_OK.format(ns=NS22, coords="nan,1")),
    ("kml-ring", ".kml", f"<kml{NS22}><Placemark><Polygon></Polygon></Placemark></kml>"),
    ("kml-line", ".kml", f"<kml{NS22}><Placemark><LineString><coordinates>1,2</coordinates>"
     "</LineString></Placemark></kml>"),
    ("kmz-not-zip", ".kmz", "this is not a zip"),
    ("yaml-bomb", ".yaml", _bomb()), ("yaml-self", ".yaml", "a: &a [*a]\nevents: []\n"),
    ("yaml-deep", ".yaml", "[" * 20_000 + "]" * 20_000),
    ("yaml-python", ".yaml", "events:\n - !!python/object/apply:os.system ['true']\n"),
    ("yaml-location-list", ".yaml", YAML_EVENT.replace("location: Kyiv", "location: [a, b]")),
    ("yaml-notes-list", ".yaml", YAML_EVENT + "    notes: [a, b]\n"),
    ("yaml-actor-map", ".yaml", YAML_EVENT + "    actor: {a: 1}\n"),
    ("yaml-status-bool", ".yaml", YAML_EVENT + "    status: yes\n"),
    ("yaml-date-list", ".yaml", YAML_EVENT.replace("2026-02-04", "[2026-02-04]")),
    ("yaml-inf", ".yaml", YAML_EVENT + "    fatalities: .inf\n"),
    ("yaml-buffer-neg", ".yaml", YAML_EVENT.replace("shelling", "territorial_claim")
     + "    buffer_km: -5\n"),
    ("yaml-buffer-huge", ".yaml", YAML_EVENT.replace("shelling", "territorial_claim")
     + "    buffer_km: 100000\n"),
    ("yaml-huge-int", ".yaml", YAML_EVENT + "    fatalities: " + "9" * 5000 + "\n"),
    ("yaml-long-name", ".yaml", YAML_EVENT.replace("Kyiv", "K" * 300)),
    ("yaml-scalar", ".yaml", "just a string"), ("yaml-broken", ".yaml", "events: [\n"),
    ("yaml-not-mapping", ".yaml", "events:\n  - 5\n"),
    ("yaml-latin1", ".yaml", b"events:\n  - location: \xe9\n"),
    ("yaml-week-60", ".yaml", YAML_EVENT.replace("2026-02-04", "2026-W60")),
    ("gpkg-text", ".gpkg", "not a geopackage"), ("gpkg-empty", ".gpkg", b""),
    ("parquet-text", ".parquet", "not parquet"), ("parquet-empty", ".parquet", b""),
    ("unknown-extension", ".txt", "whatever"),
]

VALID_ODDITIES: list[tuple[str, str, bytes | str]] = [
    ("kml-ge-2.1", ".kml", KML_OK.format(ns=' xmlns="http://earth.google.com/kml/2.1"',
                                         coords="37.5,48.5")),
    ("kml-ge-2.0", ".kml", KML_OK.format(ns=' xmlns="http://earth.google.com/kml/2.0"',
                                         coords="37.5,48.5")),
    ("kml-no-ns", ".kml", KML_OK.format(ns="", coords="37.5,48.5,120")),
    ("geojson-bom", ".geojson", b"\xef\xbb\xbf" + json.dumps({
        "type": "FeatureCollection", "features": [{"type": "Feature", "properties": {
            "event_date": "2026-02-04", "event_type": "shelling"}, "geometry": None}]}).encode()),
]


def _export(src: Path, out: Path, capsys) -> tuple[int, str]:
    code = main(["export", str(src), "-o", str(out)])
    return code, capsys.readouterr().err


def _assert_one_line_error(code: int, err: str, out: Path) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(("fmt", "field", "value"), _value_cases())
def test_bad_values_in_every_format(tmp_path, capsys, fmt, field, value):
    extension, writer = WRITERS[fmt]
    src = tmp_path / f"bad{extension}"
    writer(src, _record(field, value))
    out = tmp_path / "out.geojson"
    code, err = _export(src, out, capsys)
    _assert_one_line_error(code, err, out)
    assert src.name in err or "record 1" in err, err


@pytest.mark.parametrize(("name", "extension", "content"), RAW, ids=[r[0] for r in RAW])
def test_broken_files(tmp_path, capsys, name, extension, content):
    src = tmp_path / f"{name}{extension}"
    if isinstance(content, bytes):
        src.write_bytes(content)
    else:
        src.write_text(content, encoding="utf-8")
    out = tmp_path / "out.geojson"
    code, err = _export(src, out, capsys)
    _assert_one_line_error(code, err, out)
    assert src.name in err, err


def test_kmz_archives(tmp_path, capsys):
    empty, bad = tmp_path / "empty.kmz", tmp_path / "bad.kmz"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "no kml")
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("doc.kml", KML_OK.format(ns=NS22, coords="200,100"))
    for src in (empty, bad):
        out = tmp_path / "out.geojson"
        _assert_one_line_error(*_export(src, out, capsys), out)


def test_a_directory_and_a_missing_file(tmp_path, capsys):
    folder = tmp_path / "folder.geojson"
    folder.mkdir()
    for src in (folder, tmp_path / "missing.geojson"):
        out = tmp_path / "out.geojson"
        _assert_one_line_error(*_export(src, out, capsys), out)


@pytest.mark.parametrize(("name", "extension", "content"), VALID_ODDITIES,
                         ids=[r[0] for r in VALID_ODDITIES])
def test_valid_oddities_are_read(tmp_path, capsys, name, extension, content):
    src = tmp_path / f"{name}{extension}"
    if isinstance(content, bytes):
        src.write_bytes(content)
    else:
        src.write_text(content, encoding="utf-8")
    out = tmp_path / "out.geojson"
    code, err = _export(src, out, capsys)
    assert code == 0, err
    assert all(line.startswith("warning:") for line in err.splitlines()), err
    assert len(json.loads(out.read_text())["features"]) == 1


def test_the_corpus_is_large():
    assert len(_value_cases()) + len(RAW) + 4 >= 120
