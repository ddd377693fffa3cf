"""What both Propeller clients share: settings, credentials and the operation caller, all
checked in the constructor, before any I/O. The shells in ``_client`` only send and await."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import httpx
from propeller_generated import _rules
from propeller_generated._typed import CategoryBySourceDict, CategoryDict, DirectiveDict

from .. import _config
from .._http import HttpSettings, RetryPolicy
from .._http.transport import DEFAULT_MAX_RESPONSE_BYTES
from .._operations import OperationCaller
from ._auth import ClientCredentialsAuth
from ._bulk import MAX_CONCURRENCY, BulkUpsert
from ._errors import read_error_envelope
from ._inputs import Category, CategoryBySource, Directives
from ._results import Progress
from ._validation import BY_ID, ItemRules

DEFAULT_BASE_URL = _rules.SERVER_URL
DEFAULT_TOKEN_URL = _rules.TOKEN_URL

# The typed dicts are the spec's wire shapes (IDE completion, checking of annotated data);
# any mapping is accepted too, and validated against the spec at run time.
Directiveish = Directives | Sequence[DirectiveDict | Mapping[str, Any]] | None
CategoryItems = Iterable[Category | CategoryDict | Mapping[str, Any]]
CategoryBySourceItems = Iterable[CategoryBySource | CategoryBySourceDict | Mapping[str, Any]]
ProgressCallback = Callable[[Progress], object] | None


class _PropellerBase:
    """Settings shared by both shells, all checked in the constructor, before any I/O."""

    default_concurrency = 1

    def __init__(
        self,
        client_id: str | None = None,
        client_secret: str | None = None,
        *,
        base_url: str | None = None,
        token_url: str | None = None,
        access_token: str | None = None,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = 3,
        retry_policy: RetryPolicy | None = None,
        concurrency: int | None = None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        proxy: str | None = None,
        trust_env: bool = True,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
    ) -> None:
        """Check every setting and open the connection pool (no token is fetched yet).

        Args:
            client_id: the OAuth2 client id (else PROPELLER_CLIENT_ID).
            client_secret: its secret (else PROPELLER_CLIENT_SECRET); tokens are fetched
                from ``token_url`` on first use and refreshed before they expire.
            base_url: the REST base (else PROPELLER_BASE_URL, else the spec's server); https,
                or http on a loopback host only.
            token_url: the OAuth2 token endpoint (else PROPELLER_TOKEN_URL, else the spec's).
            access_token: a ready token instead of the credentials; used as it is, so a 401
                is final.
            timeout: seconds for each connect, read, write and pool wait, or an
                ``httpx.Timeout``.
            max_retries: retries after a retryable failure (0 to 10).
            retry_policy: replaces the default ``RetryPolicy(max_retries=...)``.
            concurrency: the default number of chunks in flight in the bulk methods (1 to
                20; 1 for ``PropellerClient``, 4 for ``AsyncPropellerClient``).
            transport: an ``httpx`` transport in place of real HTTP at the bottom of the
                stack (tests, benchmarks); sync for ``PropellerClient``, async for
                ``AsyncPropellerClient``.
            max_response_bytes: the bound of every response body, counted after
                decompression (``ResponseTooLargeError`` past it; 1 MiB for a token).
            proxy: a proxy URL for every request, the token's included.
            trust_env: without ``proxy``, take HTTPS_PROXY / HTTP_PROXY / ALL_PROXY /
                NO_PROXY from the environment, as httpx does.
            http_client: your own ``httpx.Client`` (``httpx.AsyncClient`` for the async
                client), for its proxies, certificates, mounts or event hooks: every request
                goes through it, under this client's policy (pacing, retries, deadline, body
                bounds). It stays open when this client closes; not with ``transport`` or
                ``proxy``.

        Raises:
            ConfigurationError: a missing credential, a bad URL, or a setting out of range.
        """
        self._options = _config.arguments(locals())
        client_id = _config.from_env(client_id, "PROPELLER_CLIENT_ID")
        client_secret = _config.from_env(client_secret, "PROPELLER_CLIENT_SECRET")
        if not access_token:
            _config.require(client_id, "Propeller client id", "PROPELLER_CLIENT_ID")
            _config.require(client_secret, "Propeller client secret", "PROPELLER_CLIENT_SECRET")
        base = _config.from_env(base_url, "PROPELLER_BASE_URL", DEFAULT_BASE_URL)
        tokens = _config.from_env(token_url, "PROPELLER_TOKEN_URL", DEFAULT_TOKEN_URL)
        assert base is not None and tokens is not None
        settings = _config.http_settings(
            self,
            self._options,
            base_url=base,
            headers={"Accept": ", ".join(BY_ID.operation.response_media_types)},
            max_connections=MAX_CONCURRENCY,
        )
        self.base_url, self.timeout = settings.base_url, settings.timeout
        self.token_url = _config.check_url(tokens, "token_url")
        if concurrency is None:
            concurrency = self.default_concurrency
        self.concurrency = _config.check_count(
            concurrency, "concurrency", minimum=1, maximum=MAX_CONCURRENCY
        )
        self.auth = ClientCredentialsAuth(
            token_url=self.token_url,
            client_id=client_id,
            client_secret=client_secret,
            access_token=access_token or None,
            timeout=self.timeout,
        )
        self._redacted = (_config.redact(client_secret), _config.redact(access_token))
        self._caller = OperationCaller(
            _rules.OPERATIONS,
            _rules.SCHEMAS,
            read_error_envelope,
            servers=(DEFAULT_BASE_URL, self.base_url),
        )
        self._connect(settings, self.auth)

    _transport_kind: type[Any]  # the shell's

    def _connect(self, settings: HttpSettings, auth: httpx.Auth | None) -> None:
        raise NotImplementedError  # the shell's

    def _share_with(self, copy: Any) -> None:
        """A ``with_options`` copy with the same credentials uses this client's token."""
        if self.auth.same_credentials(copy.auth):
            copy.auth = copy._http.auth = self.auth

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, token_url={self.token_url!r}, "
            f"client_id={self.auth.client_id!r}, "
            f"client_secret={self._redacted[0]}, access_token={self._redacted[1]})"
        )

    def _start(self, rules: ItemRules, arguments: dict[str, Any]) -> BulkUpsert:
        """The call's plan from a bulk method's own arguments (its ``locals()``)."""
        options = _config.arguments(arguments)
        items = options.pop(next(iter(options)))  # the first argument: what to upsert
        if options["concurrency"] is None:
            options["concurrency"] = self.concurrency
        return BulkUpsert(items, rules=rules, **options)
