"""signed_request verification and the reconnect reasons of Meta's 190 subcodes (pure rules)."""

from datetime import UTC, datetime, timedelta

import pytest

from pixecom.accounts.callbacks import BadSignedRequest, parse_signed_request
from pixecom.accounts.health import ReconnectReason, reason_for_subcode, reason_from_error
from simulator.signed_request import sign_request

SECRET = "app-secret"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def payload(**extra):
    return {"algorithm": "HMAC-SHA256", "issued_at": int(NOW.timestamp()), "user_id": "218471", **extra}


def test_a_signed_request_signed_with_our_secret_gives_its_payload():
    assert parse_signed_request(sign_request(payload(), SECRET), SECRET, NOW)["user_id"] == "218471"


@pytest.mark.parametrize(
    "raw",
    [
        sign_request(payload(), "another-secret"),
        sign_request(payload(algorithm="HMAC-SHA1"), SECRET),
        sign_request(payload(issued_at=int((NOW - timedelta(days=2)).timestamp())), SECRET),
        sign_request({"algorithm": "HMAC-SHA256", "issued_at": 1}, SECRET),
        "no-dot",
        "!!!.???",
    ],
    ids=["wrong-secret", "other-algorithm", "older-than-a-day", "no-user", "no-dot", "not-base64"],
)
def test_anything_else_is_refused(raw):
    with pytest.raises(BadSignedRequest):
        parse_signed_request(raw, SECRET, NOW)


def test_a_payload_changed_after_signing_is_refused():
    signature, _ = sign_request(payload(), SECRET).split(".")
    forged = sign_request(payload(user_id="1"), SECRET).split(".")[1]
    with pytest.raises(BadSignedRequest):
        parse_signed_request(f"{signature}.{forged}", SECRET, NOW)


@pytest.mark.parametrize(
    ("subcode", "reason"),
    [
        (458, ReconnectReason.APP_REMOVED),
        (459, ReconnectReason.CHECKPOINT),
        (460, ReconnectReason.PASSWORD_CHANGED),
        (463, ReconnectReason.EXPIRED),
        (464, ReconnectReason.CHECKPOINT),
        (467, ReconnectReason.INVALID),
        (None, ReconnectReason.INVALID),
    ],
)
def test_each_190_subcode_has_its_reconnect_reason(subcode, reason):
    assert reason_for_subcode(subcode) is reason


def test_the_reason_is_read_back_from_the_error_the_sync_recorded():
    recorded = "TokenInvalid: Error validating access token: Session has expired code=190 subcode=463"
    assert reason_from_error(recorded) is ReconnectReason.EXPIRED
    undecryptable = "TokenDecryptionError: stored access token does not decrypt"
    assert reason_from_error(undecryptable) is ReconnectReason.INVALID
