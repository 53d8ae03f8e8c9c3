"""Run the system locally: embedded Postgres (unless DATABASE_URL), migrations, a seeded demo
seller, the Graph API simulator with the demo seller's accounts connected to it, moto SQS and the
every-minute sync scheduler (local.demo), and the API under uvicorn: the same FastAPI app
the API Lambda wraps with Mangum.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pixecom.db.migrate import upgrade
from pixecom.settings import get_settings

DEMO_EMAIL = "demo@pixecom.local"
DEMO_PASSWORD = "demo-password-123"
DEMO_SELLER = "Demo Seller"


@dataclass(frozen=True)
class DevOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    simulator_port: int = 8081
    scenario: Path | None = None
    replica: bool = False  # a streaming standby serving the lag-tolerant reads (local.standby)


def ensure_database(state_dir: Path) -> tuple[str, Any]:
    """DATABASE_URL if set; otherwise start the embedded server and point DATABASE_URL at it.

    Returns the URL and the embedded server (None when DATABASE_URL was given).
    """
    url = os.environ.get("DATABASE_URL")
    if url:
        return url, None
    from pixecom.db.embedded import start_embedded_postgres

    server, url = start_embedded_postgres(state_dir / "pgdata")
    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    return url, server


def seed_demo_seller() -> tuple[str, str]:
    """Create the demo seller and its owner once; returns the credentials to print."""
    from sqlalchemy import select

    from pixecom.auth.passwords import hash_password
    from pixecom.db.engine import session_scope
    from pixecom.db.models import Seller, User
    from pixecom.domain.enums import UserRole

    with session_scope() as session:
        if session.scalar(select(User.id).where(User.email == DEMO_EMAIL)) is None:
            seller = Seller(name=DEMO_SELLER)
            session.add(seller)
            session.flush()
            session.add(
                User(
                    seller_id=seller.id,
                    email=DEMO_EMAIL,
                    password_hash=hash_password(DEMO_PASSWORD),
                    role=UserRole.OWNER,
                )
            )
    return DEMO_EMAIL, DEMO_PASSWORD


# uvicorn runs sync routes on anyio's 40 worker threads; the scheduler and the control worker
# share the engine too. A long-running server sizes its pool to that (a Lambda container keeps 1).
DEV_REQUEST_THREADS = 40
DEV_POOL_SIZE = DEV_REQUEST_THREADS + 4


def size_pool_for_server() -> None:
    """Pool settings for a process serving many requests at once (unless set explicitly)."""
    os.environ.setdefault("DB_POOL_SIZE", str(DEV_POOL_SIZE))
    os.environ.setdefault("DB_MAX_OVERFLOW", "0")
    get_settings.cache_clear()


# A taken port is the one failure `make dev` does not echo with its own "Error" line (the
# Makefile's dev recipe accepts this code): the line above already said what to do.
EXIT_PORT_BUSY = 3


def port_is_busy(host: str, port: int) -> bool:
    """True when `port` cannot be bound on `host` (bound as uvicorn binds it, SO_REUSEADDR on)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


# Two services on one port: refused before anything starts, and not with EXIT_PORT_BUSY (make
# must fail: nothing else has the port, the command line is wrong).
EXIT_USAGE = 2


def same_port_message(options: DevOptions) -> str | None:
    """One line when the API and the simulator were given the same port; None otherwise."""
    if options.port != options.simulator_port:
        return None
    return (
        f"The API and the Graph API simulator cannot share port {options.port}: give them two "
        f"(`make dev PORT={options.port} SIM_PORT={_free_port(options, options.port)}`)."
    )


def _free_port(options: DevOptions, after: int) -> int:
    """The first free port above `after` that neither service was given."""
    taken = {options.port, options.simulator_port}
    return next(
        p for p in range(after + 1, after + 100) if p not in taken and not port_is_busy(options.host, p)
    )


def busy_port_message(options: DevOptions) -> str | None:
    """One line naming the first busy port and how to choose another; None when both are free."""
    for port, what, variable, flag in (
        (options.port, "the API", "PORT", "--port"),
        (options.simulator_port, "the Graph API simulator", "SIM_PORT", "--simulator-port"),
    ):
        if port_is_busy(options.host, port):
            free = _free_port(options, port)
            return (
                f"Port {port} ({what}) is already in use: choose another with "
                f"`make dev {variable}={free}` (or `pixecom dev {flag} {free}`)."
            )
    return None


def run(options: DevOptions) -> int:
    """Serve until Ctrl-C; EXIT_PORT_BUSY (having said why in one line) when a port is taken,
    EXIT_USAGE when both services were given one port."""
    same = same_port_message(options)
    if same is not None:
        print(same, file=sys.stderr)
        return EXIT_USAGE
    busy = busy_port_message(options)
    if busy is not None:
        print(busy, file=sys.stderr)
        return EXIT_PORT_BUSY
    # A SIGTERM (a process manager, `kill`, `timeout`) or SIGHUP (a closed terminal) stops as
    # Ctrl-C does. Uvicorn handles both while it serves, then raises the signal again once shut
    # down: left to Python's default, that ended the process before the embedded PostgreSQL and
    # the simulator were stopped.
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return _serve(options)
    except KeyboardInterrupt:  # Ctrl-C while starting or stopping: everything started is stopped
        print("pixecom dev stopped", flush=True)
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _start_replica(started: ExitStack, embedded: Any, url: str, state_dir: Path) -> None:
    """A fresh standby of the embedded server (its pg_basebackup) for the lag-tolerant reads."""
    if embedded is None:
        print("--replica needs the embedded PostgreSQL (DATABASE_URL is set): no replica", flush=True)
        return
    from sqlalchemy.engine import make_url

    from local.standby import start_standby

    standby = start_standby(embedded, state_dir / "standby")
    started.callback(standby.stop)
    os.environ["DATABASE_READER_URL"] = standby.url(make_url(url).database or "postgres")
    get_settings.cache_clear()
    print(
        f"Read replica: a streaming standby in {standby.data_dir} serves the lag-tolerant reads", flush=True
    )


def _serve(options: DevOptions) -> int:
    import uvicorn

    from pixecom.db.embedded import stop_embedded_postgres

    size_pool_for_server()
    os.environ.setdefault("SIGNUP_MODE", "open")  # locally anyone registers (the template: invitation)
    os.environ.setdefault("WEBHOOK_ALLOW_LOOPBACK", "1")  # a receiver on this machine (deployed: never)
    get_settings.cache_clear()
    settings = get_settings()
    state_dir = settings.local_state_dir
    state_dir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as started:  # stopped in reverse order, however we leave
        url, embedded = ensure_database(state_dir)
        if embedded is not None:
            started.callback(stop_embedded_postgres, embedded)
        if options.replica:
            _start_replica(started, embedded, url, state_dir)
        upgrade(url)
        email, password = seed_demo_seller()
        from local.console import allow_console_origin, mount_console
        from local.demo import start_local_sync
        from pixecom.api.app import create_app

        console_url = f"http://{options.host}:{options.port}"
        local_sync = start_local_sync(options.simulator_port, options.scenario, email, console_url)
        started.callback(local_sync.stop)
        allow_console_origin(console_url)
        app = create_app()
        mount_console(app, settings.console_dir)
        print(f"PixEcom Ads Manager console: http://{options.host}:{options.port}/  (OpenAPI docs at /docs)")
        print(f"Demo login: {email} / {password}")
        print(
            f"Graph API simulator: {local_sync.simulator.base_url}; sync runs every minute, the other "
            "scheduled functions (alerts sweep, token health, maintenance, exchange rates) on their "
            "template schedules",
            flush=True,
        )
        uvicorn.run(app, host=options.host, port=options.port, log_level="info")
    print("pixecom dev stopped", flush=True)
    return 0
