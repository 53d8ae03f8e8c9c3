"""A member limited to some ad accounts sees only those, as a seller sees only its own: lists,
filters, summaries, CSV, daily series, ad accounts, rules."""

from __future__ import annotations

import csv
import io

RANGE = "since=2026-11-01&until=2026-11-20"


def _ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {row["id"] for row in response.json()["data"]}


def test_lists_summaries_and_filters_show_only_the_members_accounts(api, world, make_member):
    limited = make_member(world.seller.seller_id, "analyst", ad_account_ids=[world.la.id])
    everyone = make_member(world.seller.seller_id, "analyst")
    la_campaigns = {str(world.campaigns["mug_winter"].id), str(world.campaigns["tee_promo"].id)}

    listed = api.get(f"/api/ads-manager/campaigns?{RANGE}", headers=limited.headers)
    asked_for_bkk = api.get(
        f"/api/ads-manager/ads?{RANGE}&ad_account_id={world.bkk.id}", headers=limited.headers
    )

    assert _ids(listed) == la_campaigns
    assert [s["currency"] for s in listed.json()["summary"]] == ["USD"]  # no EUR account's sums
    assert _ids(asked_for_bkk) == set()
    assert _ids(api.get(f"/api/ads-manager/campaigns?{RANGE}", headers=everyone.headers)) == {
        str(c.id) for c in world.campaigns.values()
    }


def test_csv_and_daily_series_stop_at_the_members_accounts(api, world, make_member):
    limited = make_member(world.seller.seller_id, "analyst", ad_account_ids=[world.la.id])

    exported = api.get(f"/api/ads-manager/ads/export.csv?{RANGE}&csv_header=machine", headers=limited.headers)
    hidden = api.get(
        f"/api/ads-manager/campaigns/{world.campaigns['bkk_mug'].id}/daily?{RANGE}", headers=limited.headers
    )
    shown = api.get(
        f"/api/ads-manager/campaigns/{world.campaigns['mug_winter'].id}/daily?{RANGE}",
        headers=limited.headers,
    )

    names = {row["name"] for row in csv.DictReader(io.StringIO(exported.text)) if row.get("id")}
    assert names == {"Video A", "Image B", "LAL ad", "Tee ad"}
    assert (hidden.status_code, shown.status_code) == (404, 200)


def test_a_member_limited_to_no_account_sees_nothing(api, world, make_member):
    nobody = make_member(world.seller.seller_id, "media_buyer", ad_account_ids=[])

    assert _ids(api.get(f"/api/ads-manager/adsets?{RANGE}", headers=nobody.headers)) == set()
    assert api.get("/api/ad-accounts", headers=nobody.headers).json()["data"] == []
    assert api.get("/api/auth/me", headers=nobody.headers).json()["ad_account_ids"] == []


def test_ad_accounts_outside_are_not_found(api, world, make_member):
    limited = make_member(world.seller.seller_id, "media_buyer", ad_account_ids=[world.la.id])

    assert [a["id"] for a in api.get("/api/ad-accounts", headers=limited.headers).json()["data"]] == [
        str(world.la.id)
    ]
    assert api.get(f"/api/ad-accounts/{world.bkk.id}", headers=limited.headers).status_code == 404
    assert api.post(f"/api/ad-accounts/{world.bkk.id}/sync", headers=limited.headers).status_code == 404
    assert [
        a["account_id"] for a in api.get("/api/meta/token-health", headers=limited.headers).json()["data"]
    ] == [str(world.la.id)]


def test_rules_of_a_limited_member_are_scoped_to_their_accounts(api, world, make_member):
    limited = make_member(world.seller.seller_id, "media_buyer", ad_account_ids=[world.la.id])
    rule = {
        "name": "Pause losers",
        "level": "ad",
        "window": "last_3d",
        "conditions": [{"metric": "cpc", "op": "gt", "value": {"amount": "2", "currency": "USD"}}],
        "min_spend": {"amount": "10", "currency": "USD"},
        "action": {"type": "pause"},
    }
    everywhere = api.post("/api/rules", json=rule, headers=world.seller.headers).json()

    unscoped = api.post("/api/rules", json=rule, headers=limited.headers)
    outside = api.post(
        "/api/rules", json={**rule, "scope": {"ad_account_ids": [str(world.bkk.id)]}}, headers=limited.headers
    )
    inside = api.post(
        "/api/rules", json={**rule, "scope": {"ad_account_ids": [str(world.la.id)]}}, headers=limited.headers
    )

    assert (unscoped.status_code, outside.status_code, inside.status_code) == (404, 404, 201)
    assert [r["id"] for r in api.get("/api/rules", headers=limited.headers).json()["data"]] == [
        inside.json()["id"]
    ]
    assert api.get(f"/api/rules/{everywhere['id']}", headers=limited.headers).status_code == 404
    widened = api.patch(
        f"/api/rules/{inside.json()['id']}", json={"scope": {"ad_account_ids": []}}, headers=limited.headers
    )
    assert widened.status_code == 404
    assert api.get(f"/api/rules/{inside.json()['id']}", headers=limited.headers).json()["scope"][
        "ad_account_ids"
    ] == [str(world.la.id)]
    assert len(api.get("/api/rules", headers=world.seller.headers).json()["data"]) == 2
