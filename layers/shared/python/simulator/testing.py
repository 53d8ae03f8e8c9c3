"""`SimulatorServer`: the simulator on a free local port, for tests and tools.

    with SimulatorServer(scenario, now=clock) as sim:
        client = GraphClient("token-1001", base_url=sim.base_url)
        sim.inject_fault("/act_1001/insights", code=2, times=1)
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

from simulator.app import create_simulator_app
from simulator.connections import tracking_protocol
from simulator.scenario import FaultSpec, InsightDay, Scenario
from simulator.state import SimulatorState, utc_now


class ManualClock:
    """A clock that moves only when told: pass it as `now=` and call `advance()`."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)


class SimulatorServer:
    """Serves the simulator with uvicorn in a background thread on 127.0.0.1 and a free port."""

    def __init__(self, scenario: Scenario, *, now: Callable[[], datetime] = utc_now,
                 host: str = "127.0.0.1", port: int = 0, state_file: Path | None = None) -> None:
        self.state = SimulatorState(scenario, now=now, state_file=state_file)
        self._host, self._port = host, port
        self._server: Any = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self) -> SimulatorServer:
        import uvicorn  # dev dependency: only the test server and the CLI need it

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no 40 ms delayed-ACK stalls
        sock.bind((self._host, self._port))
        self._port = sock.getsockname()[1]
        config = uvicorn.Config(create_simulator_app(state=self.state), log_level="warning",
                                lifespan="off", access_log=False, http=tracking_protocol())
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name=f"graph-simulator-{self._port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the Graph API simulator did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> SimulatorServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """e.g. "http://127.0.0.1:54321" (no version; clients add "/v25.0")."""
        return f"http://{self._host}:{self._port}"

    @property
    def port(self) -> int:
        return self._port

    # -- helpers (same as /__control) -----------------------------------------------------------
    def set_insight(self, ad_id: str, day: date | str, *, replace: bool = False, **fields: Any) -> InsightDay:
        """Set an ad's numbers for a day (fields of InsightDay; actions/action_values merge)."""
        return self.state.set_insight(ad_id, _day(day), replace=replace, **fields)

    def inject_discrepancy(self, account_id: str, day: date | str, **fields: Any) -> InsightDay:
        """Account-level insights for `day` get these numbers on top of the ads' sum (InsightDay
        fields, e.g. spend=Decimal("1.00")): Meta's totals and the ad rows then disagree."""
        return self.state.inject_discrepancy(account_id, _day(day), **fields)

    def remove_insight(self, ad_id: str, day: date | str) -> None:
        self.state.remove_insight(ad_id, _day(day))

    def status_of(self, object_id: str) -> str:
        """The configured status (ACTIVE, PAUSED, ...) of a campaign, ad set or ad."""
        return self.state.status_of(object_id)

    def effective_status_of(self, object_id: str) -> str:
        with self.state.lock:
            return self.state.effective_status(object_id)

    def inject_fault(self, path_pattern: str = "*", **options: Any) -> FaultSpec:
        """Add a fault (FaultSpec fields: code, subcode, http_status, every_nth, probability, times,
        for_seconds, account_id, latency_ms, malformed, batch_null, async_status, object_id, method,
        message, bare_status, retry_after, connection, cut_after_bytes)."""
        spec = FaultSpec(path=path_pattern, **options)
        self.state.inject_fault(spec)
        return spec

    def clear_faults(self) -> None:
        self.state.clear_faults()

    def expire_token(self, token: str) -> None:
        self.state.expire_token(token)

    def set_usage(self, account_id: str, pct: float) -> None:
        """Force an account's usage percentage; 100 or more throttles it."""
        with self.state.lock:
            self.state.usage.set_pct(account_id.removeprefix("act_"), pct)

    def usage_of(self, account_id: str) -> float:
        with self.state.lock:
            return self.state.usage.pct(account_id.removeprefix("act_"))

    def reset(self) -> None:
        self.state.reset()

    @property
    def calls(self) -> int:
        """HTTP requests served (a batch is one; control calls are not counted)."""
        with self.state.lock:
            return self.state.calls.total

    def last_params(self, path: str) -> dict[str, str] | None:
        """The parameters of the last call to `path` ("/act_1001/insights"), credentials left out."""
        with self.state.lock:
            params = self.state.calls.last_params.get(path)
            return dict(params) if params is not None else None

    @property
    def calls_by_path(self) -> dict[str, int]:
        """Calls per path without version ("/act_1001/insights"); batch items count under theirs."""
        with self.state.lock:
            return dict(self.state.calls.by_path)


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def stored_video_counters(day: InsightDay) -> dict[str, int]:
    """What the stats sync stores of one simulated ad-day's video numbers (a test's truth): watch
    time as Meta's whole-second average x plays, so a group's average is a sum over a sum."""
    v = day.video
    plays = v.get("video_play_actions", 0)
    average = (
        (Decimal(v.get("video_watch_seconds", 0)) / plays).quantize(Decimal(1), ROUND_HALF_UP) if plays else 0
    )
    names = {"video_plays": "video_play_actions", "thruplays": "video_thruplay_watched_actions",
             "video_30s_plays": "video_30_sec_watched_actions",
             **{f"video_p{p}": f"video_p{p}_watched_actions" for p in (25, 50, 75, 95, 100)}}  # fmt: skip
    return {
        "video_views": day.actions.get("video_view", 0),
        **{name: v.get(field, 0) for name, field in names.items()},
        "video_watch_time": int(average * plays),
    }
