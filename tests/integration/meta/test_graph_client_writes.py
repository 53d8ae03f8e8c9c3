"""Status writes: one POST per object, or batches of up to 50 with per-item results."""

from __future__ import annotations

import pytest
from meta_sim_helpers import ACCOUNT, SleepRecorder

from pixecom.meta.client import GraphClient
from pixecom.meta.errors import InvalidRequest, TokenInvalid, TransientError
from simulator.testing import SimulatorServer


def test_set_status_changes_what_later_reads_return(client: GraphClient, sim: SimulatorServer) -> None:
    client.set_status("4001", "PAUSED")
    assert sim.status_of("4001") == "PAUSED"
    ads = {a.id: a for a in client.get_ads(ACCOUNT)}
    assert ads["4001"].status == "PAUSED"


def test_set_status_of_an_unknown_object_is_an_invalid_request(client: GraphClient) -> None:
    with pytest.raises(InvalidRequest) as caught:
        client.set_status("999999", "PAUSED")
    assert caught.value.code == 100


def test_batch_reports_a_failed_item_and_retries_a_null_one(
    client: GraphClient, sim: SimulatorServer, sleeps: SleepRecorder
) -> None:
    sim.inject_fault("*", object_id="4003", code=100, message="(#100) Cannot change this ad")
    sim.inject_fault("/4004", batch_null=True, times=1)
    results = client.set_statuses([("4001", "PAUSED"), ("4003", "PAUSED"), ("4004", "PAUSED")])
    assert [r.object_id for r in results] == ["4001", "4003", "4004"]
    assert [r.ok for r in results] == [True, False, True]
    assert isinstance(results[1].error, InvalidRequest)
    assert results[1].error.message == "(#100) Cannot change this ad"
    assert client.calls == 2  # the batch, then the null item again
    assert len(sleeps.waits) == 1
    assert (sim.status_of("4001"), sim.status_of("4003"), sim.status_of("4004")) == (
        "PAUSED",
        "ACTIVE",
        "PAUSED",
    )


def test_a_null_item_that_never_runs_ends_as_a_transient_failure(
    client: GraphClient, sim: SimulatorServer
) -> None:
    sim.inject_fault("/4004", batch_null=True)
    results = client.set_statuses([("4001", "PAUSED"), ("4004", "PAUSED")])
    assert results[0].ok
    assert not results[1].ok and isinstance(results[1].error, TransientError)
    assert client.calls == 1 + client.max_retries


def test_more_than_fifty_changes_go_in_chunks_of_fifty(client: GraphClient, sim: SimulatorServer) -> None:
    changes = [(str(2001 + (n % 12)), "PAUSED" if n % 2 else "ACTIVE") for n in range(120)]
    results = client.set_statuses(changes)
    assert len(results) == 120
    assert client.calls == 3
    assert all(r.ok for r in results)
    assert [r.object_id for r in results] == [c[0] for c in changes]


def test_a_batch_rejected_as_a_whole_raises(client: GraphClient, sim: SimulatorServer) -> None:
    sim.expire_token("token-1001")
    with pytest.raises(TokenInvalid):
        client.set_statuses([("4001", "PAUSED")])
