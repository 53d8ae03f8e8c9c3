"""Webhook URLs: https to public addresses only; loopback only where a setting allows it."""

from __future__ import annotations

import pytest

from pixecom.alerts.webhook_urls import UnsafeWebhookUrl, check_webhook_url

PUBLIC = "93.184.215.14"


def resolving(*addresses: str):
    return lambda host, port: list(addresses)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://127.0.0.1/h", "loopback"),
        ("https://[::1]/h", "loopback"),
        ("https://10.0.0.7/h", "private network"),
        ("https://172.16.4.4/h", "private network"),
        ("https://192.168.1.1/h", "private network"),
        ("https://169.254.169.254/latest/meta-data/", "link-local"),
        ("https://[fd00:ec2::254]/", "private network"),
        ("https://[::ffff:10.0.0.1]/", "private network"),
        ("https://100.64.0.1/h", "not publicly routable"),
        ("https://0.0.0.0/h", "private network"),
    ],
)
def test_addresses_inside_are_refused(url, why):
    with pytest.raises(UnsafeWebhookUrl, match=why):
        check_webhook_url(url, allow_loopback=False)


def test_a_name_is_refused_when_any_of_its_addresses_is_inside():
    with pytest.raises(UnsafeWebhookUrl, match="private network"):
        check_webhook_url(
            "https://hooks.example.com/x", allow_loopback=False, resolve=resolving(PUBLIC, "10.0.0.5")
        )


def test_https_to_a_public_name_is_accepted():
    check_webhook_url("https://hooks.example.com/x", allow_loopback=False, resolve=resolving(PUBLIC))


def test_http_is_refused_even_to_a_public_address():
    with pytest.raises(UnsafeWebhookUrl, match="must use https"):
        check_webhook_url("http://hooks.example.com/x", allow_loopback=False, resolve=resolving(PUBLIC))


def test_a_name_that_does_not_resolve_is_refused():
    def nowhere(host: str, port: int) -> list[str]:
        raise OSError("no such host")

    with pytest.raises(UnsafeWebhookUrl, match="does not resolve"):
        check_webhook_url("https://nowhere.invalid/x", allow_loopback=False, resolve=nowhere)


def test_credentials_in_the_url_are_refused():
    with pytest.raises(UnsafeWebhookUrl, match="user name or password"):
        check_webhook_url(f"https://user:pw@{PUBLIC}/x", allow_loopback=False)


def test_loopback_over_http_is_accepted_only_when_allowed():
    check_webhook_url("http://127.0.0.1:8080/h", allow_loopback=True)
    check_webhook_url("http://localhost:8080/h", allow_loopback=True, resolve=resolving("127.0.0.1", "::1"))
    with pytest.raises(UnsafeWebhookUrl):
        check_webhook_url("http://127.0.0.1:8080/h", allow_loopback=False)


def test_allowing_loopback_still_refuses_private_networks_and_plain_http_outside():
    with pytest.raises(UnsafeWebhookUrl, match="private network"):
        check_webhook_url("https://10.0.0.7/h", allow_loopback=True)
    with pytest.raises(UnsafeWebhookUrl, match="must use https"):
        check_webhook_url("http://hooks.example.com/x", allow_loopback=True, resolve=resolving(PUBLIC))
