"""Every sync Lambda handler invoked with its sample event from events/, as `sam local invoke -e`."""

import json

from sync_helpers import day, forget_queued_full_window, load_event, load_handler


def rewrite_body(event, **fields):
    for record in event["Records"]:
        body = json.loads(record["body"])
        body.update({k: str(v) for k, v in fields.items()})
        record["body"] = json.dumps(body)
    return event


def queued(sqs, env_name):
    import os

    messages = sqs.receive_message(QueueUrl=os.environ[env_name], MaxNumberOfMessages=10).get("Messages", [])
    return [json.loads(m["Body"]) for m in messages]


def test_stats_dispatch_handler_queues_the_scheduled_windows(connect, sqs, lambda_context):
    account_id = connect("act_1001")
    queued(sqs, "STATS_QUEUE_URL")
    forget_queued_full_window(account_id)
    result = load_handler("stats_dispatch").handler(
        load_event("schedule/stats_dispatch.json"), lambda_context
    )
    assert (result["kind"], result["accounts"], result["messages"]) == ("stats", 1, 1)
    [body] = [b for b in queued(sqs, "STATS_QUEUE_URL") if b["run_id"] == result["run_id"]]
    # The event's time is 2026-11-25T12:00Z: 04:00 on the 25th in Los Angeles, the account's zone.
    assert (body["account_id"], body["since"], body["until"]) == (str(account_id), "2026-10-29", "2026-11-25")


def test_delivery_dispatch_handler_queues_one_message_per_account(connect, sqs, lambda_context):
    ids = {str(connect("act_1001")), str(connect("act_1002"))}
    queued(sqs, "DELIVERY_QUEUE_URL")
    result = load_handler("delivery_dispatch").handler(
        load_event("schedule/delivery_dispatch.json"), lambda_context
    )
    assert (result["messages"], result["jobs_requeued"]) == (2, 0)  # no bulk job is stuck
    assert {b["account_id"] for b in queued(sqs, "DELIVERY_QUEUE_URL")} == ids


def test_delivery_worker_handler_syncs_the_account_in_its_event(connect, db, lambda_context):
    account_id = connect("act_1001")
    event = rewrite_body(load_event("sqs/delivery_worker.json"), account_id=account_id)
    assert load_handler("delivery_worker").handler(event, lambda_context) == {"batchItemFailures": []}
    assert db.scalar("SELECT count(*) FROM ads WHERE ad_account_id = :id", id=account_id) == 4


def test_stats_worker_handler_syncs_the_window_in_its_event(connect, db, lambda_context):
    account_id = connect("act_1001")
    event = rewrite_body(
        load_event("sqs/stats_worker.json"), account_id=account_id, since=day(2), until=day(0)
    )
    assert load_handler("stats_worker").handler(event, lambda_context) == {"batchItemFailures": []}
    assert len(db.stats(account_id)) == 7


def test_a_malformed_message_is_reported_failed_not_swallowed(db_url, lambda_context):
    event = load_event("sqs/stats_worker.json")
    event["Records"].append({**event["Records"][0], "messageId": "garbage", "body": "{not json"})
    event["Records"][0]["body"] = json.dumps(
        {
            "account_id": "8f1b6a52-3c0e-4b55-9d43-0a9a2c1e7f10",
            "kind": "stats",
            "run_id": "x",
            "since": "2026-11-24",
            "until": "2026-11-25",
        }
    )
    response = load_handler("stats_worker").handler(event, lambda_context)
    # The first names an account that is not connected: consumed (nothing to do); the second fails.
    assert response == {"batchItemFailures": [{"itemIdentifier": "garbage"}]}
