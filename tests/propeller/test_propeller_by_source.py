"""Upserts by source id: keys are the caller's own ids, compared as text."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from catalog_clients import CategoryBySource, PropellerClient, errors
from catalog_clients.propeller._results import NOT_REPORTED


def item(source_id: str) -> dict[str, Any]:
    return {
        "sourceId": source_id,
        "source": "PIM",
        "language": "EN",
        "names": [{"language": "EN", "value": source_id}],
        "parent": {"sourceId": "root", "source": "PIM"},
    }


def client_answering(keys: list[Any], sent: list[dict[str, Any]]) -> PropellerClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 1800})
        body = json.loads(request.content)
        sent.append({"path": request.url.path, "body": body})
        data = [
            {
                "action": "create",
                "id": 900 + i,
                "key": key,
                "lookupKey": "sourceId",
                "success": True,
            }
            for i, key in enumerate(keys)
        ]
        return httpx.Response(200, json={"data": data})

    return PropellerClient("id", "secret", transport=httpx.MockTransport(handler))


def test_keys_match_as_text_and_0012_is_not_12() -> None:
    sent: list[dict[str, Any]] = []
    # The server echoes "0012" for the first item but 12 (a number) for the second.
    with client_answering(["0012", 12], sent) as client:
        result = client.bulk_upsert_categories_by_source_id([item("0012"), item("0013")])
    assert (result.created, result.failed) == (1, 1)
    assert result.failures[0].index == 1 and result.failures[0].reason == NOT_REPORTED
    assert sent[0]["path"] == "/v2/categories/bulk/sourceId"
    assert [c["sourceId"] for c in sent[0]["body"]["categories"]] == ["0012", "0013"]


def test_a_typed_category_by_source_is_sent_in_wire_form() -> None:
    sent: list[dict[str, Any]] = []
    category = CategoryBySource(
        source_id="S1",
        source="PIM",
        language="NL",
        names={"NL": "Fietsen"},
        parent_source_id="root",
        parent_source="PIM",
    )
    with client_answering(["S1"], sent) as client:
        result = client.bulk_upsert_categories_by_source_id([category])
    assert result.created == 1
    assert sent[0]["body"]["categories"] == [
        {
            "sourceId": "S1",
            "source": "PIM",
            "language": "NL",
            "names": [{"language": "NL", "value": "Fietsen"}],
            "parent": {"sourceId": "root", "source": "PIM"},
        }
    ]


def test_strict_refuses_an_item_without_its_source_and_sends_nothing() -> None:
    sent: list[dict[str, Any]] = []
    bad = item("x")
    del bad["source"]
    with client_answering([], sent) as client, pytest.raises(errors.InputValidationError) as caught:
        client.bulk_upsert_categories_by_source_id([item("a"), bad], strict=True)
    assert [(p.index, p.field) for p in caught.value.problems] == [(1, "source")]
    assert sent == []
