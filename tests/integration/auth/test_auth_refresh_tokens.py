"""Refresh-token families in Postgres: rotation, expiry, reuse and concurrent refreshes."""

import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def owner(session):
    from pixecom.auth import service

    account = service.create_user(
        session, email="rita@example.com", password="long-enough-pw", seller_name="R"
    )
    session.commit()
    return account


def test_rotation_keeps_the_family_and_its_expiry(session, owner):
    from pixecom.auth import refresh

    first = refresh.start_family(session, owner.user.id, owner.seller.id, now=T0, ttl_days=30)
    second = refresh.rotate(session, first.token, now=T0 + timedelta(days=10))
    assert second.family_id == first.family_id
    assert second.family_expires_at == first.family_expires_at == T0 + timedelta(days=30)
    assert second.token != first.token
    assert len(second.token) == 43  # 256 bits, url-safe base64


def test_family_expires_30_days_after_login_however_often_it_rotates(session, owner):
    from pixecom.auth import refresh

    token = refresh.start_family(session, owner.user.id, owner.seller.id, now=T0, ttl_days=30).token
    for day in (7, 14, 21, 29):
        token = refresh.rotate(session, token, now=T0 + timedelta(days=day)).token
    with pytest.raises(refresh.RefreshTokenInvalid, match="expired"):
        refresh.rotate(session, token, now=T0 + timedelta(days=30, seconds=1))


def test_reusing_a_rotated_token_revokes_every_token_of_the_family(session, owner):
    from pixecom.auth import refresh
    from pixecom.db.models import RefreshToken

    first = refresh.start_family(session, owner.user.id, owner.seller.id, now=T0, ttl_days=30)
    second = refresh.rotate(session, first.token, now=T0)
    with pytest.raises(refresh.RefreshTokenReused):
        refresh.rotate(session, first.token, now=T0 + timedelta(minutes=1))
    with pytest.raises(refresh.RefreshTokenInvalid, match="revoked"):
        refresh.rotate(session, second.token, now=T0 + timedelta(minutes=2))
    rows = session.query(RefreshToken).filter_by(family_id=first.family_id).all()
    assert len(rows) == 2
    assert all(row.revoked_at == T0 + timedelta(minutes=1) for row in rows)


def test_reuse_in_one_family_leaves_other_families_alone(session, owner):
    from pixecom.auth import refresh

    phone = refresh.start_family(session, owner.user.id, owner.seller.id, now=T0, ttl_days=30)
    laptop = refresh.start_family(session, owner.user.id, owner.seller.id, now=T0, ttl_days=30)
    refresh.rotate(session, phone.token, now=T0)
    with pytest.raises(refresh.RefreshTokenReused):
        refresh.rotate(session, phone.token, now=T0)
    assert refresh.rotate(session, laptop.token, now=T0).family_id == laptop.family_id


def test_logout_revokes_the_family(session, owner):
    from pixecom.auth import refresh

    first = refresh.start_family(session, owner.user.id, owner.seller.id, now=T0, ttl_days=30)
    second = refresh.rotate(session, first.token, now=T0)
    assert refresh.revoke(session, first.token, now=T0) is True  # even an already-rotated token
    with pytest.raises(refresh.RefreshTokenInvalid):
        refresh.rotate(session, second.token, now=T0)
    assert refresh.revoke(session, "never-issued", now=T0) is False


def test_two_concurrent_refreshes_with_one_token_cannot_both_succeed(db_url, session, owner):
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from pixecom.auth import refresh

    token = refresh.start_family(session, owner.user.id, owner.seller.id, now=T0, ttl_days=30).token
    session.commit()
    engine = create_engine(db_url, pool_size=2)
    outcome = {}
    try:
        with Session(engine) as first:
            winner = refresh.rotate(first, token, now=T0)  # holds the family lock until commit

            def second_refresh():
                with Session(engine) as second:
                    try:
                        refresh.rotate(second, token, now=T0)
                        outcome["second"] = "rotated"
                    except refresh.RefreshTokenReused:
                        outcome["second"] = "reused"
                    second.commit()

            racer = threading.Thread(target=second_refresh)
            racer.start()
            racer.join(timeout=0.5)
            assert racer.is_alive(), "the second refresh must wait for the first one's lock"
            first.commit()
            racer.join(timeout=10)
        assert outcome == {"second": "reused"}
        with Session(engine) as check, pytest.raises(refresh.RefreshTokenInvalid, match="revoked"):
            refresh.rotate(check, winner.token, now=T0)
    finally:
        engine.dispose()


def test_tokens_are_looked_up_by_hash_only(session, owner):
    from pixecom.auth import refresh
    from pixecom.db.models import RefreshToken

    issued = refresh.start_family(session, owner.user.id, owner.seller.id, now=T0, ttl_days=30)
    stored = session.query(RefreshToken).filter_by(family_id=issued.family_id).one()
    assert stored.token_hash == refresh.hash_token(issued.token)
    assert isinstance(stored.family_id, uuid.UUID)
