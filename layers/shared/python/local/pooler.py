"""A real PgBouncer in transaction pooling mode in front of the embedded PostgreSQL (tests).

Transaction pooling hands each transaction whatever server connection is free, exactly what
RDS Proxy does while a session is not pinned: code that leaves state on a connection between
transactions (a session `SET`, a session advisory lock, a named prepared statement, a temporary
table, `LISTEN`) breaks here where RDS Proxy would pin. Debian's `pgbouncer` package (`.ci/run`
installs it when missing); PgBouncer will not run as root, so it runs as the embedded server's
own system user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

# Server connections per (database, user): small, so concurrent clients share them.
POOL_SIZE = 4


@dataclass
class Pooler:
    process: subprocess.Popen[bytes]
    socket_dir: Path
    port: int

    def url(self, database: str) -> str:
        return (
            f"postgresql+psycopg://postgres:@/{database}?host={quote(str(self.socket_dir))}&port={self.port}"
        )

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def pgbouncer_binary() -> str | None:
    return shutil.which("pgbouncer") or next(
        (p for p in ("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer") if Path(p).exists()), None
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_pooler(server_socket_dir: Path, work_dir: Path, system_user: str | None) -> Pooler:
    """PgBouncer on a Unix socket in `work_dir`, every database forwarded to the server whose
    socket is in `server_socket_dir`, in transaction pooling mode."""
    binary = pgbouncer_binary()
    if binary is None:
        raise FileNotFoundError("pgbouncer is not installed (apt-get install pgbouncer)")
    shutil.rmtree(work_dir, ignore_errors=True)
    work_dir.mkdir(parents=True)
    port = _free_port()
    config = work_dir / "pgbouncer.ini"
    config.write_text(
        "[databases]\n"
        f"* = host={server_socket_dir} port=5432 user=postgres\n"
        "[pgbouncer]\n"
        "listen_addr =\n"
        f"listen_port = {port}\n"
        f"unix_socket_dir = {work_dir}\n"
        "auth_type = any\n"
        "pool_mode = transaction\n"
        f"default_pool_size = {POOL_SIZE}\n"
        "max_client_conn = 500\n"
        # psycopg sends statement_timeout as a startup option; PgBouncer cannot pool it.
        "ignore_startup_parameters = options,extra_float_digits\n"
        f"logfile = {work_dir / 'pgbouncer.log'}\n"
        f"pidfile = {work_dir / 'pgbouncer.pid'}\n"
    )
    if system_user is not None:
        account = pwd.getpwnam(system_user)
        for path in (work_dir, config):
            os.chown(path, account.pw_uid, account.pw_gid)
    process = subprocess.Popen(  # noqa: S603 (the system's pgbouncer, our own config)
        [binary, str(config)], user=system_user, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 15
    while not (work_dir / f".s.PGSQL.{port}").exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log = (work_dir / "pgbouncer.log").read_text() if (work_dir / "pgbouncer.log").exists() else ""
            raise RuntimeError(f"pgbouncer did not start: {log[-2000:]}")
        time.sleep(0.05)
    return Pooler(process, work_dir, port)
