"""Settings shared by both clients: env fallbacks and the checks done at construction time.

Every check here runs in the constructor, so a bad setting fails before any request is sent.
"""

from __future__ import annotations

import ipaddress
import math
import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from ._http import HttpSettings, RetryPolicy
from ._http.client import AsyncClientTransport, ClientTransport
from .errors import ConfigurationError

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def from_env(value: str | None, env_name: str, default: str | None = None) -> str | None:
    """The explicit value, else the environment variable, else the default ("" counts as unset)."""
    if value:
        return value
    return os.environ.get(env_name) or default


def require(value: str | None, what: str, env_name: str) -> str:
    if not value:
        raise ConfigurationError(f"missing {what}: pass it to the client or set {env_name}")
    return value


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    # An IPv4-mapped IPv6 spelling (::ffff:127.0.0.1) is refused on every Python: 3.13 calls
    # it loopback, 3.11 and 3.12 do not, and no sandbox URL is written that way.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return False
    return address.is_loopback


def check_url(url: str, what: str, *, any_host: bool = False) -> str:
    """Return ``url`` without a trailing slash, refusing anything but https (or loopback http).

    Credentials ride on every request, so plain http to a real host would leak them; a proxy
    (``any_host``) may be plain http, since TLS runs through it end to end.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if not any_host and (parts.username is not None or parts.password is not None):
            # Said without the URL: the password would end up in this message, and in reprs.
            raise ConfigurationError(f"{what} must not carry credentials (user:password@host)")
        parts.port  # noqa: B018  (raises ValueError on a malformed port)
    except ValueError as exc:
        raise ConfigurationError(f"{what} {url!r} is not a valid URL: {exc}") from None
    if parts.scheme not in {"http", "https", *(("socks5",) if any_host else ())} or not host:
        raise ConfigurationError(f"{what} {url!r} must be an absolute http(s) URL")
    if parts.scheme == "http" and not is_loopback(host) and not any_host:
        raise ConfigurationError(
            f"{what} {url!r} uses plain http: only https is allowed, except for loopback hosts"
        )
    if parts.query or parts.fragment:
        raise ConfigurationError(f"{what} {url!r} must not carry a query or fragment")
    return url.rstrip("/")


def check_positive(value: float | None, what: str, *, allow_none: bool = False) -> float | None:
    if value is None and allow_none:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value <= 0
    ):
        raise ConfigurationError(f"{what} must be a positive number of seconds, got {value!r}")
    return float(value)


def check_count(value: int, what: str, *, minimum: int = 0, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigurationError(f"{what} must be an integer >= {minimum}, got {value!r}")
    if maximum is not None and value > maximum:
        raise ConfigurationError(f"{what} must be at most {maximum}, got {value!r}")
    return value


def header_safe(secret: str) -> bool:
    """Printable ASCII without spaces: anything else would break (or split) a header line."""
    return secret.isascii() and secret.isprintable() and " " not in secret


class Arguments(dict[str, Any]):
    """A constructor's arguments, kept for ``with_options``; never shown (credentials)."""

    def __repr__(self) -> str:
        return "<constructor arguments, not shown>"


def arguments(frame_locals: dict[str, Any]) -> Arguments:
    """The arguments of the method whose ``locals()`` this is, its first one (the instance)
    left out; call it first thing, before any parameter is reassigned."""
    names = list(frame_locals)
    return Arguments((k, frame_locals[k]) for k in names[1:] if not k.startswith("__"))


def redact(secret: str | None) -> str:
    """How a secret appears in reprs: never any of its characters."""
    return "<unset>" if not secret else "<redacted>"


# The constructor arguments both vendors' clients take for their HTTP stack.
HTTP_OPTIONS = (
    "timeout",
    "max_retries",
    "retry_policy",
    "transport",
    "max_response_bytes",
    "proxy",
    "trust_env",
    "http_client",
)


def http_settings(
    client: Any,
    options: Mapping[str, Any],
    *,
    base_url: str,
    headers: Mapping[str, str] | None = None,
    max_connections: int = 20,
) -> HttpSettings:
    """The checked HTTP settings of ``client`` from its constructor ``options`` (those in
    ``HTTP_OPTIONS``): the one place both vendors' constructors check what they share."""
    owner, transport_kind = type(client).__name__, client._transport_kind
    timeout, max_retries, retry_policy, transport, max_response_bytes, proxy, trust_env = (
        options[name] for name in HTTP_OPTIONS[:-1]
    )
    http_client = options["http_client"]
    if http_client is not None:
        transport = _client_transport(client, http_client, transport, proxy)
    checked_timeout = check_timeout(timeout)
    check_count(max_retries, "max_retries", maximum=10)
    check_count(max_response_bytes, "max_response_bytes", minimum=1)
    if retry_policy is not None and not isinstance(retry_policy, RetryPolicy):
        raise ConfigurationError(f"retry_policy must be a RetryPolicy, got {retry_policy!r}")
    if transport is not None and not isinstance(transport, transport_kind):
        kind = "an async" if issubclass(transport_kind, httpx.AsyncBaseTransport) else "a sync"
        raise ConfigurationError(
            f"{owner} needs an httpx.{transport_kind.__name__} as transport ({kind} httpx "
            f"transport), got {type(transport).__name__}"
        )
    return HttpSettings(
        base_url=check_url(base_url, "base_url"),
        timeout=checked_timeout,
        retry=retry_policy or RetryPolicy(max_retries=max_retries),
        headers=dict(headers or {}),
        transport=transport,
        max_connections=max_connections,
        max_response_bytes=max_response_bytes,
        proxy=check_url(proxy, "proxy", any_host=True) if proxy else None,
        trust_env=bool(trust_env),
    )


def _client_transport(client: Any, http_client: Any, transport: Any, proxy: Any) -> Any:
    """The bottom of the stack for a caller's own httpx client, checked."""
    owner, kind = type(client).__name__, client._client_kind
    if not isinstance(http_client, kind):
        raise ConfigurationError(
            f"{owner} needs an httpx.{kind.__name__} as http_client, "
            f"got {type(http_client).__name__}"
        )
    if transport is not None or proxy is not None:
        raise ConfigurationError(
            "pass http_client or transport/proxy, not both: the proxies and transports of "
            "your http_client are what it sends through"
        )
    if isinstance(http_client, httpx.AsyncClient):
        return AsyncClientTransport(http_client)
    return ClientTransport(http_client)


def check_timeout(timeout: object) -> float | httpx.Timeout:
    """Seconds, or an ``httpx.Timeout`` (connect, read, write, pool), each positive or None."""
    if isinstance(timeout, httpx.Timeout):
        for part, value in timeout.as_dict().items():
            check_positive(value, f"timeout.{part}", allow_none=True)
        return timeout
    checked = check_positive(timeout, "timeout")  # type: ignore[arg-type]
    assert checked is not None
    return checked
