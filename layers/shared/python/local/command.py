"""The `pixecom` command: one sub-command per job (migrate, dev, sync, simulator, create-user,
invoke)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# Each module exposes `register(subparsers)` adding its sub-commands (imports stay lazy there).
COMMAND_MODULES = [
    "local.db_cli",
    "local.cli",
    "local.auth_cli",
    "local.sync_cli",
    "simulator.cli",
    "local.invoke",
    "local.maintenance_cli",
    "local.rates_cli",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pixecom", description="PixEcom Ads Manager backend")
    # A command that reads or writes the database sets `database=True`.
    parser.set_defaults(database=False)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def use_local_database() -> None:
    """Without DATABASE_URL or a DB secret, the embedded database `make dev` uses (started, or
    shared with a running `make dev`) and migrated as `make dev` migrates it: every command that
    touches the database finds it the same way."""
    from local.dev import ensure_database
    from pixecom.db.migrate import upgrade
    from pixecom.settings import get_settings

    settings = get_settings()
    if not settings.database_secret_arn:
        url, embedded = ensure_database(settings.local_state_dir)
        if embedded is not None:
            upgrade(url)


def error_line(command: str, exc: BaseException) -> str:
    """A failure as one line: the command, the error's type and its message on one line."""
    message = " ".join(str(exc).split())
    return f"pixecom {command}: {type(exc).__name__}" + (f": {message}" if message else "")


def main(argv: Sequence[str] | None = None) -> int:
    # Local runs log like the Lambdas do, under a service name of their own.
    os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "pixecom-local")
    args = build_parser().parse_args(argv)
    try:
        if args.database:
            use_local_database()
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a command's failure is one line, not a traceback
        print(error_line(args.command, exc), file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
