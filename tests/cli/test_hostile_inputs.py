"""Hundreds of bad and hostile inputs through every command: never a traceback.

Each case runs ``geo_ukraine.cli.main`` in-process. A user mistake must end as one line on
stderr naming what is wrong, with exit status 2 (or 1 where the command's contract says so:
an unresolved name, a file that failed in a batch), or be accepted with warnings; an exception
escaping ``main`` is a failure.
"""

from __future__ import annotations

import itertools
import json
import os
import zipfile
from pathlib import Path

import pytest

from geo_ukraine.cli import main

GOOD_EVENTS = {"type": "FeatureCollection", "features": [{
    "type": "Feature", "geometry": {"type": "Point", "coordinates": [36.25, 49.98]},
    "properties": {"event_date": "2026-02-04", "event_type": "shelling",
                   "location": "Kharkiv", "fatalities": 1}}]}


def _event_files(tmp: Path) -> list[Path]:
    """Event files that are broken in one way each."""
    def feature(**changes):
        feat = json.loads(json.dumps(GOOD_EVENTS["features"][0]))
        for key, value in changes.items():
            if key == "geometry":
                feat["geometry"] = value
            else:
                feat["properties"][key] = value
        return {"type": "FeatureCollection", "features": [feat]}

    texts = {
        "top_list.geojson": "[]", "top_number.geojson": "42", "top_null.geojson": "null",
        "features_number.geojson": '{"type": "FeatureCollection", "features": 5}',
        "not_json.geojson": "{ this is not json", "empty.geojson": "",
        "bom.geojson": "\ufeff" + json.dumps(GOOD_EVENTS),
        "blob.geojson": json.dumps(feature(geometry={"type": "Blob", "coordinates": []})),
        "lon200.geojson": json.dumps(feature(geometry={"type": "Point",
                                                       "coordinates": [200, 100]})),
        "lat_minus95.geojson": json.dumps(feature(geometry={"type": "Point",
                                                            "coordinates": [30, -95]})),
        "nan.geojson": json.dumps(feature(geometry={"type": "Point",
                                                    "coordinates": ["NaN", 1]})),
        "huge_fatalities.geojson": json.dumps(feature(fatalities=1e400)).replace(
            "Infinity", "1e400"),
        "negative.geojson": json.dumps(feature(fatalities=-5)),
        "words.geojson": json.dumps(feature(fatalities="abc")),
        "fraction.geojson": json.dumps(feature(fatalities=2.7)),
        "bool.geojson": json.dumps(feature(fatalities=True)),
        "bad_type.geojson": json.dumps(feature(event_type="<script>alert(1)</script>")),
        "bad_date.geojson": json.dumps(feature(event_date="2026-02-30")),
        "no_date.geojson": json.dumps(feature(event_date=None)),
        "template.geojson": json.dumps(feature(notes="{{ 7*7 }} {% if x %}")),
        "formula.geojson": json.dumps(feature(notes="=HYPERLINK(\"http://x\")")),
        "yaml_bomb.yaml": "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                          "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c]\n"
                          "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e]\n"
                          "events:\n  - {event_date: 2026-01-01, event_type: shelling, "
                          "location: Kharkiv, notes: *f}\n",
        "yaml_python.yaml": "!!python/object/apply:os.system ['echo pwned']\n",
        "yaml_inf.yaml": "- {event_date: 2026-01-01, event_type: shelling, location: Kharkiv, "
                         "fatalities: .inf}\n",
        "yaml_list.yaml": "- {event_date: 2026-01-01, event_type: [a, b], location: Kharkiv}\n",
        "yaml_scalar.yaml": "just a string\n",
        "kml_empty_coords.kml": '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">'
                                "<Document><Placemark><name>x</name><Point><coordinates>"
                                "</coordinates></Point></Placemark></Document></kml>",
        "kml_xxe.kml": '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">'
                       ']><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
                       "<name>&x;</name></Placemark></Document></kml>",
        "kml_200.kml": '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">'
                       "<Document><Placemark><name>x</name><Point><coordinates>200,100"
                       "</coordinates></Point></Placemark></Document></kml>",
        "csv_garbage.csv": "a,b,c\n1,2\n\x00\x01\x02\n",
        "csv_header_only.csv": "event_date,event_type,location\n",
        "unknown.xyz": "whatever",
    }
    paths = []
    for name, text in texts.items():
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    not_zip = tmp / "not_a_zip.kmz"
    not_zip.write_bytes(b"PK\x03\x04 broken")
    latin1 = tmp / "latin1.csv"
    latin1.write_bytes("event_date,event_type,location\n2026-01-01,shelling,Kh\xe9rson\n"
                       .encode("latin-1"))
    binary = tmp / "binary.geojson"
    binary.write_bytes(bytes(range(256)) * 4)
    return [*paths, not_zip, latin1, binary, tmp / "missing.geojson", tmp]


def _outputs(tmp: Path) -> list[Path]:
    readonly = tmp / "readonly"
    readonly.mkdir()
    a_file = tmp / "a_file.txt"
    a_file.write_text("x")
    fifo = tmp / "fifo"
    os.mkfifo(fifo)
    os.chmod(readonly, 0o500)
    return [readonly / "out.geojson", tmp, a_file / "under.geojson", tmp / ("x" * 300 + ".geojson"),
            fifo, tmp / "wrong_extension.csv"]


def _texts(tmp: Path) -> list[Path]:
    cases = {
        "empty.txt": "", "crlf.txt": "Drones hit Kharkiv.\r\nA man was killed in Sumy.\r\n",
        "one_long_line.txt": "Russian forces shelled Kherson and " * 3000,
        "no_date.txt": "Drones struck Odesa overnight, killing two people.",
        "feb30.txt": "On February 30, missiles hit Dnipro, killing three.",
        "controls.txt": "Strike on \x00Kyiv\x07 \u202e killed 1.",
        "emoji.txt": "💥 Kharkiv 💥 shelled; 3 injured 🩸",
        "html.txt": "<script>alert(1)</script> Shelling in Sumy killed 2.",
        "template.txt": "{{ 7*7 }} shelling in {% Sumy %} region killed 4.",
    }
    paths = []
    for name, text in cases.items():
        path = tmp / name
        path.write_text(text, encoding="utf-8", newline="")
        paths.append(path)
    bad = tmp / "cp1251.txt"
    bad.write_bytes("Обстріл Харкова".encode("cp1251"))
    return [*paths, bad, tmp / "missing.txt", tmp]


def _cases(tmp: Path) -> list[list[str]]:
    events, outputs, texts = _event_files(tmp), _outputs(tmp), _texts(tmp)
    good = tmp / "good.geojson"
    good.write_text(json.dumps(GOOD_EVENTS), encoding="utf-8")
    names = ["", " ", "x" * 300, "\x00", "Kyiv\x00", "{{7*7}}", "'; DROP TABLE places; --",
             "🇺🇦", "Київ", "Zaporizhzhya Oblast Oblast", "-", "--", "123", "Sumy,,,,"]
    coords = [("nan", "30"), ("inf", "30"), ("200", "100"), ("48", "-95"), ("abc", "1"),
              ("1e400", "1"), ("0", "0"), ("-90", "180"), ("48.5", "")]
    cases: list[list[str]] = []
    cases += [["geocode", n] for n in names]
    cases += [["geocode", "--json", n] for n in names]
    cases += [["geocode", n, "--admin1", "UA.99"] for n in ("Kyiv", "Sumy")]
    cases += [["reverse", "--", lon, lat] for lon, lat in coords]
    cases += [["places", str(t)] for t in texts] + [["places", str(t), "--json"] for t in texts]
    cases += [["extract", str(t), "-o", str(tmp / f"x{i}.geojson")] for i, t in enumerate(texts)]
    cases += [["extract", str(texts[0]), "-o", str(o)] for o in outputs]
    cases += [["extract", str(texts[2]), "--published", p, "-o", str(tmp / "p.geojson")]
              for p in ("0001-01-01", "9999-12-31", "yesterday", "2026-13-45")]
    cases += [["export", str(e), "-o", str(tmp / f"e{i}.geojson")] for i, e in enumerate(events)]
    cases += [["export", str(e), "-o", str(tmp / f"e{i}.csv")] for i, e in enumerate(events[:8])]
    cases += [["export", str(good), "-o", str(o)] for o in outputs]
    cases += [["export", str(good), "-o", str(tmp / "k.csv"), "--driver", "kml"],
              ["export", str(good), "-o", str(good)]]
    cases += [["map", str(e), "-o", str(tmp / f"m{i}.html")] for i, e in enumerate(events)]
    cases += [["map", str(good), "-o", str(o)] for o in outputs]
    cases += [["map", str(good), "-o", str(tmp / "t.html"), "--title", t]
              for t in ("{{ 7*7 }}", "{% week 5", "</script><b>", "x" * 5000)]
    cases += [["map", str(good), "-o", str(tmp / "a.html"), "--as-of", d]
              for d in ("2026-02-30", "soon", "")]
    cases += [["area", str(e)] for e in events[:12]]
    cases += [["area", "--diff", str(events[0]), str(events[1])]]
    cases += [["gazetteer", "ingest", str(p)] for p in (tmp, tmp / "missing.csv", events[0],
                                                        events[-5], texts[0])]
    return cases


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    cases = _cases(tmp)
    yield cases
    os.chmod(tmp / "readonly", 0o700)


def test_the_corpus_is_large(corpus):
    assert len(corpus) >= 200


@pytest.mark.filterwarnings("default")  # warnings are what a user sees on stderr here
def test_no_input_gives_a_traceback(corpus, capsys):
    problems = []
    for args in corpus:
        try:
            status = main(args)
        except SystemExit as exc:  # argparse: usage line and exit 2
            status = exc.code
        except BaseException as exc:  # every exception escaping main is the finding
            problems.append(f"{args[:3]}: {type(exc).__name__}: {str(exc)[:80]}")
            continue
        err = capsys.readouterr().err
        if "Traceback" in err:
            problems.append(f"{args[:3]}: traceback on stderr")
        elif status not in (0, 1, 2):
            problems.append(f"{args[:3]}: exit {status}")
        elif status == 2 and not err.strip():
            problems.append(f"{args[:3]}: exit 2 with nothing on stderr")
        elif status == 2 and len([ln for ln in err.splitlines()
                                  if "error:" in ln]) != 1:
            problems.append(f"{args[:3]}: not one error line: {err[:160]!r}")
    assert problems == [], "\n".join(problems)


def test_the_inputs_are_never_lost(tmp_path):
    good = tmp_path / "good.geojson"
    good.write_text(json.dumps(GOOD_EVENTS), encoding="utf-8")
    before = good.read_bytes()
    for driver, suffix in itertools.product(("geojson", "csv", "kml"), (".geojson",)):
        main(["export", str(good), "-o", str(good.with_suffix(suffix)), "--driver", driver])
    assert good.read_bytes() == before
    zipfile.is_zipfile(good)  # nothing replaced it with an archive
