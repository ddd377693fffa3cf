"""The exception hierarchy of catalog_clients, modelled on openai-python's.

Every failure a caller can see is one of these types; raw httpx, JSON or KeyError exceptions
never escape the clients. Vendor detail rides on the exception: Klaviyo's JSON:API ``errors``
list, and Propeller's ``code``/``type``/``messages``/``more_info``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CatalogClientError",
    "ConfigurationError",
    "ErrorDetail",
    "InputValidationError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "Problem",
    "RateLimitError",
    "ResponseDecodeError",
    "ResponseTooLargeError",
    "SchemaValidationError",
    "ServerError",
    "WaitTimeoutError",
    "status_error",
]

# Bodies are kept on exceptions for debugging, but bounded: a 5 MB HTML error page must not
# end up in a log line.
BODY_EXCERPT_CHARS = 2000
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid", "cf-ray")


def excerpt(body: bytes | str, limit: int = BODY_EXCERPT_CHARS) -> str:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    return text if len(text) <= limit else text[:limit] + f"... [{len(text) - limit} more chars]"


def request_id_from(headers: Mapping[str, str]) -> str | None:
    lowered = {k.lower(): v for k, v in headers.items()}
    return next((lowered[h] for h in REQUEST_ID_HEADERS if h in lowered), None)


def _rebuilt(cls: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class CatalogClientError(Exception):
    """Base class of every error raised by catalog_clients.

    Every error pickles to the same type, message and fields (multiprocessing, task queues),
    whatever its constructor takes: the state is restored, the constructor is not re-run.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuilt, (type(self), self.args, dict(vars(self)))


class ConfigurationError(CatalogClientError):
    """The client was constructed with a missing or unusable setting (raised before any I/O)."""


@attrs.frozen
class Problem:
    """One reason an input was refused: which item (None for a call argument), which field."""

    index: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = "" if self.index is None else f"item {self.index}"
        if self.field:
            where = f"{where} field {self.field!r}".strip()
        return f"{where}: {self.message}" if where else self.message


class InputValidationError(CatalogClientError, ValueError):
    """Input refused before any request was sent; ``problems`` names each item and field."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        shown = "; ".join(str(p) for p in self.problems[:20])
        more = len(self.problems) - 20
        super().__init__(f"invalid input: {shown}" + (f"; and {more} more" if more > 0 else ""))


class PaginationError(CatalogClientError):
    """The server's pagination links cannot be followed safely (no cursor, or a repeated one)."""


class WaitTimeoutError(CatalogClientError):
    """A job did not reach a terminal status in time; ``job`` is the last one seen."""

    def __init__(self, message: str, job: Any) -> None:
        super().__init__(message)
        self.job = job


class APIConnectionError(CatalogClientError):
    """The request did not get a complete response: refused, reset, cut mid-body, DNS..."""

    def __init__(self, message: str, *, method: str | None = None, url: str | None = None) -> None:
        self.method = method
        self.url = url
        where = f" ({method} {url})" if method and url else ""
        super().__init__(f"{message}{where}")


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write, pool, or the per-call deadline)."""


class ResponseTooLargeError(CatalogClientError):
    """A response body grew past ``limit`` bytes (counted after decompression); reading
    stopped there, so a huge or decompression-bomb body cannot exhaust memory."""

    def __init__(self, limit: int, *, method: str | None = None, url: str | None = None) -> None:
        self.limit, self.method, self.url = limit, method, url
        where = f" ({method} {url})" if method and url else ""
        super().__init__(f"the response body exceeds {limit} bytes, the limit{where}")


class ResponseDecodeError(CatalogClientError):
    """A 2xx response whose body cannot be parsed or does not match the schema.

    ``body`` keeps the raw text (bounded) so the caller can see what the server sent.
    """

    def __init__(
        self,
        message: str,
        *,
        body: bytes | str = b"",
        status_code: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status_code = status_code
        self.headers = dict(headers or {})
        self.request_id = request_id_from(self.headers)
        self.body = excerpt(body)
        rid = f" (request id {self.request_id})" if self.request_id else ""
        super().__init__(f"cannot decode response{rid}: {message}")


@attrs.frozen
class ErrorDetail:
    """One JSON:API error object from Klaviyo; every field may be None."""

    id: str | None = None
    status: int | None = None
    code: str | None = None
    title: str | None = None
    detail: str | None = None
    source_pointer: str | None = None
    source_parameter: str | None = None


class APIStatusError(CatalogClientError):
    """The server answered with a non-2xx status."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        headers: Mapping[str, str] | None = None,
        body: bytes | str = b"",
        errors: Sequence[ErrorDetail] = (),
        code: int | str | None = None,
        type: str | None = None,
        messages: Sequence[str] = (),
        more_info: str | None = None,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.method, self.url = method, url  # the request answered (origin and path)
        self.headers = dict(headers or {})
        self.request_id = request_id_from(self.headers)
        self.body = excerpt(body)
        self.errors = list(errors)  # Klaviyo's JSON:API errors
        self.code = code  # Propeller's error envelope, from here on
        self.type = type
        self.messages = list(messages)
        self.more_info = more_info
        rid = f" (request id {self.request_id})" if self.request_id else ""
        super().__init__(f"HTTP {status_code}: {message}{rid}")


class BadRequestError(APIStatusError):
    """400 and the other 4xx statuses that mean "this request is wrong"."""


class SchemaValidationError(BadRequestError):
    """Propeller's schema-validation refusal: a 400 whose error code the spec maps here."""


class AuthenticationError(APIStatusError):
    """401, or a token endpoint that refused the client credentials."""


class PermissionDeniedError(APIStatusError):
    """403: the key lacks a scope (Klaviyo: catalogs:read)."""


class NotFoundError(APIStatusError):
    """404."""


class RateLimitError(APIStatusError):
    """429; ``retry_after`` is the server's wait in seconds (float), or None if it gave none."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class ServerError(APIStatusError):
    """5xx, including non-IANA statuses such as Cloudflare's 520."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


def status_error(
    status_code: int, message: str, *, schema_error: bool = False, **kwargs: Any
) -> APIStatusError:
    """The exception type for a status: the one place that maps statuses to the hierarchy."""
    cls: type[APIStatusError]
    if schema_error:
        cls = SchemaValidationError
    elif status_code in _BY_STATUS:
        cls = _BY_STATUS[status_code]
    elif status_code >= 500:
        cls = ServerError
    elif 400 <= status_code < 500:
        cls = BadRequestError
    else:  # 1xx/3xx that reached us: unexpected, but still a status error
        cls = APIStatusError
    retry_after = kwargs.pop("retry_after", None)
    if cls is RateLimitError:
        kwargs["retry_after"] = retry_after
    return cls(message, status_code=status_code, **kwargs)
