"""`pixecom sync`: the sync pipeline on this machine, through the Lambda handlers and moto SQS."""

from __future__ import annotations

import argparse
import os
import signal
import threading
from typing import Any

LOCAL_SIMULATOR_URL = "http://127.0.0.1:8081"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="run dispatch -> SQS (moto) -> workers locally, through the Lambda handlers",
        description="Uses DATABASE_URL (else the embedded dev database) and GRAPH_BASE_URL (locally "
        "defaulting to the simulator `make dev` serves, http://127.0.0.1:8081).",
    )
    parser.add_argument("--once", action="store_true", help="run one cycle and exit")
    parser.add_argument("--kind", choices=("stats", "delivery"), help="only this kind (default: both)")
    parser.add_argument("--interval", type=float, default=60.0, help="seconds between cycles without --once")
    parser.add_argument(
        "--graph-url", help="Graph API base URL (default: GRAPH_BASE_URL, else the local simulator)"
    )
    parser.set_defaults(handler=run_sync_command, database=True)


def run_sync_command(args: argparse.Namespace) -> int:
    from local.runner import LocalQueues, run_once
    from local.scheduler import LocalScheduler
    from pixecom.settings import get_settings

    if args.graph_url:
        os.environ["GRAPH_BASE_URL"] = args.graph_url
    elif get_settings().environment == "local":
        # Locally the accounts hold simulator tokens: never send them to the real Graph API.
        os.environ.setdefault("GRAPH_BASE_URL", LOCAL_SIMULATOR_URL)
    get_settings.cache_clear()
    kinds = (args.kind,) if args.kind else ("delivery", "stats")
    with LocalQueues():
        if args.once:
            failed = 0
            for report in run_once(kinds):
                drained = report.drained
                failed += drained.failed
                print(
                    f"{report.kind}: dispatched {report.dispatched}, processed {drained.received}, "
                    f"succeeded {drained.succeeded}, failed {drained.failed}"
                )
            return 1 if failed else 0
        stop = threading.Event()
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        scheduler = LocalScheduler(args.interval, kinds, stop_event=stop).start()
        stop.wait()
        scheduler.stop()
    return 0
