"""A streaming standby of the embedded PostgreSQL, made with its own `pg_basebackup`.

`make dev REPLICA=1` and the tests' `standby` fixture start one beside the primary: a base
backup over the primary's Unix socket (`-R` writes the standby's `primary_conninfo` and its
`standby.signal`), then a server on its own socket directory that streams and replays the
primary's WAL. Every database of the primary, those created later included, is on it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

# Files of the primary's data directory that belong to the running primary, not to a copy.
_RUNTIME_FILES = (".s.PGSQL.5432", ".s.PGSQL.5432.lock", ".handle_pids.json", "log", "postmaster.pid")


@dataclass
class Standby:
    data_dir: Path
    system_user: str | None

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL of `database` on the standby (its socket is in its data directory)."""
        return f"postgresql+psycopg://postgres:@/{database}?host={quote(str(self.data_dir))}"

    def _pg_ctl(self, *args: str) -> None:
        from pgserver import _commands

        _commands.pg_ctl(list(args), pgdata=self.data_dir, user=self.system_user, timeout=60)  # type: ignore[attr-defined]

    def start(self) -> None:
        log = self.data_dir / "log"
        self._pg_ctl("-w", "-o", '-h ""', "-o", f"-k {self.data_dir}", "-l", str(log), "start")

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._pg_ctl("-w", "-m", "fast", "stop")


def start_standby(primary: Any, data_dir: Path) -> Standby:
    """A standby of the embedded server `primary` (a pgserver server) in `data_dir`, started."""
    from pgserver import _commands

    system_user = primary.system_user
    socket_dir = primary.get_postmaster_info().socket_dir
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    if system_user is not None:  # running as root: the server runs as pgserver's own user
        account = pwd.getpwnam(system_user)
        os.chown(data_dir, account.pw_uid, account.pw_gid)
    data_dir.chmod(0o700)
    subprocess.run(  # noqa: S603 (our own binary, our own paths)
        [
            str(_commands.POSTGRES_BIN_PATH / "pg_basebackup"),
            "-D",
            str(data_dir),
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
            "-h",
            str(socket_dir),
            "-U",
            "postgres",
        ],
        check=True,
        user=system_user,
        capture_output=True,
    )
    for name in _RUNTIME_FILES:
        (data_dir / name).unlink(missing_ok=True)
    standby = Standby(data_dir, system_user)
    standby.start()
    return standby
