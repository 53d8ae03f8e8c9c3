"""The local scheduler: syncs every interval, drains the control queue far more often."""

import threading
import time

from local.scheduler import LocalScheduler


def _wait_until(predicate, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.01)
    return predicate()


def test_control_queue_is_drained_between_sync_ticks():
    sync_calls, control_calls = [], []
    scheduler = LocalScheduler(
        interval=3600,
        tick=lambda kinds: sync_calls.append(tuple(kinds)) or [],
        control_tick=lambda: control_calls.append(1),
        control_interval=0.01,
    ).start()
    try:
        assert _wait_until(lambda: len(control_calls) >= 5)
    finally:
        scheduler.stop()
    assert sync_calls == [("delivery", "stats")]
    assert scheduler.ticks == 1


def test_a_failing_control_drain_does_not_stop_the_scheduler():
    calls = []

    def failing_control():
        calls.append(1)
        raise RuntimeError("queue gone")

    scheduler = LocalScheduler(
        interval=3600, tick=lambda kinds: [], control_tick=failing_control, control_interval=0.01
    ).start()
    try:
        assert _wait_until(lambda: len(calls) >= 3)
    finally:
        scheduler.stop()


def test_stop_ends_the_loop_promptly():
    stop = threading.Event()
    scheduler = LocalScheduler(
        interval=3600,
        tick=lambda kinds: [],
        control_tick=lambda: None,
        control_interval=0.05,
        stop_event=stop,
    ).start()
    started = time.monotonic()
    scheduler.stop(timeout=5)
    assert time.monotonic() - started < 1.0
    assert stop.is_set()
