"""Tokens never leave the process in logs; retries wait exponentially longer, with jitter."""

from __future__ import annotations

import logging
import random

import pytest

from pixecom.meta.backoff import RedactingFilter, backoff_delay
from pixecom.meta.errors import redact
from pixecom.meta.params import appsecret_proof


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("https://graph.facebook.com/v25.0/act_1/insights?access_token=EAAB123&after=MjQZD", "EAAB123"),
        ("GET /v25.0/act_1?fields=id&appsecret_proof=abcdef0123&access_token=EAAB123", "abcdef0123"),
        ('{"access_token": "EAAB123", "x": 1}', "EAAB123"),
        ("next=https%3A%2F%2Fgraph%3Faccess_token%3DEAAB123", "EAAB123"),
    ],
)
def test_redact_hides_token_parameters(text: str, secret: str) -> None:
    cleaned = redact(text)
    assert secret not in cleaned
    assert "***" in cleaned


def test_redact_keeps_the_rest_of_a_paging_url() -> None:
    cleaned = redact("https://graph.facebook.com/v25.0/act_1/insights?access_token=EAAB123&after=MjQZD")
    assert cleaned == "https://graph.facebook.com/v25.0/act_1/insights?access_token=***&after=MjQZD"


def test_redact_removes_explicit_secrets_anywhere() -> None:
    assert redact("the token tok-1001 leaked", "tok-1001") == "the token *** leaked"


def test_log_filter_rewrites_records_carrying_a_token() -> None:
    record = logging.LogRecord(
        "httpx",
        logging.INFO,
        __file__,
        1,
        'HTTP Request: %s %s "%s"',
        ("GET", "http://x/v25.0/me?access_token=EAAB123", "200 OK"),
        None,
    )
    assert RedactingFilter().filter(record)
    assert "EAAB123" not in record.getMessage()
    assert "access_token=***" in record.getMessage()


def test_backoff_grows_exponentially_within_jitter_bounds() -> None:
    rng = random.Random(7)
    delays = [backoff_delay(n, base=1.0, cap=60.0, rng=rng) for n in range(8)]
    for attempt, delay in enumerate(delays):
        ceiling = min(60.0, 2.0**attempt)
        assert ceiling / 2 <= delay <= ceiling
    assert delays[-1] <= 60.0


def test_backoff_jitter_differs_between_clients() -> None:
    # Workers that failed together should not retry together.
    assert backoff_delay(3, rng=random.Random(1)) != backoff_delay(3, rng=random.Random(2))


def test_appsecret_proof_is_hmac_sha256_hex_of_the_token() -> None:
    # Fixed value, computed once with openssl: printf token-1001 | openssl dgst -sha256 -hmac app-secret
    expected = "96ea750c1f4f942ac70a1d096342bd124b2561d7f72ab74dff581a89d100f8c2"
    assert appsecret_proof("token-1001", "app-secret") == expected
