"""An in-process fake of Propeller's token and bulk endpoints for httpx.MockTransport tests.

Cassette tests cover the real HTTP path against the sandbox; this fake covers what a cassette
cannot make deterministic (races, clocks, exact failure sequences) and keeps those tests fast.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
from fakes import NO_WAIT

BASE_URL = "http://127.0.0.1:9/v2"
TOKEN_URL = "http://127.0.0.1:9/oauth2/token"
CLIENT_ID = "fake-client"
CLIENT_SECRET = "fake-secret-value"
SEED_400 = {
    "error": {
        "code": 10007,
        "messages": ["#/categories/2: extraneous key [shortDescription] is not permitted"],
        "moreInfo": "https://www.propel.us/docs/errors/10007",
        "status": 400,
        "type": "SchemaValidationException",
    }
}

Handler = Callable[[httpx.Request], httpx.Response | None]


def category(i: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": i,
        "language": "EN",
        "names": [{"language": "EN", "value": f"C{i}"}],
        "parent": {"id": 1},
        **extra,
    }


class FakePropeller:
    """Issues tokens and upserts by id, counting everything it sees.

    ``bulk_faults``/``token_faults``: handlers tried in order, one per request, before the
    normal behaviour (return None to fall through).
    """

    def __init__(self, token_body: dict[str, Any] | None = None, token_delay: float = 0.0):
        self.token_body = token_body
        self.token_delay = token_delay
        self.store: dict[int, dict[str, Any]] = {}
        self.token_requests: list[httpx.Request] = []
        self.bulk_requests: list[httpx.Request] = []
        # Authorization as received: a retried request object is re-signed in place.
        self.bulk_auth: list[str | None] = []
        self.valid_tokens: set[str] = set()
        self.bulk_faults: list[Handler] = []
        self.token_faults: list[Handler] = []
        self._lock = threading.Lock()

    # --- endpoints ---------------------------------------------------------------------

    def token(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.token_requests.append(request)
            n = len(self.token_requests)
        if self.token_faults:
            answer = self.token_faults.pop(0)(request)
            if answer is not None:
                return answer
        value = f"fake-access-token-{n}"
        self.valid_tokens.add(value)
        body = self.token_body or {"access_token": "", "expires_in": 1800, "token_type": "Bearer"}
        return httpx.Response(200, json={**body, "access_token": value})

    def bulk(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.bulk_requests.append(request)
            self.bulk_auth.append(request.headers.get("authorization"))
        if self.bulk_faults:
            answer = self.bulk_faults.pop(0)(request)
            if answer is not None:
                return answer
        auth = request.headers.get("authorization", "")
        if auth.removeprefix("Bearer ") not in self.valid_tokens:
            return httpx.Response(
                401,
                json={
                    "error": {
                        "code": 401,
                        "status": 401,
                        "type": "Unauthorized",
                        "messages": ["Invalid token"],
                    }
                },
            )
        data = []
        for item in json.loads(request.content)["categories"]:
            if item["parent"].get("id") == 404:
                data.append(
                    {
                        "action": "update",
                        "error": f"Category with id [{item['id']}] not found.",
                        "key": item["id"],
                        "lookupKey": "id",
                        "success": False,
                    }
                )
                continue
            action = "update" if item["id"] in self.store else "create"
            self.store[item["id"]] = item
            data.append(
                {
                    "action": action,
                    "id": item["id"],
                    "key": item["id"],
                    "lookupKey": "id",
                    "success": True,
                }
            )
        return httpx.Response(
            200, json={"data": data, "messages": ["Completed"], "total": len(data)}
        )

    def expire_tokens(self) -> None:
        self.valid_tokens.clear()

    # --- transports --------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth2/token":
            if self.token_delay:
                time.sleep(self.token_delay)  # widens the race between threads
            return self.token(request)
        if request.url.path == "/v2/categories/bulk/id":
            return self.bulk(request)
        return httpx.Response(404, json={"error": {"code": 10008, "type": "NotFound"}})

    async def ahandle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth2/token" and self.token_delay:
            await asyncio.sleep(self.token_delay)  # lets other tasks run mid-fetch
            return self.token(request)
        return self.handle(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def async_transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.ahandle)

    def client_kwargs(self, **overrides: Any) -> dict[str, Any]:
        return {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "base_url": BASE_URL,
            "token_url": TOKEN_URL,
            "retry_policy": NO_WAIT,
            **overrides,
        }


def status(code: int, body: Any = None, headers: dict[str, str] | None = None) -> Handler:
    """A fault that answers ``code`` once."""
    return lambda request: httpx.Response(code, json=body, headers=headers)
