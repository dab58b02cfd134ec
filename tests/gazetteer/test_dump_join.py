"""The embedded tables against the GeoNames dump they were built from (../shared/geonames)."""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict

import pytest

from geo_ukraine.gazetteer import normalize, transliterate
from tests.conftest import GEONAMES_DUMP, need_shared


@pytest.fixture(scope="module")
def dump():
    path = need_shared(GEONAMES_DUMP)
    places = {}
    with zipfile.ZipFile(path) as archive:
        for line in io.TextIOWrapper(archive.open("UA.txt"), encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if cols[6] == "P":
                places[int(cols[0])] = cols
    return places


def test_every_joined_katottg_settlement_carries_the_dumps_coordinates(gaz, dump):
    joined = [r for r in gaz.store.rows if r.katottg and r.id.startswith("gn:")
              and r.kind == "settlement" and r.country == "UA"]
    assert len(joined) > 26_000
    wrong = []
    for row in joined:
        cols = dump[int(row.id[3:])]
        if (round(float(cols[4]), 5), round(float(cols[5]), 5)) != (float(row.lat),
                                                                    float(row.lon)):
            wrong.append(row.name)
        assert row.precision == "point"
    assert wrong == []


def test_settlements_left_at_their_hromada_have_no_same_named_place_in_their_raion(gaz, dump):
    names_by_raion = defaultdict(set)
    for cols in dump.values():
        if cols[7] in ("PPLX", "PPLH", "PPLQ", "PPLW") or not cols[11]:
            continue
        raion = f"UA.{cols[10]}.{cols[11]}"
        for name in [cols[1], *cols[3].split(",")]:
            names_by_raion[raion].add(normalize(name))
    left = [r for r in gaz.store.rows if r.id.startswith("katottg:")]
    assert 0 < len(left) < 3_500
    assert {r.precision for r in left} <= {"hromada", "raion", "admin1"}
    # The join takes each dump place once; a village left over has no unclaimed namesake.
    claimed = {int(r.id[3:]) for r in gaz.store.rows if r.katottg and r.id.startswith("gn:")}
    unclaimed_names = defaultdict(set)
    for gid, cols in dump.items():
        if gid not in claimed and cols[11] and cols[7] not in ("PPLX", "PPLH", "PPLQ", "PPLW"):
            unclaimed_names[f"UA.{cols[10]}.{cols[11]}"] |= {
                normalize(n) for n in [cols[1], *cols[3].split(",")]}
    missed = [r.name for r in left if r.admin2 and (
        normalize(r.name) in unclaimed_names[r.admin2]
        or normalize(transliterate(r.name)) in unclaimed_names[r.admin2])]
    assert missed == []
