"""``KlaviyoClient`` and ``AsyncKlaviyoClient``: thin sync and async shells over ``_core``.

Everything that is not I/O (settings, argument checks, request shape, page parsing, the
cursor walk) is shared; each shell only sends the request and awaits or not.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from types import TracebackType
from typing import Any, Self

import httpx
from klaviyo_generated import _rules

from .. import _config
from .._http import HttpSettings, RetryPolicy, build_async_client, build_sync_client
from .._http.pacing import RateLimit
from ..errors import ConfigurationError, InputValidationError
from . import _core
from ._auth import KeyAuth, header_safe, pacer_for
from ._models import Job, Page
from ._paging import LIST_JOBS
from ._query import Query, check_cursor, check_revision

DEFAULT_BASE_URL = _rules.SERVER_URL
DEFAULT_REVISION = _rules.DEFAULT_REVISION  # the newest revision the spec describes
# The spec's limits (x-klaviyo-ratelimit) of the list operation: per account, fixed windows.
DEFAULT_RATE_LIMITS = tuple(RateLimit(count, period) for count, period in LIST_JOBS.rate_limits)
_SCHEMES = _rules.CREDENTIAL_SCHEMES


class _KlaviyoBase:
    """Settings shared by both shells, all checked here, before any request.

    ``api_key`` (or KLAVIYO_API_KEY) is a private key, sent with the spec's scheme word
    (``Klaviyo-API-Key <key>``). An OAuth app passes ``access_token=`` instead (sent as
    ``Bearer <token>``); the two are exclusive. ``base_url`` (KLAVIYO_BASE_URL, default: the
    spec's server) must be https, or http on a loopback host. ``revision`` (KLAVIYO_REVISION,
    default ``DEFAULT_REVISION``, the newest the spec describes) is sent as the revision
    header of every request, and picks the path spelling and sparse fields of that revision.
    ``retry_policy``, when given, replaces the default ``RetryPolicy(max_retries=...)``.
    ``rate_limits`` paces requests on the client side (the spec's limits by default), shared
    by every client of the process that uses the same key and base URL; None or () switches
    pacing off.
    ``transport`` replaces real HTTP at the bottom of the stack (tests, benchmarks).
    """

    _transport_type: type[Any] = httpx.BaseTransport

    def __init__(
        self,
        api_key: str | None = None,
        *,
        access_token: str | None = None,
        base_url: str | None = None,
        revision: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        retry_policy: RetryPolicy | None = None,
        rate_limits: Sequence[RateLimit] | None = DEFAULT_RATE_LIMITS,
        transport: Any = None,
    ) -> None:
        if api_key is not None and access_token is not None:
            raise ConfigurationError("pass either api_key or access_token, not both")
        if access_token is not None:
            secret, scheme = access_token, _SCHEMES["access_token"]
        else:
            secret = _config.from_env(api_key, "KLAVIYO_API_KEY") or ""
            scheme = _SCHEMES["api_key"]
        if not isinstance(secret, str):
            raise ConfigurationError(f"the Klaviyo credential must be a string, not {type(secret)}")
        uses_token = access_token is not None
        if not secret:
            what = "Klaviyo access token" if uses_token else "Klaviyo API key"
            raise ConfigurationError(
                f"missing {what}: pass api_key= (or access_token=) or set KLAVIYO_API_KEY"
            )
        if not header_safe(secret):
            raise ConfigurationError(
                "the Klaviyo credential contains spaces or non-printable characters"
            )
        base = _config.from_env(base_url, "KLAVIYO_BASE_URL", DEFAULT_BASE_URL)
        assert base is not None
        self.base_url = _config.check_url(base, "base_url")
        self.revision = check_revision(
            _config.from_env(revision, "KLAVIYO_REVISION", DEFAULT_REVISION)
        )
        timeout_s = _config.check_positive(timeout, "timeout")
        assert timeout_s is not None
        self.timeout = timeout_s
        _config.check_count(max_retries, "max_retries", maximum=10)
        if retry_policy is not None and not isinstance(retry_policy, RetryPolicy):
            raise ConfigurationError(f"retry_policy must be a RetryPolicy, got {retry_policy!r}")
        if transport is not None and not isinstance(transport, self._transport_type):
            raise ConfigurationError(
                f"{type(self).__name__} needs an httpx.{self._transport_type.__name__} "
                f"as transport, got {type(transport).__name__}"
            )
        self._uses_token = uses_token
        settings = HttpSettings(
            base_url=self.base_url,
            timeout=self.timeout,
            retry=retry_policy or RetryPolicy(max_retries=max_retries),
            # The budget is per account on one server, hence key and base URL.
            pacer=pacer_for(f"{self.base_url} {secret}", rate_limits),
            headers={},
            transport=transport if isinstance(transport, httpx.BaseTransport) else None,
            async_transport=transport if isinstance(transport, httpx.AsyncBaseTransport) else None,
        )
        self._connect(settings, KeyAuth(f"{scheme} {secret}", self.base_url))

    def _connect(self, settings: HttpSettings, auth: httpx.Auth) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        credential = "access_token" if self._uses_token else "api_key"
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, revision={self.revision!r}, "
            f"{credential}=<redacted>)"
        )

    def _query(self, arguments: dict[str, object]) -> Query:
        """The checked arguments of the list operation (every keyword is a spec parameter)."""
        return Query(LIST_JOBS, self.revision, arguments)

    def _first(self, cursor: object, arguments: dict[str, object]) -> dict[str, Any]:
        problems = check_cursor(cursor)
        try:
            query = self._query(arguments)
        except InputValidationError as exc:
            raise InputValidationError([*exc.problems, *problems]) from None
        if problems:
            raise InputValidationError(problems)
        assert cursor is None or isinstance(cursor, str)
        return query.request(cursor)


class KlaviyoClient(_KlaviyoBase):
    """Klaviyo catalog-category bulk-update jobs (sync).

    ``KlaviyoClient(api_key)``, or KLAVIYO_API_KEY / KLAVIYO_BASE_URL / KLAVIYO_REVISION from
    the environment. Use it as a context manager, or call ``close()``.
    """

    _http: httpx.Client

    def _connect(self, settings: HttpSettings, auth: httpx.Auth) -> None:
        self._http = build_sync_client(settings, auth)

    def list_category_bulk_update_jobs(
        self,
        status: str | None = None,
        fields: str | Iterable[str] | None = None,
        cursor: str | None = None,
        **params: Any,
    ) -> Page:
        """One page of jobs. ``cursor`` is a previous page's ``next_cursor``.

        ``status`` filters with ``equals(status,"...")``; ``fields`` is a sparse fieldset
        (a list of names, or one comma-separated string) of the configured revision. Any
        other parameter of the operation in the spec is a keyword too (snake_case). Bad
        arguments raise ``InputValidationError`` before anything is sent.
        """
        return self._get(self._first(cursor, {"status": status, "fields": fields, **params}))

    def iter_category_bulk_update_jobs(
        self,
        status: str | None = None,
        fields: str | Iterable[str] | None = None,
        **params: Any,
    ) -> Iterator[Job]:
        """Every job on every page, fetching each page when the previous one is used up.

        Takes the keywords of ``list_category_bulk_update_jobs`` but ``cursor``; every page
        is asked for with the same arguments.
        """
        # Checked now, not at the first next().
        query = self._query({"status": status, "fields": fields, **params})
        # chain: the jobs of a page come straight from its list; only the next page resumes
        # the generator, which fetches it when the previous page is used up.
        return itertools.chain.from_iterable(self._pages(_core.CursorWalk(query)))

    def _pages(self, walk: _core.CursorWalk) -> Iterator[list[Job]]:
        request: dict[str, Any] | None = walk.first()
        while request is not None:
            page = self._get(request)
            yield page.jobs
            request = walk.advance(page)
            # Let a used-up page go before the next one is fetched: two pages alive at once
            # got a page's objects promoted to the oldest GC generation, and then a full
            # collection ran during the walk (measured: 50-70 ms in benchmark 1b).
            del page

    def _get(self, request: dict[str, Any]) -> Page:
        try:
            response = self._http.request(**request)
        except httpx.HTTPError as exc:  # the transport maps these; this is the safety net
            raise _core.transport_error(exc) from exc
        return _core.parse_page(response)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncKlaviyoClient(_KlaviyoBase):
    """Klaviyo catalog-category bulk-update jobs (asyncio); same methods, awaited.

    ``async with AsyncKlaviyoClient(api_key) as k: async for job in
    k.iter_category_bulk_update_jobs(): ...``. Use ``aclose()`` outside ``async with``.
    """

    _transport_type = httpx.AsyncBaseTransport
    _http: httpx.AsyncClient

    def _connect(self, settings: HttpSettings, auth: httpx.Auth) -> None:
        self._http = build_async_client(settings, auth)

    async def list_category_bulk_update_jobs(
        self,
        status: str | None = None,
        fields: str | Iterable[str] | None = None,
        cursor: str | None = None,
        **params: Any,
    ) -> Page:
        """One page of jobs; see ``KlaviyoClient.list_category_bulk_update_jobs``."""
        return await self._get(self._first(cursor, {"status": status, "fields": fields, **params}))

    def iter_category_bulk_update_jobs(
        self,
        status: str | None = None,
        fields: str | Iterable[str] | None = None,
        **params: Any,
    ) -> AsyncIterator[Job]:
        """Every job on every page: ``async for job in client.iter_category_bulk_update_jobs()``."""
        query = self._query({"status": status, "fields": fields, **params})
        return self._iter(_core.CursorWalk(query))

    async def _iter(self, walk: _core.CursorWalk) -> AsyncIterator[Job]:
        request: dict[str, Any] | None = walk.first()
        while request is not None:
            page = await self._get(request)
            for job in page.jobs:
                yield job
            request = walk.advance(page)
            del page  # as in KlaviyoClient._pages: the next page is fetched alone

    async def _get(self, request: dict[str, Any]) -> Page:
        try:
            response = await self._http.request(**request)
        except httpx.HTTPError as exc:
            raise _core.transport_error(exc) from exc
        return _core.parse_page(response)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
