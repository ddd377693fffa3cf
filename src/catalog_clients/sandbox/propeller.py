"""The emulated Propeller endpoints: the OAuth2 token endpoint and bulk upsert by id.

Behaviour follows docs/propeller.md: client-credentials tokens that expire (standard or the older
Apigee all-strings shape), the ``{"error": {...}}`` envelope on every non-2xx, everit-style
10007 schema messages, and per-item results in which a missing parent fails only its item.
Items are processed in order, so a parent created earlier in the same batch counts.
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response

from .faults import error_body, json_response
from .propeller_schema import LOCALIZED, REQUIRED, REQUIRED_BY_SOURCE, validate_bulk

ROOT_ID = 1
APIGEE_CLIENT_SUFFIX = "-apigee"


def _root() -> dict[str, Any]:
    return {"id": ROOT_ID, "language": "EN", "names": [{"language": "EN", "value": "Root"}]}


def envelope(status: int, code: int, kind: str, messages: list[str]) -> Response:
    body = error_body("propeller", status, messages[0], code=code)
    body["error"].update(type=kind, messages=messages)
    return json_response(body, status, "propeller")


class PropellerEmulator:
    def __init__(self, clients: dict[str, str], token_ttl: float) -> None:
        self.clients = clients
        self.token_ttl = token_ttl
        self.tokens: dict[str, float] = {}  # token -> monotonic expiry
        self.categories: dict[int, dict[str, Any]] = {}
        self.token_requests = 0
        self.bulk_requests = 0
        self.reset()

    def reset(self) -> None:
        self.tokens.clear()
        self.categories = {ROOT_ID: _root()}
        self.token_requests = 0
        self.bulk_requests = 0

    def expire_tokens(self) -> None:
        """Make every issued token stale, as if 30 minutes had passed (tokens stay listed)."""
        for token in self.tokens:
            self.tokens[token] = 0.0

    def state(self) -> dict[str, Any]:
        return {
            "categories": {str(k): v for k, v in self.categories.items()},
            "tokens": list(self.tokens),
            "token_requests": self.token_requests,
            "bulk_requests": self.bulk_requests,
        }

    # --- POST /oauth2/token -------------------------------------------------------------------

    async def token(self, request: Request) -> Response:
        self.token_requests += 1
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode("latin-1")).items()}
        basic = _basic_credentials(request.headers.get("authorization"))
        client_id, secret = basic or (form.get("client_id"), form.get("client_secret"))
        grant = form.get("grant_type")
        if grant is None:
            return _oauth_error(400, "invalid_request", "Missing grant_type.")
        if grant != "client_credentials":
            return _oauth_error(400, "unsupported_grant_type", f"Grant type {grant!r}.")
        if client_id is None or self.clients.get(client_id) != secret or not secret:
            return _oauth_error(401, "invalid_client", "Client authentication failed.")
        token = secrets.token_urlsafe(32)
        self.tokens[token] = time.monotonic() + self.token_ttl
        if client_id.endswith(APIGEE_CLIENT_SUFFIX):
            body: dict[str, Any] = {
                "access_token": token,
                "expires_in": str(int(self.token_ttl) - 1),
                "token_type": "BearerToken",
                "issued_at": str(int(time.time() * 1000)),
                "status": "approved",
            }
        else:
            body = {
                "access_token": token,
                "expires_in": int(self.token_ttl),
                "token_type": "Bearer",
            }
        return json_response(body, 200, "token", {"Cache-Control": "no-store"})

    # --- POST /v2/categories/bulk/id ----------------------------------------------------------

    async def bulk_by_id(self, request: Request) -> Response:
        return await self._bulk(request, by_source=False)

    async def bulk_by_source_id(self, request: Request) -> Response:
        return await self._bulk(request, by_source=True)

    async def _bulk(self, request: Request, *, by_source: bool) -> Response:
        self.bulk_requests += 1
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        expiry = self.tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if expiry is None or expiry <= time.monotonic():
            reason = (
                "Access token expired."
                if expiry is not None
                else "Invalid or missing access token."
            )
            return envelope(401, 401, "AuthenticationException", [reason])
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as exc:
            return envelope(400, 10005, "InvalidJSONPayload", [f"Invalid JSON payload: {exc}"])
        problems = validate_bulk(body, REQUIRED_BY_SOURCE if by_source else REQUIRED)
        if problems:
            return envelope(400, 10007, "SchemaValidationException", problems)
        results = self._apply(body["categories"], body.get("directives", []), by_source)
        data = {"data": results, "messages": ["Completed"], "total": len(results)}
        return json_response(data, 200, "propeller")

    def _apply(
        self, items: list[dict[str, Any]], directives: list[dict[str, Any]], by_source: bool
    ) -> list[Any]:
        operations = {d["operation"]: d["fields"] for d in directives}
        results = []
        for item in items:
            if by_source:  # the key echoes the source id, as text
                found = self._by_source(item["sourceId"], item["source"])
                key = max(self.categories) + 1 if found is None else found
                echo, lookup = item["sourceId"], "sourceId"
                item = {**item, "id": key}
                action = "create" if found is None else "update"
            else:
                key, echo, lookup = item["id"], item["id"], "id"
                action = "update" if key in self.categories else "create"
            parent_id, problem = self._parent(item)
            if problem is None and parent_id == key:
                problem = f"Category with id [{key}] cannot be its own parent."
            if problem is not None:
                results.append(
                    {
                        "action": action,
                        "error": problem,
                        "key": echo,
                        "lookupKey": lookup,
                        "success": False,
                    }
                )
                continue
            incoming = {**item, "parent": {"id": parent_id}}
            if action == "create":
                self.categories[key] = incoming
            else:
                _update(self.categories[key], incoming, operations)
            results.append(
                {"action": action, "id": key, "key": echo, "lookupKey": lookup, "success": True}
            )
        return results

    def _by_source(self, source_id: str, source: str) -> int | None:
        for key, category in self.categories.items():
            if (category.get("sourceId"), category.get("source")) == (source_id, source):
                return key
        return None

    def _parent(self, item: dict[str, Any]) -> tuple[int | None, str | None]:
        parent = item["parent"]
        if "id" in parent:
            if parent["id"] in self.categories:
                return parent["id"], None
            return None, f"Parent category with id [{parent['id']}] not found."
        for category in self.categories.values():
            if (category.get("sourceId"), category.get("source")) == (
                parent["sourceId"],
                parent["source"],
            ):
                return int(category["id"]), None
        return None, (
            f"Parent category with sourceId [{parent['sourceId']}] and source "
            f"[{parent['source']}] not found."
        )


def _update(
    existing: dict[str, Any], incoming: dict[str, Any], operations: dict[str, list[str]]
) -> None:
    """Apply an update as the directives allow (docs/propeller.md)."""
    keep_filled = set(operations.get("skipIfNotEmpty", []))
    for field, value in incoming.items():
        if field == "id":
            continue
        if field in keep_filled and existing.get(field) not in (None, "", [], {}):
            continue
        if field == "parent" and "skipMoveOnUpdate" in operations:
            continue
        if field in LOCALIZED and "mergeTranslationsOnUpdate" in operations:
            merged = {e["language"].upper(): e for e in existing.get(field, [])}
            merged.update({e["language"].upper(): e for e in value})
            value = list(merged.values())
        existing[field] = value


def _basic_credentials(header: str | None) -> tuple[str, str] | None:
    scheme, _, encoded = (header or "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        client_id, _, secret = base64.b64decode(encoded.strip()).decode().partition(":")
    except ValueError:  # binascii.Error, UnicodeDecodeError, and non-ASCII header text
        return None
    return client_id, secret


def _oauth_error(status: int, code: str, description: str) -> Response:
    return json_response(error_body("token", status, description, code=code), status, "token")
