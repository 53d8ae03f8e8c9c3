"""Import time of each Lambda handler module in a fresh interpreter (median of several runs).

A cold start pays this before the first event. Workers and dispatchers must not import FastAPI;
this script checks that too and exits 1 if one does.

Floor (issue 10): a minimal FastAPI + Mangum app (one route, the handler Mangum wraps), measured
the same way in the same run. Printed ratios: each function's import / the floor; the aim is the
API within 1.5x and every worker and dispatcher below 1.0x. Bytecode is compiled first
(compileall, as the layer ships it) and one discarded run per module warms the OS file cache.
Samples are taken round-robin (floor, every handler, floor, ...), so a machine whose load
changes during the run slows the floor and the handlers alike. The ratios are of the import's CPU
time (`time.process_time` in the importing process), which a busy shared machine moves far less
than wall-clock time; the wall-clock medians and their ratios are printed beside.

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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NO_FASTAPI = ("stats_dispatch", "delivery_dispatch", "stats_worker", "delivery_worker", "control_worker")

PROBE = """
import importlib.util, json, sys, time
start, cpu = time.perf_counter(), time.process_time()
spec = importlib.util.spec_from_file_location("handler_module", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
loaded = {"fastapi": "fastapi" in sys.modules, "modules": len(sys.modules)}
print(json.dumps({"seconds": elapsed, "cpu": cpu, **loaded}))
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


@dataclass(frozen=True)
class Measured:
    wall: float  # median seconds
    cpu: float  # median CPU seconds of the importing process
    fastapi: bool
    modules: int


def measure(handlers: list[Path], runs: int) -> dict[Path, Measured]:
    """Medians per handler, sampled round-robin."""
    for handler in handlers:
        sample(handler)  # the warm-up run (file cache)
    walls: dict[Path, list[float]] = {h: [] for h in handlers}
    cpus: dict[Path, list[float]] = {h: [] for h in handlers}
    last: dict[Path, dict[str, float | bool | int]] = {}
    for _ in range(runs):
        for handler in handlers:
            last[handler] = sample(handler)
            walls[handler].append(float(last[handler]["seconds"]))
            cpus[handler].append(float(last[handler]["cpu"]))
    return {
        h: Measured(
            statistics.median(walls[h]),
            statistics.median(cpus[h]),
            bool(last[h]["fastapi"]),
            int(last[h]["modules"]),
        )
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
    floor = measured[minimal]
    print(f"{'function':<22} {'CPU':>8} {'wall':>8} {'modules':>8}  fastapi  ratio CPU (aim)  ratio wall")
    print(
        f"{'minimal FastAPI+Mangum':<22} {floor.cpu * 1000:>5.0f} ms {floor.wall * 1000:>5.0f} ms"
        f" {floor.modules:>8}  yes      1.00 (floor)      1.00"
    )
    bad = []
    for handler in handlers:
        name, m = handler.parent.name, measured[handler]
        aim = "<= 1.5" if name == "api" else "< 1.0 "
        print(
            f"{name:<22} {m.cpu * 1000:>5.0f} ms {m.wall * 1000:>5.0f} ms {m.modules:>8}"
            f"  {'yes' if m.fastapi else 'no ':<7}  {m.cpu / floor.cpu:.2f} ({aim})"
            f"     {m.wall / floor.wall:.2f}"
        )
        if m.fastapi and name in NO_FASTAPI:
            bad.append(name)
    if bad:
        print(f"FastAPI imported by: {', '.join(bad)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
