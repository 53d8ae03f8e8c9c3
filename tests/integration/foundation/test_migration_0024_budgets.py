"""Migration 0024: budgets become money in the account's currency, and so do the budget changes
rules recorded before budget jobs (rule runs' daily_budget_from/to, their audit rows)."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import create_engine, text

from pixecom.db.migrate import upgrade


def test_recorded_rule_budget_changes_become_money_of_the_accounts_currency(empty_db_url):
    upgrade(empty_db_url, "0011")
    engine = create_engine(empty_db_url)
    seller, rule = uuid.uuid4(), uuid.uuid4()
    accounts = {"USD": uuid.uuid4(), "JPY": uuid.uuid4()}
    campaigns = {"USD": uuid.uuid4(), "JPY": uuid.uuid4()}
    try:
        with engine.begin() as c:
            c.execute(text("INSERT INTO sellers (id, name) VALUES (:id, 'S')"), {"id": seller})
            c.execute(
                text(
                    'INSERT INTO rules (id, seller_id, name, level, "window", scope, conditions, '
                    "min_spend, action, budget_change_pct, cooldown_minutes) VALUES (:id, :s, 'R', "
                    "'campaign', 'today', '{}', '[]', 0, 'change_budget', 20, 60)"
                ),
                {"id": rule, "s": seller},
            )
            for currency, minor in (("USD", 24000), ("JPY", 3600)):
                account, campaign = accounts[currency], campaigns[currency]
                c.execute(
                    text(
                        "INSERT INTO ad_accounts (id, seller_id, meta_account_id, name, currency, "
                        "timezone_name, access_token_encrypted, connection_status, backfill_chunks_total, "
                        "backfill_chunks_done) VALUES (:id, :s, :m, 'A', :c, 'UTC', 'x', 'ACTIVE', 0, 0)"
                    ),
                    {"id": account, "s": seller, "m": f"act_{account.hex[:8]}", "c": currency},
                )
                c.execute(
                    text(
                        "INSERT INTO campaigns (id, seller_id, ad_account_id, meta_id, name, status, "
                        "delivery_status, effective_status, daily_budget) VALUES (:id, :s, :a, :m, 'C', "
                        "'ACTIVE', 'ACTIVE', 'ACTIVE', :b)"
                    ),
                    {"id": campaign, "s": seller, "a": account, "m": campaign.hex[:8], "b": minor},
                )
                entity = {"entity_id": str(campaign), "daily_budget_from": minor * 5 // 6}
                entity["daily_budget_to"] = minor
                c.execute(
                    text(
                        "INSERT INTO rule_runs (id, seller_id, rule_id, ad_account_id, evaluation_key, "
                        "action, entities) VALUES (:id, :s, :r, :a, 'k', 'change_budget', CAST(:e AS jsonb))"
                    ),
                    {"id": uuid.uuid4(), "s": seller, "r": rule, "a": account, "e": json.dumps([entity])},
                )
                c.execute(
                    text(
                        "INSERT INTO audit_log (seller_id, rule_id, action, entity_level, entity_id, "
                        "entity_name, from_value, to_value, outcome) VALUES (:s, :r, 'budget_change', "
                        "'campaign', :e, 'C', :f, :t, 'applied')"
                    ),
                    {"s": seller, "r": rule, "e": campaign, "f": str(minor * 5 // 6), "t": str(minor)},
                )

        upgrade(empty_db_url, "0024")

        with engine.connect() as c:
            runs = {
                r.ad_account_id: r.entities[0]
                for r in c.execute(text("SELECT ad_account_id, entities FROM rule_runs"))
            }
            audit = {
                r.entity_id: (r.from_value, r.to_value)
                for r in c.execute(text("SELECT entity_id, from_value, to_value FROM audit_log"))
            }
    finally:
        engine.dispose()
    usd, jpy = runs[accounts["USD"]], runs[accounts["JPY"]]
    assert (usd["daily_budget_from"], usd["daily_budget_to"]) == ("200.00", "240.00")
    assert (jpy["daily_budget_from"], jpy["daily_budget_to"]) == ("3000", "3600")  # JPY: whole yen
    assert audit[campaigns["USD"]] == ("200", "240")
    assert audit[campaigns["JPY"]] == ("3000", "3600")
