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
        self.received: list[tuple[bytes, dict[str, str]]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((body, dict(self.headers.items())))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/pixecom"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


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


def test_a_new_webhook_needs_a_secret_and_never_shows_it(api, synced):
    missing = api.put(
        "/api/alerts/webhook", json={"url": "https://hooks.example.com/x"}, headers=synced.headers
    )
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "secret"
    _hook(api, synced, "https://hooks.example.com/x")
    shown = api.get("/api/alerts/webhook", headers=synced.headers).json()
    assert shown["has_secret"] is True and SECRET not in json.dumps(shown)
