"""The connection budget, computed from template.yaml and samconfig.toml for dev and prod:
every function's cap x its pool, against RDS Proxy's share of the primary's max_connections,
and the API's reader connections against the read replica's own max_connections."""

from __future__ import annotations

import shlex
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = yaml_parse((ROOT / "template.yaml").read_text())
SAMCONFIG = tomllib.loads((ROOT / "samconfig.toml").read_text())
GIB = 1024**3
# Instance memory of the classes the stages use; RDS PostgreSQL's default max_connections is
# LEAST(DBInstanceClassMemory / 9531392, 5000) (a little of the memory is the OS's: ~5% less).
CLASS_MEMORY = {"db.t4g.small": 2 * GIB, "db.r7g.large": 16 * GIB}
SUPERUSER_RESERVED = 3


def parameters(stage: str) -> dict[str, str]:
    values = {name: str(p.get("Default", "")) for name, p in TEMPLATE["Parameters"].items()}
    overrides = SAMCONFIG[stage]["deploy"]["parameters"]["parameter_overrides"]
    values.update(dict(item.split("=", 1) for item in shlex.split(overrides)))
    return values


def _value(node: Any, params: dict[str, str]) -> int:
    return int(params[node["Ref"]]) if isinstance(node, dict) else int(node)


def function_caps(params: dict[str, str]) -> dict[str, int]:
    """Each function's most concurrent containers: reserved concurrency or its SQS maximum."""
    caps = {}
    for name, resource in TEMPLATE["Resources"].items():
        if resource["Type"] != "AWS::Serverless::Function":
            continue
        props = resource["Properties"]
        if "ReservedConcurrentExecutions" in props:
            caps[name] = _value(props["ReservedConcurrentExecutions"], params)
            continue
        sqs = [e for e in props.get("Events", {}).values() if e["Type"] == "SQS"]
        assert len(sqs) == 1, f"{name}: no concurrency cap (it holds a database connection)"
        caps[name] = _value(sqs[0]["Properties"]["ScalingConfig"]["MaximumConcurrency"], params)
    return caps


def max_connections(instance_class: str) -> int:
    return min(int(CLASS_MEMORY[instance_class] * 0.95) // 9531392, 5000)


def reader_functions() -> list[str]:
    """The functions given the replica's host (DB_READER_HOST)."""
    return [
        n
        for n, r in TEMPLATE["Resources"].items()
        if "DB_READER_HOST" in r.get("Properties", {}).get("Environment", {}).get("Variables", {})
    ]


@dataclass(frozen=True)
class Budget:
    primary_clients: int
    proxy_share: int
    reader_clients: int
    replica_max: int


def budget(stage: str, read_replica: bool) -> Budget:
    params = parameters(stage)
    env = TEMPLATE["Globals"]["Function"]["Environment"]["Variables"]
    per_container = int(env["DB_POOL_SIZE"]) + int(env["DB_MAX_OVERFLOW"])
    caps = function_caps(params)
    readers = reader_functions()
    proxy = TEMPLATE["Resources"]["DatabaseProxyTargetGroup"]["Properties"]
    percent = proxy["ConnectionPoolConfigurationInfo"]["MaxConnectionsPercent"]
    limit = max_connections(params["DbInstanceClass"])
    return Budget(
        primary_clients=sum(caps.values()) * per_container,
        proxy_share=limit * percent // 100,
        reader_clients=sum(caps[n] for n in readers) * per_container if read_replica else 0,
        replica_max=limit - SUPERUSER_RESERVED,
    )


@pytest.mark.parametrize("read_replica", [False, True])
@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_every_connection_fits_the_proxy_and_the_replica(stage: str, read_replica: bool) -> None:
    b = budget(stage, read_replica)
    assert b.primary_clients <= b.proxy_share
    assert b.reader_clients <= b.replica_max


def test_the_budget_is_what_operations_md_says() -> None:
    dev, prod = budget("dev", True), budget("prod", True)
    assert (dev.primary_clients, dev.proxy_share, dev.reader_clients) == (38, 171, 20)
    assert (prod.primary_clients, prod.proxy_share, prod.reader_clients) == (143, 1369, 100)


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
