"""Attribution: ad sets keep Meta's attribution_spec; insights follow each ad set's own setting."""

import json

import pytest
from sync_helpers import day, delivery_message, stats_message

from pixecom.domain.attribution import attribution_label
from pixecom.sync.delivery import sync_account_delivery
from pixecom.sync.stats import sync_account_stats


@pytest.fixture
def account(connect, db):
    account_id = connect("act_1001")
    sync_account_delivery(delivery_message(account_id))
    return account_id


def test_ad_sets_store_their_attribution_spec_as_meta_answers_it(account, db):
    specs = dict(db.rows("SELECT meta_id, attribution_spec FROM adsets"))
    assert specs["1001203"] == [{"event_type": "CLICK_THROUGH", "window_days": 1}]
    assert specs["1001201"] == [
        {"event_type": "CLICK_THROUGH", "window_days": 7},
        {"event_type": "VIEW_THROUGH", "window_days": 1},
    ]
    assert {attribution_label(s) for s in specs.values()} == {"1-day click", "7-day click or 1-day view"}


def test_a_changed_attribution_setting_is_picked_up_by_the_next_delivery_sync(account, db, sim):
    with sim.state.lock:
        adset = sim.state.entries["1001201"].adset
        adset.attribution_spec = [{"event_type": "CLICK_THROUGH", "window_days": 28}]
    sync_account_delivery(delivery_message(account))
    spec = db.scalar("SELECT attribution_spec FROM adsets WHERE meta_id = '1001201'")
    assert attribution_label(spec) == "28-day click"


def test_stats_requests_use_the_ad_sets_unified_attribution_and_no_view_windows(account, sim):
    sync_account_stats(stats_message(account, day(2), day(0)))
    params = sim.last_params("/act_1001/insights")
    assert params is not None
    assert params["use_unified_attribution_setting"] == "true"
    sent = json.dumps(params)
    assert "7d_view" not in sent and "28d_view" not in sent
