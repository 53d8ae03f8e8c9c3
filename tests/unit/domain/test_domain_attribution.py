"""Ad set attribution_spec -> the words Ads Manager uses, the insights key, and `mixed`."""

import pytest

from pixecom.domain.attribution import MIXED, attribution_label, attribution_setting, combined_label


def _spec(*pairs: tuple[str, int]) -> list[dict[str, object]]:
    return [{"event_type": event, "window_days": days} for event, days in pairs]


@pytest.mark.parametrize(
    ("spec", "label"),
    [
        (_spec(("CLICK_THROUGH", 7), ("VIEW_THROUGH", 1)), "7-day click or 1-day view"),
        (_spec(("CLICK_THROUGH", 1)), "1-day click"),
        (_spec(("CLICK_THROUGH", 7)), "7-day click"),
        (_spec(("CLICK_THROUGH", 28)), "28-day click"),
        (_spec(("CLICK_THROUGH", 1), ("VIEW_THROUGH", 1)), "1-day click or 1-day view"),
        (
            _spec(("VIEW_THROUGH", 1), ("ENGAGED_VIDEO_VIEW", 1), ("CLICK_THROUGH", 7)),
            "7-day click, 1-day engaged-view or 1-day view",
        ),
    ],
)
def test_a_spec_reads_as_ads_manager_says_it(spec, label):
    assert attribution_label(spec) == label


def test_click_comes_first_whatever_order_meta_lists_the_windows_in():
    assert attribution_label(_spec(("VIEW_THROUGH", 1), ("CLICK_THROUGH", 7))) == "7-day click or 1-day view"


def test_the_insights_key_matches_metas_attribution_setting_format():
    assert attribution_setting(_spec(("CLICK_THROUGH", 7), ("VIEW_THROUGH", 1))) == "7d_click_1d_view"
    assert attribution_setting(_spec(("CLICK_THROUGH", 1))) == "1d_click"
    assert attribution_setting(_spec(("CLICK_THROUGH", 7), ("ENGAGED_VIDEO_VIEW", 1))) == "7d_click_1d_ev"


@pytest.mark.parametrize(
    "spec",
    [
        None,
        [],
        [{"event_type": "SOMETHING_NEW", "window_days": 3}],
        [{"event_type": "CLICK_THROUGH"}],
        ["not a dict"],
        [{"event_type": "CLICK_THROUGH", "window_days": "x"}],
    ],
)
def test_a_missing_or_unreadable_spec_has_no_label(spec):
    assert attribution_label(spec) is None
    assert attribution_setting(spec) is None


def test_weight_and_unknown_keys_do_not_change_the_label():
    spec = [{"event_type": "CLICK_THROUGH", "window_days": 7, "weight": 100}]
    assert attribution_label(spec) == "7-day click"


def test_a_row_over_one_setting_says_that_setting():
    assert combined_label(["1-day click", "1-day click", None]) == "1-day click"


def test_a_row_over_different_settings_is_mixed():
    assert combined_label(["1-day click", "7-day click or 1-day view"]) == MIXED == "mixed"


def test_a_row_with_no_known_setting_has_none():
    assert combined_label([None, None]) is None
    assert combined_label([]) is None
