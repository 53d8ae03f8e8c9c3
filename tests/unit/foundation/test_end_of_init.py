"""The AutomationWorker hides its init objects from the garbage collector (`pixecom.runtime`)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import gc, importlib.util, sys
spec = importlib.util.spec_from_file_location("handler", sys.argv[1])
spec.loader.exec_module(importlib.util.module_from_spec(spec))
print(gc.get_freeze_count())
"""


def test_the_automation_worker_freezes_every_object_its_import_made():
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT / "functions/automation_worker/app.py")],
        capture_output=True,
        text=True,
        check=True,
        env={"POWERTOOLS_SERVICE_NAME": "test", "AWS_DEFAULT_REGION": "us-east-1", "PATH": "/usr/bin:/bin"},
    )

    assert int(out.stdout.strip().splitlines()[-1]) > 50_000  # modules, classes, mappers: all of them
