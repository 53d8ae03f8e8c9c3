"""Invoke Lambda handlers as `sam local invoke -e` would: the module, the sample event, a context.

A module of its own (not conftest) so tests in any folder can import it unambiguously.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def load_handler(function_name: str) -> ModuleType:
    """Import functions/<name>/app.py as `sam local invoke` would (each is its own module)."""
    path = ROOT / "functions" / function_name / "app.py"
    module_name = f"lambda_{function_name}_app"
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def load_event(relative_path: str) -> dict[str, Any]:
    """A sample event from events/ (the files `sam local invoke -e` takes)."""
    return json.loads((ROOT / "events" / relative_path).read_text())


@dataclass
class FakeLambdaContext:
    function_name: str = "test-function"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:test-function"
    aws_request_id: str = "00000000-0000-0000-0000-000000000000"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000
