"""`pixecom sync --once` and the local scheduler: dispatch -> moto SQS -> worker handlers."""

import os
import time

from local.command import main
from local.scheduler import LocalScheduler


def queue_depth(sqs, env_name):
    attributes = sqs.get_queue_attributes(
        QueueUrl=os.environ[env_name],
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(
        attributes["ApproximateNumberOfMessagesNotVisible"]
    )


def test_sync_once_runs_dispatch_queue_and_workers_through_the_handlers(connect, sqs, db, capsys):
    account_id = connect("act_1001", backfill_days=40)  # queues an immediate sync and 2 backfill chunks
    # The connect-time run asks for the 28-day window; the dispatch just after does not ask again.

    assert main(["sync", "--once"]) == 0

    account = db.account(account_id)
    assert account.last_delivery_success_at is not None and account.last_stats_success_at is not None
    assert (account.backfill_chunks_done, account.backfill_chunks_total) == (2, 2)
    assert account.last_full_window_on is not None  # the newest chunk covered the 28 days
    assert len(db.stats(account_id)) == 7
    assert queue_depth(sqs, "STATS_QUEUE_URL") == queue_depth(sqs, "DELIVERY_QUEUE_URL") == 0
    out = capsys.readouterr().out
    assert "delivery: dispatched 1" in out and "stats: dispatched 0, processed 3" in out
    assert "failed 0" in out


def test_sync_once_for_one_kind_leaves_the_other_queue_alone(connect, sqs, db):
    account_id = connect("act_1001")
    assert main(["sync", "--once", "--kind", "delivery"]) == 0
    account = db.account(account_id)
    assert account.last_delivery_success_at is not None and account.last_stats_success_at is None
    assert queue_depth(sqs, "STATS_QUEUE_URL") > 0


def test_local_scheduler_syncs_accounts_until_stopped(connect, sqs, db):
    account_id = connect("act_1001")
    scheduler = LocalScheduler(interval=3600).start()
    deadline = time.monotonic() + 60
    while db.account(account_id).last_stats_success_at is None and time.monotonic() < deadline:
        time.sleep(0.1)
    scheduler.stop()
    assert db.account(account_id).last_stats_success_at is not None
    assert scheduler.ticks == 1


def test_a_local_invocation_keeps_its_lambda_context_out_of_other_threads_log_lines(connect, sqs):
    import io
    import json
    import logging
    import threading

    from local.runner import invoke
    from pixecom.observability import logger

    connect("act_1001")
    logger.clear_state()  # a fresh process: no earlier direct handler call left shared keys behind
    buffer = io.StringIO()
    sink = logging.StreamHandler(buffer)  # formats in the emitting thread, as the real handler does
    sink.setFormatter(logger.registered_formatter)
    logger._logger.addHandler(sink)
    try:
        invoke("delivery_dispatch", {"time": "2026-11-25T12:00:00Z"})
        inside = [json.loads(line) for line in buffer.getvalue().splitlines()]
        buffer.truncate(0)
        buffer.seek(0)
        api_thread = threading.Thread(target=lambda: logger.info("an API request's line"))
        api_thread.start()
        api_thread.join()
        [outside] = [json.loads(line) for line in buffer.getvalue().splitlines()]
    finally:
        logger._logger.removeHandler(sink)

    assert inside and all(line.get("function_name") == "delivery_dispatch" for line in inside)
    assert "function_name" not in outside and "function_request_id" not in outside


def test_the_local_scheduler_runs_the_daily_maintenance_when_its_schedule_comes(db, sqs):
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from local.schedules import scheduled_functions
    from pixecom.db.engine import session_scope
    from pixecom.db.models import LoginAttempt

    start = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    with session_scope() as s:  # 45 days old: past the 30-day retention
        s.add(
            LoginAttempt(
                email="old@x.com",
                client_ip="10.0.0.1",
                succeeded=False,
                attempted_at=start - timedelta(days=45),
            )
        )

    def remaining() -> list[str]:
        with session_scope() as s:
            return list(s.scalars(select(LoginAttempt.email)))

    now = [start]
    maintenance = [f for f in scheduled_functions() if f.name == "maintenance"]  # daily, 03:30 UTC
    scheduler = LocalScheduler(
        interval=3600, tick=lambda _kinds: [], control_interval=0.05, timed=maintenance, clock=lambda: now[0]
    ).start()
    try:
        time.sleep(0.5)  # ten rounds before 03:30 comes: nothing runs
        assert remaining() == ["old@x.com"]

        now[0] = datetime(2026, 12, 2, 3, 31, tzinfo=UTC)
        deadline = time.monotonic() + 60
        while remaining() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        scheduler.stop()

    assert remaining() == []
