"""`pixecom rates fetch` (the daily ExchangeRatesFunction's run) and `pixecom rates load FILE`
(an operator's rates for the currencies the ECB does not publish, such as VND), on this machine
or against any database DATABASE_URL / DB_SECRET_ARN names."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("rates", help="exchange rates: fetch the ECB's, or load your own")
    commands = parser.add_subparsers(dest="rates_command", required=True)
    fetch = commands.add_parser(
        "fetch",
        help="read the ECB feed (EXCHANGE_RATES_URL) and store its rates, the last 90 days when missing",
    )
    fetch.set_defaults(handler=run_fetch, database=True)
    load = commands.add_parser(
        "load",
        help="store rates from a CSV file: date,currency,per_eur (units of the currency for one euro)",
        description="Every line is checked before any is stored; a bad line is named and nothing is "
        "stored. A later load of the same (currency, date) replaces it. Example line: "
        "2026-12-04,VND,27350",
    )
    load.add_argument("file", type=Path, help="CSV with the header date,currency,per_eur")
    load.set_defaults(handler=run_load, database=True)


def run_fetch(args: argparse.Namespace) -> int:
    from pixecom.clock import utc_now
    from pixecom.rates.refresh import run_refresh
    from pixecom.rates.sources import RateSourceError

    try:
        reports = run_refresh(utc_now())
    except RateSourceError as exc:
        print(f"pixecom rates fetch: {exc}", file=sys.stderr)
        return 1
    print(json.dumps([r.as_dict() for r in reports], indent=2))
    return 0


def run_load(args: argparse.Namespace) -> int:
    from pixecom.clock import utc_now
    from pixecom.db.engine import session_scope
    from pixecom.rates.sources import RateSourceError, parse_operator_csv
    from pixecom.rates.store import save_rates

    try:
        rates = parse_operator_csv(args.file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        print(f"pixecom rates load: cannot read {args.file}: {type(exc).__name__}", file=sys.stderr)
        return 1
    except RateSourceError as exc:
        print(f"pixecom rates load: {args.file}: {exc}", file=sys.stderr)
        return 1
    with session_scope() as session:
        saved = save_rates(session, rates, utc_now())
    currencies = ", ".join(sorted({r.currency for r in rates}))
    first, last = min(r.day for r in rates), max(r.day for r in rates)
    print(f"stored {saved} rates ({currencies}) from {first} to {last}")
    return 0
