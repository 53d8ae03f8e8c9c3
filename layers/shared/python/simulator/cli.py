"""`pixecom simulator`: serve a scenario file, or a generated one, on a local port."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from simulator.generator import generate_scenario
from simulator.scenario import Scenario, load_scenario


def add_simulator_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `simulator` on the `pixecom` command's sub-parsers."""
    parser = subparsers.add_parser("simulator", help="serve the Meta Graph API simulator")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--scenario", type=Path, help="scenario JSON file")
    source.add_argument("--generate", action="store_true", help="generate a seeded scenario")
    parser.add_argument("--accounts", type=int, default=3)
    parser.add_argument("--ads", type=int, default=60, help="ads in total, spread over the accounts")
    parser.add_argument("--days", type=int, default=28)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
    parser.add_argument("--write", type=Path, default=None, help="also write the generated scenario here")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument(
        "--access-log", action="store_true", help="log every request (off: the token lines stay on screen)"
    )
    parser.set_defaults(handler=run_simulator)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The hook `local.command` calls for every command module."""
    add_simulator_command(subparsers)


def build_scenario(args: argparse.Namespace) -> Scenario:
    if args.scenario is not None:
        return load_scenario(args.scenario)
    scenario = generate_scenario(
        accounts=args.accounts, ads=args.ads, days=args.days, seed=args.seed, today=args.today
    )
    if args.write is not None:
        args.write.write_text(scenario.to_json(), encoding="utf-8")
    return scenario


def run_simulator(args: argparse.Namespace) -> int:
    import uvicorn  # dev dependency

    from simulator.app import create_simulator_app

    scenario = build_scenario(args)
    for account in scenario.ad_accounts:
        ads = sum(len(s.ads) for c in account.campaigns for s in c.adsets)
        print(
            f"{account.id} {account.currency} {account.timezone_name}: {ads} ads, "
            f"token {account.access_token}",
            file=sys.stderr,
        )
    from simulator.connections import tracking_protocol  # for connection faults

    uvicorn.run(
        create_simulator_app(scenario),
        host=args.host,
        port=args.port,
        log_level="info",
        access_log=args.access_log,
        http=tracking_protocol(),
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (`python -m simulator.cli --generate`)."""
    parser = argparse.ArgumentParser(prog="pixecom")
    subparsers = parser.add_subparsers(dest="command", required=True)
    add_simulator_command(subparsers)
    args = parser.parse_args(["simulator", *(argv if argv is not None else sys.argv[1:])])
    return int(args.handler(args))


if __name__ == "__main__":
    raise SystemExit(main())
