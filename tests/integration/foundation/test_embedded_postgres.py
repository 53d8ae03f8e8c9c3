"""The embedded PostgreSQL `make dev` runs: it stops when dev stops, even after a killed run."""

import signal
import subprocess
import sys

import psutil

from pixecom.db.embedded import start_embedded_postgres, stop_embedded_postgres

START_AND_HANG = """
import sys, time
from pathlib import Path
from pixecom.db.embedded import start_embedded_postgres
start_embedded_postgres(Path(sys.argv[1]))
print("up", flush=True)
time.sleep(600)
"""


def test_stop_ends_the_server_even_when_a_killed_run_left_its_handle_behind(tmp_path):
    data_dir = tmp_path / "pg"
    killed = subprocess.Popen(
        [sys.executable, "-c", START_AND_HANG, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert killed.stdout is not None and killed.stdout.readline().strip() == "up"
    finally:
        killed.send_signal(signal.SIGKILL)  # no atexit: its pid stays in pgserver's handle list
        killed.wait(10)

    server, _ = start_embedded_postgres(data_dir)
    postmaster = psutil.Process(server.get_pid())
    assert postmaster.is_running()

    stop_embedded_postgres(server)

    postmaster.wait(10)  # `pg_ctl -w stop` returned: the postmaster is gone or exits now
    assert not postmaster.is_running()
    assert not (data_dir / "postmaster.pid").exists()
