"""`pixecom dev`: run everything locally (see local.dev)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("dev", help="run the whole system locally")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="API port (default 8000)")
    parser.add_argument("--simulator-port", type=int, default=8081, help="Graph API simulator port")
    parser.add_argument("--scenario", type=Path, help="serve this scenario file; connect nothing")
    parser.add_argument(
        "--replica", action="store_true", help="a streaming standby serves the lag-tolerant reads"
    )
    parser.set_defaults(handler=run_dev)


def run_dev(args: argparse.Namespace) -> int:
    from local.dev import DevOptions, run

    return run(
        DevOptions(
            host=args.host,
            port=args.port,
            simulator_port=args.simulator_port,
            scenario=args.scenario,
            replica=args.replica,
        )
    )
