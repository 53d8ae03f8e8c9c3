"""The OpenAPI document describes /api/auth, and the API Lambda serves the login and me events."""

import json

import pytest
from auth_helpers import bearer

from lambda_support import load_event, load_handler

# One worker for the module: its module-scoped fixture is then built once, not once per worker.
pytestmark = pytest.mark.xdist_group("auth-openapi-and-lambda")

ENDPOINTS = {
    ("/api/auth/register", "post"): (
        "RegisterRequest",
        "201",
        "RegisterResponse",
        {"409", "422", "400", "413"},
    ),
    ("/api/auth/login", "post"): (
        "LoginRequest",
        "200",
        "TokenResponse",
        {"401", "422", "429", "400", "413"},
    ),
    ("/api/auth/refresh", "post"): ("RefreshRequest", "200", "TokenResponse", {"401", "422", "400", "413"}),
    ("/api/auth/logout", "post"): ("LogoutRequest", "204", None, {"422", "400", "413"}),
    ("/api/auth/me", "get"): (None, "200", "MeResponse", {"401"}),
}


def _ref(content):
    schema = content["application/json"]["schema"]
    # An optional body (refresh, logout: the cookie may carry the token) is anyOf [model, null].
    ref = schema.get("$ref") or next(s["$ref"] for s in schema["anyOf"] if "$ref" in s)
    return ref.rsplit("/", 1)[-1]


@pytest.mark.parametrize(("path", "method"), list(ENDPOINTS))
def test_openapi_describes_request_response_and_errors(shared_api, path, method):
    document = shared_api.get("/openapi.json").json()
    operation = document["paths"][path][method]
    request_model, ok_status, response_model, error_statuses = ENDPOINTS[(path, method)]
    if request_model:
        assert _ref(operation["requestBody"]["content"]) == request_model
        optional_body = path in ("/api/auth/refresh", "/api/auth/logout")
        assert operation["requestBody"].get("required", False) is not optional_body
    if response_model:
        assert _ref(operation["responses"][ok_status]["content"]) == response_model
    else:
        assert ok_status in operation["responses"]
    for status in error_statuses:
        assert _ref(operation["responses"][status]["content"]) == "ErrorResponse", status


def test_openapi_marks_me_as_bearer_protected_and_documents_retry_after(shared_api):
    document = shared_api.get("/openapi.json").json()
    assert document["paths"]["/api/auth/me"]["get"]["security"] == [{"HTTPBearer": []}]
    assert "Retry-After" in document["paths"]["/api/auth/login"]["post"]["responses"]["429"]["headers"]
    register_schema = document["components"]["schemas"]["RegisterRequest"]
    assert register_schema["additionalProperties"] is False
    assert register_schema["properties"]["password"]["minLength"] == 10


def test_lambda_handler_logs_in_with_the_login_event(api, register, lambda_context, session):
    from pixecom.db.models import LoginAttempt

    event = load_event("api/login.json")
    credentials = json.loads(event["body"])
    register(email=credentials["email"], password=credentials["password"])
    result = load_handler("api").handler(event, lambda_context)
    assert result["statusCode"] == 200
    body = json.loads(result["body"])
    assert body["token_type"] == "bearer"
    assert api.get("/api/auth/me", headers=bearer(body["access_token"])).status_code == 200
    # Throttling keys on API Gateway's sourceIp, not on the client-written X-Forwarded-For.
    assert session.query(LoginAttempt.client_ip).one() == ("203.0.113.10",)


def test_lambda_handler_answers_me_with_the_me_event(register, lambda_context):
    tokens = register(email="lambda-me@example.com", seller_name="Lambda Shop")
    event = load_event("api/me.json")
    assert event["headers"]["authorization"] == "Bearer REPLACE_WITH_ACCESS_TOKEN"
    event["headers"]["authorization"] = f"Bearer {tokens['access_token']}"
    result = load_handler("api").handler(event, lambda_context)
    assert result["statusCode"] == 200
    assert json.loads(result["body"])["seller"] == {"id": tokens["seller"]["id"], "name": "Lambda Shop"}


def test_lambda_handler_answers_me_without_a_real_token_with_401(db_url, lambda_context):
    result = load_handler("api").handler(load_event("api/me.json"), lambda_context)
    assert result["statusCode"] == 401
    assert json.loads(result["body"])["error"]["code"] == "invalid_token"
