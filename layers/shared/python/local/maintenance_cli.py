"""`pixecom maintenance` (the daily MaintenanceFunction's run) and `pixecom rotate-token-keys`,
on this machine or against any database DATABASE_URL / DB_SECRET_ARN names."""

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
    parser.set_defaults(handler=run_maintenance_command, database=True)
    rotate = subparsers.add_parser(
        "rotate-token-keys",
        help="re-encrypt every stored token with the newest key of TOKEN_ENCRYPTION_KEY(_ARN)",
        description="Put the new key first in the list (comma-separated), run this, then drop the "
        "old keys. Prints how many tokens were re-encrypted per table; never prints a token.",
    )
    rotate.add_argument("--batch-size", type=int, default=200, help="rows per transaction")
    rotate.set_defaults(handler=run_rotate_command, database=True)


def run_maintenance_command(args: argparse.Namespace) -> int:
    from pixecom.clock import utc_now
    from pixecom.maintenance.run import run_maintenance

    print(json.dumps(run_maintenance(utc_now()), indent=2))
    return 0


def run_rotate_command(args: argparse.Namespace) -> int:
    from pixecom.maintenance.rotate import rotate_token_keys

    report = rotate_token_keys(batch_size=max(1, args.batch_size))
    print(json.dumps(report.as_dict(), indent=2))
    return 1 if report.unreadable else 0
