"""Which URLs an alert webhook may POST to: https to public addresses only.

A webhook is a request our servers make to an address a seller typed. Inside a VPC, a URL naming
loopback, a private network, a link-local address or the cloud metadata endpoint would be a
server-side request forgery, so every address the host name resolves to must be public
(`ipaddress.is_global`: not loopback, private, link-local, shared, reserved or multicast). The URL
is checked when it is saved and again before every delivery (DNS may have changed since).
`pixecom dev` sets WEBHOOK_ALLOW_LOOPBACK so a receiver on this machine (http or https) works.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

Resolve = Callable[[str, int], Sequence[str]]
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeWebhookUrl(Exception):
    """The URL may not be used as a webhook; the message says why (safe to show)."""


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (A and AAAA)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def check_webhook_url(url: str, *, allow_loopback: bool, resolve: Resolve | None = None) -> None:
    """UnsafeWebhookUrl unless `url` is https (or http to loopback, when allowed) to a host whose
    every address is public (or loopback, when allowed). `resolve`: DNS (resolve_host) by default."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise UnsafeWebhookUrl("the URL has no host")
    if parts.username or parts.password:
        raise UnsafeWebhookUrl("the URL may not carry a user name or password")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise UnsafeWebhookUrl("the URL's port is not valid") from None
    addresses = _addresses(host, port, resolve or resolve_host)
    loopback = all(a.is_loopback for a in addresses)
    if parts.scheme != "https" and not (allow_loopback and loopback and parts.scheme == "http"):
        raise UnsafeWebhookUrl("the URL must use https")
    for address in addresses:
        if allow_loopback and address.is_loopback:
            continue
        if not address.is_global:
            raise UnsafeWebhookUrl(f"{host} is not a public address ({_kind(address)})")


def _addresses(host: str, port: int, resolve: Resolve) -> list[Address]:
    try:
        return [_unmapped(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    try:
        resolved = [_unmapped(ipaddress.ip_address(a.split("%")[0])) for a in resolve(host, port)]
    except (OSError, UnicodeError, ValueError):
        resolved = []
    if not resolved:
        raise UnsafeWebhookUrl(f"{host} does not resolve to an address")
    return resolved


def _unmapped(address: Address) -> Address:
    """::ffff:10.0.0.1 is 10.0.0.1."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _kind(address: Address) -> str:
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local, e.g. the cloud metadata endpoint"
    if address.is_private:
        return "private network"
    return "not publicly routable"
