"""Webhook signatures: HMAC-SHA256 of "<timestamp>.<body>", checked as a receiver would."""

import hashlib
import hmac

from pixecom.alerts.signing import sign, verify
from pixecom.alerts.webhooks import retry_delay


def test_the_signature_is_hmac_sha256_of_timestamp_dot_body():
    expected = hmac.new(b"s3cret", b"1700000000.{}", hashlib.sha256).hexdigest()
    assert sign("s3cret", 1700000000, b"{}") == f"t=1700000000,v1={expected}"


def test_a_receiver_accepts_the_signature_within_tolerance_only():
    header = sign("s3cret", 1700000000, b'{"a":1}')
    assert verify("s3cret", header, b'{"a":1}', now=1700000100)
    assert not verify("s3cret", header, b'{"a":1}', now=1700000301)
    assert not verify("other", header, b'{"a":1}', now=1700000000)
    assert not verify("s3cret", "garbage", b'{"a":1}', now=1700000000)


def test_retries_back_off_exponentially_up_to_two_hours():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4, 5, 6)] == [30, 120, 480, 1920, 7200, 7200]
