"""Login throttling in Postgres: per email, per client address, its window and its reset."""

from datetime import UTC, datetime, timedelta

import pytest
from auth_helpers import PASSWORD

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def attempt(session):
    """One login in its own transaction, at an injected time: 'ok', 'bad' or ('throttled', seconds)."""
    from pixecom.auth import service
    from pixecom.auth.throttle import LoginThrottled

    def _attempt(email, password, *, at, ip="198.51.100.1"):
        try:
            service.login(session, email=email, password=password, client_ip=ip, now=at)
            return "ok"
        except service.InvalidCredentials:
            return "bad"
        except LoginThrottled as exc:
            return ("throttled", exc.retry_after)
        finally:
            session.commit()

    return _attempt


@pytest.fixture
def user(session):
    from pixecom.auth import service

    service.create_user(session, email="tess@example.com", password=PASSWORD, seller_name="Tess")
    session.commit()
    return "tess@example.com"


def _fail(attempt, email, times, *, start, step=timedelta(minutes=1), ip="198.51.100.1"):
    for i in range(times):
        assert attempt(email, "wrong-password!", at=start + i * step, ip=ip) == "bad"


def test_sixth_failure_for_an_email_within_15_minutes_is_throttled_until_the_oldest_leaves(attempt, user):
    _fail(attempt, user, 5, start=T0)  # T0 .. T0+4min
    assert attempt(user, "wrong-password!", at=T0 + timedelta(minutes=5)) == ("throttled", 600)


def test_a_throttled_email_is_refused_even_with_the_right_password(attempt, user):
    _fail(attempt, user, 5, start=T0)
    assert attempt(user, PASSWORD, at=T0 + timedelta(minutes=6))[0] == "throttled"


def test_email_throttle_lifts_once_the_oldest_failure_leaves_the_window(attempt, user):
    _fail(attempt, user, 5, start=T0)
    assert attempt(user, PASSWORD, at=T0 + timedelta(minutes=14, seconds=59))[0] == "throttled"
    assert attempt(user, PASSWORD, at=T0 + timedelta(minutes=15, seconds=1)) == "ok"


def test_throttling_an_email_does_not_touch_other_emails(attempt, user, session):
    from pixecom.auth import service

    service.create_user(session, email="other@example.com", password=PASSWORD, seller_name="Other")
    session.commit()
    _fail(attempt, user, 5, start=T0)
    assert attempt("other@example.com", PASSWORD, at=T0 + timedelta(minutes=5)) == "ok"


def test_unknown_emails_are_throttled_like_known_ones(attempt):
    _fail(attempt, "ghost@example.com", 5, start=T0)
    assert attempt("ghost@example.com", "x", at=T0 + timedelta(minutes=5))[0] == "throttled"


def test_successful_login_resets_the_email_count(attempt, user):
    _fail(attempt, user, 4, start=T0)
    assert attempt(user, PASSWORD, at=T0 + timedelta(minutes=4)) == "ok"
    _fail(attempt, user, 5, start=T0 + timedelta(minutes=5))  # would be 9 without the reset
    assert attempt(user, PASSWORD, at=T0 + timedelta(minutes=10)) == ("throttled", 900 - 5 * 60)


def test_more_than_20_failures_from_one_address_are_throttled_across_emails(attempt):
    for i in range(20):
        assert attempt(f"user{i}@example.com", "guess-1234", at=T0 + timedelta(seconds=i)) == "bad"
    assert attempt("fresh@example.com", "guess-1234", at=T0 + timedelta(seconds=30)) == ("throttled", 870)
    # Another address is not affected.
    assert attempt("fresh@example.com", "guess-1234", at=T0 + timedelta(seconds=30), ip="192.0.2.7") == "bad"


def test_success_does_not_reset_the_address_count(attempt, user):
    for i in range(20):
        assert attempt(f"user{i}@example.com", "guess-1234", at=T0 + timedelta(seconds=i)) == "bad"
    result = attempt(user, PASSWORD, at=T0 + timedelta(minutes=1))
    assert result == ("throttled", 840)


def test_address_throttle_lifts_after_the_window(attempt, user):
    for i in range(20):
        assert attempt(f"user{i}@example.com", "guess-1234", at=T0 + timedelta(seconds=i)) == "bad"
    assert attempt(user, PASSWORD, at=T0 + timedelta(minutes=15, seconds=1)) == "ok"


def test_a_parallel_login_for_the_same_user_is_refused_not_queued(user, db_url):
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from pixecom.auth import service
    from pixecom.auth.throttle import LoginThrottled

    engine = create_engine(db_url, pool_size=2)
    try:
        with Session(engine) as first, Session(engine) as second:
            service.login(first, email=user, password=PASSWORD, client_ip="198.51.100.1", now=T0)
            with pytest.raises(LoginThrottled) as raised:  # `first` still holds the user's row
                service.login(second, email=user, password=PASSWORD, client_ip="198.51.100.2", now=T0)
            assert raised.value.retry_after == 1
            second.rollback()
            first.commit()
            service.login(second, email=user, password=PASSWORD, client_ip="198.51.100.2", now=T0)
    finally:
        engine.dispose()


def test_http_login_answers_429_with_retry_after(api, register):
    register(email="http@example.com")
    for _ in range(5):
        bad = api.post("/api/auth/login", json={"email": "http@example.com", "password": "wrong-password!"})
        assert bad.status_code == 401
    response = api.post("/api/auth/login", json={"email": "http@example.com", "password": PASSWORD})
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "too_many_attempts"
    assert 890 <= int(response.headers["retry-after"]) <= 900


def test_purge_deletes_only_attempts_older_than_the_retention(attempt, session):
    from pixecom.auth.throttle import purge_old_attempts
    from pixecom.db.models import LoginAttempt

    assert attempt("old@example.com", "guess-1234", at=T0 - timedelta(days=31)) == "bad"
    assert attempt("new@example.com", "guess-1234", at=T0 - timedelta(days=1)) == "bad"
    assert purge_old_attempts(session, now=T0) == 1
    assert [row.email for row in session.query(LoginAttempt).all()] == ["new@example.com"]
