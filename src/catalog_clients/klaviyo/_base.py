"""What both Klaviyo clients share: settings, credentials, the operation caller, and the
requests of the friendly methods. The shells in ``_client`` only send and await."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import httpx
from klaviyo_generated import _rules

from .. import _config
from .._http import HttpSettings, RetryPolicy
from .._http.pacing import Pacer, RateLimit
from .._http.responses import json_body, raise_for_status, schema_mismatch
from .._http.transport import DEFAULT_MAX_RESPONSE_BYTES
from .._operations import OperationCaller
from ..errors import CatalogClientError, ConfigurationError, InputValidationError, Problem
from . import _core
from ._auth import KeyAuth, pacer_for
from ._jobs import CREATE_JOB, GET_JOB, JobBatches, read_one
from ._kinds import Mismatch
from ._models import Job
from ._paging import LIST_JOBS
from ._query import Query, accept_for, check_cursor, check_revision, path_for

DEFAULT_BASE_URL = _rules.SERVER_URL
DEFAULT_REVISION = _rules.DEFAULT_REVISION  # the newest revision the spec describes
# The spec's limits (x-klaviyo-ratelimit) of the list operation: per account, fixed windows.
DEFAULT_RATE_LIMITS = tuple(RateLimit(count, period) for count, period in LIST_JOBS.rate_limits)
_SCHEMES = _rules.CREDENTIAL_SCHEMES


class _KlaviyoBase:
    """Settings shared by both shells, all checked in the constructor, before any request."""

    _transport_kind: type[Any]  # the shell's

    def __init__(
        self,
        api_key: str | None = None,
        *,
        access_token: str | None = None,
        base_url: str | None = None,
        revision: str | None = None,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = 3,
        retry_policy: RetryPolicy | None = None,
        rate_limits: Sequence[RateLimit] | None = DEFAULT_RATE_LIMITS,
        transport: Any = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        proxy: str | None = None,
        trust_env: bool = True,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
    ) -> None:
        """Check every setting and open the connection pool (nothing is sent yet).

        Args:
            api_key: a private API key (else KLAVIYO_API_KEY), sent with the spec's scheme
                word (``Klaviyo-API-Key <key>``).
            access_token: an OAuth app's token instead of a key, sent as ``Bearer <token>``;
                the two are exclusive.
            base_url: the API server (else KLAVIYO_BASE_URL, else the spec's); https, or
                http on a loopback host only.
            revision: the revision header of every request (else KLAVIYO_REVISION, else
                ``DEFAULT_REVISION``, the newest the spec describes); it also picks the path
                spelling and the sparse fields of that revision.
            timeout: seconds for each connect, read, write and pool wait, or an
                ``httpx.Timeout``.
            max_retries: retries after a retryable failure (0 to 10).
            retry_policy: replaces the default ``RetryPolicy(max_retries=...)``.
            rate_limits: client-side pacing (the spec's limits of each operation by default),
                shared by every client of the process with the same key and base URL; None
                or () switches pacing off.
            transport: an ``httpx`` transport in place of real HTTP at the bottom of the
                stack (tests, benchmarks); sync for ``KlaviyoClient``, async for
                ``AsyncKlaviyoClient``.
            max_response_bytes: the bound of every response body, counted after
                decompression (``ResponseTooLargeError`` past it).
            proxy: a proxy URL for every request.
            trust_env: without ``proxy``, take HTTPS_PROXY / HTTP_PROXY / ALL_PROXY /
                NO_PROXY from the environment, as httpx does.
            http_client: your own ``httpx.Client`` (``httpx.AsyncClient`` for the async
                client), for its proxies, certificates, mounts or event hooks: every request
                goes through it, under this client's policy (pacing, retries, deadline, body
                bounds). It stays open when this client closes; not with ``transport`` or
                ``proxy``.

        Raises:
            ConfigurationError: a missing credential, a bad URL or revision, or a setting
                out of range.
        """
        self._options = _config.arguments(locals())
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
        if not _config.header_safe(secret):
            raise ConfigurationError(
                "the Klaviyo credential contains spaces or non-printable characters"
            )
        base = _config.from_env(base_url, "KLAVIYO_BASE_URL", DEFAULT_BASE_URL)
        assert base is not None
        settings = _config.http_settings(self, self._options, base_url=base)
        self.base_url, self.timeout = settings.base_url, settings.timeout
        self.revision = check_revision(
            _config.from_env(revision, "KLAVIYO_REVISION", DEFAULT_REVISION)
        )
        self._uses_token = uses_token
        # The budget is per account on one server, hence key and base URL.
        identity = f"{self.base_url} {secret}"
        pacer = pacer_for(identity, rate_limits)

        def pacer_of(operation: _rules.Operation) -> Pacer | None:
            # Each operation has limits of its own (x-klaviyo-ratelimit), unless the caller
            # chose limits (one budget for all) or none.
            if pacer is None or rate_limits is not DEFAULT_RATE_LIMITS or not operation.rate_limits:
                return pacer
            limits = tuple(RateLimit(count, period) for count, period in operation.rate_limits)
            return pacer_for(identity, limits)

        self._caller = OperationCaller(
            _rules.OPERATIONS,
            _rules.SCHEMAS,
            _core.read_error_body,
            revision=self.revision,
            revision_header=_rules.REVISION_HEADER,
            spelling=_spelling,
            pacer_of=pacer_of,
        )
        settings = attrs.evolve(settings, pacer=pacer)
        self._connect(settings, KeyAuth(f"{scheme} {secret}", self.base_url))

    def _share_with(self, copy: Any) -> None:
        """Nothing beyond the pool: the key is a constructor argument."""

    def _connect(self, settings: HttpSettings, auth: httpx.Auth) -> None:
        raise NotImplementedError  # the shell's

    def __repr__(self) -> str:
        credential = "access_token" if self._uses_token else "api_key"
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, revision={self.revision!r}, "
            f"{credential}=<redacted>)"
        )

    def _query(self, arguments: dict[str, object]) -> Query:
        """The checked arguments of the list operation (every keyword is a spec parameter)."""
        return Query(LIST_JOBS, self.revision, arguments)

    def _checked_query(self, arguments: dict[str, object], problems: list[Problem]) -> Query:
        """The list query, or every problem of it and of ``problems`` (the other arguments)."""
        try:
            query = self._query(arguments)
        except InputValidationError as exc:
            raise InputValidationError([*exc.problems, *problems]) from None
        if problems:
            raise InputValidationError(problems)
        return query

    def _walk(self, arguments: dict[str, object], max_pages: object = None) -> _core.CursorWalk:
        """The checked walk over every page (at most ``max_pages``), before any request."""
        problems = []
        if max_pages is not None and (
            isinstance(max_pages, bool) or not isinstance(max_pages, int) or max_pages < 1
        ):
            message = f"must be an integer >= 1, got {max_pages!r}"
            problems.append(Problem(None, "max_pages", message))
        query = self._checked_query(arguments, problems)
        assert max_pages is None or isinstance(max_pages, int)
        return _core.CursorWalk(lambda cursor: self._page_request(query, cursor), max_pages)

    def _page_request(self, query: Query, cursor: str | None = None) -> dict[str, Any]:
        return self._caller.finish(query.operation, query.request(cursor), {})

    def _get_job_request(self, job_id: object, fields: object) -> dict[str, Any]:
        if not isinstance(job_id, str) or not job_id:
            message = f"must be a non-empty string, got {job_id!r}"
            raise InputValidationError([Problem(None, "job_id", message)])
        query = Query(GET_JOB, self.revision, {"fields": fields})
        path_param = next(p.python for p in GET_JOB.params if p.location == "path")
        return self._caller.finish(GET_JOB, query.request(), {path_param: job_id})

    def _create_requests(self, categories: Iterable[object]) -> list[dict[str, Any]]:
        """One request per job of at most the spec's item limit; every category checked
        before any is sent."""
        batches = JobBatches(categories)
        headers = {_rules.REVISION_HEADER: self.revision}
        if CREATE_JOB.request_media_type:
            headers["Content-Type"] = CREATE_JOB.request_media_type
        return [
            self._caller.finish(
                CREATE_JOB,
                {"method": CREATE_JOB.method, "json": body, "headers": dict(headers)},
                {},
            )
            for body in batches.bodies()
        ]

    def _first(self, cursor: object, arguments: dict[str, object]) -> dict[str, Any]:
        query = self._checked_query(arguments, check_cursor(cursor))
        assert cursor is None or isinstance(cursor, str)
        return self._page_request(query, cursor)


def _spelling(operation: _rules.Operation, revision: str | None) -> tuple[str, str | None]:
    assert revision is not None
    return path_for(operation, revision), accept_for(operation, revision)


def _note_created(error: CatalogClientError, jobs: list[Job]) -> None:
    if jobs:
        ids = ", ".join(str(job.id) for job in jobs)
        error.add_note(f"created before this error ({len(jobs)} job(s)): {ids}")


def _one_job(response: httpx.Response) -> Job:
    """The job of a one-job answer, or the typed error."""
    raise_for_status(response, _core.read_error_body)
    try:
        return read_one(json_body(response))
    except Mismatch as exc:
        raise schema_mismatch(response, str(exc)) from None
