"""Import time of each Lambda handler module in a fresh interpreter (median of several runs).

A cold start pays this before the first event. Workers and dispatchers must not import FastAPI;
this script checks that too and exits 1 if one does.

Floor (issue 10): a minimal FastAPI + Mangum app (one route, the handler Mangum wraps), measured
the same way in the same run. Printed ratios: each function's import / the floor; the aim is the
API within 1.5x and every worker and dispatcher below 1.0x. Bytecode is compiled first
(compileall, as the layer ships it) and one discarded run per module warms the OS file cache.
Samples are taken round-robin (floor, every handler, floor, ...), so a machine whose load
changes during the run slows the floor and the handlers alike and the ratios stay comparable.

    .venv/bin/python tests/bench/cold_start.py [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
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


MINIMAL_APP = """
from fastapi import FastAPI
from mangum import Mangum

app = FastAPI()


@app.get("/ping")
def ping() -> dict:
    return {"ok": True}


handler = Mangum(app, lifespan="off")
"""


def sample(handler: Path) -> dict[str, float | bool | int]:
    env = {**os.environ, "POWERTOOLS_SERVICE_NAME": "bench", "AWS_DEFAULT_REGION": "us-east-1"}
    env.setdefault("JWT_SECRET", "bench-signing-key-" + "x" * 32)
    env.setdefault("PIXECOM_ENV", "local")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(handler)], capture_output=True, text=True, env=env, check=True
    )
    result: dict[str, float | bool | int] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure(handlers: list[Path], runs: int) -> dict[Path, tuple[float, bool, int]]:
    """Median import seconds, FastAPI loaded, module count, per handler; sampled round-robin."""
    for handler in handlers:
        sample(handler)  # the warm-up run (file cache)
    samples: dict[Path, list[float]] = {h: [] for h in handlers}
    last: dict[Path, dict[str, float | bool | int]] = {}
    for _ in range(runs):
        for handler in handlers:
            last[handler] = sample(handler)
            samples[handler].append(float(last[handler]["seconds"]))
    return {
        h: (statistics.median(samples[h]), bool(last[h]["fastapi"]), int(last[h]["modules"]))
        for h in handlers
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "layers" / "shared" / "python", quiet=1)
    compileall.compile_dir(ROOT / "functions", quiet=1)
    handlers = sorted((ROOT / "functions").glob("*/app.py"))
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP)
        measured = measure([minimal, *handlers], args.runs)
    floor, _, floor_modules = measured[minimal]
    print(f"{'function':<20} {'median import':>14} {'modules':>8}  fastapi  ratio to floor (aim)")
    print(
        f"{'minimal FastAPI+Mangum':<20} {floor * 1000:>11.0f} ms {floor_modules:>8}  yes      1.00 (floor)"
    )
    bad = []
    for handler in handlers:
        name = handler.parent.name
        seconds, fastapi, modules = measured[handler]
        aim = "<= 1.5" if name == "api" else "< 1.0"
        print(
            f"{name:<20} {seconds * 1000:>11.0f} ms {modules:>8}  {'yes' if fastapi else 'no ':<7}"
            f"  {seconds / floor:.2f} ({aim})"
        )
        if fastapi and name in NO_FASTAPI:
            bad.append(name)
    if bad:
        print(f"FastAPI imported by: {', '.join(bad)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
