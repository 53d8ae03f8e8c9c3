"""The reuse grace window: the token spent just before the current one, presented again within
the window, answers with the same successor; any other reuse still revokes the family."""

from datetime import UTC, datetime, timedelta

import pytest

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
KEYS = ("current-signing-key-" + "k" * 24,)
GRACE = timedelta(seconds=30)


@pytest.fixture
def family(session):
    from pixecom.auth import refresh, service

    owner = service.create_user(session, email="gus@example.com", password="long-enough-pw", seller_name="G")
    session.commit()
    return refresh.start_family(session, owner.user.id, owner.seller.id, now=T0, ttl_days=30)


def _rotate(session, token, at):
    from pixecom.auth import refresh

    return refresh.rotate(session, token, now=at, keys=KEYS, grace=GRACE)


def test_the_previous_token_again_inside_the_window_answers_the_same_successor(session, family):
    second = _rotate(session, family.token, T0)
    again = _rotate(session, family.token, T0 + timedelta(seconds=29))
    assert again.token == second.token
    assert again.family_id == second.family_id
    assert again.family_expires_at == second.family_expires_at
    # Nothing was revoked: the successor still rotates normally.
    assert _rotate(session, second.token, T0 + timedelta(seconds=31)).token not in (
        family.token,
        second.token,
    )


def test_the_previous_token_again_after_the_window_revokes_the_family(session, family):
    from pixecom.auth import refresh

    second = _rotate(session, family.token, T0)
    with pytest.raises(refresh.RefreshTokenReused):
        _rotate(session, family.token, T0 + timedelta(seconds=31))
    with pytest.raises(refresh.RefreshTokenInvalid, match="revoked"):
        _rotate(session, second.token, T0 + timedelta(seconds=32))


def test_a_token_two_rotations_back_revokes_the_family_even_inside_the_window(session, family):
    from pixecom.auth import refresh

    second = _rotate(session, family.token, T0)
    third = _rotate(session, second.token, T0 + timedelta(seconds=1))
    with pytest.raises(refresh.RefreshTokenReused):
        _rotate(session, family.token, T0 + timedelta(seconds=2))
    with pytest.raises(refresh.RefreshTokenInvalid, match="revoked"):
        _rotate(session, third.token, T0 + timedelta(seconds=3))


def test_without_a_window_any_reuse_revokes(session, family):
    from pixecom.auth import refresh

    refresh.rotate(session, family.token, now=T0, keys=KEYS, grace=timedelta(0))
    with pytest.raises(refresh.RefreshTokenReused):
        refresh.rotate(session, family.token, now=T0 + timedelta(seconds=1), keys=KEYS, grace=timedelta(0))


def test_the_successor_is_still_found_after_the_signing_key_rotates(session, family):
    from pixecom.auth import refresh

    second = _rotate(session, family.token, T0)
    again = refresh.rotate(
        session, family.token, now=T0 + timedelta(seconds=5), keys=("new-key", *KEYS), grace=GRACE
    )
    assert again.token == second.token


def test_two_tabs_refreshing_with_one_token_over_http_get_the_same_pair(api, register):
    first = register(email="tabs@example.com")["refresh_token"]
    tab_a = api.post("/api/auth/refresh", json={"refresh_token": first})
    tab_b = api.post("/api/auth/refresh", json={"refresh_token": first})
    assert tab_a.status_code == tab_b.status_code == 200
    assert tab_a.json()["refresh_token"] == tab_b.json()["refresh_token"]
    assert (
        api.post("/api/auth/refresh", json={"refresh_token": tab_b.json()["refresh_token"]}).status_code
        == 200
    )


def test_the_window_is_a_setting(api, register, monkeypatch):
    from pixecom.settings import get_settings

    monkeypatch.setenv("REFRESH_REUSE_GRACE_SECONDS", "0")
    get_settings.cache_clear()
    first = register(email="nograce@example.com")["refresh_token"]
    assert api.post("/api/auth/refresh", json={"refresh_token": first}).status_code == 200
    reused = api.post("/api/auth/refresh", json={"refresh_token": first})
    assert reused.status_code == 401
    assert reused.json()["error"]["code"] == "invalid_refresh_token"
