"""`pixecom migrate`: apply Alembic migrations to DATABASE_URL (or the DB secret in AWS)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("migrate", help="apply database migrations (alembic upgrade)")
    parser.add_argument("--revision", default="head", help="target revision (default: head)")
    parser.set_defaults(handler=run_migrate, database=True)


def run_migrate(args: argparse.Namespace) -> int:
    from pixecom.db.engine import resolve_database_url
    from pixecom.db.migrate import upgrade
    from pixecom.settings import get_settings

    upgrade(resolve_database_url(get_settings()), args.revision)
    print(f"database migrated to {args.revision}")
    return 0
