"""Browser sessions: the refresh cookie, the CSRF rule for using it, and CORS with credentials."""

from http.cookies import SimpleCookie

import pytest
from auth_helpers import PASSWORD, bearer

ORIGIN = "http://localhost:3000"  # in the default CORS_ORIGINS
BROWSER = {"Origin": ORIGIN, "X-PixEcom-Client": "1"}
LOGIN = {"email": "bo@example.com", "password": PASSWORD}


@pytest.fixture
def browser_login(api, register):
    """Register, then log in as a browser client; returns the login response."""
    register(email=LOGIN["email"])
    api.cookies.clear()
    response = api.post("/api/auth/login", json=LOGIN, headers=BROWSER)
    assert response.status_code == 200, response.text
    api.cookies.clear()  # each test presents the cookie explicitly
    return response


def _cookie(response):
    jar = SimpleCookie()
    jar.load(response.headers["set-cookie"])
    return jar["pixecom_refresh"]


def test_browser_login_sets_the_refresh_cookie_and_keeps_it_out_of_the_body(browser_login):
    cookie = _cookie(browser_login)
    assert browser_login.json()["refresh_token"] is None
    assert len(cookie.value) == 43
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "strict"
    assert cookie["path"] == "/api/auth"
    assert 30 * 86_400 - 5 <= int(cookie["max-age"]) <= 30 * 86_400
    assert not cookie["secure"]  # local run, http://localhost origin: browsers would drop a Secure one


def test_the_cookie_is_secure_everywhere_but_local_http_localhost(api, register, monkeypatch):
    from pixecom.settings import get_settings

    register(email=LOGIN["email"])
    assert _cookie(api.post("/api/auth/login", json=LOGIN))["secure"] is True  # http://testserver
    monkeypatch.setenv("PIXECOM_ENV", "prod")
    get_settings.cache_clear()
    assert _cookie(api.post("/api/auth/login", json=LOGIN, headers=BROWSER))["secure"] is True


def test_max_age_is_what_is_left_of_the_session_not_a_fresh_30_days(api, register, session):
    from datetime import timedelta

    from pixecom.db.models import RefreshToken

    register(email=LOGIN["email"])
    login = api.post("/api/auth/login", json=LOGIN, headers=BROWSER)
    token = _cookie(login).value
    session.query(RefreshToken).update(
        {RefreshToken.family_expires_at: RefreshToken.issued_at + timedelta(hours=1)}
    )
    session.commit()
    refreshed = api.post("/api/auth/refresh", headers=BROWSER, cookies={"pixecom_refresh": token})
    assert refreshed.status_code == 200
    assert 3_500 <= int(_cookie(refreshed)["max-age"]) <= 3_600


def test_refresh_with_the_cookie_rotates_it(api, browser_login):
    first = _cookie(browser_login).value
    refreshed = api.post("/api/auth/refresh", headers=BROWSER, cookies={"pixecom_refresh": first})
    assert refreshed.status_code == 200, refreshed.text
    assert refreshed.json()["refresh_token"] is None
    assert _cookie(refreshed).value not in ("", first)
    assert api.get("/api/auth/me", headers=bearer(refreshed.json()["access_token"])).status_code == 200


@pytest.mark.parametrize(
    ("headers", "field"),
    [
        ({"X-PixEcom-Client": "1"}, "Origin"),
        ({"Origin": "https://evil.example", "X-PixEcom-Client": "1"}, "Origin"),
        ({"Origin": ORIGIN}, "X-PixEcom-Client"),
    ],
)
def test_a_cookie_refresh_without_allowed_origin_and_client_header_is_403(api, browser_login, headers, field):
    token = _cookie(browser_login).value
    refused = api.post("/api/auth/refresh", headers=headers, cookies={"pixecom_refresh": token})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_rejected"
    assert refused.json()["error"]["field"] == field
    # Refused before use: the token still works for the real client.
    assert (
        api.post("/api/auth/refresh", headers=BROWSER, cookies={"pixecom_refresh": token}).status_code == 200
    )


def test_a_cookie_logout_needs_the_same_site_proof_too(api, browser_login):
    token = _cookie(browser_login).value
    refused = api.post(
        "/api/auth/logout", headers={"Origin": "https://evil.example"}, cookies={"pixecom_refresh": token}
    )
    assert refused.status_code == 403
    assert (
        api.post("/api/auth/refresh", headers=BROWSER, cookies={"pixecom_refresh": token}).status_code == 200
    )


def test_logout_with_the_cookie_ends_the_session_and_clears_the_cookie(api, browser_login):
    token = _cookie(browser_login).value
    out = api.post("/api/auth/logout", headers=BROWSER, cookies={"pixecom_refresh": token})
    assert out.status_code == 204
    cleared = _cookie(out)
    assert cleared.value == "" and int(cleared["max-age"]) == 0 and cleared["path"] == "/api/auth"
    after = api.post("/api/auth/refresh", headers=BROWSER, cookies={"pixecom_refresh": token})
    assert after.status_code == 401
    assert after.json()["error"]["code"] == "invalid_refresh_token"


def test_refresh_with_neither_body_nor_cookie_is_401(api):
    response = api.post("/api/auth/refresh", headers=BROWSER)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_refresh_token"


def test_non_browser_clients_keep_the_json_body_mode(api, register):
    tokens = register(email="cli@example.com")
    assert tokens["refresh_token"]
    refreshed = api.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refreshed.status_code == 200 and refreshed.json()["refresh_token"]


def test_cors_allows_credentials_for_listed_origins_and_exposes_retry_after(api):
    preflight = api.options(
        "/api/auth/refresh",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-pixecom-client, content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert preflight.headers["access-control-allow-credentials"] == "true"
    assert "x-pixecom-client" in preflight.headers["access-control-allow-headers"].lower()
    answer = api.get("/api/health", headers={"Origin": ORIGIN})
    exposed = answer.headers["access-control-expose-headers"].lower()
    assert "retry-after" in exposed and "content-disposition" in exposed
    other = api.options(
        "/api/auth/refresh",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in other.headers
