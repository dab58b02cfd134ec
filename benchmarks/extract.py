"""Place finding and event extraction over the seed articles, beside geotext on the same text.

Run: ``pip install geotext && python3 benchmarks/extract.py``. Reads the three seed articles
from ``../shared/seeds`` and repeats them to about 340 KB for the speed figures. geotext
(a regex-and-GeoNames city finder) is the peer: it only finds city and country names.
"""

from __future__ import annotations

import time
from pathlib import Path

import geo_ukraine as gu

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def main() -> int:
    texts = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        print(f"no seed articles at {SEEDS}")
        return 0
    text = "\n".join(texts)
    t = time.perf_counter()
    gu.extract_events(text, published="2026-02-06")
    print(f"first call (loads gazetteer, polygons, fuzzy index): {time.perf_counter() - t:.2f} s")
    big = (text + "\n") * 20
    t = time.perf_counter()
    mentions = gu.find_places(big)
    found = time.perf_counter() - t
    t = time.perf_counter()
    events = gu.extract_events(big, published="2026-02-06")
    extracted = time.perf_counter() - t
    kb = len(big) / 1000
    print(f"geo_ukraine find_places     {kb:.0f} KB in {found:.2f} s "
          f"({kb / found:,.0f} KB/s), {len(mentions):,} mentions")
    print(f"geo_ukraine extract_events  {kb:.0f} KB in {extracted:.2f} s, {len(events):,} events")
    try:
        from geotext import GeoText
    except ImportError:
        print("peer: geotext not installed (pip install geotext)")
        return 0
    t = time.perf_counter()
    GeoText("warm up Kyiv")
    load = time.perf_counter() - t
    t = time.perf_counter()
    peer = GeoText(big)
    elapsed = time.perf_counter() - t
    print(f"peer geotext                {kb:.0f} KB in {elapsed:.2f} s (+{load:.2f} s load), "
          f"{len(peer.cities) + len(peer.countries):,} city/country names")
    one = GeoText(text)
    ours = gu.find_places(text)
    print(f"on the three articles once: geotext cities {sorted(set(one.cities))}")
    print(f"                            geo_ukraine located places "
          f"{sorted({m.surface for m in ours if m.role == 'location'})}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
