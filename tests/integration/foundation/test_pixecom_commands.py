"""Every `pixecom` command finds the database the way `make dev` does (DATABASE_URL, else the
embedded server under PIXECOM_STATE_DIR, migrated), and a command that fails says why in one
line on stderr, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _pixecom(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DB_SECRET_ARN"}}
    return subprocess.run(
        [sys.executable, "-m", "local.command", *argv],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def state_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PIXECOM_STATE_DIR for the commands below: the first makes (initdb) and migrates the
    embedded database there, the next finds it made and starts it again (as a second command in
    a dev's checkout does), so the suite pays for one new cluster, not one per command."""
    return tmp_path_factory.mktemp("state")


# Both commands on one worker, so they share the module's state dir (see `state_dir`).
@pytest.mark.xdist_group("pixecom-commands")
@pytest.mark.parametrize(
    ("argv", "printed"),
    [
        (("invite", "--email", "ann@example.com"), "invitation code for ann@example.com"),
        (
            ("create-user", "--email", "bob@example.com", "--seller-name", "Bob's"),
            "created owner bob@example.com",
        ),
    ],
)
def test_a_command_without_database_url_uses_the_embedded_database(state_dir, argv, printed):
    done = _pixecom(*argv, PIXECOM_STATE_DIR=str(state_dir), PIXECOM_NEW_USER_PASSWORD="a-long-password-1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith(printed)
    assert (state_dir / "pgdata").is_dir()


def test_a_command_that_fails_says_why_in_one_line(tmp_path):
    done = _pixecom(
        "invite", DATABASE_URL="postgresql://nobody@127.0.0.1:1/none", PIXECOM_STATE_DIR=str(tmp_path)
    )
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("pixecom invite: OperationalError: ")
    assert "Traceback" not in done.stderr
