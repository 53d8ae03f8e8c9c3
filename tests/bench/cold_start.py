"""Import time of each Lambda handler module in a fresh interpreter (median of several runs).

A cold start pays this before the first event. Workers and dispatchers must not import FastAPI;
this script checks that too and exits 1 if one does.

    .venv/bin/python tests/bench/cold_start.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NO_FASTAPI = ("stats_dispatch", "delivery_dispatch", "stats_worker", "delivery_worker", "control_worker")

PROBE = """
import importlib.util, json, sys, time
start = time.perf_counter()
spec = importlib.util.spec_from_file_location("handler_module", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "fastapi": "fastapi" in sys.modules, "modules": len(sys.modules)}))
"""


def measure(handler: Path, runs: int) -> tuple[float, bool, int]:
    env = {**os.environ, "POWERTOOLS_SERVICE_NAME": "bench", "AWS_DEFAULT_REGION": "us-east-1"}
    samples, fastapi, modules = [], False, 0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(handler)], capture_output=True, text=True, env=env, check=True
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        samples.append(result["seconds"])
        fastapi, modules = result["fastapi"], result["modules"]
    return statistics.median(samples), fastapi, modules


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"{'function':<20} {'median import':>14} {'modules':>8}  fastapi")
    bad = []
    for handler in sorted((ROOT / "functions").glob("*/app.py")):
        name = handler.parent.name
        seconds, fastapi, modules = measure(handler, args.runs)
        print(f"{name:<20} {seconds * 1000:>11.0f} ms {modules:>8}  {'yes' if fastapi else 'no'}")
        if fastapi and name in NO_FASTAPI:
            bad.append(name)
    if bad:
        print(f"FastAPI imported by: {', '.join(bad)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
