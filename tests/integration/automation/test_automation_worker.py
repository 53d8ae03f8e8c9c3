"""The path from a stats sync to the AutomationWorker, and both new Lambda handlers."""

from __future__ import annotations

import json
from typing import Any

import pytest
from automation_helpers import rows, sync_message

from lambda_support import load_event, load_handler
from pixecom.sync.stats import sync_account_stats


@pytest.fixture
def automation_queue(sqs: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    from pixecom.settings import get_settings

    url = sqs.create_queue(QueueName="automation", Attributes={"VisibilityTimeout": "0"})["QueueUrl"]
    monkeypatch.setenv("AUTOMATION_QUEUE_URL", url)
    get_settings.cache_clear()
    return str(url)


def _drain(sqs: Any, url: str) -> list[dict[str, Any]]:
    got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
    return [json.loads(m["Body"]) for m in got]


def test_a_successful_stats_sync_queues_one_evaluation_named_after_its_run(synced, sqs, automation_queue):
    message = sync_message(synced.account_id, "stats")

    sync_account_stats(message)

    assert _drain(sqs, automation_queue) == [
        {"account_id": str(synced.account_id), "evaluation_key": f"stats:{message.run_id}"}
    ]


def test_a_sync_whose_evaluation_cannot_be_queued_still_succeeds(synced, sqs, monkeypatch):
    from pixecom.domain.enums import SyncOutcome
    from pixecom.settings import get_settings

    monkeypatch.setenv("AUTOMATION_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/1/nowhere")
    get_settings.cache_clear()

    assert sync_account_stats(sync_message(synced.account_id, "stats")).outcome is SyncOutcome.SUCCEEDED


def test_the_automation_worker_handler_evaluates_the_account_in_its_message(synced, sqs, lambda_context):
    event = load_event("sqs/automation_worker.json")
    body = json.loads(event["Records"][0]["body"])
    event["Records"][0]["body"] = json.dumps({**body, "account_id": str(synced.account_id)})

    result = load_handler("automation_worker").handler(event, lambda_context)

    assert result == {"batchItemFailures": []}
    kinds = {r.kind for r in rows("SELECT kind FROM alerts WHERE ad_account_id = :a", a=synced.account_id)}
    assert {"spend_without_purchase", "ad_delivery_error"} <= kinds


def test_the_automation_worker_handler_takes_the_sample_event(db_url, lambda_context):
    result = load_handler("automation_worker").handler(
        load_event("sqs/automation_worker.json"), lambda_context
    )
    assert result == {"batchItemFailures": []}  # an account that no longer exists: nothing to do


def test_the_alerts_sweep_handler_checks_every_account(synced, lambda_context):
    result = load_handler("alerts_sweep").handler(load_event("schedule/alerts_sweep.json"), lambda_context)
    assert result == {"accounts": 1, "opened": 0, "resolved": 0, "delivered": 0, "retried": 0, "failed": 0}


def test_one_evaluation_reads_the_exchange_rates_once_for_its_alerts_and_rules(synced):
    from sqlalchemy import event

    from pixecom.automation.worker import run_automation
    from pixecom.automation_message import AutomationMessage
    from pixecom.db.engine import get_engine

    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", count)
    try:
        run_automation(AutomationMessage(account_id=synced.account_id, evaluation_key="once"))
    finally:
        event.remove(engine, "before_cursor_execute", count)

    assert len([s for s in statements if "FROM exchange_rates" in s]) == 1
