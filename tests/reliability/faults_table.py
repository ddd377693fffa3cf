"""The fault table: every fault the clients must survive, and what each client does about it.

One table drives ``test_fault_matrix.py`` (both clients, sync and async, over real loopback
HTTP against the sandbox) and ``scripts/fault_table.py`` (which writes docs/fault-table.md),
so the document cannot say something the tests do not check.

Attempts are counted with ``RETRIES`` (at most ``MAX_ATTEMPTS`` requests per call). The retry
policy retries 429/503/504 and connection failures for every idempotent request (Propeller's
bulk POST is marked idempotent: it is an upsert by id), and 500/502/52x only for reads, since
a POST that got a 500 may have been applied; a 2xx body that cannot be parsed is never
retried. Propeller's bulk call does not raise for a failed chunk: each item of the chunk is
reported in ``failures`` with the chunk's typed error.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from catalog_clients import errors
from catalog_clients._http import RetryPolicy

KLAVIYO_KEY = "pk_reliability_test_0123456789abcdef"
CLIENT_ID = "sandbox-client"
CLIENT_SECRET = "sandbox-secret"
RETRIES = RetryPolicy(backoff_base=0.001, backoff_max=0.002)
MAX_ATTEMPTS = RETRIES.max_retries + 1
# Queued copies of a fault that has to outlast every retry.
PERSISTING = MAX_ATTEMPTS + 2
# The client timeout of the read-timeout case, against a sandbox answer delayed by SLOW.
SHORT_TIMEOUT = 0.5
SLOW = 1

Api = Literal["klaviyo", "propeller"]
APIS: tuple[Api, ...] = ("klaviyo", "propeller")
Setup = Literal["", "closed-port", "short-timeout", "expired-token"]


def category(i: int, name: str = "C") -> dict[str, Any]:
    """A valid category for bulk by id, under the sandbox's root category (id 1)."""
    return {
        "id": i,
        "language": "EN",
        "names": [{"language": "EN", "value": f"{name}{i}"}],
        "parent": {"id": 1},
    }


@attrs.frozen
class Outcome:
    """What one client does: recovers (``error`` None) or ends with one typed error."""

    attempts: int  # requests sent to the faulted endpoint during the call
    error: type[errors.CatalogClientError] | None = None
    status: int | None = None  # the error's status_code
    retry_after: float | None = None  # RateLimitError.retry_after
    token_fetches: int | None = None  # token requests during the call, when checked

    def describe(self, noun: str = "attempt") -> str:
        tries = f"{self.attempts} {noun}{'s' if self.attempts != 1 else ''}"
        if self.error is None:
            text = f"recovers after {tries}"
        else:
            status = f" (HTTP {self.status})" if self.status is not None else ""
            text = f"`{self.error.__name__}`{status} after {tries}"
            if self.retry_after is not None:
                text += f", `retry_after={self.retry_after:g}`"
        if self.token_fetches is not None:
            text += f"; {self.token_fetches} token refresh"
        return text


def recovers(attempts: int, *, token_fetches: int | None = None) -> Outcome:
    return Outcome(attempts, token_fetches=token_fetches)


def raises(
    error: type[errors.CatalogClientError],
    attempts: int,
    status: int | None = None,
    retry_after: float | None = None,
) -> Outcome:
    return Outcome(attempts, error, status, retry_after)


@attrs.frozen
class FaultCase:
    """One fault: how the sandbox (or the setup) plays it, and each client's outcome.

    ``inject`` is a sandbox fault; ``{api}`` stands for the client's endpoint (``klaviyo`` or
    ``propeller``). ``count`` copies are queued. ``endpoint`` is where attempts are counted.
    An outcome of None means the fault does not apply to that client.
    """

    id: str
    fault: str
    klaviyo: Outcome | None
    propeller: Outcome | None
    inject: str = ""
    count: int = 1
    setup: Setup = ""
    endpoint: Literal["api", "token"] = "api"
    body_hint: str = ""  # a piece of the error body that the exception's excerpt must keep
    min_seconds: float = 0.0  # the call must wait at least this long (Retry-After)

    def faults(self, api: Api) -> list[str]:
        return [self.inject.format(api=api)] * self.count if self.inject else []

    def outcome(self, api: Api) -> Outcome | None:
        outcome: Outcome | None = getattr(self, api)
        return outcome

    def how(self) -> str:
        if self.setup == "closed-port":
            return "the API base URL points at a closed loopback port"
        shown = f"`{self.inject.format(api='<api>')}`" if self.inject else ""
        times = " persisting" if self.count > 1 else ""
        extra = {
            "short-timeout": f" with a {SHORT_TIMEOUT:g} s client timeout",
            "expired-token": "`POST /__sandbox__/expire-tokens` after a first call",
        }.get(self.setup, "")
        return f"{shown}{times}{extra}"


_5XX = errors.ServerError
# The outcomes several rows share.
RETRIED_ONCE = recovers(2)
GAVE_UP_CONNECTING = raises(errors.APIConnectionError, MAX_ATTEMPTS)
UNDECODABLE = raises(errors.ResponseDecodeError, 1, 200)
FAULTS: tuple[FaultCase, ...] = (
    FaultCase(
        "refused",
        "connection refused",
        GAVE_UP_CONNECTING,
        GAVE_UP_CONNECTING,
        setup="closed-port",
    ),
    FaultCase(
        "reset",
        "connection closed before the body",
        RETRIED_ONCE,
        RETRIED_ONCE,
        inject="{api}:reset",
    ),
    FaultCase(
        "reset-persisting",
        "connection closed before the body, on every attempt",
        GAVE_UP_CONNECTING,
        GAVE_UP_CONNECTING,
        inject="{api}:reset",
        count=PERSISTING,
    ),
    FaultCase(
        "cut-body",
        "connection reset mid-response (body cut)",
        RETRIED_ONCE,
        RETRIED_ONCE,
        inject="{api}:truncate",
    ),
    FaultCase(
        "read-timeout",
        "read timeout",
        RETRIED_ONCE,
        RETRIED_ONCE,
        inject=f"{{api}}:slow:{SLOW}",
        setup="short-timeout",
    ),
    FaultCase(
        "429-retry-after-1",
        "429 with Retry-After: 1",
        RETRIED_ONCE,
        RETRIED_ONCE,
        inject="{api}:429:1",
        min_seconds=1.0,
    ),
    FaultCase(
        "429-retry-after-86400",
        "429 with Retry-After: 86400",
        raises(errors.RateLimitError, 1, 429, retry_after=86400),
        raises(errors.RateLimitError, 1, 429, retry_after=86400),
        inject="{api}:429:86400",
        body_hint="throttled",
    ),
    FaultCase(
        "500",
        "500",
        RETRIED_ONCE,
        raises(_5XX, 1, 500),
        inject="{api}:500",
        body_hint="A server error occurred",
    ),
    FaultCase(
        "502-html",
        "502 (HTML)",
        RETRIED_ONCE,
        raises(_5XX, 1, 502),
        inject="{api}:502",
        body_hint="502 Bad Gateway",
    ),
    FaultCase("503", "503", RETRIED_ONCE, RETRIED_ONCE, inject="{api}:503"),
    FaultCase(
        "503-persisting",
        "503 on every attempt",
        raises(_5XX, MAX_ATTEMPTS, 503),
        raises(_5XX, MAX_ATTEMPTS, 503),
        inject="{api}:503",
        count=PERSISTING,
        body_hint="Service temporarily unavailable",
    ),
    FaultCase("504", "504 (HTML)", RETRIED_ONCE, RETRIED_ONCE, inject="{api}:504"),
    FaultCase(
        "520",
        "520 (HTML)",
        RETRIED_ONCE,
        raises(_5XX, 1, 520),
        inject="{api}:520",
        body_hint="520: Web server is returning an unknown error",
    ),
    FaultCase(
        "truncated-json",
        "200 with a truncated JSON body",
        UNDECODABLE,
        UNDECODABLE,
        inject="{api}:truncjson",
        body_hint='{"data": [{',
    ),
    FaultCase(
        "html-200",
        "200 with text/html",
        UNDECODABLE,
        UNDECODABLE,
        inject="{api}:html200",
        body_hint="Down for maintenance",
    ),
    FaultCase(
        "off-schema-200",
        "200 with JSON off the schema",
        UNDECODABLE,
        UNDECODABLE,
        inject="{api}:badschema200",
        body_hint='"data"',
    ),
    FaultCase(
        "expired-token",
        "expired access token (401)",
        None,
        recovers(2, token_fetches=1),
        setup="expired-token",
        body_hint="",
    ),
    FaultCase(
        "token-endpoint-down",
        "token endpoint down (503, persisting)",
        None,
        raises(_5XX, MAX_ATTEMPTS, 503),
        inject="token:503",
        count=PERSISTING,
        endpoint="token",
        body_hint="temporarily_unavailable",
    ),
)


@attrs.frozen
class WireFault:
    """A fault that lives on the wire or in the input, with what the clients do and the test
    (``file::function``) that checks it; test_fault_table_doc holds each test to exist."""

    fault: str
    outcome: str
    test: str


WIRE_FAULTS: tuple[WireFault, ...] = (
    WireFault(
        "a body that trickles in (1 byte every 0.2 s, each read quick)",
        "`APITimeoutError` at the call's `deadline`, not the per-read timeout times retries",
        "test_wire_bounds.py::test_a_trickling_body_is_stopped_at_the_calls_deadline",
    ),
    WireFault(
        "a gzip bomb (64 MiB behind a few KiB), also as `gzip, gzip`",
        "`ResponseTooLargeError` at `max_response_bytes`, memory bounded by the limit",
        "test_wire_bounds.py::test_a_decompression_bomb_stops_at_the_limit_with_bounded_memory",
    ),
    WireFault(
        "a chunked body larger than the limit",
        "`ResponseTooLargeError`, stopped while streaming",
        "test_wire_bounds.py::test_a_plain_body_over_the_limit_is_refused_while_streaming",
    ),
    WireFault(
        "a `Content-Encoding` the client did not ask for (br)",
        "`APIConnectionError` naming it",
        "test_wire_bounds.py::test_an_encoding_the_client_did_not_ask_for_is_a_typed_error",
    ),
    WireFault(
        "fresh cursors forever on empty pages",
        "`max_pages=` ends the walk; `klaviyo jobs --limit N` walks at most N pages",
        "test_wire_bounds.py::test_max_pages_stops_a_server_that_never_stops_handing_out_cursors",
    ),
    WireFault(
        "`RateLimit-Reset` beyond the cap (61, 1e12, inf)",
        "the next call fails fast: `RateLimitError` with `retry_after`, nothing sent",
        "../http/test_http_pacing.py::test_a_reset_beyond_the_cap_fails_the_next_call_fast_without_sending",
    ),
    WireFault(
        "a pacing wait past the call's deadline",
        "`APITimeoutError`, no sleep",
        "../http/test_http_pacing.py::test_a_pacing_wait_past_the_deadline_is_not_made",
    ),
    WireFault(
        "an access token with CR/LF, spaces or non-ASCII",
        "`AuthenticationError`; the token is never shown or sent",
        "../propeller/test_propeller_auth.py::test_a_token_that_is_not_a_header_value_is_refused_and_never_shown",
    ),
    WireFault(
        "counts beyond 64 bits",
        "read exactly, as Python ints",
        "../klaviyo/test_klaviyo_core.py::test_counts_beyond_64_bits_are_read_exactly",
    ),
    WireFault(
        "a date-time whose UTC instant Python cannot hold",
        "`None` for that field; the page is kept",
        "../klaviyo/test_klaviyo_core.py::test_a_valid_date_time_beyond_pythons_utc_range_is_none_not_a_lost_page",
    ),
    WireFault(
        "the first chunks all refused (closed port, DNS, TLS, 404)",
        'stops after `fail_fast` (3) chunks; the rest are failures saying "not sent"',
        "../propeller/test_propeller_fail_fast.py::test_the_first_three_chunks_failing_alike_stop_the_call",
    ),
    WireFault(
        "the input iterator or `on_progress` raising midway",
        "the exception carries a note of what was confirmed, and `partial_result`",
        "../propeller/test_propeller_fail_fast.py::test_an_input_iterator_that_raises_midway_carries_what_was_confirmed",
    ),
    WireFault(
        "one async client used from a second event loop",
        "`ConfigurationError`: one client per loop",
        "../test_with_options.py::test_an_async_client_used_from_a_second_event_loop_is_a_configuration_error",
    ),
    WireFault(
        "Ctrl-C during `propeller upsert`",
        "summary printed, failed and unconfirmed items in the failures file, exit 130",
        "../cli/test_upsert.py::test_ctrl_c_prints_the_summary_and_writes_what_is_left",
    ),
    WireFault(
        "a JSONL line nested 100,000 deep; a lone surrogate",
        "exit 2 naming the line; the dry run refuses the surrogate, the failures file keeps it",
        "../cli/test_upsert.py::test_a_lone_surrogate_is_caught_by_the_dry_run_and_written_back_safely",
    ),
)
