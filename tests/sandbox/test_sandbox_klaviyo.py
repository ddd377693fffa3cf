"""The emulated Klaviyo endpoint: paging, filtering, sparse fields, revisions, errors, limits."""

from __future__ import annotations

import base64
from collections import Counter
from typing import Any

import httpx
import pytest
from conftest import JOBS_PATH, KEY, klaviyo_get

from catalog_clients.sandbox import SandboxConfig, SandboxServer

pytestmark = pytest.mark.sandbox


def all_pages(http: httpx.Client, revision: str = "2024-10-15", **params: Any) -> list[Any]:
    pages, response = [], klaviyo_get(http, revision, **params)
    while True:
        assert response.status_code == 200, response.text
        pages.append(response.json())
        nxt = pages[-1]["links"].get("next")
        if not nxt:
            return pages
        response = http.get(
            nxt, headers={"revision": revision, "Authorization": f"Klaviyo-API-Key {KEY}"}
        )


def test_paging_is_complete_without_duplicates(http: httpx.Client) -> None:
    pages = all_pages(http)
    assert [len(p["data"]) for p in pages] == [100, 100, 50]
    ids = [job["id"] for page in pages for job in page["data"]]
    assert len(ids) == len(set(ids)) == 250
    assert pages[-1]["links"]["next"] is None


def test_links_next_is_absolute_with_an_opaque_percent_encoded_cursor(
    http: httpx.Client, server: SandboxServer
) -> None:
    nxt = klaviyo_get(http).json()["links"]["next"]
    assert nxt.startswith(f"{server.base_url}{JOBS_PATH}?page%5Bcursor%5D=")
    cursor = httpx.URL(nxt).params["page[cursor]"]
    assert not cursor.isdigit()
    base64.b64decode(cursor, validate=True)  # opaque, but well-formed


def test_old_revisions_drop_absent_links_and_keep_first(http: httpx.Client) -> None:
    links = klaviyo_get(http, "2023-01-24").json()["links"]
    assert set(links) == {"self", "first", "next"}  # no "prev": absent, not null


def test_status_filter_returns_exactly_the_matching_jobs(http: httpx.Client) -> None:
    everything = [j for p in all_pages(http) for j in p["data"]]
    expected = Counter(j["attributes"]["status"] for j in everything)
    for status in ("queued", "processing", "complete", "cancelled"):
        found = [j for p in all_pages(http, filter=f'equals(status,"{status}")') for j in p["data"]]
        assert len(found) == expected[status] > 0
        assert {j["attributes"]["status"] for j in found} == {status}
    none = klaviyo_get(http, filter='equals(status,"no-such-status")')
    assert none.status_code == 200 and none.json()["data"] == []


def test_the_filter_is_kept_in_links_next(http: httpx.Client) -> None:
    pages = all_pages(http, filter="equals(status,'complete')")
    assert len(pages) > 1 and "filter=" in pages[0]["links"]["next"]


def test_sparse_fields_return_only_the_requested_attributes(http: httpx.Client) -> None:
    body = klaviyo_get(
        http, **{"fields[catalog-category-bulk-update-job]": "status,created_at"}
    ).json()
    assert {frozenset(j["attributes"]) for j in body["data"]} == {
        frozenset({"status", "created_at"})
    }


def test_revision_shapes(http: httpx.Client) -> None:
    old = klaviyo_get(http, "2023-01-24").json()["data"]
    new = klaviyo_get(http, "2024-10-15").json()["data"]
    newest = klaviyo_get(http, "2026-07-15").json()
    assert all("id" not in j and "job_id" in j["attributes"] for j in old)
    assert [j["attributes"]["job_id"] for j in old] == [j["id"] for j in new]
    assert all("job_id" not in j["attributes"] for j in new)
    queued = next(j for j in new if j["attributes"]["status"] == "queued")
    old_queued = next(j for j in old if j["attributes"]["status"] == "queued")
    assert queued["attributes"]["completed_at"] is None  # nullable fields sent as null
    assert "completed_at" not in old_queued["attributes"]  # and absent before 2024-02-15
    assert queued["attributes"]["created_at"].endswith("+00:00")
    assert "+" not in old_queued["attributes"]["created_at"]  # naive datetimes
    assert newest["meta"] == {"count": 100}


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    """The response is a JSON:API error document of ``status``; return its first error."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/vnd.api+json"
    assert response.headers["x-request-id"]
    (error,) = response.json()["errors"]
    assert error["status"] == status and error["detail"] and error["code"]
    return dict(error)


@pytest.mark.parametrize(
    ("kwargs", "status", "parameter"),
    [
        ({"revision": None}, 400, "revision"),
        ({"revision": "24-01-2024"}, 400, "revision"),
        ({"key": None}, 401, None),
        ({"key": "not-a-private-key"}, 401, None),
        ({"key": "pk_noscope_123"}, 403, None),
        ({"fields[catalog-category-bulk-update-job]": "status,colour"}, 400, "fields"),
        ({"filter": "greater-than(total_count,3)"}, 400, "filter"),
        ({"page[size]": "10"}, 400, "page[size]"),
        ({"page[cursor]": "bm90LWEtY3Vyc29y"}, 400, "page[cursor]"),
        ({"page[cursor]": "%%%"}, 400, "page[cursor]"),
    ],
)
def test_every_bad_input_gets_a_json_api_4xx(
    http: httpx.Client, kwargs: dict[str, Any], status: int, parameter: str | None
) -> None:
    error = problem(klaviyo_get(http, **kwargs), status)
    if parameter is not None:
        assert error["source"]["parameter"].startswith(parameter)


def test_an_unknown_path_is_a_json_api_404(http: httpx.Client) -> None:
    problem(http.get("/api/catalog-categories/"), 404)


def test_rate_limits_answer_429_with_an_integer_retry_after() -> None:
    # Fixed windows start at multiples of their length: an hour-long one is not crossed
    # between these requests, however slow the machine.
    config = SandboxConfig(jobs=5, klaviyo_burst=3, klaviyo_burst_window=3600.0)
    with SandboxServer(config, port=0) as server, httpx.Client(base_url=server.base_url) as http:
        answers = [klaviyo_get(http) for _ in range(4)]
        other_key = klaviyo_get(http, key="pk_someone_else")
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["RateLimit-Remaining"] for a in answers[:3]] == ["2", "1", "0"]
    assert answers[0].headers["RateLimit-Limit"] == "3"
    retry_after = answers[3].headers["Retry-After"]
    assert retry_after.isdigit() and 1 <= int(retry_after) <= 3600
    problem(answers[3], 429)
    assert other_key.status_code == 200  # limits are per key
