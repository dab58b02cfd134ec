"""Russian border villages named in reporting (``gazetteer/border_places.tsv``) and crossings.

cities500 holds only places of 500+ people, so villages of the Kursk incursion such as Malaya
Loknya, Plekhovo and Gornal were missing; a curated, sourced table adds them.
"""

from __future__ import annotations

import csv

import pytest

from tests.conftest import ROOT

TABLE = ROOT / "gazetteer" / "border_places.tsv"
COLUMNS = ["key", "name", "country", "admin1", "lat", "lon", "population", "precision",
           "names", "source", "licence", "note"]


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_row_is_sourced_and_well_formed():
    rows = _rows()
    assert rows
    with TABLE.open(encoding="utf-8") as handle:
        assert handle.readline().rstrip("\n").split("\t") == COLUMNS
    assert len({r["key"] for r in rows}) == len(rows)
    for row in rows:
        assert row["source"].startswith("https://"), row["key"]
        assert row["licence"].strip() and row["note"].strip(), row["key"]
        assert row["country"] == "RU" and row["admin1"] in ("RU.41", "RU.09", "RU.10")
        assert row["precision"] == "point"
        assert 49.5 < float(row["lat"]) < 53.5 and 33.0 < float(row["lon"]) < 39.5


def test_every_row_lies_in_its_region_and_resolves_to_itself(gaz):
    for row in _rows():
        lon, lat = float(row["lon"]), float(row["lat"])
        assert gaz.reverse(lon, lat).admin1.admin1 == row["admin1"], row["name"]
        place = gaz.resolve(row["name"]).place
        assert place is not None and place.place_id == f"x:{row['key']}", row["name"]
        assert place.kind == "settlement" and place.location_precision == "point"
        for alias in row["names"].split("|"):
            assert gaz.resolve(alias, admin1=row["admin1"]).place == place, alias


@pytest.mark.parametrize(("name", "key"), [
    ("Malaya Loknya", "ru_malaya_loknya"), ("Mala Loknia", "ru_malaya_loknya"),
    ("Plyokhovo", "ru_plekhovo"), ("Плёхово", "ru_plekhovo"), ("Gornal", "ru_gornal"),
])
def test_kursk_incursion_villages_bare(gaz, name, key):
    assert gaz.resolve(name).place.place_id == f"x:{key}"


def test_a_ukrainian_spelling_shared_with_ukrainian_villages_is_not_taken_for_granted(gaz):
    # "Martynivka" is the Ukrainian spelling of the Kursk village and the name of villages in
    # Ukraine: a bare mention stays open, the Kursk oblast picks the Kursk one.
    assert gaz.resolve("Martynivka", admin1="RU.41").place.place_id == "x:ru_martynovka"
    assert len(gaz.candidates("Martynivka")) > 1


@pytest.mark.parametrize(("name", "key"), [
    ("Chonhar bridge", "bridge_chonhar"), ("Chonhar Strait bridges", "bridge_chonhar"),
    ("Port Krym", "port_krym"), ("Kerch ferry", "port_krym"),
    ("Kerch Strait ferry line", "port_krym"),
])
def test_straits_and_crossings_resolve_as_facilities(gaz, name, key):
    place = gaz.resolve(name).place
    assert place is not None and place.place_id == f"x:{key}" and place.kind == "facility"
