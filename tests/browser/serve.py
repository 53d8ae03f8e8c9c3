"""The browser tests' server, run as a subprocess: the local app (same as `pixecom dev`) and the
built console on a free port, a small simulator scenario connected to the demo seller and synced
once (its Facebook Login a consent page that redirects to this console's /meta/callback), and the
local scheduler draining the queues every half second (a connect's backfill, the bulk status jobs).

DATABASE_URL must name a migrated database. When everything is up it prints one line,
`READY {json}`, with the URLs and the scenario's tokens, then serves until terminated.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

# USD and EUR accounts connected to the demo seller; JPY and THB ones only Facebook Login reaches.
SCENARIO = {"accounts": 4, "ads": 32, "days": 20, "seed": 7}  # 8 ads per account
BROWSER_DRAIN_SECONDS = 0.5


def add_test_clock(app: Any) -> None:
    """The API's clock (its `get_now` seam: what stamps and checks tokens) as the wall clock
    plus an offset the tests move with `POST /__test/clock {"advance_seconds": n}` and put back
    with `{"reset": true}`: a test makes the access tokens expire without waiting them out."""
    from datetime import timedelta

    from fastapi import Body

    from pixecom.api.deps import get_now
    from pixecom.clock import utc_now

    offset = [timedelta(0)]

    async def now_with_offset() -> Any:
        return utc_now() + offset[0]

    def move(advance_seconds: float = Body(0, embed=True), reset: bool = Body(False, embed=True)) -> Any:
        offset[0] = timedelta(0) if reset else offset[0] + timedelta(seconds=advance_seconds)
        return {"offset_seconds": offset[0].total_seconds()}

    app.dependency_overrides[get_now] = now_with_offset
    app.add_api_route("/__test/clock", move, methods=["POST"], include_in_schema=False)


def main() -> int:
    import uvicorn

    from local.console import allow_console_origin, mount_console
    from local.demo import connect_demo_accounts, fetch_rates
    from local.dev import seed_demo_seller
    from local.dev_login import add_dev_login, point_login_at
    from local.runner import QUEUE_ENV, LocalQueues, drain, drain_action_queues, run_once
    from local.scheduler import LocalScheduler
    from pixecom.api.app import create_app
    from pixecom.settings import get_settings
    from simulator.generator import generate_scenario
    from simulator.testing import SimulatorServer

    def drain_queued_work() -> None:
        for kind in ("delivery", "stats"):
            drain(os.environ[QUEUE_ENV[kind]], f"{kind}_worker")
        drain_action_queues()

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    console_url = f"http://127.0.0.1:{port}"

    scenario = generate_scenario(**SCENARIO)
    scenario.settings.report_polls_to_complete = 1
    for login_only in scenario.ad_accounts[2:]:
        login_only.access_token = None
    simulator = SimulatorServer(add_dev_login(scenario, console_url)).start()
    os.environ["GRAPH_BASE_URL"] = simulator.base_url
    os.environ["WEBHOOK_ALLOW_LOOPBACK"] = "1"  # receivers on this machine, as under make dev
    point_login_at(simulator.base_url, scenario)
    # The ECB's reference rates as the simulator serves them (rule and alert amounts in another
    # currency, the converted total), stored as `pixecom dev` stores them.
    os.environ["EXCHANGE_RATES_URL"] = simulator.base_url + "/ecb/"
    get_settings.cache_clear()
    fetch_rates()
    queues = LocalQueues().start()
    email, password = seed_demo_seller()
    connect_demo_accounts(email, scenario)
    run_once(("delivery", "stats"))  # the first sync, done before the browser looks
    # From now on, every half second: what a connect queued (delivery, backfill chunks), then bulk
    # jobs. `make dev` drains every 2 s; here each hop of a chain (a backfill's chunks, a sync then
    # its evaluation) would cost the waiting test up to 2 s, and an empty drain costs next to nothing.
    scheduler = LocalScheduler(
        interval=3600, control_tick=drain_queued_work, control_interval=BROWSER_DRAIN_SECONDS
    ).start()

    allow_console_origin(console_url)
    app = create_app()
    add_test_clock(app)
    mount_console(app, get_settings().console_dir)
    server = uvicorn.Server(
        uvicorn.Config(
            app, log_level="warning", lifespan="off", access_log=False, timeout_graceful_shutdown=1
        )
    )

    ready: dict[str, Any] = {
        "base_url": console_url,
        "simulator_url": simulator.base_url,
        "graph_version": get_settings().graph_version,
        "email": email,
        "password": password,
        "tokens": {a.id: a.access_token for a in scenario.ad_accounts},
    }
    signal.signal(signal.SIGTERM, lambda *_: setattr(server, "should_exit", True))
    print("READY " + json.dumps(ready), flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        scheduler.stop(timeout=5)
        queues.stop()
        simulator.stop()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "layers" / "shared" / "python"))
    raise SystemExit(main())
