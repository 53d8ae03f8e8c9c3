"""`pixecom simulator` argument wiring (the server itself is exercised by the integration tests)."""

from __future__ import annotations

import argparse
from pathlib import Path

from simulator import load_scenario
from simulator.cli import add_simulator_command, build_scenario, run_simulator


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="pixecom")
    add_simulator_command(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["simulator", *argv])


def test_generate_options_build_a_seeded_scenario_and_write_it(tmp_path: Path) -> None:
    out = tmp_path / "generated.json"
    args = _parse(
        "--generate",
        "--accounts",
        "2",
        "--ads",
        "10",
        "--days",
        "3",
        "--seed",
        "5",
        "--today",
        "2026-11-21",
        "--write",
        str(out),
        "--port",
        "9999",
    )
    scenario = build_scenario(args)
    assert [a.id for a in scenario.ad_accounts] == ["act_1001", "act_1002"]
    assert load_scenario(out) == scenario
    assert args.port == 9999 and args.handler is run_simulator


def test_scenario_file_option_loads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"ad_accounts": [{"id": "act_5", "name": "Five", "access_token": "t5"}]}')
    assert build_scenario(_parse("--scenario", str(path))).ad_accounts[0].name == "Five"
