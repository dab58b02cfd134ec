"""The three real articles the product was born from (read from ../shared/seeds)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import geo_ukraine as gu

PUBLISHED = {"000": "2026-02-06", "003": None, "004": "2026-01-30"}


@pytest.fixture(scope="module")
def extracted(seed_texts):
    out = {}
    for name, text in seed_texts.items():
        out[name[:3]] = gu.extract_events(text, published=PUBLISHED[name[:3]], source=name)
    return out


def _first_long_line(text: str) -> int:
    return next(m.start() for m in re.finditer(r"^.+$", text, re.M) if len(m.group(0)) > 200)


def _row(events, event_type, place_id):
    rows = events[(events.event_type == event_type) & (events.place_id == place_id)]
    assert len(rows) >= 1, (event_type, place_id, events[["event_type", "place_id"]])
    return rows.iloc[0]


def test_weekly_roundup(extracted, seed_texts):
    ev = extracted["000"]
    druzhkivka = _row(ev, "shelling", "gn:616743")
    assert (druzhkivka.event_date, druzhkivka.date_precision) == ("2026-02-04", "day")
    assert (druzhkivka.fatalities, druzhkivka.injured) == (7, 8)
    assert druzhkivka.claimed_by == "Ukrainian officials" and druzhkivka.geo_precision == 1
    zap = _row(ev, "civilian_casualties", "gn:687700")
    assert (zap.fatalities, zap.injured) == (2, 9), "two 18-year-olds is 2 killed, not 18"
    claim = _row(ev, "territorial_claim", "a1:UA.26|a1:UA.05")
    assert (claim.status, claim.claimed_by) == ("claimed", "Russian state media")
    assert claim.date_precision == "week" and claim.event_date == "2026-01-26"
    southeast = _row(ev, "territorial_claim", "a1:UA.26")
    assert southeast.geo_precision == 2 and southeast.location == "southeastern Zaporizhzhia"
    assert _row(ev, "territorial_claim", "a1:UA.21").status == "claimed"
    belgorod = _row(ev, "cross_border_strike", "a1:RU.09")
    assert belgorod.actor == "Ukraine" and belgorod.country == "RU"
    assert _row(ev, "incursion", "a1:RU.41|a1:RU.09").actor == "Ukraine"
    kyiv = _row(ev, "infrastructure_damage", "gn:703448")
    assert "1,100 apartment buildings" in kyiv.quantity
    strike = _row(ev, "combined_strike", "c:UA")
    assert "hundreds of drones" in strike.quantity and "dozens of missiles" in strike.quantity
    assert strike.date_precision == "day", "overnight -> the day before publication"
    assert _row(ev, "diplomacy", "gn:292968").place_name == "Abu Dhabi"
    text = seed_texts["000_abb7e713285549bd.txt"]
    for row in ev.itertuples():
        assert text[row.sentence_start:row.sentence_end] == row.sentence


def test_weekly_roundup_mentions(seed_texts):
    mentions = gu.find_places(seed_texts["000_abb7e713285549bd.txt"])
    roles = {(m.surface, m.role) for m in mentions}
    assert ("Moscow", "actor") in roles
    assert ("Russia", "name_part") in roles, "Russia Matters is an outlet"
    kinds = {m.surface: m.kind for m in mentions}
    assert kinds["Zaporizhzhia nuclear plant"] == "facility"
    assert kinds["Zaporizhzhia and Donetsk regions"] == "regions"
    assert kinds["Kursk and Belgorod regions"] == "regions"
    assert kinds["southeastern Zaporizhzhia"] == "area"
    assert not any(m.surface in ("Still", "The", "Ana") and m.place for m in mentions)


def test_analytical_overview_dates_itself_and_skips_menus(extracted, seed_texts):
    text = seed_texts["003_d126a11da12c55f6.txt"]
    assert str(gu.publication_date(text)) == "2026-01-10"
    ev = extracted["003"]
    assert _row(ev, "diplomacy", "gn:2660646").country == "CH"
    oreshnik = _row(ev, "missile_strike", "c:UA")
    assert oreshnik.geo_precision == 2 and oreshnik.geometry.centroid.x < 26.5
    assert oreshnik.status == "confirmed"
    kyiv = _row(ev, "combined_strike", "gn:703448")
    assert kyiv.event_date.startswith("2026-01") and kyiv.actor == "Russia"
    body = _first_long_line(text)
    assert body > 100, "the page header (language menu, date, byline) comes first"
    assert all(s >= body for s in ev.sentence_start)


def test_kyiv_report(extracted, seed_texts):
    ev = extracted["004"]
    heat = _row(ev, "infrastructure_damage", "gn:703448")
    assert (heat.event_date, heat.date_precision) == ("2026-01-24", "day")
    assert heat.mention == "the capital"
    assert _row(ev, "diplomacy", "gn:593116").place_name == "Vilnius"
    assert _row(ev, "aid", "c:LT").actor == "Lithuania"
    text = seed_texts["004_0b736da4393d1606.txt"]
    headlines = [m.start() for m in re.finditer(r"^[^\n.]{10,120}$", text, re.M)]
    assert headlines, "the page carries headline lines"
    assert not any(start in headlines for start in ev.sentence_start)
    assert not any("Naus" in m.surface for m in gu.find_places(text))


def test_extraction_recovers_the_curated_events(extracted, seed_events):
    found = set()
    for events in extracted.values():
        found |= set(zip(events.event_type, events.place_id, strict=True))
    hits = [(r.event_type, r.place_id) in found for r in seed_events.itertuples()]
    assert sum(hits) >= 19, f"{sum(hits)}/{len(hits)} curated events recovered"


def test_extracted_events_map_and_export(extracted, tmp_path):
    events = gu.read_events(gu.write_events(
        gu.events_from_records([r for e in extracted.values() for r in e.to_dict("records")]),
        tmp_path / "x.geojson"))
    assert len(events) == sum(len(e) for e in extracted.values())
    assert set(events.columns) >= {"sentence", "sentence_start", "mention", "quantity"}
    html = gu.save_map(gu.event_map(events), tmp_path / "x.html").read_text()
    assert "geoUkraineEventMap" in html
    assert not pd.isna(events.event_date).any()


def test_extract_over_the_seeds_without_published_dates_each_by_its_own(tmp_path, capsys):
    from geo_ukraine.cli.main import main

    from .conftest import SEEDS, need_shared

    files = sorted(str(p) for p in need_shared(SEEDS).glob("*.txt"))
    out = tmp_path / "seeds.geojson"
    assert main(["extract", *files, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    undated = [f for f in files if not f.split("/")[-1].startswith("003")]
    assert all(f in err for f in undated), "each undated file is named in a warning"
    events = gu.read_events(out)
    dated = events[events.source.str.startswith("003")]
    # dated from its own header (January 10, 2026): that day or the days before it
    assert len(dated) and all("2025-12-27" <= d <= "2026-01-10" for d in dated.event_date)
    assert set(events.source.str[:3]) == {"000", "003", "004"}
