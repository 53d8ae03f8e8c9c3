"""Every function of template.yaml, invoked as `pixecom invoke <LogicalId> --event events/...` does:
a fresh process whose import path is the function's folder plus the layer built by its Makefile
(without the simulator and local/), its environment read from the template with the queues
resolved to a moto SQS server, against real Postgres and the Graph API simulator.

One set of local services for the module (one xdist worker); each invoke starts its own process.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from integration.sync.sync_helpers import day, forget_queued_full_window, small_scenario
from local.invoke import Invocation, LocalServices, invoke, local_functions, local_spec
from local.template import REPO_ROOT, function_ids, read_template
from pixecom.clock import utc_now

pytestmark = pytest.mark.xdist_group("invoke")

TEMPLATE_PATH = REPO_ROOT / "template.yaml"
EVENTS = REPO_ROOT / "events"
# One sample event per function; a new function needs its line here (and its file in events/).
FUNCTION_EVENTS = {
    "ApiFunction": "api/health.json",
    "MigrateFunction": "direct/migrate.json",
    "StatsDispatchFunction": "schedule/stats_dispatch.json",
    "DeliveryDispatchFunction": "schedule/delivery_dispatch.json",
    "StatsWorkerFunction": "sqs/stats_worker.json",
    "DeliveryWorkerFunction": "sqs/delivery_worker.json",
    "ControlWorkerFunction": "sqs/control_worker.json",
    "AutomationWorkerFunction": "sqs/automation_worker.json",
    "TokenHealthFunction": "schedule/token_health.json",
    "AlertsSweepFunction": "schedule/alerts_sweep.json",
    "MaintenanceFunction": "schedule/maintenance.json",
    "ExchangeRatesFunction": "schedule/exchange_rates.json",
}


def test_every_function_of_the_template_has_an_event_file_here():
    assert sorted(FUNCTION_EVENTS) == function_ids(read_template(TEMPLATE_PATH))
    assert [p for p in FUNCTION_EVENTS.values() if not (EVENTS / p).is_file()] == []


@dataclass
class Local:
    template: dict[str, Any]
    services: LocalServices
    layer: Path
    tmp: Path
    seller_id: uuid.UUID
    user_id: uuid.UUID
    account_id: uuid.UUID

    def run(self, logical_id: str, event: dict[str, Any] | None = None, **env: str) -> Invocation:
        path = EVENTS / FUNCTION_EVENTS[logical_id]
        if event is not None:
            path = self.tmp / f"{logical_id}-{uuid.uuid4().hex}.json"
            path.write_text(json.dumps(event, default=str))
        spec = local_spec(self.template, logical_id, REPO_ROOT, self.services)
        outcome = invoke(spec, path, self.services, self.layer, env)
        assert outcome.ok, (outcome.error_type, outcome.error_message, outcome.stderr[-3000:])
        return outcome

    def queued(self, queue: str) -> list[dict[str, Any]]:
        """Receive (and delete) every message on the template's queue `queue`."""
        client = self.services.sqs()
        url = self.services.queue_urls[queue]
        found: list[dict[str, Any]] = []
        while batch := client.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
            found += [json.loads(m["Body"]) for m in batch]
            client.delete_message_batch(
                QueueUrl=url,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(batch)],
            )
        return found


def _create_database(server_url: str, template: str | None = None) -> str:
    name = f"pixecom_invoke_{uuid.uuid4().hex[:12]}"
    admin = make_url(server_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))  # type: ignore[arg-type]
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def local(
    pg_server_url: str, template_db_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Local]:
    from pixecom.accounts.connect import connect_account
    from pixecom.db.engine import reset_engine, session_scope
    from pixecom.db.models import Seller, User
    from pixecom.domain.enums import UserRole
    from pixecom.queue import sqs_client
    from pixecom.settings import get_settings

    url = _create_database(pg_server_url, make_url(template_db_url).database)
    state_dir = Path(os.environ["PIXECOM_STATE_DIR"])
    with (
        local_functions(
            TEMPLATE_PATH, state_dir, database_url=url, scenario=small_scenario(1001), migrate=False
        ) as (
            template,
            services,
            layer,
        ),
        pytest.MonkeyPatch.context() as env,
    ):
        # This process (connecting the account, reading the queues) uses the functions' services.
        spec = local_spec(template, "StatsWorkerFunction", REPO_ROOT, services)
        queues = {k: v for k, v in spec.environment.items() if k.endswith("_QUEUE_URL")}
        for name, value in {**services.environment(), **queues}.items():
            env.setenv(name, value)
        get_settings.cache_clear()
        sqs_client.cache_clear()
        reset_engine()
        try:
            with session_scope() as s:
                seller = Seller(name="Invoke")
                s.add(seller)
                s.flush()
                user = User(
                    seller_id=seller.id, email="invoke@example.com", password_hash="!", role=UserRole.OWNER
                )
                s.add(user)
                s.flush()
                seller_id, user_id = seller.id, user.id
            account = connect_account(seller_id, "act_1001", "token-1001", backfill_days=1, now=utc_now())
            tmp = tmp_path_factory.mktemp("invoke")
            yield Local(template, services, layer, tmp, seller_id, user_id, account.id)
        finally:
            reset_engine()
            sqs_client.cache_clear()
            get_settings.cache_clear()
    reset_engine()
    get_settings.cache_clear()


def _sqs_event(logical_id: str, body: dict[str, Any]) -> dict[str, Any]:
    event = json.loads((EVENTS / FUNCTION_EVENTS[logical_id]).read_text())
    event["Records"][0]["body"] = json.dumps(body, default=str)
    return event


def _scalar(sql: str, **params: Any) -> Any:
    from pixecom.db.engine import session_scope

    with session_scope() as s:
        return s.execute(text(sql), params).scalar()


def test_api_function_answers_the_health_event_from_the_database(local):
    answer = local.run("ApiFunction").result
    assert answer["statusCode"] == 200
    assert json.loads(answer["body"])["database"] == "ok"


def test_stats_dispatch_queues_a_window_of_the_connected_account_on_the_stats_queue(local):
    local.queued("StatsQueue")
    forget_queued_full_window(local.account_id)  # as if connected long ago
    result = local.run("StatsDispatchFunction").result
    assert (result["kind"], result["accounts"], result["messages"]) == ("stats", 1, 1)
    bodies = [b for b in local.queued("StatsQueue") if b["run_id"] == result["run_id"]]
    assert [b["account_id"] for b in bodies] == [str(local.account_id)]


def test_delivery_dispatch_queues_one_message_for_the_connected_account(local):
    local.queued("DeliveryQueue")
    result = local.run("DeliveryDispatchFunction").result
    assert result["messages"] == 1
    assert [b["account_id"] for b in local.queued("DeliveryQueue")] == [str(local.account_id)]


def test_delivery_worker_syncs_the_account_of_its_message_from_the_simulator(local):
    body = {"account_id": local.account_id, "kind": "delivery", "run_id": "invoke-delivery"}
    result = local.run("DeliveryWorkerFunction", _sqs_event("DeliveryWorkerFunction", body)).result
    assert result == {"batchItemFailures": []}
    assert _scalar("SELECT count(*) FROM ads WHERE ad_account_id = :id", id=local.account_id) == 4


def test_stats_worker_writes_the_window_of_its_message(local):
    body = {
        "account_id": local.account_id,
        "kind": "stats",
        "run_id": "invoke-stats",
        "since": day(2).isoformat(),
        "until": day(0).isoformat(),
    }
    result = local.run("StatsWorkerFunction", _sqs_event("StatsWorkerFunction", body)).result
    assert result == {"batchItemFailures": []}
    assert _scalar("SELECT count(*) FROM ad_stats_daily WHERE ad_account_id = :id", id=local.account_id) == 7


def test_control_worker_pauses_a_campaign_on_the_simulator(local):
    from pixecom.control.jobs import StatusChange, enqueue_status_change
    from pixecom.domain.enums import CampaignStatus, EntityLevel, SyncKind
    from pixecom.sync.delivery import sync_account_delivery
    from pixecom.sync_message import SyncMessage

    sync_account_delivery(SyncMessage(account_id=local.account_id, kind=SyncKind.DELIVERY, run_id="control"))
    campaign_id = _scalar(
        "SELECT id FROM campaigns WHERE ad_account_id = :id AND status = 'ACTIVE' ORDER BY name LIMIT 1",
        id=local.account_id,
    )
    job_id = enqueue_status_change(
        local.seller_id,
        local.user_id,
        StatusChange(EntityLevel.CAMPAIGN, CampaignStatus.PAUSED, [campaign_id]),
        now=utc_now(),
    ).job_id
    assert [b["job_id"] for b in local.queued("ControlQueue")] == [str(job_id)]
    result = local.run(
        "ControlWorkerFunction", _sqs_event("ControlWorkerFunction", {"job_id": job_id})
    ).result
    assert result == {"batchItemFailures": []}
    assert _scalar("SELECT status FROM jobs WHERE id = :id", id=job_id) == "succeeded"
    meta_id = _scalar("SELECT meta_id FROM campaigns WHERE id = :id", id=campaign_id)
    assert local.services.simulator.status_of(meta_id) == "PAUSED"


def test_automation_worker_evaluates_the_account_of_its_message(local):
    body = {"account_id": local.account_id, "evaluation_key": "stats:invoke"}
    result = local.run("AutomationWorkerFunction", _sqs_event("AutomationWorkerFunction", body)).result
    assert result == {"batchItemFailures": []}


def test_alerts_sweep_checks_every_connected_account(local):
    result = local.run("AlertsSweepFunction").result
    assert result["accounts"] == 1
    assert result["failed"] == 0


def test_maintenance_reports_what_it_purged_per_table(local):
    purged = local.run("MaintenanceFunction").result["purged"]
    assert set(purged) == {"login_attempts", "refresh_tokens", "oauth_states", "job_items", "sync_runs"}
    assert all(count == 0 for count in purged.values())  # a fresh database: nothing is old yet


def test_exchange_rates_backfills_an_empty_store_then_reads_the_daily_file(local):
    (first,) = local.run("ExchangeRatesFunction").result["sources"]  # no provider URL: the ECB alone
    (second,) = local.run("ExchangeRatesFunction").result["sources"]

    assert (first["source"], first["history"]) == ("ecb", True)  # the simulator's 90-day file
    assert first["days"] >= 60  # its working days
    assert (second["history"], second["days"]) == (False, 1)
    assert second["newest_day"] == first["newest_day"]
    stored = _scalar("SELECT count(*) FROM exchange_rates WHERE currency = 'THB'")
    assert stored == first["days"]


def test_token_health_skips_without_a_meta_app(local):
    assert local.run("TokenHealthFunction").result["skipped"] is True


def test_migrate_function_migrates_an_empty_database_to_head(local, pg_server_url, template_db_url):
    empty = _create_database(pg_server_url)
    assert local.run("MigrateFunction", DATABASE_URL=empty).result == {"status": "ok"}
    admin = make_url(empty).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin) as conn:
        [(head,)] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    with psycopg.connect(
        make_url(template_db_url).set(drivername="postgresql").render_as_string(False)
    ) as conn:
        [(expected,)] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    assert head == expected


def test_an_error_of_the_handler_comes_back_as_its_type_and_message_in_one_line(local):
    from local.invoke import failure_line

    event = _sqs_event("StatsWorkerFunction", {})
    event["Records"][0]["body"] = "{not json"
    path = local.tmp / "not-json.json"
    path.write_text(json.dumps(event))
    spec = local_spec(local.template, "StatsWorkerFunction", REPO_ROOT, local.services)
    outcome = invoke(spec, path, local.services, local.layer)
    assert (outcome.ok, outcome.error_type) == (False, "BatchFailed")
    assert failure_line("StatsWorkerFunction", outcome) == (
        "pixecom invoke: StatsWorkerFunction failed: BatchFailed: All 1 record(s) of the batch failed"
    )


def test_a_handler_running_past_the_template_timeout_is_stopped_and_reported(local, tmp_path):
    from local.template import function_spec

    (tmp_path / "slow").mkdir()
    (tmp_path / "slow" / "app.py").write_text(
        "import time\n\ndef handler(event, context):\n    time.sleep(30)\n"
    )
    template = {
        "Resources": {
            "SlowFunction": {
                "Type": "AWS::Serverless::Function",
                "Properties": {"CodeUri": "slow", "Handler": "app.handler", "Timeout": 1},
            }
        }
    }
    (tmp_path / "event.json").write_text("{}")
    outcome = invoke(
        function_spec(template, "SlowFunction", tmp_path),
        tmp_path / "event.json",
        local.services,
        local.layer,
    )
    assert (outcome.timed_out, outcome.error_message) == (True, "Task timed out after 1 seconds")
    assert outcome.seconds < 20
