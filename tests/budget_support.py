"""The connection budget as template.yaml and samconfig.toml set it, for the tests that hold it:
each function's concurrency cap per stage, the connections it holds on the proxy and on the read
replica, and what the instance class allows (tests/unit/docs: the table in docs/operations.md;
tests/unit/foundation/test_connection_budget.py: the sums fit)."""

from __future__ import annotations

import shlex
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from local.template import read_template, resources_of_type

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = read_template(ROOT / "template.yaml")
FUNCTIONS = sorted(resources_of_type(TEMPLATE, "AWS::Serverless::Function"))
GIB = 1024**3
# Instance memory of the classes the stages use; RDS PostgreSQL's default max_connections is
# LEAST(DBInstanceClassMemory / 9531392, 5000) (a little of the memory is the OS's: ~5% less).
CLASS_MEMORY = {"db.t4g.small": 2 * GIB, "db.r7g.large": 16 * GIB}
SUPERUSER_RESERVED = 3


@cache
def stage_parameters(stage: str) -> dict[str, str]:
    """The template's parameter values for a samconfig environment: defaults, then overrides."""
    values = {name: str(p.get("Default", "")) for name, p in TEMPLATE.get("Parameters", {}).items()}
    config = tomllib.loads((ROOT / "samconfig.toml").read_text())
    overrides = config.get(stage, {}).get("deploy", {}).get("parameters", {}).get("parameter_overrides", "")
    values.update(item.split("=", 1) for item in shlex.split(overrides))
    return values


def _value(raw: Any, parameters: dict[str, str]) -> int:
    return int(parameters[raw["Ref"]]) if isinstance(raw, dict) else int(raw)


def function_cap(logical_id: str, stage: str) -> int:
    """The most containers the function can run at once: its reserved concurrency, else its SQS
    event source's maximum concurrency."""
    properties = TEMPLATE["Resources"][logical_id]["Properties"]
    parameters = stage_parameters(stage)
    if "ReservedConcurrentExecutions" in properties:
        return _value(properties["ReservedConcurrentExecutions"], parameters)
    caps = [
        _value(event["Properties"]["ScalingConfig"]["MaximumConcurrency"], parameters)
        for event in properties.get("Events", {}).values()
        if event.get("Type") == "SQS" and "ScalingConfig" in event.get("Properties", {})
    ]
    assert caps, f"{logical_id} has no concurrency cap: each function holds a database connection"
    return sum(caps)


def per_container() -> int:
    """Connections one container holds (its pool and overflow)."""
    env = TEMPLATE["Globals"]["Function"]["Environment"]["Variables"]
    return int(env["DB_POOL_SIZE"]) + int(env["DB_MAX_OVERFLOW"])


def reader_functions() -> list[str]:
    """The functions given the replica's host (DB_READER_HOST)."""
    return [
        name
        for name in FUNCTIONS
        if "DB_READER_HOST"
        in TEMPLATE["Resources"][name]["Properties"].get("Environment", {}).get("Variables", {})
    ]


def proxy_connections(logical_id: str, stage: str) -> int:
    return function_cap(logical_id, stage) * per_container()


def replica_connections(logical_id: str, stage: str) -> int:
    """With ReadReplica=true: one more pool per container of a function that reads there."""
    return proxy_connections(logical_id, stage) if logical_id in reader_functions() else 0


def max_connections(stage: str) -> int:
    return min(int(CLASS_MEMORY[stage_parameters(stage)["DbInstanceClass"]] * 0.95) // 9531392, 5000)


def proxy_share(stage: str) -> int:
    """What RDS Proxy may open of the primary's max_connections."""
    proxy = TEMPLATE["Resources"]["DatabaseProxyTargetGroup"]["Properties"]
    return max_connections(stage) * proxy["ConnectionPoolConfigurationInfo"]["MaxConnectionsPercent"] // 100
