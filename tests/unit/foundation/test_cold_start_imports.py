"""What every cold start pays: workers and dispatchers import no FastAPI, heavy libraries load
where they are used, pydantic scans no plugins, and the imports run without garbage collection."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LEAN_HANDLERS = sorted(p for p in (ROOT / "functions").glob("*/app.py") if p.parent.name != "api")
ALL_HANDLERS = sorted((ROOT / "functions").glob("*/app.py"))
# A Lambda-like environment: no DATABASE_URL, no AWS credentials, only what every handler needs.
PROBE_ENV = {
    "POWERTOOLS_SERVICE_NAME": "test",
    "AWS_DEFAULT_REGION": "us-east-1",
    "PATH": "/usr/bin:/bin",
    "JWT_SECRET": "cold-start-test-key-" + "x" * 32,
}


def _probe(script: str, *args: object) -> str:
    """The last line a fresh interpreter running `script` with `args` prints."""
    out = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
        env=PROBE_ENV,
    )
    return out.stdout.strip().splitlines()[-1]


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
    out = _probe(PROBE, *LEAN_HANDLERS)
    assert json.loads(out) == []


# Imported where they are used (the first Graph/Login client, token cipher, password hash),
# and Powertools' event data classes / batch utility not at all: a cold start pays for none.
DEFERRED = (
    "httpx",
    "cryptography",
    "argon2",
    "aws_lambda_powertools.utilities.data_classes",
    "aws_lambda_powertools.utilities.batch",
)
LOADED = """
import importlib.util, json, sys
for i, path in enumerate(sys.argv[2:]):
    spec = importlib.util.spec_from_file_location(f"handler_{i}", path)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
print(json.dumps(sorted(m for m in sys.argv[1].split(",") if m in sys.modules)))
"""


def _loaded(handlers, modules):
    out = _probe(LOADED, ",".join(modules), *handlers)
    return json.loads(out)


def test_worker_and_dispatcher_handlers_defer_http_crypto_and_hashing_libraries():
    assert _loaded(LEAN_HANDLERS, DEFERRED) == []


def test_the_api_handler_defers_http_and_hashing_libraries():
    # cryptography stays: PyJWT loads it, and every authenticated request decodes a JWT.
    api = ROOT / "functions" / "api" / "app.py"
    assert _loaded([api], [m for m in DEFERRED if m != "cryptography"]) == []


PLUGIN_SCAN = """
import importlib.util, sys
for i, path in enumerate(sys.argv[1:]):
    spec = importlib.util.spec_from_file_location(f"handler_{i}", path)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
from pydantic.plugin import _loader
print(_loader._plugins is None)
"""


def test_no_handler_scans_the_installed_distributions_for_pydantic_plugins():
    # pixecom/__init__.py sets PYDANTIC_DISABLE_PLUGINS (unset here, as in Lambda) before the
    # first model is built; the scan reads every distribution's entry points.
    out = _probe(PLUGIN_SCAN, *ALL_HANDLERS)
    assert out == "True"


def _calls(statements: list[ast.stmt]) -> list[str]:
    return [
        s.value.func.id
        for s in statements
        if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and isinstance(s.value.func, ast.Name)
    ]


@pytest.mark.parametrize("handler", ALL_HANDLERS, ids=lambda p: p.parent.name)
def test_every_handler_imports_without_garbage_collection_then_freezes_what_it_made(handler):
    body = ast.parse(handler.read_text()).body[1:]  # after the docstring
    first_import, start = body[0], body[1]
    assert isinstance(first_import, ast.ImportFrom) and first_import.module == "pixecom.runtime"
    assert _calls([start]) == ["start_of_init"]
    assert _calls(body[-1:]) == ["end_of_init"]


GC_AFTER_INIT = """
import gc, importlib.util, json, sys
states = []
for i, path in enumerate(sys.argv[1:]):
    spec = importlib.util.spec_from_file_location(f"handler_{i}", path)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    states.append([gc.isenabled(), gc.get_freeze_count()])
print(json.dumps(states))
"""


def test_after_each_handler_init_the_collector_runs_again_and_the_init_objects_are_frozen():
    out = _probe(GC_AFTER_INIT, *ALL_HANDLERS)
    states = json.loads(out)
    assert all(enabled for enabled, _ in states)
    assert states[0][1] > 50_000  # modules, classes, mappers, models: all of them
    frozen = [count for _, count in states]
    assert all(after > before for before, after in zip(frozen, frozen[1:], strict=False))
