"""Front-line villages and facilities against coordinates from independent sources.

``tests/data/gazetteer/frontline_reference.tsv`` holds 230 places named in war reporting
(201 villages and towns of the front-line oblasts and Russia's border regions, 29 facilities),
each with coordinates from a source other than GeoNames (Wikipedia articles, GeoNuclearData;
see the README beside it). Each is resolved as an analyst would, with its oblast given.
"""

from __future__ import annotations

import csv
import re

import pytest

from geo_ukraine.gazetteer.ranking import haversine_km
from tests.conftest import DATA

REFERENCE = DATA / "gazetteer" / "frontline_reference.tsv"
# A village is placed right within 5 km; a facility (a plant, a base, a 19 km bridge) within 10.
TOLERANCE_KM = {"settlement": 5.0, "facility": 10.0}
# Measured 0.94 (212 of 226) when this test was written, 0.965 (222 of 230) once the Kursk
# border villages, Port Krym, the 2025 front line and the border strip were in. The misses are
# front-line namesakes in one oblast that only the article's context tells apart (Opytne by
# Bakhmut or by Avdiivka, Vodiane by Vuhledar or by Avdiivka, Mykhailivka, Petrivka, Troitske,
# Petropavlivka by Vovchansk or by Kupiansk), Druzhba (Sumy), the town renamed back to
# Khutir-Mykhailivskyi in 2024, which loses to a hamlet called Druzhba on the border, and
# Kamianka (Zaporizhzhia), the renamed Bilmak, which the KATOTTG join misses and places at its
# hromada's centre, 6.5 km off.
MIN_SHARE = 0.95


def _rows() -> list[dict[str, str]]:
    with REFERENCE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _queries(name: str) -> list[str]:
    """The name as written, and the alternative a row gives in parentheses."""
    inside = re.findall(r"\(([^)]+)\)", name)
    return [re.sub(r"\s*\([^)]*\)", "", name).strip(), *inside]


def _distance(gaz, row: dict[str, str]) -> float | None:
    best = None
    for query in _queries(row["name"]):
        match = gaz.resolve(query, admin1=row["admin1"])
        place = match.place or match.best
        if place is not None:
            d = haversine_km(float(row["lon"]), float(row["lat"]), place.lon, place.lat)
            best = d if best is None else min(best, d)
    return best


def test_the_reference_is_what_its_readme_says():
    rows = _rows()
    assert len(rows) >= 220
    assert sum(r["kind"] == "settlement" for r in rows) >= 150
    assert all(r["source"].strip() and r["lat"] and r["lon"] for r in rows)


def test_front_line_places_resolve_within_5_km_with_their_oblast(gaz):
    rows = _rows()
    placed = [r for r in rows
              if (d := _distance(gaz, r)) is not None and d <= TOLERANCE_KM[r["kind"]]]
    share = len(placed) / len(rows)
    assert share >= MIN_SHARE, f"{len(placed)} of {len(rows)} within tolerance"


@pytest.mark.parametrize("name", ["Robotyne", "Krynky", "Vuhledar", "Chasiv Yar",
                                  "Klishchiivka", "Urozhaine", "Ocheretyne", "Lyptsi",
                                  "Sudzha", "Yunakivka", "Verbove"])
def test_well_known_front_line_villages_bare(gaz, name):
    rows = [r for r in _rows() if r["name"] == name]
    assert rows, f"{name} is not in the reference file"
    row = rows[0]
    place = gaz.resolve(name).place
    assert place is not None and place.admin1 == row["admin1"]
    assert haversine_km(float(row["lon"]), float(row["lat"]), place.lon, place.lat) <= 5.0
