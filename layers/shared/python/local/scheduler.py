"""The local stand-in for EventBridge and Lambda's queue pollers.

Every `interval` it runs dispatch -> queue -> workers (the scheduled syncs); every
`control_interval` it drains the ControlQueue, so a bulk pause made in the API is applied within
seconds, as the ControlWorker's event source would in AWS; and it runs the template's other
scheduled functions (`timed`: the alerts sweep, the token health check, the maintenance) when
their schedule says (`local.schedules`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime

from local.runner import CycleReport, drain_action_queues, invoke, run_once, scheduled_event
from local.schedules import ScheduledFunction
from pixecom.clock import Clock, utc_now
from pixecom.observability import logger

DEFAULT_INTERVAL_SECONDS = 60.0
CONTROL_INTERVAL_SECONDS = 2.0


class LocalScheduler:
    """A daemon thread ticking `run_once` (first tick at once) and the `timed` functions when due
    (on `clock`, first at their schedule's next time after the start); `stop()` ends it between
    ticks."""

    def __init__(
        self,
        interval: float = DEFAULT_INTERVAL_SECONDS,
        kinds: Sequence[str] = ("delivery", "stats"),
        tick: Callable[[Sequence[str]], list[CycleReport]] = run_once,
        stop_event: threading.Event | None = None,
        control_tick: Callable[[], object] = drain_action_queues,
        control_interval: float = CONTROL_INTERVAL_SECONDS,
        timed: Sequence[ScheduledFunction] = (),
        run_timed: Callable[[ScheduledFunction, datetime], object] | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._run_timed = run_timed or invoke_scheduled
        start = clock()
        self._due = {f: f.schedule.next_after(start) for f in timed}
        self.control_interval = control_interval
        self._control_tick = control_tick
        self.kinds = tuple(kinds)
        self.ticks = 0
        self._tick = tick
        self._stop = stop_event or threading.Event()
        self._thread = threading.Thread(target=self._loop, name="pixecom-local-scheduler", daemon=True)

    def start(self) -> LocalScheduler:
        self._thread.start()
        return self

    def stop(self, timeout: float | None = 30.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _loop(self) -> None:
        next_sync = time.monotonic()
        while not self._stop.is_set():
            if time.monotonic() >= next_sync:
                self._run_safely(self._tick, self.kinds)
                self.ticks += 1
                next_sync = time.monotonic() + self.interval
            self._run_safely(self._control_tick)
            self._run_due()
            self._stop.wait(min(self.control_interval, max(0.0, next_sync - time.monotonic())))

    def _run_due(self) -> None:
        now = self._clock()
        for function, due in list(self._due.items()):
            if now >= due:
                self._run_safely(self._run_timed, function, now)
                self._due[function] = function.schedule.next_after(now)

    def _run_safely(self, work: Callable[..., object], *args: object) -> None:
        try:
            work(*args)
        except Exception:
            # A bad tick (database restarting, simulator gone) must not end local syncing.
            logger.exception("local scheduler tick failed", extra={"work": getattr(work, "__name__", "?")})


def invoke_scheduled(function: ScheduledFunction, now: datetime) -> object:
    """The function's handler with EventBridge's scheduled event, as its rule would call it."""
    return invoke(function.name, scheduled_event(now, function.rule))
