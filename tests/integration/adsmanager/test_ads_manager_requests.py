"""Ads Manager: bad input, tenant sealing, one statement per list, CSV export, daily series."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

import psycopg
import pytest
from adsmanager_helpers import WORLD_NOW, World, expected_metrics


@pytest.fixture
def client(api: Any, world: World, set_now: Any) -> Any:
    set_now(WORLD_NOW)
    return api


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_preset": "last_3d"}, "date_preset"),
        ({"since": "2026-11-10", "until": "2026-11-01"}, "since"),
        ({"since": "2023-01-01", "until": "2026-11-01"}, "since"),
        ({"since": "2026-11-01"}, "until"),
        ({"since": "2026-13-01", "until": "2026-12-01"}, "since"),
        ({"date_preset": "last_7d", "since": "2026-11-01", "until": "2026-11-02"}, "date_preset"),
        ({"sort": "-coolness"}, "sort"),
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"campaign_id": "not-a-uuid"}, "campaign_id"),
        ({"sellpage_id": "123"}, "sellpage_id"),
        ({"ad_account_id": "x"}, "ad_account_id"),
        ({"status": "RUNNING"}, "status"),
        ({"delivery_status": "GREAT"}, "delivery_status"),
        ({"cursor": "!!!"}, "cursor"),
    ],
)
def test_bad_input_is_a_422_naming_the_parameter(
    api: Any, make_seller: Any, params: dict[str, str], field: str
) -> None:
    # Validation happens before any query: a seller without data is enough.
    response = api.get("/api/ads-manager/ads", headers=make_seller().headers, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == field


def test_a_cursor_from_another_sort_is_refused(client: Any, world: World) -> None:
    first = client.get(
        "/api/ads-manager/ads", headers=world.seller.headers, params={"limit": 1, "sort": "spend"}
    )
    cursor = first.json()["paging"]["next_cursor"]
    response = client.get(
        "/api/ads-manager/ads", headers=world.seller.headers, params={"cursor": cursor, "sort": "-roas"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "cursor"


def test_adset_filter_is_refused_on_campaigns(client: Any, world: World) -> None:
    response = client.get(
        "/api/ads-manager/campaigns",
        headers=world.seller.headers,
        params={"adset_id": str(world.adsets["mw_lal"].id)},
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "adset_id"


def test_lists_require_a_token(client: Any) -> None:
    assert client.get("/api/ads-manager/campaigns").status_code == 401


def test_one_sql_statement_per_list_request_whatever_the_page_size(
    client: Any, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The member's state (pixecom.auth.members) is read once per MEMBER_CACHE_SECONDS, not per
    # request: keep it cached for the whole test and read it before counting.
    from pixecom.settings import get_settings

    monkeypatch.setenv("MEMBER_CACHE_SECONDS", "3600")
    get_settings.cache_clear()
    assert client.get("/api/auth/me", headers=world.seller.headers).status_code == 200
    # The list runs on the psycopg connection itself (no SQLAlchemy events): count at the driver.
    statements: list[str] = []
    execute = psycopg.Cursor.execute

    def counted(cursor: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        if query != "SELECT 1":  # the pool's ping of a connection idle a while (db.engine)
            statements.append(str(query))
        return execute(cursor, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", counted)
    for level, limit in (("campaigns", 1), ("adsets", 500), ("ads", 2)):
        statements.clear()
        response = client.get(
            f"/api/ads-manager/{level}",
            headers=world.seller.headers,
            params={"limit": limit, "sort": "-roas", "status": "ACTIVE,PAUSED", "q": "a"},
        )
        assert response.status_code == 200
        # The list's one statement, which also reads the seller's reporting currency (none here,
        # so the converted grand total, pixecom.rates.totals, needs no statement of its own), the
        # accounts with their ranges and the reach stored for them and the rows; then the
        # accounts' tokens, for the reach Meta must be asked (pixecom.adsmanager.reach).
        assert len(statements) == 2, statements
        assert "reporting_currency" in statements[0]


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_export_has_header_every_row_and_a_summary_per_currency(client: Any, world: World) -> None:
    response = client.get(
        "/api/ads-manager/ads/export.csv",
        headers=world.seller.headers,
        params={"since": "2026-11-01", "until": "2026-11-20", "sort": "name", "limit": "1"}
        | {"csv_header": "machine"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    entities = [r for r in rows if r["row_type"] == "entity"]
    summaries = [r for r in rows if r["row_type"] == "summary"]
    assert len(entities) == len(world.ads)
    assert [r["name"] for r in entities] == sorted(r["name"] for r in entities)
    assert [s["currency"] for s in summaries] == ["EUR", "USD"]
    assert rows[-2:] == summaries
    nov = {"since": date(2026, 11, 1), "until": date(2026, 11, 20)}
    for row in entities:
        want = expected_metrics(world.seed.rows(**nov, ad_id=_uuid(row["id"])))
        assert {k: row[k] for k in want} == {k: _csv(v) for k, v in want.items()}
    usd = expected_metrics(world.seed.rows(**nov, ad_account_id=world.la.id))
    assert {k: summaries[1][k] for k in usd} == {k: _csv(v) for k, v in usd.items()}


def test_csv_never_starts_a_cell_with_a_formula(client: Any, world: World, session: Any) -> None:
    world.ads["mw_video"].name = "=HYPERLINK(1)"
    session.commit()
    response = client.get("/api/ads-manager/ads/export.csv", headers=world.seller.headers)
    assert "'=HYPERLINK(1)" in response.text


def _uuid(value: str) -> Any:
    import uuid

    return uuid.UUID(value)


def _csv(value: Any) -> str:
    return "" if value is None else str(value)


# --- daily series ------------------------------------------------------------------------------


def test_daily_series_has_every_day_of_the_accounts_range(client: Any, world: World) -> None:
    campaign = world.campaigns["bkk_mug"]
    response = client.get(
        f"/api/ads-manager/campaigns/{campaign.id}/daily",
        headers=world.seller.headers,
        params={"date_preset": "last_7d"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["date_range"] == {"since": "2026-11-13", "until": "2026-11-19"}
    assert body["currency"] == "EUR"
    days = [date(2026, 11, 13) + timedelta(days=i) for i in range(7)]
    assert [p["date"] for p in body["data"]] == [d.isoformat() for d in days]
    for point, day in zip(body["data"], days, strict=True):
        assert point["metrics"] == expected_metrics(
            world.seed.rows(since=day, until=day, campaign_id=campaign.id)
        )


def test_daily_series_of_an_ad_fills_days_without_rows_with_zeros(client: Any, world: World) -> None:
    ad = world.ads["tee_ad"]  # stats only in October
    body = client.get(
        f"/api/ads-manager/ads/{ad.id}/daily", headers=world.seller.headers, params={"date_preset": "last_7d"}
    ).json()
    assert len(body["data"]) == 7
    assert all(p["metrics"]["spend"] == "0.00" and p["metrics"]["cpm"] is None for p in body["data"])


def test_daily_series_of_an_adset_matches_raw_rows(client: Any, world: World) -> None:
    adset = world.adsets["mw_broad"]
    body = client.get(
        f"/api/ads-manager/adsets/{adset.id}/daily",
        headers=world.seller.headers,
        params={"since": "2026-11-18", "until": "2026-11-19"},
    ).json()
    for point in body["data"]:
        day = date.fromisoformat(point["date"])
        assert point["metrics"] == expected_metrics(world.seed.rows(since=day, until=day, adset_id=adset.id))


def test_daily_series_of_another_sellers_entity_is_404(client: Any, world: World) -> None:
    response = client.get(
        f"/api/ads-manager/campaigns/{world.other_campaign.id}/daily", headers=world.seller.headers
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_daily_series_refuses_a_bad_range(client: Any, world: World) -> None:
    response = client.get(
        f"/api/ads-manager/campaigns/{world.campaigns['bkk_mug'].id}/daily",
        headers=world.seller.headers,
        params={"date_preset": "forever"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "date_preset"


def test_daily_series_with_a_malformed_id_is_422(client: Any, world: World) -> None:
    response = client.get("/api/ads-manager/ads/nope/daily", headers=world.seller.headers)
    assert response.status_code == 422


# --- where the read runs -----------------------------------------------------------------------


def _read_on_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records, per list read, whether it ran on the event loop's thread."""
    import asyncio

    from pixecom.api.routers import ads_manager

    seen: list[bool] = []
    read_list = ads_manager.read_list

    def recording(*args: Any) -> bytes:
        try:
            asyncio.get_running_loop()
            seen.append(True)
        except RuntimeError:
            seen.append(False)
        return read_list(*args)

    monkeypatch.setattr(ads_manager, "read_list", recording)
    return seen


@pytest.mark.parametrize("level", ["campaigns", "adsets", "ads"])
def test_inline_reads_answer_byte_for_byte_what_the_threadpool_does(
    client: Any, world: World, monkeypatch: pytest.MonkeyPatch, level: str
) -> None:
    from pixecom.settings import get_settings

    seen = _read_on_the_event_loop(monkeypatch)
    params = {"date_preset": "last_7d", "limit": 2, "sort": "-spend"}
    url = f"/api/ads-manager/{level}"
    pooled = client.get(url, headers=world.seller.headers, params=params)
    monkeypatch.setenv("API_READS_INLINE", "true")
    get_settings.cache_clear()
    inline = client.get(url, headers=world.seller.headers, params=params)
    get_settings.cache_clear()  # monkeypatch restores the environment after the test
    assert pooled.status_code == inline.status_code == 200
    assert inline.content == pooled.content
    assert seen == [False, True]
