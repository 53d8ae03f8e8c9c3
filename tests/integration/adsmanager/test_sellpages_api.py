"""Sellpages CRUD and PATCH /api/campaigns/{id} {sellpage_id}."""

from __future__ import annotations

import uuid
from typing import Any

from adsmanager_helpers import World
from sqlalchemy import text

from pixecom.db.engine import session_scope


def test_create_then_list_sellpages(api: Any, make_seller: Any) -> None:
    seller = make_seller()
    created = api.post(
        "/api/sellpages",
        headers=seller.headers,
        json={"name": "Mug", "url": "https://www.Shop.example/p/mug/?utm=1"},
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["url_key"] == "shop.example/p/mug"
    listed = api.get("/api/sellpages", headers=seller.headers).json()["data"]
    assert [(p["id"], p["name"]) for p in listed] == [(body["id"], "Mug")]


def test_same_page_twice_is_a_conflict(api: Any, make_seller: Any) -> None:
    seller = make_seller()
    api.post(
        "/api/sellpages", headers=seller.headers, json={"name": "Mug", "url": "https://shop.example/p/mug"}
    )
    again = api.post(
        "/api/sellpages", headers=seller.headers, json={"name": "Mug 2", "url": "http://shop.example/p/mug/"}
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "duplicate_sellpage"


def test_two_sellers_may_have_the_same_page(api: Any, make_seller: Any) -> None:
    for seller in (make_seller(), make_seller()):
        response = api.post(
            "/api/sellpages", headers=seller.headers, json={"name": "Mug", "url": "shop.example/p/mug"}
        )
        assert response.status_code == 201


def test_bad_sellpage_input_is_422_naming_the_field(api: Any, make_seller: Any) -> None:
    seller = make_seller()
    no_host = api.post(
        "/api/sellpages", headers=seller.headers, json={"name": "Mug", "url": "https:///p/mug"}
    )
    blank = api.post("/api/sellpages", headers=seller.headers, json={"name": "  ", "url": "shop.example/p"})
    assert (no_host.status_code, no_host.json()["error"]["field"]) == (422, "url")
    assert (blank.status_code, blank.json()["error"]["field"]) == (422, "name")


def test_patch_renames_and_moves_a_sellpage(api: Any, make_seller: Any) -> None:
    seller = make_seller()
    page = api.post(
        "/api/sellpages", headers=seller.headers, json={"name": "Mug", "url": "shop.example/p/mug"}
    ).json()
    patched = api.patch(
        f"/api/sellpages/{page['id']}",
        headers=seller.headers,
        json={"name": "Big mug", "url": "shop.example/p/big-mug"},
    )
    assert patched.status_code == 200
    assert (patched.json()["name"], patched.json()["url_key"]) == ("Big mug", "shop.example/p/big-mug")


def test_another_sellers_sellpage_is_404_everywhere(api: Any, make_seller: Any) -> None:
    owner, stranger = make_seller(), make_seller()
    page = api.post(
        "/api/sellpages", headers=owner.headers, json={"name": "Mug", "url": "shop.example/p/mug"}
    ).json()
    path = f"/api/sellpages/{page['id']}"
    assert api.patch(path, headers=stranger.headers, json={"name": "Mine"}).status_code == 404
    assert api.delete(path, headers=stranger.headers).status_code == 404
    assert api.get("/api/sellpages", headers=stranger.headers).json()["data"] == []


def test_set_a_campaigns_sellpage_by_hand_and_clear_it(api: Any, world: World) -> None:
    campaign = world.campaigns["empty"]
    path = f"/api/campaigns/{campaign.id}"
    set_ = api.patch(path, headers=world.seller.headers, json={"sellpage_id": str(world.tee.id)})
    assert set_.status_code == 200, set_.text
    assert set_.json() == {
        "id": str(campaign.id),
        "sellpage_id": str(world.tee.id),
        "sellpage_set_manually": True,
    }
    listed = api.get(
        "/api/ads-manager/campaigns", headers=world.seller.headers, params={"sellpage_id": str(world.tee.id)}
    ).json()["data"]
    assert str(campaign.id) in {row["id"] for row in listed}
    cleared = api.patch(path, headers=world.seller.headers, json={"sellpage_id": None})
    assert cleared.json() == {"id": str(campaign.id), "sellpage_id": None, "sellpage_set_manually": False}


def test_a_campaign_cannot_take_another_sellers_sellpage(api: Any, world: World) -> None:
    theirs = api.post(
        "/api/sellpages", headers=world.other.headers, json={"name": "X", "url": "other.example/x"}
    ).json()
    response = api.patch(
        f"/api/campaigns/{world.campaigns['empty'].id}",
        headers=world.seller.headers,
        json={"sellpage_id": theirs["id"]},
    )
    assert response.status_code == 404


def test_patching_another_sellers_campaign_is_404(api: Any, world: World) -> None:
    response = api.patch(
        f"/api/campaigns/{world.other_campaign.id}", headers=world.seller.headers, json={"sellpage_id": None}
    )
    assert response.status_code == 404
    assert (
        api.patch(
            f"/api/campaigns/{uuid.uuid4()}", headers=world.seller.headers, json={"sellpage_id": None}
        ).status_code
        == 404
    )


def test_deleting_a_sellpage_returns_its_campaigns_to_automatic_matching(api: Any, world: World) -> None:
    campaign = world.campaigns["empty"]
    api.patch(
        f"/api/campaigns/{campaign.id}", headers=world.seller.headers, json={"sellpage_id": str(world.tee.id)}
    )
    assert api.delete(f"/api/sellpages/{world.tee.id}", headers=world.seller.headers).status_code == 204
    with session_scope() as s:
        row = s.execute(
            text("SELECT sellpage_id, sellpage_set_manually FROM campaigns WHERE id = :id"),
            {"id": campaign.id},
        ).one()
    assert (row.sellpage_id, row.sellpage_set_manually) == (None, False)


def test_a_new_sellpage_links_the_campaigns_whose_ads_point_at_it_at_once(
    api: Any, make_seller: Any, seed: Any
) -> None:
    seller = make_seller()
    account = seed.account(seller.seller_id)
    lamp, other = seed.campaign(account, "Lamp launch"), seed.campaign(account, "Other")
    for campaign, link in (
        (lamp, "https://shop.example/p/lamp?utm_source=fb"),
        (other, "https://x.example/"),
    ):
        seed.ad(seed.adset(campaign, "set"), "ad").link_url = link
    seed.commit()

    page = api.post(
        "/api/sellpages", headers=seller.headers, json={"name": "Lamp", "url": "https://shop.example/p/lamp"}
    ).json()

    with session_scope() as s:
        rows = dict(s.execute(text("SELECT name, sellpage_id::text FROM campaigns")).all())
    assert rows == {"Lamp launch": page["id"], "Other": None}
