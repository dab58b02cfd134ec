import json

import pytest

from geo_ukraine.cli import build_parser, main
from tests.conftest import ROOT

COMMANDS = ("geocode", "reverse", "places", "extract", "map", "export", "gazetteer")


def test_help_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help(capsys, command):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert "usage: geo-ukraine" in capsys.readouterr().out


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("geo-ukraine ")


def test_geocode_json(capsys):
    assert main(["geocode", "Zaporozhye", "Sumy region", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["place"]["place_id"] for r in results] == ["gn:687700", "a1:UA.21"]


def test_geocode_ambiguous_exits_1_and_lists_candidates(capsys):
    assert main(["geocode", "Andriivka"]) == 1
    out = capsys.readouterr().out
    assert "AMBIGUOUS" in out and "candidate:" in out


def test_reverse(capsys):
    assert main(["reverse", "48.62", "37.53", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["admin1"] == "UA.05" and out["nearest"]["name"] == "Druzhkivka"


def test_reverse_bad_latitude_is_one_line_error(capsys):
    assert main(["reverse", "148.6", "37.5"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "latitude 148.6" in err and "Traceback" not in err


def test_map_and_geojson(tmp_path, capsys):
    html, geojson = tmp_path / "m.html", tmp_path / "e.geojson"
    assert main(["map", str(ROOT / "examples" / "seed_events.yaml"), "-o", str(html),
                 "--geojson", str(geojson), "--title", "Test", "--as-of", "2026-02-10"]) == 0
    assert capsys.readouterr().out.split() == [str(html), str(geojson)]
    assert html.stat().st_size > 100_000
    assert len(json.loads(geojson.read_text())["features"]) == 21


def test_export_and_bad_input(tmp_path, capsys):
    out = tmp_path / "e.kml"
    assert main(["export", str(ROOT / "examples" / "seed_events.yaml"), "-o", str(out)]) == 0
    assert out.read_text().startswith("<?xml")
    assert main(["export", str(tmp_path / "missing.yaml"), "-o", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("events:\n  - event_date: 2026-02-04\n    event_type: bombing\n"
                   "    location: Kyiv\n")
    assert main(["export", str(bad), "-o", str(out)]) == 2
    assert "bad.yaml record 1" in capsys.readouterr().err


def test_gazetteer_info(capsys):
    assert main(["gazetteer", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["problems"] == {} and info["kinds"]["settlement"] > 60_000


def test_parser_is_buildable_without_data():
    assert build_parser().prog == "geo-ukraine"


def test_places_and_extract(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Shelling hit Nikopol on March 2, killing two people, officials said.\n"
                       "Drones struck Belgorod region overnight, Russian officials said.\n")
    assert main(["places", str(article), "--json"]) == 0
    mentions = json.loads(capsys.readouterr().out)
    assert [m["surface"] for m in mentions] == ["Nikopol", "Belgorod region"]
    out = tmp_path / "events.geojson"
    assert main(["extract", str(article), str(article), "--published", "2026-03-04",
                 "--jobs", "2", "-o", str(out)]) == 0
    features = json.loads(out.read_text())["features"]
    assert [f["properties"]["event_type"] for f in features] == [
        "shelling", "cross_border_strike"] * 2
    assert features[0]["properties"]["fatalities"] == 2


def test_extract_without_a_date_keeps_the_events_undated_and_names_the_file(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Shelling hit Nikopol overnight, killing two people, officials said.\n")
    out = tmp_path / "e.geojson"
    assert main(["extract", str(article), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "a.txt" in err and "--published" in err and err.count("\n") == 1
    [feature] = json.loads(out.read_text())["features"]
    assert feature["properties"]["event_date"] is None
    assert feature["properties"]["date_precision"] == "unknown"
    assert feature["properties"]["fatalities"] == 2
