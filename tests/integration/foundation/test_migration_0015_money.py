"""Migration 0015: rules and alert settings saved with bare amounts get the currency they were
written for, the currency of the seller's first ad account; alerts and rule runs state theirs."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import create_engine, text

from pixecom.db.migrate import upgrade


def test_bare_amounts_are_given_the_sellers_first_account_currency(empty_db_url):
    upgrade(empty_db_url, "0011")
    engine = create_engine(empty_db_url)
    seller, lonely = uuid.uuid4(), uuid.uuid4()
    first, second, rule, alert = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    try:
        with engine.begin() as c:
            for s in (seller, lonely):
                c.execute(text("INSERT INTO sellers (id, name) VALUES (:id, 'S')"), {"id": s})
            for account, currency, created in ((first, "JPY", "2026-01-01"), (second, "USD", "2026-02-01")):
                c.execute(
                    text(
                        "INSERT INTO ad_accounts (id, seller_id, meta_account_id, name, currency, "
                        "timezone_name, access_token_encrypted, connection_status, backfill_chunks_total, "
                        "backfill_chunks_done, created_at) "
                        "VALUES (:id, :s, :m, 'A', :c, 'UTC', 'x', 'ACTIVE', 0, 0, :t)"
                    ),
                    {"id": account, "s": seller, "m": f"act_{account.hex[:8]}", "c": currency, "t": created},
                )
            conditions = [
                {"metric": "cost_per_purchase", "op": "gt", "value": "2500"},
                {"metric": "roas", "op": "lt", "value": "1.5"},
            ]
            for rule_id, owner in ((rule, seller), (uuid.uuid4(), lonely)):
                c.execute(
                    text(
                        'INSERT INTO rules (id, seller_id, name, level, "window", scope, conditions, '
                        "min_spend, action, cooldown_minutes) VALUES (:id, :s, 'R', 'ad', 'today', '{}', "
                        "CAST(:c AS jsonb), 2000, 'pause', 60)"
                    ),
                    {"id": rule_id, "s": owner, "c": json.dumps(conditions)},
                )
            c.execute(
                text("INSERT INTO alert_settings (seller_id, values) VALUES (:s, CAST(:v AS jsonb))"),
                {
                    "s": seller,
                    "v": json.dumps(
                        {"spend_without_purchase": "3000", "roas_floor": "2", "min_spend": "1500"}
                    ),
                },
            )
            c.execute(
                text(
                    "INSERT INTO alerts (id, seller_id, ad_account_id, kind, severity, status, entity_level, "
                    "entity_id, entity_name, message, detail, occurrences, opened_at, last_seen_at) "
                    "VALUES (:id, :s, :a, 'spend_without_purchase', 'warning', 'open', 'ad', :e, 'Ad', 'm', "
                    "CAST(:d AS jsonb), 1, now(), now())"
                ),
                {"id": alert, "s": seller, "a": first, "e": uuid.uuid4(), "d": json.dumps({"spend": "3100"})},
            )

        upgrade(empty_db_url)

        with engine.connect() as c:
            rules = {
                r.seller_id: r
                for r in c.execute(text("SELECT seller_id, min_spend_currency, conditions FROM rules"))
            }
            settings = c.execute(text("SELECT values FROM alert_settings")).scalar_one()
            detail = c.execute(text("SELECT detail FROM alerts WHERE id = :id"), {"id": alert}).scalar_one()
    finally:
        engine.dispose()
    assert rules[seller].min_spend_currency == "JPY"  # the first account's, not the later USD one
    assert rules[seller].conditions == [
        {"metric": "cost_per_purchase", "op": "gt", "value": {"amount": "2500", "currency": "JPY"}},
        {"metric": "roas", "op": "lt", "value": "1.5"},  # not money: as it was
    ]
    assert rules[lonely].min_spend_currency == "USD"  # no account to say otherwise
    assert settings == {
        "spend_without_purchase": {"amount": "3000", "currency": "JPY"},
        "roas_floor": "2",
        "min_spend": {"amount": "1500", "currency": "JPY"},
    }
    assert detail == {"spend": "3100", "currency": "JPY"}
