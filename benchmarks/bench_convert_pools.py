"""Where the export's time goes, one question: do its conversion threads
lose time to Python's GIL? The same 20 camera-like photos of 12 MP are
converted as the export converts them (``prepare_variants``, two sizes),
one per core at a time, on a thread pool and on a pool of processes,
interleaved round by round, with the load average beside each figure.

    python benchmarks/bench_convert_pools.py [ROUNDS]
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import PHOTOS, camera_jpeg  # noqa: E402
from runs import REPEATS, load_average, summary  # noqa: E402

from editor.images import prepare_variants  # noqa: E402


def convert(path: Path) -> int:
    return len(prepare_variants(path.read_bytes(), path.name))


def timed(pool: Executor, photos: list[Path]) -> float:
    start = time.perf_counter()
    list(pool.map(convert, photos))
    return time.perf_counter() - start


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else REPEATS
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as temp:
        photos = []
        for index in range(PHOTOS):
            path = Path(temp) / f"{index + 1:02d}.jpg"
            path.write_bytes(camera_jpeg(index))
            photos.append(path)
        threads, processes = [], []
        with ThreadPoolExecutor(cores) as thread_pool, ProcessPoolExecutor(cores, multiprocessing.get_context("spawn")) as process_pool:
            timed(process_pool, photos[:cores])  # the processes started and warm, as the threads are
            for number in range(rounds):
                threads.append(timed(thread_pool, photos))
                processes.append(timed(process_pool, photos))
                print(f"    round {number + 1}: threads {threads[-1]:.2f} s, processes {processes[-1]:.2f} s [{load_average()}]", flush=True)
        print(f"  {PHOTOS} photos of 12 MP, two sizes, {cores} at a time, on threads: {summary(threads, 's', 2)}")
        print(f"  the same on processes: {summary(processes, 's', 2)} [{load_average()}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
