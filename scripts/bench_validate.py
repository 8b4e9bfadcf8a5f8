"""Time `unres validate` beside `frictionless validate` on the same package.

Runs the two commands alternately (cold start included, each a new process)
and prints the median wall time of each and their ratio. A measurement, not
a test: these machines are shared and noisy, so compare within one run.

    .venv/bin/python scripts/bench_validate.py [DESCRIPTOR] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("descriptor", nargs="?", default="datapackage.yaml")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    commands = {
        "unres validate": [str(BIN / "unres"), "validate", args.descriptor],
        "frictionless validate": [str(BIN / "frictionless"), "validate", args.descriptor],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(wall_time(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"{name:<22} median {median * 1000:7.0f} ms over {args.runs} runs")
    ratio = medians["unres validate"] / medians["frictionless validate"]
    print(f"ratio unres / frictionless: {ratio:.2f}")


if __name__ == "__main__":
    main()
