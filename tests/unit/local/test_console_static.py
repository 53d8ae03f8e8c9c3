"""`pixecom dev` serves the built console beside /api: files, client routes, and nothing else."""

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from local.console import mount_console


def _app(dist: Path) -> TestClient:
    app = FastAPI()

    @app.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    mount_console(app, dist)
    return TestClient(app)


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)")
    (tmp_path.parent / "secret.txt").write_text("not yours")
    return tmp_path


def test_root_and_client_routes_answer_index_html_uncached(dist: Path):
    client = _app(dist)
    for path in ("/", "/login", "/ads-manager/adsets?campaign_id=x"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.text == "<!doctype html><div id=root></div>"
        assert response.headers["cache-control"] == "no-cache"


def test_hashed_assets_are_served_as_immutable(dist: Path):
    response = _app(dist).get("/assets/index-abc123.js")
    assert response.status_code == 200
    assert response.text == "console.log(1)"
    assert "immutable" in response.headers["cache-control"]


def test_a_missing_asset_is_a_404_not_the_app(dist: Path):
    assert _app(dist).get("/assets/gone.js").status_code == 404


def test_api_paths_stay_the_apis_own_even_when_unknown(dist: Path):
    client = _app(dist)
    assert client.get("/api/health").json() == {"status": "ok"}
    assert client.get("/api/no-such-route").status_code == 404
    assert "root" not in client.get("/api/no-such-route").text


def test_nothing_outside_the_build_directory_is_served(dist: Path):
    client = _app(dist)
    assert client.get("/..%2Fsecret.txt").status_code == 404
    assert "not yours" not in client.get("/../secret.txt").text


def test_an_unbuilt_console_says_how_to_build_it(tmp_path: Path):
    response = _app(tmp_path / "missing").get("/ads-manager/campaigns")
    assert response.status_code == 503
    assert "make dev" in response.text


def test_the_lambda_app_serves_no_console():
    from pixecom.api.app import create_app

    assert TestClient(create_app()).get("/ads-manager/campaigns").status_code == 404


def test_the_consoles_own_origin_is_allowed_beside_the_configured_ones(monkeypatch: pytest.MonkeyPatch):
    from local.console import allow_console_origin
    from pixecom.settings import get_settings

    monkeypatch.setenv("CORS_ORIGINS", "http://localhost:3000")
    get_settings.cache_clear()
    try:
        allow_console_origin("http://127.0.0.1:8000")
        assert get_settings().cors_origins == (
            "http://localhost:3000",
            "http://127.0.0.1:8000",
            "http://localhost:8000",
        )
    finally:
        get_settings.cache_clear()
