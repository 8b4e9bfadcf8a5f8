"""Benchmark unres at corpus scale, beside frictionless, on this machine.

For each size N (default 1, 100 and 2,000 texts; a generated text holds one
to three resolutions) it generates a corpus (scripts/generate_corpus.py's
generator, fixed seed), then measures, as medians of several runs:

- parse throughput (resolutions and MB per second), in one process and on
  all the machine's cores;
- `unres build` wall time and peak memory (charts off; one run with charts);
- `unres validate` and `frictionless validate` on the same package, run
  alternately, each a new process (cold start included), their ratio and
  peak memory;
- the floor: reading every CSV of the package with Python's csv module;
- how time per resolution changes from the smallest N over 100 to the largest;
- `unres --help`.

It prints a table and writes the figures as JSON (default
benchmarks/latest.json). A measurement, not a test: run it with `make bench`.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (0 if gone)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def run(command: list[str]) -> tuple[float, int]:
    """Wall time (s) and peak memory (MB) of a command in a new process, its
    children included: `unres validate` runs frictionless in a second process,
    and both count (sampled every 10 ms, and never below the kernel's own peak)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_kb = 0
    finished = threading.Event()

    def sample() -> None:  # reads /proc only: the main thread alone reaps the process
        nonlocal peak_kb
        while not finished.is_set():
            peak_kb = max(peak_kb, _tree_rss_kb(process.pid))
            finished.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    finished.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"benchmark: {' '.join(command)} failed with exit code {process.returncode}")
    return elapsed, max(peak_kb, usage.ru_maxrss) // 1024


def median_run(command: list[str], runs: int) -> tuple[float, int]:
    results = [run(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def _parse_file(path: str) -> int:
    from unres.parse import parse_file

    return len(parse_file(path))


def parse_throughput(files: list[Path], runs: int) -> dict[str, float]:
    from unres.parse import parse_file

    size = sum(f.stat().st_size for f in files) / 1e6
    single = []
    for _ in range(runs):
        start = time.perf_counter()
        count = sum(len(parse_file(f)) for f in files)
        single.append(time.perf_counter() - start)
    cores = os.cpu_count() or 1
    parallel = []
    with multiprocessing.get_context("fork").Pool(cores) as pool:
        for _ in range(runs):
            start = time.perf_counter()
            pool.map(_parse_file, [str(f) for f in files], chunksize=max(1, len(files) // (cores * 4)))
            parallel.append(time.perf_counter() - start)
    one, many = statistics.median(single), statistics.median(parallel)
    return {
        "resolutions": count,
        "megabytes": round(size, 3),
        "per_second_one_core": round(count / one, 1),
        "mb_per_second_one_core": round(size / one, 2),
        "cores": cores,
        "per_second_all_cores": round(count / many, 1),
    }


def read_floor(root: Path, runs: int) -> float:
    """Seconds to read every CSV of the package with the csv module."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for path in sorted((root / "data").glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                for _row in csv.reader(handle):
                    pass
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(size: int, runs: int, seed: int) -> dict[str, object]:
    from unres.corpus import write

    with tempfile.TemporaryDirectory(prefix=f"unres-bench-{size}-") as folder:
        root = Path(folder)
        files = write(size, seed, root)
        figures: dict[str, object] = {"n": size, "files": len(files)}
        figures["parse"] = parse_throughput(files, runs)
        unres, frictionless = str(BIN / "unres"), str(BIN / "frictionless")
        build_time, build_memory = median_run([unres, "build", "--no-charts", "--root", folder], runs)
        charts_time, _ = run([unres, "build", "--root", folder])
        figures["build"] = {
            "seconds": round(build_time, 3),
            "peak_mb": build_memory,
            "with_charts_seconds": round(charts_time, 3),
        }
        descriptor = str(root / "datapackage.yaml")
        ours, theirs = [], []
        for _ in range(runs):  # alternately, so that both see the same machine
            ours.append(run([unres, "validate", descriptor]))
            theirs.append(run([frictionless, "validate", descriptor]))
        unres_s, frictionless_s = statistics.median(t for t, _ in ours), statistics.median(t for t, _ in theirs)
        figures["validate"] = {
            "unres_seconds": round(unres_s, 3),
            "frictionless_seconds": round(frictionless_s, 3),
            "ratio": round(unres_s / frictionless_s, 2),
            "unres_peak_mb": max(m for _, m in ours),
            "frictionless_peak_mb": max(m for _, m in theirs),
        }
        figures["floor_read_csv_seconds"] = round(read_floor(root, runs), 4)
        figures["package_mb"] = round(sum(p.stat().st_size for p in (root / "data").rglob("*") if p.is_file()) / 1e6, 2)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,100,2000", help="Comma-separated corpus sizes.")
    parser.add_argument("--runs", type=int, default=5, help="Runs per measurement (the median is kept).")
    parser.add_argument("--seed", type=int, default=1, help="Seed of the generated corpus.")
    parser.add_argument("--out", default="benchmarks/latest.json", help="Where to write the figures as JSON.")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    help_time, _ = median_run([str(BIN / "unres"), "--help"], args.runs * 2)
    results = {
        "machine": {
            "python": platform.python_version(),
            "system": f"{platform.system()} {platform.machine()}",
            "cores": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
        },
        "help_seconds": round(help_time, 3),
        "sizes": [],
    }
    for size in sizes:
        print(f"benchmark: N = {size} …", file=sys.stderr, flush=True)
        results["sizes"].append(measure(size, args.runs if size < 1000 else max(3, args.runs // 2), args.seed))
    by_size = {figures["n"]: figures for figures in results["sizes"]}
    if 100 in by_size and max(by_size) > 100:
        small, large = by_size[100], by_size[max(by_size)]

        def per_resolution(figures: dict, step: str, key: str) -> float:
            return figures[step][key] / figures["parse"]["resolutions"]

        results["per_resolution_growth"] = {
            "build": round(per_resolution(large, "build", "seconds") / per_resolution(small, "build", "seconds"), 2),
            "validate": round(
                per_resolution(large, "validate", "unres_seconds") / per_resolution(small, "validate", "unres_seconds"),
                2,
            ),
        }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))


def table(results: dict) -> str:
    machine = results["machine"]
    lines = [
        f"machine: {machine['system']}, {machine['cores']} cores, Python {machine['python']}",
        f"unres --help: {results['help_seconds'] * 1000:.0f} ms",
        "",
        f"{'texts':>6} {'res.':>5} {'parse/s 1 core':>15} {'MB/s':>6} {'parse/s all':>12} "
        f"{'build s':>8} {'build MB':>9} "
        f"{'unres val s':>12} {'fl. val s':>10} {'ratio':>6} {'unres MB':>9} {'fl. MB':>7} {'csv floor s':>12}",
    ]
    for f in results["sizes"]:
        lines.append(
            f"{f['n']:>6} {f['parse']['resolutions']:>5} {f['parse']['per_second_one_core']:>15} "
            f"{f['parse']['mb_per_second_one_core']:>6} "
            f"{f['parse']['per_second_all_cores']:>12} {f['build']['seconds']:>8} {f['build']['peak_mb']:>9} "
            f"{f['validate']['unres_seconds']:>12} {f['validate']['frictionless_seconds']:>10} "
            f"{f['validate']['ratio']:>6} {f['validate']['unres_peak_mb']:>9} "
            f"{f['validate']['frictionless_peak_mb']:>7} "
            f"{f['floor_read_csv_seconds']:>12}"
        )
    if "per_resolution_growth" in results:
        growth = results["per_resolution_growth"]
        lines.append(
            f"time per resolution, largest N over N = 100: build {growth['build']}x, validate {growth['validate']}x"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
