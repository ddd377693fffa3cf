"""OAuth2 client credentials for Propeller, as an ``httpx.Auth``.

Why not authlib's httpx clients: they are ``httpx.Client`` subclasses (our transport stack
would have to be rebuilt inside them), their sync client has no refresh lock (N threads
fetch N tokens), they do not fetch lazily (a token must be fetched before the first call),
they do not retry a 401, they refuse the Apigee ``token_type: "BearerToken"`` without a
compliance hook, they are untyped, and importing them roughly doubles the import cost of
httpx. What remains is small enough to own: this module.

The token request is yielded from the auth flow, so it goes through the same transport
stack (retries, logging) as the API calls, but to ``token_url`` only. The decisions (is the
cached token usable, build the token request, parse its answer, retry after a 401) are shared
by both flows: one generator is the logic, and the sync and async flows are two short drivers
of it that differ only in the kind of lock held while fetching.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from typing import TYPE_CHECKING, Any

import attrs
import httpx
from propeller_generated import _rules
from propeller_generated.api.oauth2 import create_access_token
from propeller_generated.models import ClientCredentialsTokenRequest
from propeller_generated.models.client_credentials_token_request_grant_type import (
    ClientCredentialsTokenRequestGrantType,
)

from .. import errors
from .._http.retry import IDEMPOTENT

if TYPE_CHECKING:
    import asyncio
from .._http.transport import MAX_BYTES
from .._spec import operation_for
from .._version import USER_AGENT
from ._token import Token, token_from_response

log = logging.getLogger("catalog_clients.propeller")

# A token answer is a few hundred bytes; anything near this is not one.
MAX_TOKEN_BYTES = 1024 * 1024
# What the token endpoint answers in (the spec's media types of its success).
_ACCEPT = ", ".join(operation_for(_rules.OPERATIONS, "fetch_access_token").response_media_types)


def _copy_of(error: errors.CatalogClientError) -> errors.CatalogClientError:
    """The same error as a new object for each waiter, without the first one's traceback
    or notes: a bulk call adds a note to the error that stops it, and waiters may belong to
    other calls. (``copy.copy`` cannot rebuild errors whose fields are keyword-only.)"""
    clone = type(error).__new__(type(error), *error.args)
    clone.__dict__.update((k, v) for k, v in vars(error).items() if k != "__notes__")
    return clone


class ClientCredentialsAuth(httpx.Auth):
    """Bearer auth with a lazily fetched, cached and refreshed client-credentials token.

    Either credentials (to fetch tokens) or a ready ``access_token`` (used as is, never
    refreshed unless credentials are given too) must be present.
    """

    def __init__(
        self,
        *,
        token_url: str,
        client_id: str | None,
        client_secret: str | None,
        access_token: str | None = None,
        timeout: float | httpx.Timeout = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._secret = client_secret
        self._timeout = httpx.Timeout(timeout)
        self._clock = clock
        self._token = Token(access_token, None) if access_token else None
        self._credentials = (token_url, client_id, client_secret, access_token)
        self._thread_lock = threading.Lock()
        self._async_lock: asyncio.Lock | None = None  # made by the first async fetch
        self.fetches = 0  # token requests sent (observability, tests)
        self._answers = 0  # token answers read, successful or not
        self._refusal: tuple[int, errors.CatalogClientError] | None = None  # the last one failed

    def same_credentials(self, other: ClientCredentialsAuth) -> bool:
        """Whether ``other`` was made from the same credentials (so gets the same tokens)."""
        return self._credentials == other._credentials

    def __repr__(self) -> str:
        return f"ClientCredentialsAuth(token_url={self.token_url!r}, client_id={self.client_id!r})"

    @property
    def can_fetch(self) -> bool:
        return bool(self.client_id and self._secret)

    # --- the shared decisions ---------------------------------------------------------------

    def _cached(self, stale: str | None) -> str | None:
        """The token to use now, or None if one must be fetched (``stale`` was refused)."""
        token = self._token
        if token is None or token.value == stale:
            return None
        if token.usable(self._clock()) or not self.can_fetch:
            return token.value
        return None

    def _token_request(self) -> httpx.Request:
        assert self.client_id and self._secret
        self.fetches += 1
        log.debug("fetching an access token from %s", self.token_url)
        body = ClientCredentialsTokenRequest(
            grant_type=ClientCredentialsTokenRequestGrantType.CLIENT_CREDENTIALS,
            client_id=self.client_id,
            client_secret=self._secret,
        )
        kwargs = create_access_token._get_kwargs(body=body)
        return httpx.Request(
            kwargs["method"].upper(),
            self.token_url,  # the configured URL, never a path under the API's base_url
            data=kwargs["data"],
            headers={**kwargs["headers"], "Accept": _ACCEPT, "User-Agent": USER_AGENT},
            # Fetching a token twice is harmless: let the retry policy retry the POST.
            extensions={
                "timeout": self._timeout.as_dict(),
                IDEMPOTENT: True,
                MAX_BYTES: MAX_TOKEN_BYTES,
            },
        )

    def _accept(self, response: httpx.Response) -> str:
        self._answers += 1
        try:
            self._token = token_from_response(response, self._clock())
        except errors.CatalogClientError as exc:
            self._refusal = (self._answers, exc)
            raise
        self._refusal = None
        return self._token.value

    def _raise_shared_failure(self, answers_seen: int) -> None:
        """Fail with the token answer that failed while this request waited for the lock.

        The requests queued behind one fetch share its outcome, a failure included: a token
        endpoint answering 503 gets one fetch (and its retries) per wave of concurrent
        requests, not one per request in a row. A request that arrives after the failure
        tries again. A fetch that ends in a connection error is not shared (httpx does not
        show the flow that error); waiters then fetch in turn, as before.
        """
        refusal = self._refusal
        if refusal is not None and refusal[0] > answers_seen:
            raise _copy_of(refusal[1])

    @staticmethod
    def _authorize(request: httpx.Request, token: str) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token}"
        return request

    # --- the flow: one generator, two drivers that differ only in the lock held ------------

    def _flow(self, request: httpx.Request) -> Generator[httpx.Request | _Fetch, Any, None]:
        """The auth logic. Yields the request to send (and receives its response), or a
        ``_Fetch`` that the driver runs under its lock (and receives the token)."""
        stale: str | None = None
        for attempt in range(2):
            token = self._cached(stale)
            if token is None:
                token = yield _Fetch(stale, self._answers)
            response = yield self._authorize(request, token)
            # Once: a fresh token that is refused too means the credentials are the problem.
            if not (response.status_code == 401 and attempt == 0 and self.can_fetch):
                return
            stale = token

    def _fetch_step(self, fetch: _Fetch) -> str | httpx.Request:
        """Under the lock: a token fetched meanwhile by another request, else the token
        request to send (its answer goes to ``_accept``)."""
        token = self._cached(fetch.stale)
        if token is not None:
            return token
        self._raise_shared_failure(fetch.answers_seen)
        return self._token_request()

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, Any, None]:
        flow, sent = self._flow(request), None
        while (step := _next(flow, sent)) is not None:
            if isinstance(step, _Fetch):
                with self._thread_lock:  # one fetch for all threads
                    got = self._fetch_step(step)
                    sent = got if isinstance(got, str) else self._accept((yield got))
            else:
                sent = yield step

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, Any]:
        flow, sent = self._flow(request), None
        while (step := _next(flow, sent)) is not None:
            if isinstance(step, _Fetch):
                if self._async_lock is None:  # no await since the check: one lock is made
                    import asyncio  # here, not at the top: a sync user does not pay its import

                    self._async_lock = asyncio.Lock()
                async with self._async_lock:  # one fetch for all tasks
                    got = self._fetch_step(step)
                    sent = got if isinstance(got, str) else self._accept((yield got))
            else:
                sent = yield step


@attrs.frozen
class _Fetch:
    """The flow needs a token: ``stale`` was refused (or None), and ``answers_seen`` token
    answers had been read when it found out."""

    stale: str | None
    answers_seen: int


def _next(flow: Generator[httpx.Request | _Fetch, Any, None], sent: Any) -> Any:
    try:
        return flow.send(sent)
    except StopIteration:
        return None
