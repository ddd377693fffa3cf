"""Reading the response headers the policy acts on. Pure."""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from datetime import UTC, datetime


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (integer seconds or an HTTP-date)."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds:  # NaN says nothing
        return None
    # An infinite or enormous wait (1e309, a 400-digit number) is kept as it is: beyond any
    # cap, so the call fails fast with RateLimitError(retry_after=inf) instead of retrying.
    return max(0.0, seconds)


def retry_after_of(headers: Mapping[str, str]) -> float | None:
    return parse_retry_after(headers.get("retry-after"))
