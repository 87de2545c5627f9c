#!/usr/bin/env python3
"""The 20 default flags through concurrent.futures, to set Python's threads beside `flags threads`.

Standard library only: ThreadPoolExecutor.map over urllib requests, one new connection per flag, each flag
saved to a temporary directory that is removed at the end. Prints the pool size and the time of each run.

    target/flags serve --port 8001 --delay 0.1 --jitter 0.1 &
    python3 bench/threadpool.py http://127.0.0.1:8001/flags               # the pool's default size
    python3 bench/threadpool.py http://127.0.0.1:8001/flags --workers 20  # one thread per flag
"""

import argparse
import os
import statistics
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CODES = 'CN IN US ID BR PK NG BD RU JP MX PH VN ET EG DE IR TR CD FR'.split()


def download(base_url: str, cc: str, dest: Path) -> int:
    cc = cc.lower()
    with urllib.request.urlopen(f'{base_url}/{cc}/{cc}.gif', timeout=10) as resp:
        image = resp.read()
    (dest / f'{cc}.gif').write_bytes(image)
    return len(image)


def batch(base_url: str, workers: int | None, dest: Path) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as executor:
        sizes = list(executor.map(lambda cc: download(base_url, cc, dest), CODES))
    elapsed = time.perf_counter() - start
    assert len(sizes) == len(CODES) and all(sizes)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('base_url', help='e.g. http://127.0.0.1:8001/flags')
    parser.add_argument('--workers', type=int, help="max_workers (default: the pool's own, min(32, CPUs + 4))")
    parser.add_argument('--runs', type=int, default=5)
    args = parser.parse_args()
    # ThreadPoolExecutor's documented default since Python 3.8 (3.13 counts the CPUs this process may use).
    workers = args.workers or min(32, (os.cpu_count() or 1) + 4)
    times = []
    with tempfile.TemporaryDirectory(prefix='flags-threadpool-') as dest:
        for _ in range(args.runs):
            times.append(batch(args.base_url.rstrip('/'), args.workers, Path(dest)))
    runs = ' '.join(f'{t:.2f}' for t in times)
    print(f'{len(CODES)} flags, {workers} workers: median {statistics.median(times):.2f}s (runs: {runs})')


if __name__ == '__main__':
    main()
