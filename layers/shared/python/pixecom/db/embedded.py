"""An embedded PostgreSQL (the `pgserver` package) for `make dev` and the tests."""

from __future__ import annotations

import atexit
import logging
import os
import subprocess
import warnings
from pathlib import Path
from typing import Any


def start_embedded_postgres(data_dir: Path, *, stop_on_exit: bool = True) -> tuple[Any, str]:
    """Start (or reuse) a server keeping its data in `data_dir`; returns (server, SQLAlchemy URL).

    The server listens on a Unix socket inside `data_dir` only, so nothing else on the host
    can reach it. With `stop_on_exit` it stops when this process exits.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); /tmp is fine here.
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
        import pgserver  # heavy and local-only: never imported by Lambda code

        server = pgserver.get_server(data_dir.resolve(), cleanup_mode="stop" if stop_on_exit else None)
    return server, "postgresql+psycopg" + server.get_uri().removeprefix("postgresql")


def stop_embedded_postgres(server: Any) -> None:
    """Stop the embedded server now (the end of `pixecom dev`).

    pgserver stops it at exit only when its list of handle pids holds just this process, and a
    run that was killed (kill -9, a closed terminal) leaves its pid in that list for good, so a
    later Ctrl-C would leave PostgreSQL running. `pixecom dev` owns its server: stop it outright.
    """
    # pgserver's own wrapper runs pg_ctl as the system user it created (postgres refuses root);
    # its commands are generated at import time, hence invisible to type checkers.
    from pgserver import _commands

    pg_ctl = _commands.pg_ctl  # type: ignore[attr-defined]

    # Stopped here, so not again at exit (pgserver's handler would find it gone and say so).
    atexit.unregister(server._cleanup)
    server.global_process_id_list.get_and_remove(os.getpid())
    if (Path(server.pgdata) / "postmaster.pid").exists():  # the server is running
        # A Ctrl-C in the terminal reaches PostgreSQL too: it may be stopping already.
        quiet = logging.getLogger("pgserver")
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)
        try:
            pg_ctl(["-w", "stop"], pgdata=server.pgdata, user=server.system_user)
        except subprocess.CalledProcessError:
            if (Path(server.pgdata) / "postmaster.pid").exists():
                raise
        finally:
            quiet.setLevel(level)
