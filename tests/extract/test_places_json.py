"""The flat JSON contract of ``geo-ukraine places FILE --json``."""

import json

import pytest

from geo_ukraine.cli.main import main

KEYS = ["start", "end", "surface", "role", "kind", "resolved", "geonameid", "name", "lat",
        "lon", "admin1", "country", "confidence"]
KINDS = {"settlement", "admin1", "admin2", "country", "facility", "other"}


def _places(tmp_path, capsys, text, *, newline="\n"):
    path = tmp_path / "a.txt"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    assert main(["places", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out), path.read_bytes().decode("utf-8")


def test_every_object_starts_with_the_contract_keys(tmp_path, capsys):
    rows, _ = _places(tmp_path, capsys, "Drones hit Kharkiv and the Dnipro River overnight, "
                                        "and shelling reached Sumy and Chernihiv oblasts.")
    assert rows
    for row in rows:
        assert list(row)[:len(KEYS)] == KEYS
        assert row["kind"] in KINDS


def test_a_list_phrase_is_admin1_with_every_unit(tmp_path, capsys):
    rows, _ = _places(tmp_path, capsys, "Shelling reached Sumy and Chernihiv oblasts today.")
    (row,) = [r for r in rows if r["surface"] == "Sumy and Chernihiv oblasts"]
    assert row["kind"] == "admin1" and row["resolved"] is True
    assert row["places"] == ["a1:UA.21", "a1:UA.02"]


def test_a_settlement_is_flat(tmp_path, capsys):
    rows, _ = _places(tmp_path, capsys, "A drone fell on a house in Kryvyi Rih on Tuesday.")
    (row,) = rows
    assert (row["kind"], row["geonameid"], row["admin1"], row["country"]) == (
        "settlement", 703845, "UA.04", "UA")
    assert abs(row["lat"] - 47.91) < 0.1 and abs(row["lon"] - 33.39) < 0.1


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_offsets_index_the_text_as_read(tmp_path, capsys, newline):
    text = "Headline here\n\nOvernight drones hit Odesa.\nLater, shelling hit Kherson.\n"
    rows, decoded = _places(tmp_path, capsys, text, newline=newline)
    assert [r["surface"] for r in rows] == ["Odesa", "Kherson"]
    for row in rows:
        assert decoded[row["start"]:row["end"]] == row["surface"]


def test_a_place_of_no_country_has_country_null(tmp_path, capsys):
    rows, _ = _places(tmp_path, capsys, "A drone was shot down over the Black Sea.")
    (row,) = [r for r in rows if r["surface"] == "Black Sea"]
    assert row["kind"] == "other" and row["country"] is None


def test_a_raion_gives_its_own_code_as_admin1(tmp_path, capsys):
    rows, _ = _places(tmp_path, capsys, "Shelling hit the Kupiansk district overnight.")
    (row,) = [r for r in rows if r["kind"] == "admin2"]
    assert row["admin1"] == "UA.07.6308" and row["country"] == "UA"
