"""Graceful under load: no request holds a connection while it waits for a thread, a request that
finds no free connection in time is a 503 with Retry-After in the one error shape (never a 500
after 30 s), and a burst of password checks is shed (429 + Retry-After) instead of starving reads."""

import asyncio

import anyio
import httpx
import pytest

from pixecom.auth.passwords import hashing_slot
from pixecom.db.engine import get_engine, reset_engine
from pixecom.settings import get_settings


@pytest.fixture
def small_pool(db_url, make_seller, monkeypatch):
    """One pooled connection, a pool wait long enough for a queue of quick reads; a seller."""
    seller = make_seller()
    monkeypatch.setenv("DB_POOL_SIZE", "1")
    monkeypatch.setenv("DB_MAX_OVERFLOW", "0")
    monkeypatch.setenv("DB_POOL_TIMEOUT_SECONDS", "15")
    get_settings.cache_clear()
    reset_engine()
    yield seller
    reset_engine()


def concurrently(app, requests, threads):
    """Send every (method, path, kwargs) at once over ASGI, the server limited to `threads`."""

    async def main():
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=30) as client:
            return await asyncio.gather(*(client.request(m, p, **kw) for m, p, kw in requests))

    return anyio.run(main)


def test_more_concurrent_reads_than_threads_all_answer_200_on_one_connection(small_pool):
    from pixecom.api.app import create_app

    read = ("GET", "/api/ad-accounts", {"headers": small_pool.headers})
    responses = concurrently(create_app(), [read] * 12, threads=2)
    assert [r.status_code for r in responses] == [200] * 12


def test_no_free_connection_in_time_is_a_503_with_retry_after(small_pool, monkeypatch):
    from fastapi.testclient import TestClient

    from pixecom.api.app import create_app

    monkeypatch.setenv("DB_POOL_TIMEOUT_SECONDS", "0.5")
    get_settings.cache_clear()
    reset_engine()
    with get_engine().connect(), TestClient(create_app(), raise_server_exceptions=False) as api:
        response = api.get("/api/ad-accounts", headers=small_pool.headers)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert response.json() == {"error": {"code": "busy", "message": "The service is busy, retry shortly"}}


def test_a_login_finding_every_hashing_slot_taken_is_shed_while_reads_still_answer(small_pool, monkeypatch):
    from fastapi.testclient import TestClient

    from pixecom.api.app import create_app

    monkeypatch.setenv("PASSWORD_HASH_CONCURRENCY", "1")
    monkeypatch.setenv("PASSWORD_HASH_WAIT_SECONDS", "0.2")
    get_settings.cache_clear()
    with hashing_slot(), TestClient(create_app(), raise_server_exceptions=False) as api:
        login = api.post("/api/auth/login", json={"email": "a@example.com", "password": "x" * 12})
        read = api.get("/api/ad-accounts", headers=small_pool.headers)
    assert (login.status_code, login.headers["Retry-After"], login.json()["error"]["code"]) == (
        429,
        "1",
        "busy",
    )
    assert read.status_code == 200
