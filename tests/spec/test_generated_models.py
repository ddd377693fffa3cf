"""The generated packages parse every documented shape: the seed examples, both Klaviyo
revision shapes, and the tolerant cases of docs/klaviyo.md (unknown status, nulls, naive times)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from klaviyo_generated.api.catalogs import get_update_categories_jobs
from klaviyo_generated.models import GetCatalogCategoryBulkUpdateJobsResponse, JobStatus
from klaviyo_generated.models.error_document import ErrorDocument
from klaviyo_generated.types import UNSET
from propeller_generated.models import BulkCategoriesResponse, ErrorEnvelope
from propeller_generated.models.access_token_response import AccessTokenResponse
from propeller_generated.types import UNSET as P_UNSET

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def load(name: str) -> Any:
    return json.loads((EXAMPLES / name).read_text())


def test_klaviyo_seed_example_parses_every_field() -> None:
    page = GetCatalogCategoryBulkUpdateJobsResponse.from_dict(
        load("klaviyo-get-update-categories-jobs.200.json")
    )
    first, second = page.data
    assert first.type_ == "catalog-category-bulk-update-job"
    attrs = first.attributes
    assert attrs.job_id == "Duis veniam ullamco in"
    assert attrs.status is JobStatus.QUEUED
    assert attrs.created_at == dt.datetime(2008, 1, 27, 10, 8, 26, 436000, tzinfo=dt.UTC)
    assert (attrs.total_count, attrs.completed_count, attrs.failed_count) == (
        -23417992,
        28490830,
        54488432,
    )
    # Naive in the seed: the generated model keeps it naive; the layer makes it UTC.
    assert attrs.completed_at == dt.datetime(2022, 11, 8)
    assert attrs.expires_at == dt.datetime(2022, 11, 8)
    assert isinstance(attrs.errors, list) and len(attrs.errors) == 2
    err = attrs.errors[0]
    assert (err.id, err.code, err.title, err.detail) == (
        "sunt magna mollit",
        "consectetur sed commodo",
        "sit aliqua velit",
        "ex",
    )
    # The seed's pointer is an object ("too many levels of nesting" filler): kept as a model.
    assert err.source.pointer.additional_properties == {
        "value": "<Error: Too many levels of nesting to fake this schema>"
    }
    assert first.links.self_ == "http://AERDklrubMxfSTOCMFK.nmacuvso"
    assert [c.id for c in first.relationships.categories.data] == ["ex commod", "ea in ullamco"]
    assert second.attributes.status is JobStatus.CANCELLED
    assert second.attributes.completed_count == -39538251
    assert page.links.self_ == "http://Q.xhkQfj9rryk"
    assert page.links.next_.startswith("http://XVUfnPNwijNwSyhZEFdSmYcpkSuaA")
    assert page.links.first == "http://zGxUrEaLvQBLXLMallW.yyuBxLdpZJ62J7"
    assert [inc.id for inc in page.included] == ["d", "ea nulla"]
    assert page.included[0].attributes.external_id == "qui pariatur Excepteur"
    assert page.included[1].attributes.updated == dt.datetime(2022, 11, 8)
    # Round trip keeps every key (extra fields are preserved, nothing dropped).
    assert page.to_dict()["data"][0]["attributes"]["job_id"] == "Duis veniam ullamco in"


NEW_SHAPE = {
    "data": [
        {
            "type": "catalog-category-bulk-update-job",
            "id": "01JOB",
            "attributes": {
                "status": "archived",  # unknown to this client: must survive
                "created_at": "2025-03-01T10:00:00.123456+00:00",
                "total_count": 3,
                "completed_count": None,
                "failed_count": None,
                "completed_at": None,
                "expires_at": None,
                "errors": [{"id": None, "code": None, "title": None, "detail": "x", "meta": {}}],
                "brand_new_field": {"nested": True},
            },
            "relationships": {"categories": {"data": [{"type": "catalog-category", "id": "C1"}]}},
        }
    ],
    "links": {"self": "https://a.klaviyo.com/api/x", "prev": None, "next": None},
    "meta": {"count": 1},
}


def test_klaviyo_new_revision_shape_with_unknown_status_and_nulls() -> None:
    page = GetCatalogCategoryBulkUpdateJobsResponse.from_dict(NEW_SHAPE)
    job = page.data[0]
    assert job.id == "01JOB"
    assert job.attributes.job_id is UNSET
    assert job.attributes.status == "archived" and not isinstance(job.attributes.status, JobStatus)
    assert job.attributes.completed_count is None and job.attributes.completed_at is None
    assert job.attributes.created_at == dt.datetime(2025, 3, 1, 10, 0, 0, 123456, tzinfo=dt.UTC)
    assert job.attributes.errors[0].id is None and job.attributes.errors[0].detail == "x"
    assert job.attributes.additional_properties == {"brand_new_field": {"nested": True}}
    assert page.links.next_ is None
    assert page.meta.additional_properties == {"count": 1}


def test_klaviyo_old_shape_without_links_and_with_naive_datetime() -> None:
    body = {
        "data": [
            {
                "type": "catalog-category-bulk-update-job",
                "attributes": {
                    "job_id": "J1",
                    "status": "complete",
                    "created_at": "2023-01-24T00:00:00",
                },
            }
        ]
    }
    job = GetCatalogCategoryBulkUpdateJobsResponse.from_dict(body).data[0]
    assert job.attributes.job_id == "J1" and job.attributes.status is JobStatus.COMPLETE
    assert job.attributes.created_at == dt.datetime(2023, 1, 24)


def test_klaviyo_error_document_tolerates_real_429_body() -> None:
    doc = ErrorDocument.from_dict(
        {
            "errors": [
                {
                    "id": "e1",
                    "status": 429,
                    "code": "throttled",
                    "title": "Request was throttled.",
                    "detail": "Request was throttled. Expected available in 0 seconds.",
                }
            ]
        }
    )
    assert doc.errors[0].status == 429 and doc.errors[0].code == "throttled"


def test_klaviyo_revision_default_is_the_newest_revision() -> None:
    kwargs = get_update_categories_jobs._get_kwargs()
    assert kwargs["headers"]["revision"] == "2026-07-15"
    # The generated endpoint keeps the spec's path key; the layer spells it per revision.
    assert kwargs["url"] == "/api/catalog-category-bulk-update-jobs/"


def test_propeller_seed_200_parses() -> None:
    result = BulkCategoriesResponse.from_dict(load("propeller-bulk-categories-by-id.200.json"))
    assert [(d.action, d.id, d.key, d.lookup_key, d.success) for d in result.data] == [
        ("create", 1781, 1800, "id", True),
        ("create", 1783, 1850, "id", True),
        ("create", 1785, 1900, "id", True),
    ]
    assert result.messages == ["Completed"] and result.total == 3


def test_propeller_failed_item_and_string_key_parse() -> None:
    result = BulkCategoriesResponse.from_dict(
        {
            "data": [
                {
                    "action": "update",
                    "error": "Category with id [800] not found.",
                    "key": 800,
                    "lookupKey": "id",
                    "success": False,
                },
                {
                    "action": "create",
                    "id": 5,
                    "key": "SRC-5",
                    "lookupKey": "sourceId",
                    "success": True,
                },
            ]
        }
    )
    failed, other = result.data
    assert failed.success is False and failed.error == "Category with id [800] not found."
    assert failed.id is P_UNSET and failed.key == 800
    assert other.key == "SRC-5"


def test_propeller_seed_400_parses() -> None:
    env = ErrorEnvelope.from_dict(load("propeller-bulk-categories-by-id.400.json"))
    assert env.error.code == 10007
    assert env.error.status == 400
    assert env.error.type_ == "SchemaValidationException"
    assert env.error.messages == [
        "#/categories/2: extraneous key [shortDescription] is not permitted"
    ]
    assert env.error.more_info == "https://www.propel.us/docs/errors/10007"


def test_both_token_response_shapes_parse() -> None:
    std = AccessTokenResponse.from_dict(
        {"access_token": "a", "expires_in": 1800, "token_type": "Bearer"}
    )
    apigee = AccessTokenResponse.from_dict(
        {
            "access_token": "b",
            "expires_in": "1799",
            "token_type": "BearerToken",
            "status": "approved",
        }
    )
    assert (std.expires_in, std.token_type) == (1800, "Bearer")
    assert (apigee.expires_in, apigee.token_type) == ("1799", "BearerToken")
    assert apigee.additional_properties == {"status": "approved"}
