"""Alert webhooks against a real HTTP receiver on loopback: signed, retried with backoff, visible."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from automation_helpers import rows

from pixecom.alerts.evaluate import evaluate_account_alerts
from pixecom.alerts.signing import SIGNATURE_HEADER, verify
from pixecom.alerts.webhooks import deliver_due
from pixecom.db.engine import session_scope

SECRET = "whsec-test-0123456789abcdef"


class Receiver:
    """A webhook receiver: answers `status` and keeps what it got (body bytes, headers)."""

    def __init__(self) -> None:
        self.status = 200
        self.failures_left = 0  # answer 500 to this many requests first
        self.received: list[tuple[bytes, dict[str, str]]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((body, dict(self.headers.items())))
                failing, receiver.failures_left = (
                    receiver.failures_left > 0,
                    max(0, receiver.failures_left - 1),
                )
                self.send_response(500 if failing else receiver.status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/pixecom"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(autouse=True)
def loopback_allowed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The receiver listens on 127.0.0.1: allowed here as `pixecom dev` allows it."""
    from pixecom.settings import get_settings

    monkeypatch.setenv("WEBHOOK_ALLOW_LOOPBACK", "1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.server.shutdown()
    r.server.server_close()


def _hook(api: Any, synced: Any, url: str) -> None:
    response = api.put("/api/alerts/webhook", json={"url": url, "secret": SECRET}, headers=synced.headers)
    assert response.status_code == 200, response.text
    assert "secret" not in response.json()


def _open_alerts(synced: Any, now: datetime) -> None:
    with session_scope() as s:
        evaluate_account_alerts(s, synced.account_id, now)


def test_deliveries_carry_a_signature_the_receiver_verifies_and_slack_text(api, synced, receiver, now):
    _hook(api, synced, receiver.url)
    _open_alerts(synced, now)

    report = deliver_due(clock=lambda: now, seller_id=synced.seller.seller_id)

    assert report.delivered == len(receiver.received) == 6
    for body, headers in receiver.received:
        signature = headers[SIGNATURE_HEADER]
        assert verify(SECRET, signature, body, now=int(now.timestamp()))
        assert not verify("another-secret-0000000", signature, body, now=int(now.timestamp()))
        assert not verify(SECRET, signature, body + b" ", now=int(now.timestamp()))
        assert not verify(SECRET, signature, body, now=int(now.timestamp()) + 600)  # a replay, later
        payload = json.loads(body)
        assert payload["event"] == "alert.opened" and payload["text"] and payload["alert"]["kind"]
        assert payload["alert"]["currency"] == "USD"  # the account's: of the money in its values
    spent = [json.loads(b)["alert"] for b, _ in receiver.received]
    (burner, *_) = [a for a in spent if a["kind"] == "spend_without_purchase"]
    assert isinstance(burner["values"]["spend"], str) and isinstance(burner["values"]["purchases"], int)


def test_failed_deliveries_retry_with_backoff_and_show_on_the_webhook(api, synced, receiver, now):
    _hook(api, synced, receiver.url)
    _open_alerts(synced, now)
    receiver.status = 500

    first = deliver_due(clock=lambda: now)
    too_early = deliver_due(clock=lambda: now + timedelta(seconds=20))
    second = deliver_due(clock=lambda: now + timedelta(seconds=31))
    status = api.get("/api/alerts/webhook", headers=synced.headers).json()
    receiver.status = 204
    waiting = deliver_due(clock=lambda: now + timedelta(seconds=31 + 100))
    third = deliver_due(clock=lambda: now + timedelta(seconds=31 + 121))

    assert (first.retried, too_early.retried, second.retried, waiting.delivered, third.delivered) == (
        6,
        0,
        6,
        0,
        6,
    )
    assert (status["status"], status["last_error"], status["pending_deliveries"]) == (
        "failing",
        "HTTP 500",
        6,
    )
    assert status["consecutive_failures"] == 12
    assert len(receiver.received) == 18
    healthy = api.get("/api/alerts/webhook", headers=synced.headers).json()
    assert (healthy["status"], healthy["consecutive_failures"], healthy["pending_deliveries"]) == ("ok", 0, 0)
    assert healthy["last_error"] == "HTTP 500"  # the last failure stays visible after recovery
    attempts = {r.attempts for r in rows("SELECT attempts FROM webhook_deliveries WHERE state = 'delivered'")}
    assert attempts == {3}


def test_an_unreachable_webhook_gives_up_after_the_last_attempt(api, synced, receiver, now):
    _hook(api, synced, receiver.url.replace(str(receiver.server.server_address[1]), "9"))  # nothing listens
    _open_alerts(synced, now)

    at = now
    for _ in range(6):
        deliver_due(clock=lambda at=at: at)
        at += timedelta(hours=3)

    states = {r.state for r in rows("SELECT state FROM webhook_deliveries")}
    assert states == {"failed"}
    assert (
        api.get("/api/alerts/webhook", headers=synced.headers)
        .json()["last_error"]
        .endswith("could not reach the webhook")
    )


def test_a_failure_stays_in_the_status_when_a_later_delivery_of_the_pass_succeeds(api, synced, receiver, now):
    _hook(api, synced, receiver.url)
    _open_alerts(synced, now)
    receiver.failures_left = 1

    report = deliver_due(clock=lambda: now)

    status = api.get("/api/alerts/webhook", headers=synced.headers).json()
    assert (report.retried, report.delivered) == (1, 5)
    assert (status["status"], status["consecutive_failures"], status["retrying_deliveries"]) == (
        "failing",
        0,
        1,
    )
    assert (status["last_error"], datetime.fromisoformat(status["last_failure_at"])) == ("HTTP 500", now)


def test_the_url_is_checked_again_at_send_time(api, synced, receiver, now, monkeypatch):
    from pixecom.settings import get_settings

    _hook(api, synced, receiver.url)
    _open_alerts(synced, now)
    monkeypatch.setenv("WEBHOOK_ALLOW_LOOPBACK", "0")  # as deployed: loopback is refused
    get_settings.cache_clear()

    report = deliver_due(clock=lambda: now)

    assert receiver.received == [] and report.retried == 6
    status = api.get("/api/alerts/webhook", headers=synced.headers).json()
    assert status["status"] == "failing"
    assert status["last_error"] == "URL refused: the URL must use https"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/hook",
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fd00:ec2::254]/",
        "https://[::ffff:192.168.0.1]/",
        "http://hooks.example.com/x",
    ],
)
def test_deployed_settings_refuse_urls_that_reach_inside(api, synced, monkeypatch, url):
    from pixecom.alerts import webhook_urls
    from pixecom.settings import get_settings

    monkeypatch.setenv("WEBHOOK_ALLOW_LOOPBACK", "0")
    get_settings.cache_clear()
    monkeypatch.setattr(webhook_urls, "resolve_host", lambda host, port: ["93.184.215.14"])

    refused = api.put("/api/alerts/webhook", json={"url": url, "secret": SECRET}, headers=synced.headers)

    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["field"] == "url"
    nothing = api.get("/api/alerts/webhook", headers=synced.headers)
    assert (nothing.status_code, nothing.json()) == (200, None)  # nothing saved


def test_a_new_webhook_needs_a_secret_and_never_shows_it(api, synced, monkeypatch):
    from pixecom.alerts import webhook_urls

    monkeypatch.setattr(webhook_urls, "resolve_host", lambda host, port: ["93.184.215.14"])  # no DNS in tests
    missing = api.put(
        "/api/alerts/webhook", json={"url": "https://hooks.example.com/x"}, headers=synced.headers
    )
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "secret"
    _hook(api, synced, "https://hooks.example.com/x")
    shown = api.get("/api/alerts/webhook", headers=synced.headers).json()
    assert shown["has_secret"] is True and SECRET not in json.dumps(shown)


def test_send_a_test_posts_a_signed_test_event_now_and_shows_how_it_went(api, synced, receiver):
    _hook(api, synced, receiver.url)

    sent = api.post("/api/alerts/webhook/test", headers=synced.headers)

    assert sent.status_code == 200, sent.text
    answer = sent.json()
    assert (answer["delivered"], answer["status_code"], answer["error"]) == (True, 200, None)
    assert answer["webhook"]["status"] == "ok" and answer["webhook"]["last_success_at"] is not None
    [(body, headers)] = receiver.received
    payload = json.loads(body)
    assert payload["event"] == "test" and payload["alert"] is None and "test alert" in payload["text"]
    assert verify(
        SECRET,
        headers[SIGNATURE_HEADER],
        body,
        now=int(datetime.fromisoformat(payload["sent_at"]).timestamp()),
    )


def test_a_failed_test_send_says_why_and_marks_the_webhook_failing(api, synced, receiver):
    _hook(api, synced, receiver.url)
    receiver.status = 410

    answer = api.post("/api/alerts/webhook/test", headers=synced.headers).json()

    assert (answer["delivered"], answer["status_code"], answer["error"]) == (False, 410, "HTTP 410")
    assert (answer["webhook"]["status"], answer["webhook"]["last_error"]) == ("failing", "HTTP 410")


def test_send_a_test_without_a_webhook_is_a_404(api, synced):
    assert api.post("/api/alerts/webhook/test", headers=synced.headers).status_code == 404
