"""Turn what a request brought back (a response, or an httpx failure) into JSON or a typed
error. Pure; shared by both vendors.

Vendors plug in one function that reads their error body (Klaviyo's JSON:API ``errors``,
Propeller's ``{"error": {...}}`` envelope); the status-to-type mapping lives in ``errors``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

import httpx

from .. import _json
from ..errors import APIConnectionError, APITimeoutError, ResponseDecodeError, status_error
from .headers import retry_after_of

log = logging.getLogger("catalog_clients.http")

# Reads a decoded error body; returns keyword arguments for ``errors.status_error``:
# "message", plus vendor fields ("errors", "code", "type", "messages", "more_info",
# "schema_error"). It may raise anything: a body it cannot read is simply not used.
ErrorBodyReader = Callable[[Any], dict[str, Any]]


def is_json(response: httpx.Response) -> bool:
    media: str = response.headers.get("content-type", "").split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def json_body(response: httpx.Response) -> Any:
    """The decoded body of a 2xx response, or ResponseDecodeError keeping the raw text."""
    if not is_json(response):
        media = response.headers.get("content-type") or "no content type"
        raise _decode_error(response, f"expected a JSON body, got {media}")
    try:
        # orjson: faster than json.loads on a page of jobs (figures in benchmarks/).
        # It refuses what RFC 8259 leaves out (NaN, a BOM, lone surrogates, nesting beyond
        # 1024 levels) with a DecodeError, so junk is a ResponseDecodeError, never a crash.
        return _json.loads(response.content)
    except _json.DecodeError as exc:
        raise _decode_error(response, f"invalid JSON ({exc})") from None


def _decode_error(response: httpx.Response, message: str) -> ResponseDecodeError:
    return ResponseDecodeError(
        message,
        body=response.content,
        status_code=response.status_code,
        headers=response.headers,
    )


def schema_mismatch(response: httpx.Response, problem: str) -> ResponseDecodeError:
    """The error for a 2xx body that parsed as JSON but does not match the schema."""
    return _decode_error(response, f"the body does not match the schema: {problem}")


def _shown_location(location: str) -> str:
    """A Location header without userinfo, query or fragment (they may carry secrets)."""
    try:
        parts = urlsplit(location)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<unreadable location>"
    origin = f"{parts.scheme}://{host}{port}" if parts.scheme else ""
    return origin + parts.path


def raise_for_status(response: httpx.Response, read_error_body: ErrorBodyReader) -> None:
    """Raise the typed error for a non-2xx response; return quietly for 2xx."""
    if response.is_success:
        return
    status = response.status_code
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:  # non-IANA statuses such as 520
        phrase = "Unknown status"
    details: dict[str, Any] = {}
    if response.content and is_json(response):
        try:
            details = read_error_body(_json.loads(response.content))
        except Exception as exc:  # a vendor body we cannot read still yields the typed error
            log.debug("unreadable %d error body: %s", status, exc)
            details = {}
    message = details.pop("message", None) or phrase
    if response.has_redirect_location:
        # Credentials never follow a redirect (the clients set follow_redirects=False): say
        # where it pointed, so that a moved base_url is a one-line fix.
        target = _shown_location(response.headers["location"])
        message = f"{message}: a redirect to {target!r} was not followed; check base_url"
    method: str | None = None
    url: str | None = None
    try:
        request = response.request
        method, url = request.method, str(request.url.copy_with(query=None, fragment=None))
    except RuntimeError:  # a response built without its request
        pass
    raise status_error(
        status,
        str(message),
        headers=response.headers,
        body=response.content,
        retry_after=retry_after_of(response.headers),
        method=method,
        url=url,
        **details,
    )


def to_connection_error(request: httpx.Request, exc: BaseException) -> BaseException:
    """Map an httpx request failure to the hierarchy; anything else passes through.

    Besides network failures this covers httpx.DecodingError (a body whose Content-Encoding
    does not decode: the response was not received intact) and TooManyRedirects.
    """
    if not isinstance(exc, httpx.RequestError):
        return exc
    url = str(request.url.copy_with(query=None))
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    detail = str(exc) or type(exc).__name__
    return cls(f"{type(exc).__name__}: {detail}", method=request.method, url=url)
