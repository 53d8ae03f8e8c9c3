"""The `pixecom` command: one sub-command per job (migrate, dev, sync, simulator, create-user,
invoke)."""

from __future__ import annotations

import argparse
import importlib
import os
from collections.abc import Sequence

# Each module exposes `register(subparsers)` adding its sub-commands (imports stay lazy there).
COMMAND_MODULES = [
    "pixecom.db.cli",
    "pixecom.local.cli",
    "pixecom.auth.cli",
    "pixecom.local.sync_cli",
    "pixecom.simulator.cli",
    "pixecom.local.invoke",
    "pixecom.local.maintenance_cli",
    "pixecom.local.rates_cli",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pixecom", description="PixEcom Ads Manager backend")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Local runs log like the Lambdas do, under a service name of their own.
    os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "pixecom-local")
    args = build_parser().parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
