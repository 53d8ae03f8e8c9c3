"""The connection budget fits, computed from template.yaml and samconfig.toml for dev and prod
(tests/budget_support.py): every function's connections against RDS Proxy's share of the
primary's max_connections, and the API's reader connections against the read replica's own.
That docs/operations.md's table states these caps and sums is tests/unit/docs' to check."""

from __future__ import annotations

import pytest

from budget_support import (
    FUNCTIONS,
    ROOT,
    SUPERUSER_RESERVED,
    TEMPLATE,
    max_connections,
    proxy_connections,
    proxy_share,
    reader_functions,
    replica_connections,
)


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_every_connection_fits_the_proxy_and_the_replica(stage: str) -> None:
    assert sum(proxy_connections(f, stage) for f in FUNCTIONS) <= proxy_share(stage)
    replica_max = max_connections(stage) - SUPERUSER_RESERVED
    assert sum(replica_connections(f, stage) for f in FUNCTIONS) <= replica_max


def test_the_proxy_shares_are_what_operations_md_says() -> None:
    operations = (ROOT / "docs/operations.md").read_text()
    section = operations.split("## Connection budget", 1)[1].split("\n## ", 1)[0]
    assert f"-> {proxy_share('dev'):,} for the proxy" in section
    assert f"-> {proxy_share('prod'):,} against" in section


def test_only_the_api_reads_on_the_replica() -> None:
    assert reader_functions() == ["ApiFunction"]


def test_the_replica_and_its_host_exist_only_with_read_replica_true() -> None:
    condition = TEMPLATE["Conditions"]["HasReadReplica"]["Fn::And"]
    assert {"Fn::Equals": [{"Ref": "ReadReplica"}, "true"]} in condition
    assert TEMPLATE["Parameters"]["ReadReplica"]["Default"] == "false"
    replica = TEMPLATE["Resources"]["DatabaseReadReplica"]
    assert replica["Condition"] == "HasReadReplica"
    assert replica["Properties"]["SourceDBInstanceIdentifier"] == {"Ref": "Database"}
    host = TEMPLATE["Resources"]["ApiFunction"]["Properties"]["Environment"]["Variables"]["DB_READER_HOST"]
    assert host["Fn::If"][0] == "HasReadReplica" and host["Fn::If"][2] == ""
