"""The sync pipeline on one machine: dispatch handler -> SQS (moto) -> worker handlers.

The handlers are the very files Lambda runs (`functions/<name>/app.py`), invoked with the events
AWS would send (a `Scheduled Event`, an SQS batch built from received messages), and SQS is
driven through boto3, so this is the AWS path with moto standing in for the service.
"""

from __future__ import annotations

import contextvars
import importlib.util
import json
import os
import sys
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from pixecom.clock import Clock, utc_now
from pixecom.observability import logger, metrics
from pixecom.queue import sqs_client
from pixecom.settings import get_settings

REPO_ROOT = Path(__file__).resolve().parents[4]
QUEUE_ENV = {
    "stats": "STATS_QUEUE_URL",
    "delivery": "DELIVERY_QUEUE_URL",
    "control": "CONTROL_QUEUE_URL",
    "automation": "AUTOMATION_QUEUE_URL",
}
LOCAL_VISIBILITY_SECONDS = 30  # a failed message reappears on a later tick, as in AWS
LOCAL_MAX_RECEIVES = 3  # then it moves to the queue's DLQ
MAX_DRAIN_ROUNDS = 1000


@dataclass
class LocalContext:
    """The parts of a Lambda context Powertools reads."""

    function_name: str
    memory_limit_in_mb: int = 512
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def invoked_function_arn(self) -> str:
        return f"arn:aws:lambda:us-east-1:000000000000:function:{self.function_name}"

    def get_remaining_time_in_millis(self) -> int:
        return 180_000


def load_function(name: str) -> ModuleType:
    """Import functions/<name>/app.py as its own module, as Lambda (and `sam local invoke`) does."""
    module_name = f"lambda_{name}_app"
    if module_name in sys.modules:
        return sys.modules[module_name]
    path = REPO_ROOT / "functions" / name / "app.py"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None or not path.exists():
        raise FileNotFoundError(f"no Lambda handler at {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def invoke(name: str, event: dict[str, Any]) -> Any:
    """Call a function's `handler` with `event` and a fresh context.

    In AWS a container runs one invocation at a time, so Powertools' `inject_lambda_context` keeps
    the Lambda context in keys every thread shares. Locally the API, the scheduler and the workers
    share one process: the invocation runs in its own contextvars context with the Lambda keys set
    there (thread-safe keys), and the decorator that would write the shared keys is stepped over,
    so no other request's or message's log line carries this invocation's context.
    """
    context = LocalContext(function_name=name)
    return contextvars.copy_context().run(_invoke_isolated, load_function(name).handler, event, context)


def _invoke_isolated(handler: Any, event: dict[str, Any], context: LocalContext) -> Any:
    logger.thread_safe_clear_keys()
    logger.thread_safe_append_keys(
        function_name=context.function_name,
        function_request_id=context.aws_request_id,
        function_arn=context.invoked_function_arn,
    )
    code = getattr(handler, "__code__", None)
    if code is not None and "aws_lambda_powertools/logging" in code.co_filename.replace("\\", "/"):
        handler = handler.__wrapped__  # inject_lambda_context: it writes the shared keys
    return handler(event, context)


class LocalQueues:
    """moto SQS queues (each with a DLQ) for a local process, unless queue URLs are configured.

    When STATS_QUEUE_URL and DELIVERY_QUEUE_URL are already set (tests with their own moto, or
    real queues), they are used as they are.
    """

    def __init__(self) -> None:
        self._mock: Any = None

    def start(self) -> LocalQueues:
        os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "PixEcomLocal")
        os.environ.setdefault("POWERTOOLS_METRICS_DISABLED", "true")
        if metrics.namespace is None:
            metrics.namespace = "PixEcomLocal"
        if all(os.environ.get(QUEUE_ENV[k]) for k in ("stats", "delivery")):
            return self
        from moto import mock_aws

        for key, value in (
            ("AWS_DEFAULT_REGION", "us-east-1"),
            ("AWS_ACCESS_KEY_ID", "local"),
            ("AWS_SECRET_ACCESS_KEY", "local"),
        ):
            os.environ.setdefault(key, value)
        self._mock = mock_aws()
        self._mock.start()
        sqs_client.cache_clear()
        for kind, env_name in QUEUE_ENV.items():
            os.environ[env_name] = _create_queue(f"pixecom-local-{kind}")
        get_settings.cache_clear()
        return self

    def stop(self) -> None:
        if self._mock is not None:
            self._mock.stop()
            self._mock = None
            sqs_client.cache_clear()

    def __enter__(self) -> LocalQueues:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _create_queue(name: str) -> str:
    client = sqs_client()
    dlq_url = client.create_queue(QueueName=f"{name}-dlq")["QueueUrl"]
    dlq_arn = client.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    redrive = {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": str(LOCAL_MAX_RECEIVES)}
    attributes = {"VisibilityTimeout": str(LOCAL_VISIBILITY_SECONDS), "RedrivePolicy": json.dumps(redrive)}
    return str(client.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"])


def scheduled_event(now: datetime, rule: str) -> dict[str, Any]:
    """EventBridge's `Scheduled Event` envelope, as a `Schedule` event source delivers it."""
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": "000000000000",
        "time": now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
        "resources": [f"arn:aws:events:us-east-1:000000000000:rule/{rule}"],
        "detail": {},
    }


def sqs_event(messages: Iterable[dict[str, Any]], queue_arn: str) -> dict[str, Any]:
    """The SQS event Lambda's event source mapping builds from received messages."""
    return {
        "Records": [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": m.get("Attributes", {}),
                "messageAttributes": {},
                "md5OfBody": m["MD5OfBody"],
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": "us-east-1",
            }
            for m in messages
        ]
    }


@dataclass
class DrainResult:
    received: int = 0
    succeeded: int = 0
    failed: int = 0


def drain(queue_url: str, function_name: str, batch_size: int = 10) -> DrainResult:
    """Feed every visible message to the worker in batches; delete what succeeded (as Lambda does)."""
    client, result = sqs_client(), DrainResult()
    arn = client.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    for _ in range(MAX_DRAIN_ROUNDS):
        received = client.receive_message(
            QueueUrl=queue_url, MaxNumberOfMessages=batch_size, WaitTimeSeconds=0, AttributeNames=["All"]
        ).get("Messages", [])
        if not received:
            break
        response = invoke(function_name, sqs_event(received, arn)) or {}
        failed = {item["itemIdentifier"] for item in response.get("batchItemFailures", [])}
        done = [m for m in received if m["MessageId"] not in failed]
        if done:
            entries = [{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(done)]
            client.delete_message_batch(QueueUrl=queue_url, Entries=entries)
        result.received += len(received)
        result.succeeded += len(done)
        result.failed += len(failed)
    return result


@dataclass(frozen=True)
class CycleReport:
    kind: str
    dispatched: int
    drained: DrainResult


def run_once(kinds: Sequence[str] = ("delivery", "stats"), clock: Clock = utc_now) -> list[CycleReport]:
    """One scheduler tick: for each kind, the dispatch handler, then the worker until the queue is empty.

    Delivery goes first so a new account's entities exist before its stats are written.
    """
    reports = []
    for kind in kinds:
        dispatched = invoke(f"{kind}_dispatch", scheduled_event(clock(), f"{kind}-dispatch"))
        drained = drain(os.environ[QUEUE_ENV[kind]], f"{kind}_worker")
        reports.append(CycleReport(kind, int(dispatched.get("messages", 0)), drained))
        logger.info(
            "local sync cycle",
            extra={
                "kind": kind,
                "dispatched": dispatched.get("messages", 0),
                "received": drained.received,
                "failed": drained.failed,
            },
        )
    return reports


def drain_control_queue() -> DrainResult | None:
    """Apply queued bulk status jobs (ControlWorker); None when no control queue is configured."""
    queue_url = os.environ.get(QUEUE_ENV["control"])
    if not queue_url:
        return None
    # One job per message, as the template's BatchSize 1 gives the ControlWorker in AWS.
    return drain(queue_url, "control_worker", batch_size=1)


def drain_action_queues() -> DrainResult | None:
    """Alerts and rules queued by stats syncs (AutomationWorker), then the bulk status jobs they
    and the API made (ControlWorker)."""
    queue_url = os.environ.get(QUEUE_ENV["automation"])
    if queue_url:
        drain(queue_url, "automation_worker", batch_size=1)
    return drain_control_queue()
