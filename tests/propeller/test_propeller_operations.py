"""``client.operations`` on the Propeller clients: any operation of the spec, with the OAuth2
token, retries from the spec's idempotency, typed errors and the body checked first."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from fakes import NoWait
from propeller_generated.models import BulkCategoriesByIdRequest, BulkCategoriesResponse

from catalog_clients import AsyncPropellerClient, PropellerClient, errors


def category(i: int) -> dict[str, Any]:
    names = [{"language": "EN", "value": f"c{i}"}]
    return {"id": i, "language": "EN", "names": names, "parent": {"id": 1}}


class Server:
    """Tokens, then a 503 before every first bulk answer; 404 for id 404."""

    def __init__(self) -> None:
        self.seen: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        if request.url.path.endswith("/oauth2/token"):
            return httpx.Response(200, json={"access_token": "tok", "expires_in": 1800})
        ids = [c["id"] for c in json.loads(request.content)["categories"]]
        if ids == [404]:
            error = {"code": 10008, "status": 404, "type": "NotFound", "messages": ["gone"]}
            return httpx.Response(404, json={"error": error})
        if sum(r.url.path.endswith("/bulk/id") for r in self.seen) == 1:
            return httpx.Response(503, json={"error": {"code": 503, "messages": ["busy"]}})
        data = [{"action": "create", "id": i, "key": i, "success": True} for i in ids]
        return httpx.Response(200, json={"data": data, "total": len(ids)})


def body(*ids: int) -> BulkCategoriesByIdRequest:
    return BulkCategoriesByIdRequest.from_dict({"categories": [category(i) for i in ids]})


def run_sync(server: Server) -> dict[str, Any]:
    transport = httpx.MockTransport(server.handle)
    with PropellerClient("id", "secret", retry_policy=NoWait(), transport=transport) as client:
        answer = client.operations.bulk_categories_by_id(body=body(1, 2))
        with pytest.raises(errors.NotFoundError) as missing:
            client.operations.bulk_categories_by_id(body=body(404))
        with pytest.raises(errors.InputValidationError) as too_many:
            client.operations.bulk_categories_by_id(body=body(*range(1001)))
        with pytest.raises(errors.ConfigurationError):
            next(iter(client.paginate(client.operations.bulk_categories_by_id)))
    return {"answer": answer, "missing": missing.value, "too_many": too_many.value}


def run_async(server: Server) -> dict[str, Any]:
    async def run() -> dict[str, Any]:
        transport = httpx.MockTransport(server.handle)
        async with AsyncPropellerClient(
            "id", "secret", retry_policy=NoWait(), transport=transport
        ) as client:
            answer = await client.operations.bulk_categories_by_id(body=body(1, 2))
            with pytest.raises(errors.NotFoundError) as missing:
                await client.operations.bulk_categories_by_id(body=body(404))
            with pytest.raises(errors.InputValidationError) as too_many:
                await client.operations.bulk_categories_by_id(body=body(*range(1001)))
        return {"answer": answer, "missing": missing.value, "too_many": too_many.value}

    return asyncio.run(run())


@pytest.mark.parametrize("shell", [run_sync, run_async], ids=["sync", "async"])
def test_an_operation_goes_through_the_whole_policy(shell: Any) -> None:
    server = Server()
    result = shell(server)
    answer = result["answer"]
    assert isinstance(answer, BulkCategoriesResponse)
    assert [item.key for item in answer.data] == [1, 2]
    bulk = [r for r in server.seen if r.url.path.endswith("/bulk/id")]
    # The 503 was retried (the spec marks the upsert idempotent), with the OAuth2 token.
    assert len(bulk) == 3
    assert all(r.headers["Authorization"] == "Bearer tok" for r in bulk)
    assert result["missing"].status_code == 404 and result["missing"].code == 10008
    # 1,001 categories are over the spec's maxItems: refused before anything is sent.
    assert [p.field for p in result["too_many"].problems] == ["categories"]
    assert "at most 1000" in result["too_many"].problems[0].message


def test_an_operation_on_another_server_of_the_spec_moves_with_the_base_url() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"access_token": "t", "token_type": "Bearer"})

    from propeller_generated.models import ClientCredentialsTokenRequest

    client = PropellerClient(
        access_token="given",
        base_url="http://127.0.0.1:9/v2",
        transport=httpx.MockTransport(handle),
    )
    request = ClientCredentialsTokenRequest.from_dict(
        {"grant_type": "client_credentials", "client_id": "a", "client_secret": "b"}
    )
    with client:
        token = client.operations.create_access_token(body=request)
    assert token.access_token == "t"
    # The token endpoint lives beside /v2 in the spec, and so it does here.
    assert str(seen[0].url) == "http://127.0.0.1:9/oauth2/token"
