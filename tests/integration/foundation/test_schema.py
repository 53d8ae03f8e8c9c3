"""The schema: migrations up and down from empty, unique keys, enum values."""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from pixecom.db.migrate import downgrade, upgrade
from pixecom.db.models import Ad, AdAccount, AdSet, AdStatsDaily, Base, Campaign, Seller, User
from pixecom.domain.enums import CampaignStatus, DeliveryStatus, UserRole

EXPECTED_TABLES = {
    "sellers", "users", "refresh_tokens", "login_attempts", "ad_accounts", "sellpages", "campaigns",
    "adsets", "ads", "ad_stats_daily", "sync_runs", "jobs", "job_items", "audit_log",
}


def test_migrations_apply_from_empty_and_downgrade_cleanly(empty_db_url):
    upgrade(empty_db_url)
    engine = create_engine(empty_db_url)
    try:
        assert EXPECTED_TABLES <= set(inspect(engine).get_table_names())
        downgrade(empty_db_url, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(empty_db_url)
        assert EXPECTED_TABLES <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_migrated_schema_matches_the_models(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from pixecom.db.partitions import include_in_autogenerate

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": include_in_autogenerate})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_delivery_status_values_are_the_six_of_the_design():
    assert [s.value for s in DeliveryStatus] == [
        "ACTIVE", "INACTIVE", "LEARNING", "ERROR", "LIMITED", "NOT_DELIVERING",
    ]


def _tree(session):
    seller = Seller(name="S")
    session.add(seller)
    session.flush()
    account = AdAccount(
        seller_id=seller.id, meta_account_id="act_1", name="A", currency="USD",
        timezone_name="UTC", access_token_encrypted=b"x",
    )
    session.add(account)
    session.flush()
    common = dict(
        seller_id=seller.id, ad_account_id=account.id, status=CampaignStatus.ACTIVE,
        delivery_status=DeliveryStatus.ACTIVE, effective_status="ACTIVE",
    )
    campaign = Campaign(meta_id="1", name="C", **common)
    session.add(campaign)
    session.flush()
    adset = AdSet(meta_id="2", name="S", campaign_id=campaign.id, **common)
    session.add(adset)
    session.flush()
    ad = Ad(meta_id="3", name="Ad", campaign_id=campaign.id, adset_id=adset.id, **common)
    session.add(ad)
    session.flush()
    return seller, account, campaign, adset, ad


def test_same_meta_id_twice_in_one_account_is_rejected(session):
    seller, account, *_ = _tree(session)
    session.add(
        Campaign(
            seller_id=seller.id, ad_account_id=account.id, meta_id="1", name="dup",
            status=CampaignStatus.ACTIVE, delivery_status=DeliveryStatus.ACTIVE, effective_status="ACTIVE",
        )
    )
    with pytest.raises(IntegrityError):
        session.flush()


def test_second_stats_row_for_the_same_ad_and_day_is_rejected(session):
    seller, account, campaign, adset, ad = _tree(session)
    keys = dict(
        ad_id=ad.id, date=date(2026, 11, 20), seller_id=seller.id, ad_account_id=account.id,
        campaign_id=campaign.id, adset_id=adset.id,
    )
    session.add(AdStatsDaily(**keys, spend=Decimal("1.10")))
    session.flush()
    session.add(AdStatsDaily(**keys, spend=Decimal("2.20")))
    with pytest.raises(IntegrityError):
        session.flush()


def test_money_round_trips_as_exact_decimal(session):
    seller, account, campaign, adset, ad = _tree(session)
    session.add(
        AdStatsDaily(
            ad_id=ad.id, date=date(2026, 11, 20), seller_id=seller.id, ad_account_id=account.id,
            campaign_id=campaign.id, adset_id=adset.id, spend=Decimal("12.34"),
            purchase_value=Decimal("59.90"),
        )
    )
    session.flush()
    value = session.execute(text("SELECT spend + purchase_value FROM ad_stats_daily")).scalar_one()
    assert value == Decimal("72.2400")


def test_unknown_delivery_status_is_rejected_by_the_database(session):
    seller, account, campaign, *_ = _tree(session)
    with pytest.raises(IntegrityError):
        session.execute(
            text("UPDATE campaigns SET delivery_status = 'SOMETHING' WHERE id = :id"), {"id": campaign.id}
        )


def test_user_email_must_be_unique_and_lowercase(session):
    seller = Seller(name="S")
    session.add(seller)
    session.flush()
    session.add(User(seller_id=seller.id, email="a@example.com", password_hash="h", role=UserRole.OWNER))
    session.flush()
    session.add(User(seller_id=seller.id, email="a@example.com", password_hash="h", role=UserRole.OWNER))
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()
    session.add(User(seller_id=uuid.uuid4(), email="B@example.com", password_hash="h", role=UserRole.OWNER))
    with pytest.raises(IntegrityError):
        session.flush()
