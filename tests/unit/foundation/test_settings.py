"""Settings come from the environment through one typed object, validated when it is read."""

from pathlib import Path

import pytest

from pixecom.settings import Settings, SettingsError, env_var, get_settings


@pytest.fixture
def fresh(monkeypatch):
    """Read settings anew after the test changes the environment."""
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def test_a_variable_that_does_not_parse_fails_at_start_naming_the_variable(fresh):
    fresh.setenv("DB_POOL_SIZE", "three")
    with pytest.raises(SettingsError, match=r"DB_POOL_SIZE: Input should be a valid integer"):
        get_settings()


def test_an_out_of_range_value_is_refused_naming_the_variable(fresh):
    fresh.setenv("GRAPH_PAGE_SIZE", "0")
    with pytest.raises(SettingsError, match=r"GRAPH_PAGE_SIZE: Input should be greater than or equal to 1"):
        get_settings()


def test_variables_with_their_own_names_fill_their_fields(fresh):
    fresh.setenv("PIXECOM_ENV", "prod")
    fresh.setenv("DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:db")
    fresh.setenv("DB_HOST", "proxy.example")
    fresh.setenv("PIXECOM_STATE_DIR", "/tmp/state")
    settings = get_settings()
    assert settings.environment == "prod"
    assert settings.database_secret_arn == "arn:aws:secretsmanager:eu-west-1:1:secret:db"
    assert settings.database_host_override == "proxy.example"
    assert settings.local_state_dir == Path("/tmp/state")


def test_an_empty_variable_counts_as_unset(fresh):
    fresh.setenv("DB_POOL_SIZE", "")
    fresh.setenv("DATABASE_URL", "")
    settings = get_settings()
    assert settings.db_pool_size == 1
    assert settings.database_url is None


def test_cors_origins_are_comma_separated(fresh):
    fresh.setenv("CORS_ORIGINS", "https://a.example, https://b.example,")
    assert get_settings().cors_origins == ("https://a.example", "https://b.example")


def test_keyword_arguments_override_single_fields_by_their_field_names():
    settings = Settings(environment="prod", database_host_override="h", argon2_time_cost=1)
    assert (settings.environment, settings.database_host_override, settings.argon2_time_cost) == (
        "prod",
        "h",
        1,
    )


def test_settings_are_frozen():
    with pytest.raises(ValueError, match="frozen"):
        Settings().graph_version = "v1"  # type: ignore[misc]


def test_env_var_names_the_variable_of_a_field():
    assert env_var("environment") == "PIXECOM_ENV"
    assert env_var("graph_page_size") == "GRAPH_PAGE_SIZE"


def test_the_graph_version_is_a_setting_defaulting_to_one_meta_serves_through_2027(fresh):
    fresh.delenv("GRAPH_VERSION", raising=False)
    assert get_settings().graph_version == "v27.0"
    get_settings.cache_clear()
    fresh.setenv("GRAPH_VERSION", "v28.0")
    assert get_settings().graph_version == "v28.0"


def test_a_graph_version_that_is_not_vNN_N_is_refused_at_start(fresh):
    fresh.setenv("GRAPH_VERSION", "27")
    with pytest.raises(SettingsError, match=r"GRAPH_VERSION"):
        get_settings()
