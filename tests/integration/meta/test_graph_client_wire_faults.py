"""How the Graph client classifies failures below Meta's error envelope, over real HTTP: a broken
connection, a reset or cut-off answer and a proxy's HTML 5xx are transient (retried with backoff,
then a TransientError); a bare 429 is a RateLimited that comes back after its Retry-After."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from meta_sim_helpers import ACCOUNT, CAMPAIGNS, TOKEN, SleepRecorder

from pixecom.meta.client import GraphClient
from pixecom.meta.errors import RateLimited, TransientError
from simulator.testing import ManualClock, SimulatorServer

CAMPAIGNS_PATH = "/act_1001/campaigns"
# The three-page read of 12 campaigns at page size 5.
PAGES = 3


@pytest.mark.parametrize(
    ("fault", "library_error"),
    [
        ({"connection": "refuse"}, "ReadError"),
        ({"connection": "reset", "cut_after_bytes": 40}, "ReadError"),
        ({"connection": "truncate", "cut_after_bytes": 40}, "RemoteProtocolError"),
    ],
)
def test_a_broken_connection_is_transient_and_gives_up_after_the_retry_budget(
    client: GraphClient,
    sim: SimulatorServer,
    sleeps: SleepRecorder,
    fault: dict[str, object],
    library_error: str,
) -> None:
    sim.inject_fault(CAMPAIGNS_PATH, **fault)
    with pytest.raises(TransientError, match=f"Graph transport error \\({library_error}\\)") as caught:
        client.get_campaigns(ACCOUNT)
    assert caught.value.code is None
    assert client.calls == client.max_retries + 1
    assert len(sleeps.waits) == client.max_retries
    assert all(2**n / 2 <= wait <= 2**n for n, wait in enumerate(sleeps.waits))


@pytest.mark.parametrize("kind", ["refuse", "reset", "truncate"])
def test_a_connection_that_breaks_twice_is_retried_with_growing_waits_and_succeeds(
    client: GraphClient, sim: SimulatorServer, sleeps: SleepRecorder, kind: str
) -> None:
    sim.inject_fault(CAMPAIGNS_PATH, connection=kind, times=2)
    assert len(client.get_campaigns(ACCOUNT)) == CAMPAIGNS
    assert client.calls == 2 + PAGES
    assert len(sleeps.waits) == 2
    assert 0.5 <= sleeps.waits[0] <= 1 <= sleeps.waits[1] <= 2


def test_a_page_cut_off_in_the_middle_of_paging_is_read_again_whole(
    client: GraphClient, sim: SimulatorServer
) -> None:
    clean = [c.id for c in client.get_campaigns(ACCOUNT)]
    sim.reset()
    sim.inject_fault(CAMPAIGNS_PATH, connection="truncate", every_nth=2, times=1)  # page 2, once
    assert [c.id for c in client.get_campaigns(ACCOUNT)] == clean
    assert len(clean) == CAMPAIGNS == len(set(clean))


def test_cut_off_insights_are_read_again_never_half_parsed(
    client: GraphClient, sim: SimulatorServer, clock: ManualClock
) -> None:
    from datetime import date

    since, until = date(2026, 11, 18), date(2026, 11, 19)
    clean = client.get_daily_insights(ACCOUNT, since, until, {})
    assert clean  # the scenario has insights on these days
    sim.reset()
    sim.inject_fault("/act_1001/insights", connection="truncate", times=1)
    assert client.get_daily_insights(ACCOUNT, since, until, {}) == clean


def test_a_port_with_nothing_listening_is_connect_error_and_transient(
    sleeps: SleepRecorder, clock: ManualClock
) -> None:
    with socket.socket() as probe:  # a free port, closed again: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with GraphClient(
        TOKEN, base_url=f"http://127.0.0.1:{port}", max_retries=2, sleep=sleeps, clock=clock
    ) as graph:
        with pytest.raises(TransientError, match=r"Graph transport error \(ConnectError\)"):
            graph.get_ad_account(ACCOUNT)
        assert graph.calls == 3 and len(sleeps.waits) == 2


@pytest.mark.parametrize("status", [502, 503, 504])
def test_a_proxys_html_5xx_is_transient_not_a_json_error(
    client: GraphClient, sim: SimulatorServer, status: int
) -> None:
    sim.inject_fault("/act_1001", bare_status=status)
    with pytest.raises(TransientError) as caught:
        client.get_ad_account(ACCOUNT)
    error = caught.value
    assert (error.http_status, error.code) == (status, None)
    assert error.message == f"HTTP {status} without a Graph error envelope"
    assert client.calls == client.max_retries + 1


def test_a_proxys_html_5xx_once_is_retried_and_succeeds(
    client: GraphClient, sim: SimulatorServer, sleeps: SleepRecorder
) -> None:
    sim.inject_fault("/act_1001", bare_status=502, times=1)
    assert client.get_ad_account(ACCOUNT).account_id == "1001"
    assert client.calls == 2 and len(sleeps.waits) == 1


def test_a_proxys_5xx_with_retry_after_is_retried_no_sooner_than_it_asks(
    client: GraphClient, sim: SimulatorServer, sleeps: SleepRecorder
) -> None:
    sim.inject_fault("/act_1001", bare_status=503, retry_after=7, times=1)
    assert client.get_ad_account(ACCOUNT).account_id == "1001"
    assert sleeps.waits == [7]


def test_a_retry_after_longer_than_the_backoff_cap_is_not_waited_out_in_the_call(
    client: GraphClient, sim: SimulatorServer, sleeps: SleepRecorder
) -> None:
    sim.inject_fault("/act_1001", bare_status=503, retry_after=3600, times=1)
    assert client.get_ad_account(ACCOUNT).account_id == "1001"
    assert len(sleeps.waits) == 1 and sleeps.waits[0] <= 1


def test_a_bare_429_is_rate_limited_until_its_retry_after_without_retrying(
    client: GraphClient, sim: SimulatorServer, sleeps: SleepRecorder, clock: ManualClock
) -> None:
    sim.inject_fault(CAMPAIGNS_PATH, bare_status=429, retry_after=120, times=1)
    with pytest.raises(RateLimited) as caught:
        client.get_campaigns(ACCOUNT)
    assert caught.value.until == clock() + timedelta(seconds=120)
    assert caught.value.http_status == 429
    assert client.calls == 1 and sleeps.waits == []


def test_after_a_bare_429_the_account_is_held_back_until_retry_after_passes(
    client: GraphClient, sim: SimulatorServer, clock: ManualClock
) -> None:
    sim.inject_fault(CAMPAIGNS_PATH, bare_status=429, retry_after=120, times=1)
    with pytest.raises(RateLimited):
        client.get_campaigns(ACCOUNT)
    with pytest.raises(RateLimited):
        client.get_ads(ACCOUNT)  # not sent: the client holds the account back itself
    assert client.calls == 1
    clock.advance(120)
    assert len(client.get_campaigns(ACCOUNT)) == CAMPAIGNS


def test_a_bare_429_without_retry_after_waits_the_default_pause(
    client: GraphClient, sim: SimulatorServer, clock: ManualClock
) -> None:
    sim.inject_fault(CAMPAIGNS_PATH, bare_status=429)
    with pytest.raises(RateLimited) as caught:
        client.get_campaigns(ACCOUNT)
    assert caught.value.until == clock() + timedelta(minutes=5)


def test_a_fault_window_shorter_than_the_retries_ends_in_success(
    client: GraphClient, sim: SimulatorServer, sleeps: SleepRecorder
) -> None:
    sim.inject_fault("/act_1001", bare_status=503, for_seconds=1.5)  # the waits move the shared clock
    assert client.get_ad_account(ACCOUNT).account_id == "1001"
    assert sum(sleeps.waits[:-1]) < 1.5 <= sum(sleeps.waits)
