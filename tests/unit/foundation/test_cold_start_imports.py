"""Workers and dispatchers must not import FastAPI (it would cost every cold start)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LEAN_FUNCTIONS = sorted(
    p.parent.name for p in (ROOT / "functions").glob("*/app.py") if p.parent.name != "api"
)

PROBE = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("handler_module", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
print(sorted(m for m in ("fastapi", "starlette", "uvicorn", "pgserver") if m in sys.modules))
"""


@pytest.mark.parametrize("name", LEAN_FUNCTIONS)
def test_handler_module_imports_no_web_framework(name):
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT / "functions" / name / "app.py")],
        capture_output=True, text=True, check=True,
        env={"POWERTOOLS_SERVICE_NAME": "test", "AWS_DEFAULT_REGION": "us-east-1", "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
