"""The register form's rules, public: whether an invitation is needed, and the password length."""

from __future__ import annotations

from pixecom.auth.passwords import MIN_PASSWORD_LENGTH


def test_signup_rules_say_open_sign_up_and_the_password_rule_without_a_login(api):
    answer = api.get("/api/auth/signup-rules")
    assert answer.status_code == 200
    assert answer.json() == {
        "mode": "open",
        "min_password_length": MIN_PASSWORD_LENGTH,
        "max_password_length": 256,
    }


def test_signup_rules_say_when_an_invitation_is_needed(api, monkeypatch):
    from pixecom.settings import get_settings

    monkeypatch.setenv("SIGNUP_MODE", "invitation")
    get_settings.cache_clear()
    try:
        assert api.get("/api/auth/signup-rules").json()["mode"] == "invitation"
    finally:
        monkeypatch.delenv("SIGNUP_MODE")
        get_settings.cache_clear()
