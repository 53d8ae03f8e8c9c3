"""Console preferences on the server: one user's language and Ads Manager columns, seen from any
browser; only metric names are accepted; another user never sees them. Column presets name metrics."""

from __future__ import annotations

from pixecom.domain.metrics import METRIC_NAMES


def test_a_user_without_preferences_gets_the_defaults(api, make_seller):
    seller = make_seller()
    answer = api.get("/api/preferences", headers=seller.headers)
    assert answer.status_code == 200
    assert answer.json() == {"locale": None, "ads_manager_columns": None}


def test_preferences_are_kept_per_user_and_a_patch_changes_only_what_it_sends(api, make_seller):
    seller, other = make_seller(), make_seller()
    api.patch("/api/preferences", json={"locale": "vi"}, headers=seller.headers)
    changed = api.patch(
        "/api/preferences",
        json={"ads_manager_columns": ["spend", "cr3", "aov", "spend"]},
        headers=seller.headers,
    )
    assert changed.json() == {"locale": "vi", "ads_manager_columns": ["spend", "cr3", "aov"]}
    assert api.get("/api/preferences", headers=seller.headers).json()["locale"] == "vi"
    assert api.get("/api/preferences", headers=other.headers).json() == {
        "locale": None,
        "ads_manager_columns": None,
    }

    reset = api.patch("/api/preferences", json={"ads_manager_columns": None}, headers=seller.headers)
    assert reset.json() == {"locale": "vi", "ads_manager_columns": None}


def test_reach_and_frequency_can_be_chosen_as_columns(api, make_seller):
    # Not summed metrics, but columns the lists show (`columns=reach`): the console offers them.
    seller = make_seller()
    chosen = api.patch(
        "/api/preferences",
        json={"ads_manager_columns": ["spend", "reach", "frequency"]},
        headers=seller.headers,
    )
    assert chosen.status_code == 200, chosen.text
    assert chosen.json()["ads_manager_columns"] == ["spend", "reach", "frequency"]


def test_columns_that_are_not_metrics_and_unknown_locales_are_422(api, make_seller):
    seller = make_seller()
    bad = api.patch(
        "/api/preferences", json={"ads_manager_columns": ["spend", "nonsense"]}, headers=seller.headers
    )
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "ads_manager_columns"
    assert "nonsense" in bad.json()["error"]["message"]
    assert api.patch("/api/preferences", json={"locale": "fr"}, headers=seller.headers).status_code == 422
    assert api.get("/api/preferences", headers=seller.headers).json()["ads_manager_columns"] is None


def test_column_presets_name_only_metrics_and_the_default_is_one_of_them(api, make_seller):
    answer = api.get("/api/ads-manager/column-presets", headers=make_seller().headers).json()
    ids = [p["id"] for p in answer["data"]]
    assert ids == ["performance", "delivery", "engagement", "video"] and answer["default"] in ids
    for preset in answer["data"]:
        assert preset["columns"] and set(preset["columns"]) <= set(METRIC_NAMES)
        assert len(set(preset["columns"])) == len(preset["columns"])
