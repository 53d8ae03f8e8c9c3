"""An embedded PostgreSQL (the `pgserver` package) for `make dev` and the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def start_embedded_postgres(data_dir: Path, *, stop_on_exit: bool = True) -> tuple[Any, str]:
    """Start (or reuse) a server keeping its data in `data_dir`; returns (server, SQLAlchemy URL).

    The server listens on a Unix socket inside `data_dir` only, so nothing else on the host
    can reach it. With `stop_on_exit` it stops when this process exits.
    """
    import pgserver  # heavy and local-only: never imported by Lambda code

    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(data_dir.resolve(), cleanup_mode="stop" if stop_on_exit else None)
    return server, "postgresql+psycopg" + server.get_uri().removeprefix("postgresql")
