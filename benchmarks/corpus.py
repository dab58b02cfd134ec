"""Corpus extraction at scale: one process against ``engine="dask"`` on a 2-worker LocalCluster.

Run: ``pip install 'geo_ukraine[corpus]' && python3 benchmarks/corpus.py [--articles N]``.
Writes N synthetic articles of about 4,000 characters (``geo_ukraine.corpus.synthetic``:
sentences written for it, places from the gazetteer) to a temporary directory, then prints:

- single process: ``extract_corpus(engine="local", output=...)`` articles/s writing one
  GeoParquet file, the same work as the Dask run (gazetteer already loaded);
- ``engine="dask"`` with 2 worker processes: articles/s writing partitioned GeoParquet (the
  workers already started and warm; their start-up is printed apart), and its speed-up;
- peak memory (RSS) of each worker, read by the workers themselves;
- ``find_places`` articles/s on one core (place mentions alone);
- the peer of the speed-up: how much faster two processes do pure arithmetic than one, on
  this machine just after the Dask run (a shared or throttled machine gives less than 2).

Goals (issue #15): 2 workers >= 1.8x one process, <= 400 MB per worker, >= 300 articles/s
per core for place mentions. The figures are printed whether or not they meet them. The
machine's load average is printed too: on a shared machine other work slows every figure.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

from extract import two_process_ceiling  # benchmarks/extract.py, beside this script

import geo_ukraine as gu
from geo_ukraine.corpus import extract_corpus, write_synthetic_corpus
from geo_ukraine.corpus.dask import dask_client
from geo_ukraine.corpus.dataset import count_rows

GOAL_SPEEDUP = 1.8
GOAL_WORKER_MB = 400
GOAL_PLACES_PER_CORE = 300


def _status_mb(field: str) -> float:
    """A memory figure of the calling process from /proc (runs on each worker too)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _peak_rss_mb() -> float:
    # VmHWM, not getrusage's ru_maxrss: Linux hands a spawned worker its parent's maximum.
    return _status_mb("VmHWM")


def _rss_mb() -> float:
    return _status_mb("VmRSS")


def _cpu_seconds() -> float:
    """User and system CPU time of the calling process (runs on each worker)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _quiet(function, *args, **kwargs):
    """Run ``function`` keeping its warnings (undated articles) off the figures."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = function(*args, **kwargs)
    return result, len(caught)


def _code() -> str:
    """The commit measured and a hash of the package's source as it is on disk.

    Other work may change the source during a run: the engines would then run different
    code (a worker imports the package when it starts), and the hash printed at the end
    differs.
    """
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1()
    for path in sorted((root / "geo_ukraine").rglob("*.py")):
        digest.update(path.read_bytes())
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, text=True,
                              capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        head = "(no git)"
    return f"commit {head}, source {digest.hexdigest()[:10]}"


def _single(corpus: Path, n: int, out: Path) -> tuple[float, int]:
    start = time.perf_counter()
    gu.Gazetteer.default()
    load = time.perf_counter() - start
    events, _ = _quiet(extract_corpus, sorted(corpus.glob("*.txt"))[:2])  # warm the caches
    start, cpu = time.perf_counter(), _cpu_seconds()
    events, noted = _quiet(extract_corpus, corpus, output=out)
    elapsed, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    print(f"single process      {n:,} articles in {elapsed:7.1f} s = {n / elapsed:6.1f} "
          f"articles/s ({n / cpu:.1f} per CPU-second) writing one GeoParquet file, as the "
          f"Dask run writes its parts, {len(events):,} events ({noted} warnings); gazetteer "
          f"load {load:.1f} s; peak RSS {_peak_rss_mb():.0f} MB (it holds every event)")
    return n / elapsed, len(events)


def _dask(corpus: Path, n: int, workers: int, out: Path) -> tuple[float, list[float], int]:
    start = time.perf_counter()
    # The local cluster extract_corpus starts when given no scheduler, kept open here so
    # that its start-up and warm-up are timed apart and its workers can be asked.
    with dask_client(n_workers=workers) as client:
        _quiet(extract_corpus, sorted(corpus.glob("*.txt"))[:workers], engine="dask",
               scheduler=client)  # start the workers and load their gazetteers
        warm = time.perf_counter() - start
        idle = client.run(_rss_mb)
        start, cpu = time.perf_counter(), sum(client.run(_cpu_seconds).values())
        _, noted = _quiet(extract_corpus, corpus, engine="dask", scheduler=client,
                          output=out)
        elapsed = time.perf_counter() - start
        cpu = sum(client.run(_cpu_seconds).values()) - cpu
        peaks = list(client.run(_peak_rss_mb).values())
    parts, count = len(list(out.glob("*.parquet"))), count_rows(out)
    print(f"dask, {workers} workers     {n:,} articles in {elapsed:7.1f} s = {n / elapsed:6.1f} "
          f"articles/s ({n / cpu:.1f} per worker CPU-second), {count:,} events "
          f"in {parts} Parquet parts ({noted} warnings); cluster start and warm-up "
          f"{warm:.1f} s")
    print(f"worker memory       RSS when warm {', '.join(f'{v:.0f}' for v in idle.values())} "
          f"MB; peak {', '.join(f'{v:.0f}' for v in peaks)} MB")
    return n / elapsed, peaks, count


def _places(corpus: Path, limit: int) -> float:
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:limit]]
    gu.find_places(texts[0])
    start = time.perf_counter()
    mentions = sum(len(gu.find_places(text)) for text in texts)
    elapsed = time.perf_counter() - start
    print(f"find_places         {len(texts):,} articles in {elapsed:7.1f} s = "
          f"{len(texts) / elapsed:6.1f} articles/s on one core, {mentions:,} mentions")
    return len(texts) / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000, help="default 20,000")
    parser.add_argument("--chars", type=int, default=4_000, help="article length")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--places-sample", type=int, default=5_000,
                        help="articles timed for find_places (default 5,000)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="geo_ukraine-corpus-bench-"))
    try:
        start = time.perf_counter()
        paths = write_synthetic_corpus(folder / "articles", args.articles, chars=args.chars)
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus              {len(paths):,} synthetic articles, {size / 1e6:.1f} MB "
              f"(mean {size / len(paths):,.0f} bytes), written in "
              f"{time.perf_counter() - start:.1f} s; {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f}")
        code = _code()
        print(f"code                {code}")
        single, local_events = _single(folder / "articles", len(paths),
                                       folder / "single.parquet")
        rate, peaks, dask_events = _dask(folder / "articles", len(paths), args.workers,
                                         folder / "events.parquet")
        same = "the same" if local_events == dask_events else "DIFFERENT (code changed?)"
        print(f"events              {local_events:,} local, {dask_events:,} dask: {same}")
        ceiling = two_process_ceiling()
        print(f"peer                two processes of pure arithmetic, same machine, just after: "
              f"{ceiling:.2f}x one process (what 2 workers could reach here now)")
        places = _places(folder / "articles", args.places_sample)
        if _code() != code:
            print(f"code changed        {_code()}: the figures mix two versions")
        print(f"load average now    {os.getloadavg()[0]:.1f}")
        print(f"goals               speed-up {rate / single:.2f}x (goal >= {GOAL_SPEEDUP}x), "
              f"worker peak {max(peaks):.0f} MB (goal <= {GOAL_WORKER_MB} MB), place "
              f"mentions {places:.0f} articles/s per core (goal >= {GOAL_PLACES_PER_CORE})")
        met = (rate / single >= GOAL_SPEEDUP, max(peaks) <= GOAL_WORKER_MB,
               places >= GOAL_PLACES_PER_CORE)
        print("met                 " + ", ".join(
            f"{name} {'yes' if ok else 'NO'}"
            for name, ok in zip(("speed-up", "memory", "place mentions"), met, strict=True)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
