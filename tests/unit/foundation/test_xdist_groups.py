"""`make test` relies on `--dist loadgroup` keeping each xdist_group on one worker (one browser
server and Chromium, one set of invoke services). A pytest or pytest-xdist upgrade once made it
silently stop grouping; this runs the installed pair on a small suite and checks it still does."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

GROUPED = """
import pytest

pytestmark = pytest.mark.xdist_group("together")


@pytest.mark.parametrize("n", range(6))
def test_grouped(n):
    pass
"""


def test_loadgroup_runs_every_test_of_a_group_on_one_worker(tmp_path: Path) -> None:
    (tmp_path / "test_grouped.py").write_text(GROUPED)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    ran = re.findall(r"\[(gw\d+)\] \[\s*\d+%\] PASSED (\S+)", done.stdout)
    assert len(ran) == 6, done.stdout[-3000:]
    assert all(node_id.endswith("@together") for _, node_id in ran), ran
    assert len({worker for worker, _ in ran}) == 1, ran
