"""The ``catalog_clients`` logger: env switch and redaction.

``CATALOG_CLIENTS_LOG=debug`` (or ``info``) attaches a stderr handler, like ``OPENAI_LOG``.
Nothing that could carry a secret is logged: auth headers are redacted and bodies are never
logged (a token request body holds the client secret).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

import httpx

logger = logging.getLogger("catalog_clients")
ENV_VAR = "CATALOG_CLIENTS_LOG"
SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)
_configured = False


def configure_from_env() -> None:
    """Attach a handler once if CATALOG_CLIENTS_LOG asks for one."""
    global _configured
    if _configured:
        return
    _configured = True
    level = os.environ.get(ENV_VAR, "").strip().upper()
    if level not in {"DEBUG", "INFO", "WARNING"}:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def redacted_headers(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {
        name: ("<redacted>" if name.lower() in SENSITIVE_HEADERS else value)
        for name, value in headers
    }


def describe(request: httpx.Request) -> str:
    # The query is kept (cursors, filters are not secret); userinfo never is.
    url = request.url.copy_with(username=None, password=None)
    return f"{request.method} {url}"
