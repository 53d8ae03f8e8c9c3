"""GraphClient configuration from settings (no HTTP)."""

from __future__ import annotations

from pixecom.meta.client import GraphClient
from pixecom.meta.params import act_id, appsecret_proof, bare_id, encode_params, next_page_query
from pixecom.settings import Settings


def test_from_settings_takes_base_url_version_secret_and_page_size() -> None:
    settings = Settings(
        graph_base_url="http://127.0.0.1:8081",
        graph_version="v24.0",
        graph_app_secret="s3cret",
        graph_page_size=250,
    )
    with GraphClient.from_settings("tok", settings, max_retries=2) as client:
        assert client.version == "v24.0"
        assert client.page_size == 250
        assert client.max_retries == 2
        assert str(client._http.base_url) == "http://127.0.0.1:8081"
        assert client._auth == {"access_token": "tok", "appsecret_proof": appsecret_proof("tok", "s3cret")}


def test_the_backoff_base_comes_from_settings_and_scales_every_wait() -> None:
    settings = Settings(graph_backoff_base_seconds=0.01)
    with GraphClient.from_settings("tok", settings) as client:
        assert client.backoff_base == 0.01
        assert [0.005 * 2**n <= client.backoff(n) <= 0.01 * 2**n for n in range(4)] == [True] * 4


def test_without_an_app_secret_only_the_token_is_sent() -> None:
    with GraphClient.from_settings("tok", Settings()) as client:
        assert client._auth == {"access_token": "tok"}
        assert "tok" not in repr(client)


def test_account_ids_are_accepted_with_or_without_prefix() -> None:
    assert act_id("123") == act_id("act_123") == "act_123"
    assert bare_id("act_123") == bare_id("123") == "123"


def test_parameters_are_encoded_as_graph_expects() -> None:
    encoded = encode_params(
        {
            "time_range": {"since": "2026-11-01", "until": "2026-11-02"},
            "effective_status": ["ACTIVE", "PAUSED"],
            "flag": True,
            "limit": 500,
            "skip": None,
        }
    )
    assert encoded == {
        "time_range": '{"since":"2026-11-01","until":"2026-11-02"}',
        "effective_status": '["ACTIVE","PAUSED"]',
        "flag": "true",
        "limit": "500",
    }


def test_next_page_follows_the_after_cursor_while_next_is_present() -> None:
    query = {"fields": "id", "limit": 5}
    paging = {
        "cursors": {"before": "MAZDZD", "after": "NAZDZD"},
        "next": "https://g/v25.0/act_1/ads?after=NAZDZD",
    }
    assert next_page_query(paging, query) == {"fields": "id", "limit": 5, "after": "NAZDZD"}


def test_last_page_has_no_next_even_with_cursors() -> None:
    assert next_page_query({"cursors": {"after": "NAZDZD"}}, {"limit": 5}) is None
    assert next_page_query(None, {"limit": 5}) is None


def test_next_url_without_cursor_is_followed_without_its_credentials() -> None:
    paging = {"next": "https://g/v25.0/act_1/ads?access_token=SECRET&appsecret_proof=p&offset=10&limit=5"}
    assert next_page_query(paging, {"limit": 5}) == {"offset": "10", "limit": "5"}
