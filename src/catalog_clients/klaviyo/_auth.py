"""Klaviyo credentials on the wire, and the shared rate pacer of one key."""

from __future__ import annotations

from collections.abc import Generator, Sequence

import httpx
from klaviyo_generated import _rules

from .._http.pacing import Pacer, RateLimit, shared_pacer
from ..errors import ConfigurationError


class KeyAuth(httpx.Auth):
    """Adds ``Authorization`` only to requests for the configured origin.

    The clients only ever request relative paths, so this is a second line of defence: a
    credential must not reach another host even if some future code passes a full URL.
    """

    def __init__(self, header_value: str, base_url: str) -> None:
        self._value = header_value
        self._origin = _origin(httpx.URL(base_url))

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if _origin(request.url) == self._origin:
            request.headers[_rules.AUTH_HEADER] = self._value
        yield request

    def __repr__(self) -> str:
        return "<KeyAuth <redacted>>"


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def pacer_for(identity: str, limits: Sequence[RateLimit] | None) -> Pacer | None:
    if not limits:
        return None
    if isinstance(limits, RateLimit):
        limits = (limits,)
    for limit in limits:
        if (
            not isinstance(limit, RateLimit)
            or isinstance(limit.count, bool)
            or not isinstance(limit.count, int)
            or limit.count < 1
            or not limit.period > 0
        ):
            raise ConfigurationError(
                f"rate_limits must be RateLimit(count >= 1, period > 0) items, got {limit!r}"
            )
    return shared_pacer(identity, limits)
