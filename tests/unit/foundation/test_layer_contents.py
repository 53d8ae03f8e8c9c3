"""The Lambda layer ships the runtime package only: the developer harness stays out."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _build_layer_package(tmp_path: Path) -> Path:
    subprocess.run(
        [
            "make",
            "-s",
            "-C",
            str(ROOT / "layers" / "shared"),
            "package",
            f"ARTIFACTS_DIR={tmp_path}",
            f"PYTHON={sys.executable}",
        ],
        check=True,
        capture_output=True,
    )
    return tmp_path / "python" / "pixecom"


def test_built_layer_holds_the_runtime_package_alone(tmp_path):
    package = _build_layer_package(tmp_path)
    assert (package / "sync" / "stats.py").is_file()
    # The developer harness (the simulator, the `pixecom` command) are packages beside it.
    assert sorted(p.name for p in package.parent.iterdir()) == ["pixecom"]


def test_built_layer_ships_hash_checked_bytecode(tmp_path):
    package = _build_layer_package(tmp_path)
    assert list((package / "domain").glob("__pycache__/metrics.*.pyc"))
