"""Tokens, permissions, the error envelope and injected faults over real HTTP."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from simulator.testing import SimulatorServer


def _error(response: httpx.Response) -> dict[str, object]:
    return dict(response.json()["error"])


def test_error_envelope_has_metas_keys(http: httpx.Client) -> None:
    error = _error(http.get("/act_1001/campaigns", params={"fields": "nope"}))
    assert {"message", "type", "code", "is_transient", "fbtrace_id"} <= set(error)
    assert error["type"] == "OAuthException" and error["is_transient"] is False


def test_unknown_token_is_190(sim: SimulatorServer, raw: httpx.Client) -> None:
    response = raw.get(f"{sim.base_url}/v25.0/act_1001", params={"access_token": "stolen"})
    assert response.status_code == 400
    assert _error(response)["code"] == 190 and "error_subcode" not in _error(response)


def test_expired_token_is_190_463(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.expire_token("token-1001")
    error = _error(http.get("/act_1001"))
    assert (error["code"], error["error_subcode"]) == (190, 463)


def test_bearer_header_is_accepted(sim: SimulatorServer, raw: httpx.Client) -> None:
    response = raw.get(f"{sim.base_url}/v25.0/act_1001", headers={"Authorization": "Bearer token-1001"})
    assert response.json()["id"] == "act_1001"


def test_another_sellers_account_is_permission_error_200(http: httpx.Client) -> None:
    response = http.get("/act_2002/campaigns")
    assert response.status_code == 403 and _error(response)["code"] == 200


def test_another_sellers_object_looks_missing(http: httpx.Client) -> None:
    error = _error(http.post("/4101", data={"status": "PAUSED"}))
    assert (error["code"], error["error_subcode"]) == (100, 33)


def test_unknown_object_is_100_33(http: httpx.Client) -> None:
    error = _error(http.get("/999999"))
    assert (error["code"], error["error_subcode"], error["type"]) == (100, 33, "GraphMethodException")


def test_fault_with_code_subcode_and_http_status(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault("/act_1001/campaigns", code=2, subcode=1504038, http_status=503, is_transient=True)
    response = http.get("/act_1001/campaigns")
    assert response.status_code == 503
    assert _error(response)["code"] == 2 and _error(response)["error_subcode"] == 1504038
    assert _error(response)["is_transient"] is True
    assert http.get("/act_1001/adsets").status_code == 200  # other paths unaffected


def test_fault_every_nth_call(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault("/act_1001/*", code=1, subcode=99, every_nth=3)
    statuses = [http.get("/act_1001/ads").status_code for _ in range(6)]
    assert statuses == [200, 200, 500, 200, 200, 500]


def test_fault_next_n_calls_then_recovers(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault("/act_1001", code=613, subcode=1487742, times=2)
    assert [http.get("/act_1001").status_code for _ in range(3)] == [400, 400, 200]


def test_fault_probability_is_reproducible_with_the_seed(sim: SimulatorServer, http: httpx.Client) -> None:
    def run() -> list[int]:
        sim.reset()
        sim.inject_fault("/act_1001", code=2, probability=0.5)
        return [http.get("/act_1001").status_code for _ in range(12)]

    first = run()
    assert first == run() and 200 in first and 503 in first


def test_malformed_body_fault_answers_200_with_broken_json(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault("/act_1001/ads", malformed=True, times=1)
    response = http.get("/act_1001/ads")
    assert response.status_code == 200
    try:
        json.loads(response.text)
        raise AssertionError("body parsed")
    except json.JSONDecodeError:
        pass


def test_latency_fault_delays_the_answer(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault("/act_1001", latency_ms=300, times=1)
    started = time.monotonic()
    assert http.get("/act_1001").status_code == 200
    assert time.monotonic() - started >= 0.3


def test_latency_longer_than_the_client_timeout_times_out(sim: SimulatorServer) -> None:
    sim.inject_fault("/act_1001", latency_ms=500, times=1)
    with httpx.Client(timeout=0.1) as client, pytest.raises(httpx.ReadTimeout):
        client.get(f"{sim.base_url}/v25.0/act_1001", params={"access_token": "token-1001"})


def test_dead_version_is_2635(sim_with: object) -> None:
    server = sim_with(dead_versions=["v19.0"])  # type: ignore[operator]
    response = httpx.get(f"{server.base_url}/v19.0/act_1001", params={"access_token": "token-1001"})
    assert _error(response)["code"] == 2635


def test_app_secret_requires_a_valid_proof(sim_with: object) -> None:
    import hashlib
    import hmac

    server = sim_with(app_secret="s3cret")  # type: ignore[operator]
    url = f"{server.base_url}/v25.0/act_1001"
    assert _error(httpx.get(url, params={"access_token": "token-1001"}))["code"] == 100
    proof = hmac.new(b"s3cret", b"token-1001", hashlib.sha256).hexdigest()
    response = httpx.get(url, params={"access_token": "token-1001", "appsecret_proof": proof})
    assert response.json()["id"] == "act_1001"


def test_a_shared_token_reads_every_account_it_was_granted(sim_with: object) -> None:
    server = sim_with(extra_tokens={"agency": ["act_1001", "2002"]})  # type: ignore[operator]
    body = httpx.get(f"{server.base_url}/v25.0/me/adaccounts", params={"access_token": "agency"}).json()
    assert [a["id"] for a in body["data"]] == ["act_1001", "act_2002"]
    assert (
        httpx.get(f"{server.base_url}/v25.0/4101", params={"access_token": "agency"}).json()["id"] == "4101"
    )
