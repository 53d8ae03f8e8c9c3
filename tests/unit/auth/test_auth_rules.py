"""Small pure rules: email normalisation and shape, refresh-token hashing, throttle arithmetic."""

from datetime import UTC, datetime, timedelta

import pytest

from pixecom.auth.refresh import hash_token
from pixecom.auth.service import is_valid_email, normalize_email
from pixecom.auth.throttle import WINDOW, _seconds_until_out


def test_email_is_trimmed_and_lower_cased():
    assert normalize_email("  Ann.Lee@Example.COM\n") == "ann.lee@example.com"


@pytest.mark.parametrize("email", ["a@example.com", "first.last+tag@sub.example.co.uk"])
def test_ordinary_emails_are_valid(email):
    assert is_valid_email(email)


@pytest.mark.parametrize(
    "email", ["", "plain", "a@b", "a@b.c", "a b@example.com", "a@@example.com", "x" * 65 + "@e.com"]
)
def test_odd_emails_are_invalid(email):
    assert not is_valid_email(email)


def test_refresh_token_hash_is_sha256_bytes():
    assert len(hash_token("abc")) == 32
    assert hash_token("abc") == hash_token("abc") != hash_token("abd")


def test_retry_after_counts_until_the_failure_leaves_the_window():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert _seconds_until_out(now - timedelta(minutes=5), now) == 600
    assert _seconds_until_out(now - timedelta(seconds=0.2), now) == 900  # rounded up
    assert _seconds_until_out(now - WINDOW, now) == 1  # never 0
