"""Meta effective_status + learning stage -> DeliveryStatus; Meta status -> CampaignStatus."""

import pytest

from pixecom.domain.delivery import (
    UnknownEntityStatus,
    effective_status_after,
    map_delivery_status,
    map_entity_status,
)
from pixecom.domain.enums import CampaignStatus, DeliveryStatus

# Every effective_status value Meta documents for campaigns, ad sets and ads.
META_EFFECTIVE_STATUSES = {
    "ACTIVE",
    "PAUSED",
    "DELETED",
    "ARCHIVED",
    "IN_PROCESS",
    "WITH_ISSUES",
    "CAMPAIGN_PAUSED",
    "ADSET_PAUSED",
    "PENDING_REVIEW",
    "DISAPPROVED",
    "PREAPPROVED",
    "PENDING_BILLING_INFO",
}

EXPECTED = {
    "ACTIVE": DeliveryStatus.ACTIVE,
    "PAUSED": DeliveryStatus.INACTIVE,
    "CAMPAIGN_PAUSED": DeliveryStatus.INACTIVE,
    "ADSET_PAUSED": DeliveryStatus.INACTIVE,
    "ARCHIVED": DeliveryStatus.INACTIVE,
    "DELETED": DeliveryStatus.INACTIVE,
    "DISAPPROVED": DeliveryStatus.ERROR,
    "WITH_ISSUES": DeliveryStatus.ERROR,
    "PENDING_BILLING_INFO": DeliveryStatus.ERROR,
    "IN_PROCESS": DeliveryStatus.NOT_DELIVERING,
    "PENDING_REVIEW": DeliveryStatus.NOT_DELIVERING,
    "PREAPPROVED": DeliveryStatus.NOT_DELIVERING,
}


def test_the_table_covers_every_documented_effective_status():
    assert set(EXPECTED) == META_EFFECTIVE_STATUSES


@pytest.mark.parametrize(("effective_status", "expected"), sorted(EXPECTED.items()))
def test_effective_status_without_learning_stage_maps_per_design(effective_status, expected):
    assert map_delivery_status(effective_status, None) is expected


@pytest.mark.parametrize(
    ("learning_stage", "expected"),
    [
        ("LEARNING", DeliveryStatus.LEARNING),
        ("FAIL", DeliveryStatus.LIMITED),
        ("LEARNING_LIMITED", DeliveryStatus.LIMITED),
        ("SUCCESS", DeliveryStatus.ACTIVE),
        (None, DeliveryStatus.ACTIVE),
        ("", DeliveryStatus.ACTIVE),
        ("SOMETHING_NEW", DeliveryStatus.ACTIVE),
    ],
)
def test_active_delivery_is_refined_by_the_learning_stage(learning_stage, expected):
    assert map_delivery_status("ACTIVE", learning_stage) is expected


@pytest.mark.parametrize("effective_status", sorted(META_EFFECTIVE_STATUSES - {"ACTIVE"}))
@pytest.mark.parametrize("learning_stage", ["LEARNING", "FAIL"])
def test_learning_stage_only_matters_when_active(effective_status, learning_stage):
    assert map_delivery_status(effective_status, learning_stage) is EXPECTED[effective_status]


@pytest.mark.parametrize("effective_status", ["", "SOME_FUTURE_STATUS", "ACTIVE_BUT_ODD", "NONE"])
def test_an_unknown_effective_status_is_not_delivering(effective_status):
    assert map_delivery_status(effective_status, "LEARNING") is DeliveryStatus.NOT_DELIVERING


def test_mapping_tolerates_case_and_whitespace():
    assert map_delivery_status(" active ", "learning") is DeliveryStatus.LEARNING
    assert map_delivery_status("paused", None) is DeliveryStatus.INACTIVE


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("ACTIVE", CampaignStatus.ACTIVE),
        ("PAUSED", CampaignStatus.PAUSED),
        ("ARCHIVED", CampaignStatus.ARCHIVED),
        ("DELETED", CampaignStatus.DELETED),
        ("paused", CampaignStatus.PAUSED),
    ],
)
def test_entity_status_maps_to_campaign_status(status, expected):
    assert map_entity_status(status) is expected


@pytest.mark.parametrize("status", ["CAMPAIGN_PAUSED", "WITH_ISSUES", "", "ENABLED"])
def test_an_unknown_entity_status_raises_a_named_error(status):
    with pytest.raises(UnknownEntityStatus):
        map_entity_status(status)


# effective_status_after: what Meta shows right after an object's (or a parent's) status changed.
def test_a_paused_object_is_paused_whatever_its_parents():
    assert effective_status_after("PAUSED", "ACTIVE", "ACTIVE", "ACTIVE") == "PAUSED"


def test_an_active_ad_under_a_paused_campaign_is_campaign_paused():
    assert effective_status_after("ACTIVE", "ACTIVE", "PAUSED", "ACTIVE") == "CAMPAIGN_PAUSED"


def test_an_active_ad_under_a_paused_ad_set_is_adset_paused():
    assert effective_status_after("ACTIVE", "ACTIVE", "ACTIVE", "PAUSED") == "ADSET_PAUSED"


def test_reactivating_every_level_makes_it_active_again():
    assert effective_status_after("ACTIVE", "CAMPAIGN_PAUSED", "ACTIVE", "ACTIVE") == "ACTIVE"
    assert effective_status_after("ACTIVE", "PAUSED", None, None) == "ACTIVE"


def test_a_review_verdict_stays_through_a_parents_change():
    assert effective_status_after("ACTIVE", "DISAPPROVED", "PAUSED", "ACTIVE") == "DISAPPROVED"
    assert effective_status_after("ACTIVE", "PENDING_REVIEW", "ACTIVE", "ACTIVE") == "PENDING_REVIEW"
