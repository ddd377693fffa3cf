"""The emulated Propeller endpoints: tokens, schema validation, the store, directives, faults."""

from __future__ import annotations

import base64
import time
from typing import Any

import httpx
import pytest

from catalog_clients.sandbox import SandboxConfig, SandboxServer

pytestmark = pytest.mark.sandbox

CLIENT = {"client_id": "sandbox-client", "client_secret": "sandbox-secret"}
BULK = "/v2/categories/bulk/id"


def token(http: httpx.Client, **form: str) -> httpx.Response:
    return http.post("/oauth2/token", data={"grant_type": "client_credentials", **CLIENT, **form})


@pytest.fixture
def bearer(http: httpx.Client) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(http).json()['access_token']}"}


def category(i: int, parent: Any = 1, **extra: Any) -> dict[str, Any]:
    parent_ref = parent if isinstance(parent, dict) else {"id": parent}
    names = [{"language": "EN", "value": f"Category {i}"}]
    return {"id": i, "language": "EN", "names": names, "parent": parent_ref, **extra}


def upsert(http: httpx.Client, bearer: dict[str, str], items: list[Any], **body: Any) -> Any:
    response = http.post(BULK, json={"categories": items, **body}, headers=bearer)
    assert response.status_code == 200, response.text
    return response.json()


def store(http: httpx.Client) -> dict[int, Any]:
    categories = http.get("/__sandbox__/state").json()["propeller"]["categories"]
    return {int(k): v for k, v in categories.items()}


def envelope(response: httpx.Response, status: int, code: int) -> list[str]:
    assert response.status_code == status, response.text
    assert response.headers["x-request-id"]
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (status, code)
    assert error["type"] and error["moreInfo"].endswith(str(code))
    messages: list[str] = error["messages"]
    return messages


# --- tokens ----------------------------------------------------------------------------------


def test_standard_token_answer(http: httpx.Client) -> None:
    body = token(http).json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 1800
    assert len(body["access_token"]) >= 32


def test_apigee_token_answer_has_only_strings(http: httpx.Client) -> None:
    body = token(http, client_id="sandbox-client-apigee").json()
    assert body["token_type"] == "BearerToken" and body["expires_in"] == "1799"
    assert all(isinstance(v, str) for v in body.values())


def test_http_basic_client_authentication_is_accepted(http: httpx.Client) -> None:
    basic = base64.b64encode(b"sandbox-client:sandbox-secret").decode()
    response = http.post(
        "/oauth2/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert response.status_code == 200 and response.json()["access_token"]


@pytest.mark.parametrize(
    ("form", "status", "error"),
    [
        ({"client_secret": "wrong"}, 401, "invalid_client"),
        ({"client_id": "nobody"}, 401, "invalid_client"),
        ({"grant_type": "password"}, 400, "unsupported_grant_type"),
    ],
)
def test_token_refusals(http: httpx.Client, form: dict[str, str], status: int, error: str) -> None:
    response = token(http, **form)
    assert response.status_code == status
    assert response.json()["error"] == error and response.json()["error_description"]


def test_bulk_needs_a_valid_unexpired_token(http: httpx.Client, bearer: dict[str, str]) -> None:
    envelope(http.post(BULK, json={"categories": [category(5)]}), 401, 401)
    envelope(
        http.post(BULK, json={"categories": [category(5)]}, headers={"Authorization": "Bearer x"}),
        401,
        401,
    )
    http.post("/__sandbox__/expire-tokens").raise_for_status()
    messages = envelope(
        http.post(BULK, json={"categories": [category(5)]}, headers=bearer), 401, 401
    )
    assert "expired" in messages[0]
    assert 5 not in store(http)


def test_tokens_expire_after_the_configured_lifetime() -> None:
    config = SandboxConfig(jobs=0, token_ttl=0.05)
    with SandboxServer(config, port=0) as server, httpx.Client(base_url=server.base_url) as http:
        headers = {"Authorization": f"Bearer {token(http).json()['access_token']}"}
        assert token(http).json()["expires_in"] == 0  # whole seconds, as the real one
        time.sleep(0.1)
        envelope(http.post(BULK, json={"categories": [category(5)]}, headers=headers), 401, 401)


# --- validation ------------------------------------------------------------------------------


def test_the_seeds_extraneous_key_gives_the_seeds_400(
    http: httpx.Client, bearer: dict[str, str]
) -> None:
    items = [category(1800), category(1850), category(1900, shortDescription="typo")]
    response = http.post(BULK, json={"categories": items}, headers=bearer)
    messages = envelope(response, 400, 10007)
    assert messages == ["#/categories/2: extraneous key [shortDescription] is not permitted"]
    assert response.json()["error"]["type"] == "SchemaValidationException"
    assert not {1800, 1850} & store(http).keys()  # a refused batch changes nothing


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            {"id": 7, "language": "EN", "parent": {"id": 1}},
            "#/categories/0: required key [names] not found",
        ),
        ({**category(7), "id": "7"}, "#/categories/0/id: expected type: Integer, found: String"),
        (
            {**category(7), "language": "English"},
            "#/categories/0/language: string [English] does not match pattern ^[A-Za-z]{2}$",
        ),
        (
            {**category(7), "names": []},
            "#/categories/0/names: expected minimum item count: 1, found: 0",
        ),
        (
            {**category(7), "parent": {}},
            "#/categories/0/parent: expected key [id], or keys [sourceId] and [source]",
        ),
    ],
)
def test_schema_messages(
    http: httpx.Client, bearer: dict[str, str], item: dict[str, Any], message: str
) -> None:
    response = http.post(BULK, json={"categories": [item]}, headers=bearer)
    assert message in envelope(response, 400, 10007)


def test_more_than_1000_items_is_refused(http: httpx.Client, bearer: dict[str, str]) -> None:
    items = [category(10_000 + i) for i in range(1001)]
    messages = envelope(http.post(BULK, json={"categories": items}, headers=bearer), 400, 10007)
    assert messages == ["#/categories: expected maximum item count: 1000, found: 1001"]


def test_an_unknown_directive_is_refused(http: httpx.Client, bearer: dict[str, str]) -> None:
    body = {"categories": [category(5)], "directives": [{"operation": "skipAll", "fields": []}]}
    messages = envelope(http.post(BULK, json=body, headers=bearer), 400, 10007)
    assert messages == ["#/directives/0/operation: skipAll is not a valid enum value"]


def test_invalid_json_is_10005(http: httpx.Client, bearer: dict[str, str]) -> None:
    headers = {**bearer, "Content-Type": "application/json"}
    envelope(http.post(BULK, content=b'{"categories": [', headers=headers), 400, 10005)


# --- the store -------------------------------------------------------------------------------


def test_create_then_update_by_id(http: httpx.Client, bearer: dict[str, str]) -> None:
    first = upsert(http, bearer, [category(5), category(6)])
    again = upsert(http, bearer, [category(5, descriptions=[{"language": "EN", "value": "d"}])])
    assert [r["action"] for r in first["data"]] == ["create", "create"]
    assert first["messages"] == ["Completed"] and first["total"] == 2
    assert again["data"] == [
        {"action": "update", "id": 5, "key": 5, "lookupKey": "id", "success": True}
    ]
    assert store(http)[5]["descriptions"] == [{"language": "EN", "value": "d"}]


def test_a_missing_parent_fails_only_its_item(http: httpx.Client, bearer: dict[str, str]) -> None:
    result = upsert(http, bearer, [category(5), category(6, parent=404), category(7, parent=5)])
    assert [r["success"] for r in result["data"]] == [True, False, True]
    assert result["data"][1] == {
        "action": "create",
        "error": "Parent category with id [404] not found.",
        "key": 6,
        "lookupKey": "id",
        "success": False,
    }
    assert {5, 7} <= store(http).keys() and 6 not in store(http)


def test_a_parent_by_source_id(http: httpx.Client, bearer: dict[str, str]) -> None:
    upsert(http, bearer, [category(5, sourceId="bikes", source="erp")])
    result = upsert(
        http,
        bearer,
        [
            category(6, parent={"sourceId": "bikes", "source": "erp"}),
            category(7, parent={"sourceId": "bikes", "source": "pim"}),
        ],
    )
    assert [r["success"] for r in result["data"]] == [True, False]
    assert store(http)[6]["parent"] == {"id": 5}


def test_skip_if_not_empty(http: httpx.Client, bearer: dict[str, str]) -> None:
    upsert(http, bearer, [category(5)])
    directives = [{"operation": "skipIfNotEmpty", "fields": ["names", "descriptions"]}]
    changed = category(5, descriptions=[{"language": "EN", "value": "new"}])
    changed["names"] = [{"language": "EN", "value": "Renamed"}]
    upsert(http, bearer, [changed], directives=directives)
    stored = store(http)[5]
    assert stored["names"] == [{"language": "EN", "value": "Category 5"}]  # was filled: kept
    assert stored["descriptions"] == [{"language": "EN", "value": "new"}]  # was empty: written


def test_skip_move_on_update(http: httpx.Client, bearer: dict[str, str]) -> None:
    upsert(http, bearer, [category(5), category(6, parent=5)])
    upsert(
        http,
        bearer,
        [category(6, parent=1)],
        directives=[{"operation": "skipMoveOnUpdate", "fields": []}],
    )
    assert store(http)[6]["parent"] == {"id": 5}
    upsert(http, bearer, [category(6, parent=1)])
    assert store(http)[6]["parent"] == {"id": 1}


def test_merge_translations_on_update(http: httpx.Client, bearer: dict[str, str]) -> None:
    two = category(5)
    two["names"] = [{"language": "EN", "value": "Bikes"}, {"language": "NL", "value": "Fietsen"}]
    upsert(http, bearer, [two])
    one = category(5)
    one["names"] = [{"language": "EN", "value": "Cycles"}]
    upsert(
        http, bearer, [one], directives=[{"operation": "mergeTranslationsOnUpdate", "fields": []}]
    )
    assert store(http)[5]["names"] == [
        {"language": "EN", "value": "Cycles"},
        {"language": "NL", "value": "Fietsen"},
    ]


# --- control routes --------------------------------------------------------------------------


def test_faults_are_played_in_order_and_skip_processing(
    http: httpx.Client, bearer: dict[str, str]
) -> None:
    http.post("/__sandbox__/faults", json={"faults": ["propeller:503", "502"]}).raise_for_status()
    first = http.post(BULK, json={"categories": [category(5)]}, headers=bearer)
    second = http.post(BULK, json={"categories": [category(5)]}, headers=bearer)
    assert (first.status_code, first.headers["x-sandbox-fault"]) == (503, "503")
    assert (second.status_code, second.headers["content-type"]) == (502, "text/html; charset=utf-8")
    assert 5 not in store(http)
    assert upsert(http, bearer, [category(5)])["data"][0]["success"] is True


def test_an_unknown_fault_is_refused_and_nothing_queued(http: httpx.Client) -> None:
    response = http.post("/__sandbox__/faults", json={"faults": ["503", "explode"]})
    assert response.status_code == 400 and "explode" in response.json()["error"]
    assert http.get("/__sandbox__/state").json()["faults"] == []


def test_reset_restores_the_root_only(http: httpx.Client, bearer: dict[str, str]) -> None:
    upsert(http, bearer, [category(5)])
    http.post("/__sandbox__/reset").raise_for_status()
    state = http.get("/__sandbox__/state").json()["propeller"]
    assert list(state["categories"]) == ["1"] and state["tokens"] == []


def test_a_busy_port_raises_at_start(server: SandboxServer) -> None:
    with pytest.raises(OSError), SandboxServer(port=server.port):
        pass


def test_bad_settings_are_refused() -> None:
    for bad in ({"jobs": -1}, {"fault_rate": 1.5}, {"token_ttl": 0}):
        with pytest.raises(ValueError, match=next(iter(bad))):
            SandboxConfig(**bad)
