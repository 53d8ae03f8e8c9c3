"""Which sellpage a campaign sells: URL normalisation and matching of ad link URLs. Pure.

A sellpage is identified by its `url_key` (host without `www.` + path, no scheme, query,
fragment or trailing slash), stored in `sellpages.url_key`. An ad's link matches the sellpage
whose key is the longest prefix of the link's key on a path-segment boundary, so tracking
parameters, `www.`, http/https and trailing slashes never matter, and /p/mug never claims /p/mugs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlsplit
from uuid import UUID

_DEFAULT_PORTS = frozenset({80, 443})
_SLASHES = re.compile(r"/{2,}")


class InvalidSellpageUrl(ValueError):
    """A string that has no host, so it cannot identify a page."""


def url_key(url: str) -> str:
    """The matching key of a URL: `shop.com/p/mug` for `https://www.Shop.com/p/mug/?utm=x#top`.

    The host is lower-cased (paths are case-sensitive on the web, so they are kept); a non-default
    port is kept; a URL without a scheme (`shop.com/p`) is read as host + path, so keys are
    idempotent (url_key(url_key(u)) == url_key(u)). Raises InvalidSellpageUrl without a host.
    """
    text = url.strip()
    if "://" not in text:
        text = "//" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError as exc:  # malformed netloc, e.g. a non-numeric port
        raise InvalidSellpageUrl(f"not a URL: {url!r}") from exc
    host = host.removeprefix("www.")
    if not host or " " in host:
        raise InvalidSellpageUrl(f"not a URL: {url!r}")
    if port is not None and port not in _DEFAULT_PORTS:
        host = f"{host}:{port}"
    path = _SLASHES.sub("/", parts.path).rstrip("/")
    return host + path


def _covers(sellpage_key: str, link_key: str) -> bool:
    """True when the link is the sellpage's page or below it (whole path segments only)."""
    return link_key == sellpage_key or link_key.startswith(sellpage_key + "/")


def match_link(link_url: str, sellpage_keys: Sequence[str]) -> str | None:
    """The longest sellpage key covering `link_url`, or None (also None for an unparsable link)."""
    try:
        link = url_key(link_url)
    except InvalidSellpageUrl:
        return None
    covering = [key for key in sellpage_keys if _covers(key, link)]
    return max(covering, key=len, default=None)


def match_sellpage(link_urls: Iterable[str], sellpages: Mapping[str, UUID]) -> UUID | None:
    """The sellpage most of a campaign's ad links point to; None when none match or on a tie.

    `link_urls` holds one link per ad (repeats count: two ads on one page are two votes);
    `sellpages` maps sellpage url_key (or URL: keys are normalised) to sellpage id. Links matching
    no sellpage do not vote. A tie for the most votes returns None rather than a guess, leaving
    the campaign for the seller to assign by hand.
    """
    by_key: dict[str, UUID] = {}
    for raw_key, sellpage_id in sellpages.items():
        try:
            by_key[url_key(raw_key)] = sellpage_id
        except InvalidSellpageUrl:
            continue
    keys = list(by_key)
    votes: Counter[UUID] = Counter()
    for link in link_urls:
        matched = match_link(link, keys)
        if matched is not None:
            votes[by_key[matched]] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
