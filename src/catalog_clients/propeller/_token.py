"""The token endpoint's answer: a cached ``Token``, or the typed error for a refusal or junk.

Both shapes are read: the standard one (``expires_in: 1800``, ``token_type: "Bearer"``) and
Apigee's (``"1799"`` as text, ``"BearerToken"``). A token body is never kept in an error.
"""

from __future__ import annotations

from typing import Any

import attrs
import httpx
from propeller_generated.models.access_token_response import AccessTokenResponse

from .. import _json, errors
from .._config import header_safe
from .._http.responses import is_json, raise_for_status
from ._errors import read_token_error

# Refresh this long before the server's expiry (at most a tenth of the lifetime), so a token
# never expires between the check and the server reading it.
REFRESH_MARGIN = 60.0
_WITHHELD = "<token response withheld: it may hold an access token>"


@attrs.frozen(repr=False)
class Token:
    value: str
    expires_at: float | None  # on the auth's clock; None when the server gave no lifetime

    def usable(self, now: float) -> bool:
        return self.expires_at is None or now < self.expires_at

    def __repr__(self) -> str:
        return f"Token(value=<redacted>, expires_at={self.expires_at!r})"


def _decode_error(response: httpx.Response, problem: str) -> errors.ResponseDecodeError:
    # Not _http.responses.schema_mismatch: that keeps the body, and this body is a token.
    return errors.ResponseDecodeError(
        f"unusable token response: {problem}",
        body=_WITHHELD,
        status_code=response.status_code,
        headers=response.headers,
    )


def lifetime(expires_in: object) -> float | None:
    """Seconds from ``expires_in``: 1800 (standard) or "1799" (Apigee); None if unusable."""
    if isinstance(expires_in, bool):
        return None
    if isinstance(expires_in, str):
        try:
            expires_in = float(expires_in.strip())
        except ValueError:
            return None
    if isinstance(expires_in, int | float) and 0 < expires_in < float("inf"):
        return float(expires_in)
    return None


class UnsafeToken(ValueError):
    """An access token that cannot ride in a header (CR/LF, spaces, non-ASCII)."""


def parse_token(body: Any, now: float) -> Token:
    """A token from either response shape; ValueError names what does not fit."""
    if not isinstance(body, dict):
        raise ValueError(f"expected an object, got {type(body).__name__}")
    parsed = AccessTokenResponse.from_dict(body) if "access_token" in body else None
    if parsed is None or not isinstance(parsed.access_token, str) or not parsed.access_token:
        raise ValueError("no access_token string")
    if not header_safe(parsed.access_token):
        raise UnsafeToken
    token_type = parsed.token_type
    # "Bearer", or Apigee's "BearerToken": both are bearer tokens.
    if isinstance(token_type, str) and not token_type.lower().startswith("bearer"):
        raise ValueError(f"unsupported token_type {token_type!r} (only bearer tokens)")
    seconds = lifetime(parsed.expires_in)
    if seconds is None:
        return Token(parsed.access_token, None)
    return Token(parsed.access_token, now + seconds - min(REFRESH_MARGIN, seconds / 10))


def _refusal(response: httpx.Response) -> errors.AuthenticationError:
    details: dict[str, Any] = {}
    if response.content and is_json(response):
        try:
            details = read_token_error(_json.loads(response.content))
        except Exception:  # an unreadable refusal is still a refusal
            details = {}
    message = details.pop("message", None) or f"HTTP {response.status_code}"
    return errors.AuthenticationError(
        f"the token endpoint refused the client credentials: {message}",
        status_code=response.status_code,
        headers=response.headers,
        body=response.content,
        **details,
    )


def token_from_response(response: httpx.Response, now: float) -> Token:
    """The token in a token endpoint's answer, or the typed error for a refusal or junk."""
    if response.status_code in (400, 401, 403):
        # A refused client is an authentication problem, whichever of these the server sends.
        raise _refusal(response)
    raise_for_status(response, read_token_error)  # 429, 5xx: the shared mapping
    if not is_json(response):
        media = response.headers.get("content-type") or "no content type"
        raise _decode_error(response, f"expected a JSON body, got {media}")
    try:
        return parse_token(_json.loads(response.content), now)
    except UnsafeToken:
        # Refused before any header holds it, and never shown: not here, not in the body.
        raise errors.AuthenticationError(
            "the token endpoint answered an access token that is not a valid header value "
            "(control characters, spaces or non-ASCII); it is not used and not shown",
            status_code=response.status_code,
            headers=response.headers,
            body=_WITHHELD,
        ) from None
    except (ValueError, RecursionError) as exc:
        raise _decode_error(response, str(exc)) from None
