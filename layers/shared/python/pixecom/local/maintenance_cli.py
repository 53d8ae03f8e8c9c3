"""`pixecom maintenance`: the daily maintenance run on this machine (what MaintenanceFunction does)."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "maintenance",
        help="purge rows past their retention (login attempts, refresh families, job items, sync runs)",
        description="Uses DATABASE_URL (else the embedded dev database). Retentions are settings "
        "(LOGIN_ATTEMPT_RETENTION_DAYS, REFRESH_TOKEN_RETENTION_DAYS, JOB_ITEM_RETENTION_DAYS, "
        "SYNC_RUN_RETENTION_DAYS).",
    )
    parser.set_defaults(handler=run_maintenance_command)


def run_maintenance_command(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from pixecom.maintenance.run import run_maintenance

    _local_database()
    print(json.dumps(run_maintenance(datetime.now(UTC)), indent=2))
    return 0


def _local_database() -> None:
    """Without DATABASE_URL (or a DB secret), the embedded dev database `pixecom dev` uses."""
    from pixecom.local.dev import ensure_database
    from pixecom.settings import get_settings

    settings = get_settings()
    if not settings.database_secret_arn:
        ensure_database(settings.local_state_dir)
