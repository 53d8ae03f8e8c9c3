"""Shared values for the auth integration tests (a module, not conftest, so it imports by name)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PASSWORD = "correct horse battery"
_ROOT_CONFTEST = Path(__file__).resolve().parents[2] / "conftest.py"


def bearer(access_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {access_token}"}


def root_conftest() -> ModuleType:
    """tests/conftest.py's helpers. `from conftest import ...` would find whichever area's
    conftest.py pytest imported last (they all share the module name "conftest")."""
    name = "pixecom_root_conftest_helpers"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _ROOT_CONFTEST)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
