"""List bodies served again (pixecom.adsmanager.kept_lists): only while no transaction the body's
snapshot did not see has written what the seller's lists read, within the body's local day, and
never across sellers, members or databases."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import psycopg
import pytest
from adsmanager_helpers import WORLD_NOW, World
from sqlalchemy import text
from sqlalchemy.orm import Session

from pixecom.adsmanager.kept_lists import kept_counts, reset_list_cache
from pixecom.db.engine import session_scope
from pixecom.db.rollups import refresh_preset_stats

# Without reach: reach nobody stored is asked of Meta, and such a body is never kept (tested below).
LIST = "/api/ads-manager/campaigns?date_preset=last_7d&columns=spend,impressions,purchases,roas"
# One write per table the lists read, each touching this seller's rows (`:s`) or, for the
# exchange rates, every seller's; each must write at least one row.
WRITES: dict[str, str] = {
    "sellers": "UPDATE sellers SET reporting_currency = 'USD' WHERE id = :s",
    "ad_accounts": "UPDATE ad_accounts SET name = name || '.' WHERE seller_id = :s",
    "campaigns": "UPDATE campaigns SET name = name || '.' WHERE seller_id = :s",
    "adsets": "UPDATE adsets SET name = name || '.' WHERE seller_id = :s",
    "ads": "UPDATE ads SET name = name || '.' WHERE seller_id = :s",
    # reach is not summed into any rollup: the rollup triggers still write every row they see
    "ad_stats_daily": "UPDATE ad_stats_daily SET reach = coalesce(reach, 0) + 1 WHERE seller_id = :s",
    "adset_stats_daily": "UPDATE adset_stats_daily SET spend = spend WHERE seller_id = :s",
    "campaign_stats_daily": "UPDATE campaign_stats_daily SET spend = spend WHERE seller_id = :s",
    "ad_preset_stats": "UPDATE ad_preset_stats SET spend = spend WHERE seller_id = :s",
    "adset_preset_stats": "UPDATE adset_preset_stats SET spend = spend WHERE seller_id = :s",
    "campaign_preset_stats": "UPDATE campaign_preset_stats SET spend = spend WHERE seller_id = :s",
    "ad_preset_stats_state": "UPDATE ad_preset_stats_state SET refreshed_at = refreshed_at "
    "WHERE ad_account_id IN (SELECT id FROM ad_accounts WHERE seller_id = :s)",
    "ad_preset_ranges": "UPDATE ad_preset_ranges SET since = since "
    "WHERE ad_account_id IN (SELECT id FROM ad_accounts WHERE seller_id = :s)",
    "reach_stats": "INSERT INTO reach_stats (ad_account_id, level, object_id, since, until, seller_id, "
    "reach, impressions, fetched_at) SELECT id, 'account', meta_account_id, DATE '2026-11-13', "
    "DATE '2026-11-19', seller_id, 10, 20, now() FROM ad_accounts WHERE seller_id = :s",
    "store_orders": "INSERT INTO store_orders (seller_id, order_id, version, event_type, status, event_hash, "
    "sellpage_id, amount, refunded_amount, currency, ordered_at, local_date, campaign_meta_id, "
    "adset_meta_id, ad_meta_id, landing_params) SELECT seller_id, 'o-1', 1, 'order.created', 'paid', "
    "'\\x00', id, 10, 0, 'USD', now(), DATE '2026-11-19', '', '', '', '{}' "
    "FROM sellpages WHERE seller_id = :s LIMIT 1",
    "store_stats_daily": "INSERT INTO store_stats_daily (seller_id, sellpage_id, campaign_meta_id, "
    "adset_meta_id, ad_meta_id, date, currency, orders, gross_revenue, refunds) SELECT seller_id, id, "
    "'', '', '', DATE '2026-11-19', 'USD', 1, 10, 0 FROM sellpages WHERE seller_id = :s LIMIT 1 "
    "ON CONFLICT ON CONSTRAINT pk_store_stats_daily DO UPDATE SET orders = store_stats_daily.orders + 1",
    "sellpages": "UPDATE sellpages SET name = name || '.' WHERE seller_id = :s",
    "creatives": "INSERT INTO creatives (id, seller_id, ad_account_id, meta_id, format) "
    "SELECT gen_random_uuid(), seller_id, id, 'cr-1', 'IMAGE' FROM ad_accounts WHERE seller_id = :s",
    "exchange_rates": "INSERT INTO exchange_rates (currency, day, per_eur, source, loaded_at) "
    "VALUES ('USD', DATE '2026-11-19', 1.05, 'ecb', now())",
}


@pytest.fixture(autouse=True)
def fresh_counts() -> Iterator[None]:
    reset_list_cache()
    yield
    reset_list_cache()


@pytest.fixture
def snapshots(world: World, session: Session, set_now: Callable[..., None]) -> World:
    """The world at its clock with every account's preset snapshot built (as after a stats run)."""
    set_now(WORLD_NOW)
    for account in (world.la, world.bkk):
        refresh_preset_stats(session, account.id, WORLD_NOW)
    session.commit()
    return world


def _get(api: Any, world: World, path: str = LIST) -> Any:
    response = api.get(path, headers=world.seller.headers)
    assert response.status_code == 200, response.text
    return response.json()


def _write(session: Session, sql: str, seller_id: uuid.UUID) -> int:
    result = session.execute(text(sql), {"s": seller_id})
    session.commit()
    return int(getattr(result, "rowcount", 0))


def test_the_same_list_asked_again_is_served_again_unchanged(api: Any, snapshots: World) -> None:
    first = _get(api, snapshots)
    again = _get(api, snapshots)

    assert again == first
    assert kept_counts == {"read": 1, "kept": 1, "served_again": 1}


def test_a_write_to_any_table_the_lists_read_is_seen_by_the_next_request(
    api: Any, snapshots: World, session: Session
) -> None:
    # One world for every table (a world per table costs a second of setup each): read, write
    # one table, read again; the second read must not be the kept body.
    assert set(WRITES) == _watched(session)
    served_after_write = []
    for table, sql in sorted(WRITES.items()):
        reset_list_cache()
        _get(api, snapshots)
        assert _write(session, sql, snapshots.seller.seller_id) > 0, table
        _get(api, snapshots)
        if kept_counts["served_again"] or kept_counts["read"] != 2:
            served_after_write.append(table)

    assert served_after_write == []


def _watched(session: Session) -> set[str]:
    """The tables whose writes are logged (migration 0032's triggers), and `ad_stats_daily`,
    logged through its rollup triggers (they write every row a statement changes)."""
    names = set(
        session.execute(
            text("SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE :name"),
            {"name": "%\\_log\\_data\\_change\\_insert"},
        ).scalars()
    )
    session.rollback()  # the connection back to the pool: the API's reads need it
    return names | {"ad_stats_daily"}


def test_a_new_campaign_name_shows_at_once(api: Any, snapshots: World, session: Session) -> None:
    _get(api, snapshots)
    campaign = snapshots.campaigns["mug_winter"]
    session.execute(text("UPDATE campaigns SET name = 'Mug Winter II' WHERE id = :c"), {"c": campaign.id})
    session.commit()

    names = {row["name"] for row in _get(api, snapshots)["data"]}

    assert "Mug Winter II" in names and "Mug Winter" not in names


def test_a_deleted_stats_day_changes_the_next_answer(api: Any, snapshots: World, session: Session) -> None:
    path = "/api/ads-manager/ads?since=2026-11-01&until=2026-11-20"
    before = {r["id"]: r["metrics"]["impressions"] for r in _get(api, snapshots, path)["data"]}
    ad = snapshots.ads["mw_video"]
    session.execute(
        text("DELETE FROM ad_stats_daily WHERE ad_id = :a AND date = DATE '2026-11-05'"), {"a": ad.id}
    )
    session.commit()

    after = {r["id"]: r["metrics"]["impressions"] for r in _get(api, snapshots, path)["data"]}

    assert after[str(ad.id)] < before[str(ad.id)]
    assert {k: v for k, v in after.items() if k != str(ad.id)} == {
        k: v for k, v in before.items() if k != str(ad.id)
    }


def test_a_truncate_is_a_change_for_every_seller(api: Any, snapshots: World, session: Session) -> None:
    _get(api, snapshots)
    session.execute(text("TRUNCATE exchange_rates"))
    session.commit()

    _get(api, snapshots)

    assert kept_counts["served_again"] == 0


def test_another_sellers_write_leaves_the_body_served_again(
    api: Any, snapshots: World, session: Session
) -> None:
    _get(api, snapshots)
    _write(session, WRITES["campaigns"], snapshots.other.seller_id)
    _write(session, WRITES["ad_stats_daily"], snapshots.other.seller_id)

    _get(api, snapshots)

    assert kept_counts["served_again"] == 1


def test_a_write_committed_after_the_read_began_is_seen_next_time(
    api: Any, snapshots: World, db_url: str
) -> None:
    """A transaction running while the list is read (so the read cannot see it) commits after:
    the body kept from that read is not served again."""
    from sqlalchemy.engine import make_url

    libpq = make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)
    writer = psycopg.connect(libpq)
    campaign = snapshots.campaigns["mug_winter"]
    writer.execute("UPDATE campaigns SET name = 'Renamed while read' WHERE id = %s", (campaign.id,))
    before = _get(api, snapshots)  # read while the writer's transaction is open
    writer.commit()
    writer.close()

    after = _get(api, snapshots)

    assert "Renamed while read" not in {r["name"] for r in before["data"]}
    assert "Renamed while read" in {r["name"] for r in after["data"]}


def test_a_write_racing_the_reads_is_never_missed(api: Any, snapshots: World, db_url: str) -> None:
    """Writers commit while the same list is asked for again and again: the answer after the
    last commit always holds the last name."""
    from sqlalchemy.engine import make_url

    libpq = make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)
    campaign = snapshots.campaigns["mug_winter"]
    done = threading.Event()

    def rename() -> None:
        with psycopg.connect(libpq, autocommit=True) as conn:
            for n in range(40):
                conn.execute("UPDATE campaigns SET name = %s WHERE id = %s", (f"Name {n}", campaign.id))
        done.set()

    thread = threading.Thread(target=rename)
    thread.start()
    while not done.is_set():
        _get(api, snapshots)
    thread.join()

    names = {r["name"] for r in _get(api, snapshots)["data"]}
    assert "Name 39" in names


@pytest.fixture
def kept_long(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bodies kept the longest LIST_CACHE_SECONDS allows (30 minutes)."""
    from pixecom.settings import get_settings

    monkeypatch.setenv("LIST_CACHE_SECONDS", "1800")
    get_settings.cache_clear()


def test_the_local_midnight_ends_a_body(
    api: Any, snapshots: World, set_now: Callable[..., None], kept_long: None
) -> None:
    # Los Angeles' midnight is 08:00 UTC that day (Bangkok's comes later): read ten minutes before.
    la_midnight = WORLD_NOW.replace(hour=8)
    set_now(la_midnight - timedelta(minutes=10))
    _get(api, snapshots)
    set_now(la_midnight - timedelta(seconds=1))
    _get(api, snapshots)
    set_now(la_midnight)
    _get(api, snapshots)

    assert kept_counts["served_again"] == 1 and kept_counts["read"] == 2


def test_list_cache_seconds_ends_a_body(
    api: Any, snapshots: World, set_now: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pixecom.settings import get_settings

    monkeypatch.setenv("LIST_CACHE_SECONDS", "60")
    get_settings.cache_clear()
    _get(api, snapshots)
    set_now(WORLD_NOW + timedelta(seconds=61))
    _get(api, snapshots)

    assert kept_counts["served_again"] == 0 and kept_counts["read"] == 2


def test_a_clock_moved_back_reads_again(api: Any, snapshots: World, set_now: Callable[..., None]) -> None:
    _get(api, snapshots)
    set_now(WORLD_NOW - timedelta(seconds=1))
    _get(api, snapshots)

    assert kept_counts["served_again"] == 0


def test_keeping_off_reads_every_time(
    api: Any, snapshots: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pixecom.settings import get_settings

    monkeypatch.setenv("LIST_CACHE_MB", "0")
    get_settings.cache_clear()
    _get(api, snapshots)
    _get(api, snapshots)

    assert kept_counts["served_again"] == 0 and kept_counts["kept"] == 0


def test_a_member_limited_to_one_account_never_gets_the_owners_body(
    api: Any, snapshots: World, make_member: Callable[..., Any]
) -> None:
    owner = _get(api, snapshots)
    member = make_member(snapshots.seller.seller_id, "analyst", ad_account_ids=[snapshots.la.id])

    limited = api.get(LIST, headers=member.headers).json()

    assert {r["ad_account_id"] for r in owner["data"]} == {str(snapshots.la.id), str(snapshots.bkk.id)}
    assert {r["ad_account_id"] for r in limited["data"]} == {str(snapshots.la.id)}


REACH_LIST = "/api/ads-manager/campaigns?date_preset=last_7d&columns=spend,reach"


def test_a_body_with_reach_still_to_read_from_meta_is_not_kept(api: Any, snapshots: World) -> None:
    # Nothing stored for last_7d: reach is asked of Meta (the accounts' fake tokens fail), so
    # that answer is not the database's and is never served again.
    _get(api, snapshots, REACH_LIST)
    _get(api, snapshots, REACH_LIST)

    assert kept_counts == {"read": 2}


def test_a_body_ends_when_its_stored_reach_stops_standing(
    api: Any, snapshots: World, session: Session, set_now: Callable[..., None], kept_long: None
) -> None:
    # Each campaign's last_7d reach (its account's days), stored 10 minutes before a settled
    # range's 12 hours end: the body stands 10 minutes, then the reach is asked of Meta again.
    ranges = {snapshots.la.id: ("2026-11-12", "2026-11-18"), snapshots.bkk.id: ("2026-11-13", "2026-11-19")}
    for campaign in snapshots.campaigns.values():
        since, until = ranges[campaign.ad_account_id]
        session.execute(
            text(
                "INSERT INTO reach_stats (ad_account_id, level, object_id, since, until, seller_id, reach, "
                "impressions, fetched_at) VALUES (:a, 'campaign', :o, :since, :until, :s, 5, 9, :at)"
            ),
            {
                "a": campaign.ad_account_id,
                "o": campaign.meta_id,
                "since": since,
                "until": until,
                "s": snapshots.seller.seller_id,
                "at": WORLD_NOW - timedelta(hours=12) + timedelta(minutes=10),
            },
        )
    session.commit()
    first = _get(api, snapshots, REACH_LIST)
    set_now(WORLD_NOW + timedelta(minutes=9))
    _get(api, snapshots, REACH_LIST)
    set_now(WORLD_NOW + timedelta(minutes=10))
    _get(api, snapshots, REACH_LIST)

    assert {r["metrics"]["reach"] for r in first["data"]} <= {5, 0}
    assert kept_counts["kept"] == 1 and kept_counts["served_again"] == 1 and kept_counts["read"] == 2


def test_a_dropped_stats_partition_is_a_change_for_every_seller(
    api: Any, snapshots: World, session: Session
) -> None:
    from datetime import date

    from pixecom.db.partitions import drop_partitions_before

    _get(api, snapshots)
    with session_scope() as s:
        dropped = drop_partitions_before(s.connection(), date(2026, 11, 1))

    _get(api, snapshots)

    assert dropped and kept_counts["served_again"] == 0


def test_every_relation_a_list_reads_is_watched(
    api: Any, snapshots: World, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every statement a list request sends, explained: each table its plan reads (a stats
    partition counts as its parent) logs its writes."""
    session.execute(text(WRITES["sellers"].replace("'USD'", "'EUR'")), {"s": snapshots.seller.seller_id})
    for table in ("reach_stats", "store_orders", "creatives", "exchange_rates"):
        session.execute(text(WRITES[table]), {"s": snapshots.seller.seller_id})
    session.commit()
    sent: list[tuple[Any, Any]] = []
    execute = psycopg.Cursor.execute

    def recorded(cursor: Any, query: Any, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        sent.append((query, params))
        return execute(cursor, query, params, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", recorded)
    for level in ("campaigns", "adsets", "ads"):
        for query in ("date_preset=last_7d", "since=2026-11-01&until=2026-11-20&compare=previous_period"):
            _get(api, snapshots, f"/api/ads-manager/{level}?{query}&sort=-store_roas")
    monkeypatch.undo()

    read = _relations_read(session, sent)
    # The log itself, and who is asking (checked before any body is served).
    assert {"campaigns", "ad_stats_daily", "store_stats_daily", "exchange_rates"} <= read
    assert read - {"data_changes", "users", "member_ad_accounts"} <= _watched(session)


def _relations_read(session: Session, sent: list[tuple[Any, Any]]) -> set[str]:
    conn = session.connection().connection.driver_connection
    relations: set[str] = set()
    for query, params in sent:
        statement = query.as_string(conn) if hasattr(query, "as_string") else str(query)
        if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        plan = conn.execute("EXPLAIN (FORMAT JSON) " + statement, params).fetchone()[0]
        relations |= _names(json.loads(plan) if isinstance(plan, str) else plan)
    session.rollback()
    roots = conn.execute(
        "SELECT c.relname, coalesce(r.relname, c.relname) FROM pg_class c "
        "LEFT JOIN pg_class r ON r.oid = pg_partition_root(c.oid) WHERE c.relname = ANY(%s)",
        (sorted(relations),),
    ).fetchall()
    return {root for _, root in roots}


def _names(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        if "Relation Name" in node:
            found.add(node["Relation Name"])
        for value in node.values():
            found |= _names(value) if isinstance(value, dict | list) else set()
    elif isinstance(node, list):
        for item in node:
            found |= _names(item)
    return found


def test_a_body_is_served_again_when_the_pooled_connection_died(
    api: Any, snapshots: World, db_url: str, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A connection used a moment ago is not pinged (db.engine): the check of a kept body that
    finds it dead asks again on a new one, as the list's own read would."""
    from pixecom.db.engine import read_connection, reset_engine
    from pixecom.settings import get_settings

    monkeypatch.setenv("DB_POOL_SIZE", "1")
    monkeypatch.setenv("DB_MAX_OVERFLOW", "0")
    get_settings.cache_clear()
    reset_engine()
    first = _get(api, snapshots)
    with read_connection() as conn:
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
    session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    session.commit()

    again = _get(api, snapshots)

    assert again == first and kept_counts["served_again"] == 1
