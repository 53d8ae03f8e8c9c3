"""`pixecom dev` (`make dev PORT=... SIM_PORT=...`): a busy port is one line and exit 3 (which
`make dev` does not echo with an "Error" line of its own); a Ctrl-C
stops everything calmly (no traceback, no thread dying loudly, nothing left running)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from integration.sync.sync_helpers import small_scenario
from local.dev import EXIT_PORT_BUSY

ROOT = Path(__file__).resolve().parents[3]
ALARMS = ("Traceback", "Exception in thread", "Error", "Failed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def occupied() -> Iterator[int]:
    """A port something else listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield int(s.getsockname()[1])


def _dev(port: int, sim_port: int, env: dict[str, str], *extra: str, **kwargs) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "local.command",
            "dev",
            "--port",
            str(port),
            "--simulator-port",
            str(sim_port),
            *extra,
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


@pytest.mark.parametrize(("busy", "variable"), [("api", "PORT"), ("simulator", "SIM_PORT")])
def test_a_busy_port_is_named_in_one_line_with_how_to_choose_another(occupied, busy, variable, tmp_path):
    port, sim_port = (occupied, _free_port()) if busy == "api" else (_free_port(), occupied)
    dev = _dev(port, sim_port, {"PIXECOM_STATE_DIR": str(tmp_path)})
    out, err = dev.communicate(timeout=120)
    assert dev.returncode == EXIT_PORT_BUSY
    [line] = err.strip().splitlines()
    assert line.startswith(f"Port {occupied} (")
    assert f"already in use: choose another with `make dev {variable}=" in line
    assert "Traceback" not in err and out == ""


def _make_dev(port: object, state_dir: Path, sim_port: object = None) -> subprocess.CompletedProcess[str]:
    """`make dev PORT=port` with the venv and the console counted as built (-o: these tests are
    about the recipe, not them)."""
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-o",
            ".venv/.installed-stamp",
            "-o",
            "console",
            "dev",
            f"PORT={port}",
            *([f"SIM_PORT={sim_port}"] if sim_port is not None else []),
            f"BIN={Path(sys.executable).parent}",
        ],
        cwd=ROOT,
        env={**os.environ, "PIXECOM_STATE_DIR": str(state_dir)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_make_dev_on_a_busy_port_prints_only_the_one_line(occupied, tmp_path):
    make = _make_dev(occupied, tmp_path)
    [line] = make.stderr.strip().splitlines()
    assert line.startswith(f"Port {occupied} (the API) is already in use")
    assert make.stdout == ""
    assert make.returncode == 0


def test_make_dev_with_one_port_for_both_services_is_refused_before_anything_starts(tmp_path):
    port = _free_port()
    make = _make_dev(port, tmp_path, sim_port=port)
    assert make.returncode != 0
    assert make.stdout == ""  # no banner: nothing was started
    refusal, make_line = make.stderr.strip().splitlines()
    assert refusal.startswith(f"The API and the Graph API simulator cannot share port {port}")
    assert f"SIM_PORT={port}`" not in refusal
    assert "Error 2" in make_line
    assert not (tmp_path / "pgdata").exists()


def test_a_failure_other_than_a_busy_port_still_fails_make_dev(tmp_path):
    make = _make_dev("not-a-port", tmp_path)
    assert make.returncode != 0
    assert "Error 2" in make.stderr  # argparse's usage error, and make's own line for it


@pytest.mark.parametrize(
    ("sent", "to_group"),
    [(signal.SIGINT, True), (signal.SIGTERM, False)],
    ids=["ctrl-c to the terminal's group", "sigterm to the process"],
)
def test_ctrl_c_or_a_sigterm_stops_everything_calmly(db_url, tmp_path, sent, to_group):
    scenario = tmp_path / "scenario.json"
    scenario.write_text(small_scenario(1001).model_dump_json())
    port = _free_port()
    env = {"DATABASE_URL": db_url, "PIXECOM_STATE_DIR": str(tmp_path / "state")}
    # A session of its own, so the SIGINT goes to the whole group as a terminal's Ctrl-C does.
    dev = _dev(port, _free_port(), env, "--scenario", str(scenario), start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and dev.poll() is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail(f"pixecom dev did not start: {dev.communicate(timeout=10)}")
        if to_group:
            os.killpg(dev.pid, sent)
        else:  # `kill`, `timeout` or a process manager: the process alone
            dev.send_signal(sent)
        out, err = dev.communicate(timeout=90)
    finally:
        if dev.poll() is None:
            os.killpg(dev.pid, signal.SIGKILL)
    assert dev.returncode == 0, err[-3000:]
    assert [alarm for alarm in ALARMS if alarm in err] == [], err[-3000:]
    assert out.strip().endswith("pixecom dev stopped")
    with pytest.raises(ProcessLookupError):  # nothing of the group is left running
        os.killpg(dev.pid, 0)
