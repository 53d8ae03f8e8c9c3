"""Workers and dispatchers must not import FastAPI (it would cost every cold start)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LEAN_HANDLERS = sorted(p for p in (ROOT / "functions").glob("*/app.py") if p.parent.name != "api")

# One fresh interpreter imports every lean handler and reports which web modules got loaded.
PROBE = """
import importlib.util, json, sys
for i, path in enumerate(sys.argv[1:]):
    spec = importlib.util.spec_from_file_location(f"handler_{i}", path)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
print(json.dumps(sorted(m for m in ("fastapi", "starlette", "uvicorn", "pgserver") if m in sys.modules)))
"""


def test_worker_and_dispatcher_handlers_import_no_web_framework():
    assert len(LEAN_HANDLERS) >= 6
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, LEAN_HANDLERS)],
        capture_output=True,
        text=True,
        check=True,
        env={"POWERTOOLS_SERVICE_NAME": "test", "AWS_DEFAULT_REGION": "us-east-1", "PATH": "/usr/bin:/bin"},
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
