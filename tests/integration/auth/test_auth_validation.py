"""Bad input to /api/auth answers 400/413/422 with the JSON error shape, never 500."""

import pytest
from auth_helpers import PASSWORD

# One worker for the module: its module-scoped fixture is then built once, not once per worker.
pytestmark = pytest.mark.xdist_group("auth-validation")

REGISTER = "/api/auth/register"


@pytest.fixture
def api(shared_api):
    """Every request here is refused before it writes anything: one database for the module."""
    return shared_api


def _register_body(**changes):
    body = {"email": "val@example.com", "password": PASSWORD, "seller_name": "Shop"}
    body.update(changes)
    return body


def test_short_password_is_422_naming_the_field(api):
    response = api.post(REGISTER, json=_register_body(password="123456789"))
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"
    assert response.json()["error"]["field"] == "password"


def test_overlong_password_is_422(api):
    response = api.post(REGISTER, json=_register_body(password="p" * 257))
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "password"


def test_overlong_password_on_login_is_422_without_hashing(api):
    response = api.post("/api/auth/login", json={"email": "a@example.com", "password": "p" * 10_000})
    assert response.status_code == 422


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "two@@example.com", "sp ace@example.com", ""])
def test_bad_email_is_422(api, email):
    response = api.post(REGISTER, json=_register_body(email=email))
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "email"


def test_extra_field_is_422(api):
    response = api.post(REGISTER, json=_register_body(role="owner"))
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "role"


def test_extra_field_on_login_is_422(api):
    response = api.post("/api/auth/login", json={"email": "a@example.com", "password": PASSWORD, "x": 1})
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", 42), ("password", ["a"] * 12), ("seller_name", {"n": 1}), ("password", None)],
)
def test_wrong_types_are_422(api, field, value):
    response = api.post(REGISTER, json=_register_body(**{field: value}))
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


def test_missing_field_is_422(api):
    response = api.post("/api/auth/refresh", json={})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "refresh_token"


def test_blank_seller_name_is_422(api):
    response = api.post(REGISTER, json=_register_body(seller_name="   "))
    assert response.status_code == 422


def test_json_that_is_not_an_object_is_422(api):
    response = api.post(REGISTER, json=["a", "b"])
    assert response.status_code == 422


def test_malformed_json_is_400(api):
    response = api.post(
        REGISTER, content=b'{"email": "a@example.com",', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_json"


def test_body_over_one_megabyte_is_413(api):
    huge = b'{"email": "a@example.com", "password": "' + b"p" * 1_100_000 + b'"}'
    response = api.post("/api/auth/login", content=huge, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_overlong_refresh_token_is_422(api):
    response = api.post("/api/auth/refresh", json={"refresh_token": "t" * 129})
    assert response.status_code == 422
