"""GET /api/health through the app and through the API Lambda handler (as `sam local invoke`)."""

import json

from lambda_support import load_event, load_handler


def test_health_reports_database_ok(api):
    response = api.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_answers_503_when_database_is_down(api, monkeypatch):
    from pixecom.db.engine import reset_engine
    from pixecom.settings import get_settings

    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    get_settings.cache_clear()
    reset_engine()
    response = api.get("/api/health")
    assert response.status_code == 503
    assert response.json() == {"status": "degraded", "database": "unavailable"}


def test_api_lambda_handler_serves_health_event(db_url, lambda_context):
    handler = load_handler("api").handler
    result = handler(load_event("api/health.json"), lambda_context)
    assert result["statusCode"] == 200
    assert json.loads(result["body"]) == {"status": "ok", "database": "ok"}


def test_unknown_route_answers_json_404(api):
    response = api.get("/api/nowhere")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_body_over_one_megabyte_is_refused_with_413(api):
    response = api.post("/api/health", content=b"x" * 1_000_001, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_openapi_document_is_served(api):
    response = api.get("/openapi.json")
    assert response.status_code == 200
    assert "/api/health" in response.json()["paths"]


def test_nul_character_in_a_json_body_is_a_422_not_a_database_error(api, make_seller):
    seller = make_seller()
    response = api.post(
        "/api/sellpages",
        headers=seller.headers,
        json={"name": "Mug\x00", "url": "https://shop.example/p/mug"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "body"


def test_nul_character_in_the_query_string_is_a_422(api, make_seller):
    seller = make_seller()
    response = api.get("/api/ads-manager/campaigns?q=mug%00", headers=seller.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "query"


def test_an_escaped_backslash_u0000_is_ordinary_text(api, make_seller):
    seller = make_seller()
    response = api.post(
        "/api/sellpages",
        headers=seller.headers,
        json={"name": "Mug \\u0000", "url": "https://shop.example/p/mug"},
    )
    assert response.status_code == 201
    assert response.json()["name"] == "Mug \\u0000"
