"""Meta's errors as typed exceptions; retries with backoff; usage throttling; no token leaks."""

from __future__ import annotations

import logging

import pytest
from meta_sim_helpers import ACCOUNT, TOKEN, SleepRecorder, make_scenario

from pixecom.meta.client import GraphClient
from pixecom.meta.errors import (
    GraphError,
    InvalidRequest,
    PermissionDenied,
    RateLimited,
    TokenInvalid,
    TransientError,
)
from simulator.testing import ManualClock, SimulatorServer


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ({"code": 190, "subcode": 460}, TokenInvalid),
        ({"code": 200, "http_status": 403}, PermissionDenied),
        ({"code": 10}, PermissionDenied),
        ({"code": 100, "subcode": 33}, InvalidRequest),
        ({"code": 2635}, InvalidRequest),
        ({"code": 80004, "subcode": 2446079}, RateLimited),
        ({"code": 613, "subcode": 1487742}, RateLimited),
        ({"code": 17, "subcode": 2446079}, RateLimited),
        ({"code": 4}, RateLimited),
    ],
)
def test_permanent_errors_raise_their_class_without_retry(
    client: GraphClient, sim: SimulatorServer, fault: dict[str, int], expected: type[GraphError]
) -> None:
    sim.inject_fault("/act_1001/campaigns", **fault)
    with pytest.raises(expected) as caught:
        client.get_campaigns(ACCOUNT)
    assert caught.value.code == fault["code"]
    assert client.calls == 1


def test_an_expired_token_is_token_invalid(client: GraphClient, sim: SimulatorServer) -> None:
    sim.expire_token(TOKEN)
    with pytest.raises(TokenInvalid) as caught:
        client.get_ad_account(ACCOUNT)
    assert (caught.value.code, caught.value.subcode) == (190, 463)


def test_transient_errors_are_retried_with_growing_waits(
    client: GraphClient, sim: SimulatorServer, sleeps: SleepRecorder
) -> None:
    sim.inject_fault("/act_1001/campaigns", code=2, http_status=503, times=3)
    assert len(client.get_campaigns(ACCOUNT)) == 12
    assert client.calls == 3 + 3
    assert len(sleeps.waits) == 3
    for attempt, wait in enumerate(sleeps.waits):
        assert 2**attempt / 2 <= wait <= 2**attempt  # exponential, with jitter in the upper half


def test_transient_errors_give_up_after_the_retry_budget(
    client: GraphClient, sim: SimulatorServer, sleeps: SleepRecorder, clock: ManualClock
) -> None:
    started = clock()
    sim.inject_fault("/act_1001", code=1, subcode=99, http_status=500)
    with pytest.raises(TransientError) as caught:
        client.get_ad_account(ACCOUNT)
    assert caught.value.code == 1
    assert client.calls == client.max_retries + 1
    assert len(sleeps.waits) == client.max_retries
    assert (clock() - started).total_seconds() == pytest.approx(sum(sleeps.waits), abs=1e-3)


def test_a_malformed_body_is_retried(client: GraphClient, sim: SimulatorServer) -> None:
    sim.inject_fault("/act_1001/campaigns", malformed=True, times=1)
    assert len(client.get_campaigns(ACCOUNT)) == 12
    assert client.calls == 4  # one corrupt answer, then three pages


def test_a_timeout_is_transient(sim: SimulatorServer, sleeps: SleepRecorder, clock: ManualClock) -> None:
    sim.inject_fault("/act_1001", latency_ms=400)
    with GraphClient(
        TOKEN, base_url=sim.base_url, timeout=0.1, max_retries=1, sleep=sleeps, clock=clock
    ) as graph:
        with pytest.raises(TransientError, match="timed out"):
            graph.get_ad_account(ACCOUNT)
        assert graph.calls == 2


def test_rate_limit_error_says_when_to_come_back_and_holds_the_account(
    client: GraphClient, sim: SimulatorServer, clock: ManualClock
) -> None:
    sim.set_usage(ACCOUNT, 100)  # the simulator blocks the account for real
    with pytest.raises(RateLimited) as caught:
        client.get_campaigns(ACCOUNT)
    assert caught.value.code == 80004
    assert caught.value.until > clock()
    assert client.throttled_until(ACCOUNT) == caught.value.until
    calls = client.calls
    with pytest.raises(RateLimited):
        client.get_ads(ACCOUNT)
    assert client.calls == calls  # held back without calling Meta


def test_usage_past_85_percent_stops_new_work_until_it_resets(
    client: GraphClient, sim: SimulatorServer, clock: ManualClock
) -> None:
    sim.set_usage(ACCOUNT, 90)
    client.get_ad_account(ACCOUNT)  # succeeds, and reports 90 % usage
    reading = client.usage(ACCOUNT)
    assert reading is not None and reading.max_pct >= 90
    until = client.throttled_until(ACCOUNT)
    assert until is not None and until > clock()
    calls = client.calls
    with pytest.raises(RateLimited) as caught:
        client.get_campaigns(ACCOUNT)
    assert caught.value.until == until
    assert client.calls == calls
    clock.advance((until - clock()).total_seconds() + 1)
    assert client.throttled_until(ACCOUNT) is None
    assert len(client.get_campaigns(ACCOUNT)) == 12


def test_usage_in_batch_item_headers_throttles_the_account(client: GraphClient, sim: SimulatorServer) -> None:
    sim.set_usage(ACCOUNT, 92)
    results = client.set_statuses([("4001", "PAUSED")])
    assert results[0].ok
    assert client.throttled_until(ACCOUNT) is not None


def test_the_token_never_appears_in_logs_or_errors(
    client: GraphClient, sim: SimulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sim.inject_fault("/act_1001/adsets", code=2, times=1)
    client.get_campaigns(ACCOUNT)  # several pages: paging.next URLs carry the token
    client.get_adsets(ACCOUNT)  # a retried transient error is logged
    sim.inject_fault("/act_1001/ads", code=100, message=f"bad call ?access_token={TOKEN}&x=1")
    with pytest.raises(InvalidRequest) as caught:
        client.get_ads(ACCOUNT)
    assert "HTTP Request" in caplog.text  # httpx logged the calls, URLs included
    assert TOKEN not in caplog.text
    assert TOKEN not in str(caught.value) and TOKEN not in caught.value.message
    assert TOKEN not in repr(client)


def test_appsecret_proof_is_sent_when_an_app_secret_is_set() -> None:
    with SimulatorServer(make_scenario(app_secret="app-secret-1")) as server:
        with GraphClient(TOKEN, base_url=server.base_url, app_secret="app-secret-1") as graph:
            assert graph.get_ad_account(ACCOUNT).id == ACCOUNT
            assert graph.set_statuses([("4001", "PAUSED")])[0].ok
        wrong = GraphClient(TOKEN, base_url=server.base_url, app_secret="wrong-secret")
        with wrong, pytest.raises(InvalidRequest, match="appsecret_proof"):
            wrong.get_ad_account(ACCOUNT)
        missing = GraphClient(TOKEN, base_url=server.base_url)
        with missing, pytest.raises(InvalidRequest, match="appsecret_proof"):
            missing.get_ad_account(ACCOUNT)
