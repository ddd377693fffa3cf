# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
"""One typed method per operation of spec/klaviyo.yaml: ``client.operations``.

Emitted by scripts/operations.py. Each method sends its arguments through the catalog_clients
client's whole policy (credentials, revision, pacing, retries, typed errors) and returns the
generated model of the success answer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, cast

from .api.catalogs import get_update_categories_job as _op2
from .api.catalogs import get_update_categories_jobs as _op0
from .api.catalogs import spawn_update_categories_job as _op1
from .models import (
    CatalogCategoryBulkUpdateJobCreateQuery,
    GetCatalogCategoryBulkUpdateJobResponse,
    GetCatalogCategoryBulkUpdateJobsResponse,
    GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem,
    GetUpdateCategoriesJobsFieldscatalogCategoryBulkUpdateJobItem,
    PostCatalogCategoryBulkUpdateJobResponse,
)
from .types import UNSET, Unset

# (operation id, generated endpoint module, success model class, keyword arguments) -> the
# parsed success model.
Call = Callable[[str, Any, Any, dict[str, Any]], Any]
AsyncCall = Callable[[str, Any, Any, dict[str, Any]], Awaitable[Any]]


class Operations:
    """The operations of spec/klaviyo.yaml, each sent through the client."""

    def __init__(self, call: Call) -> None:
        self._call = call

    def get_update_categories_jobs(
        self,
        *,
        fieldscatalog_category_bulk_update_job: list[
            GetUpdateCategoriesJobsFieldscatalogCategoryBulkUpdateJobItem
        ]
        | Unset = UNSET,
        filter_: str | Unset = UNSET,
        pagecursor: str | Unset = UNSET,
    ) -> GetCatalogCategoryBulkUpdateJobsResponse:
        """GET /api/catalog-category-bulk-update-jobs/"""
        return cast(
            GetCatalogCategoryBulkUpdateJobsResponse,
            self._call(
                "get_update_categories_jobs",
                _op0,
                GetCatalogCategoryBulkUpdateJobsResponse,
                {
                    "fieldscatalog_category_bulk_update_job": fieldscatalog_category_bulk_update_job,
                    "filter_": filter_,
                    "pagecursor": pagecursor,
                },
            ),
        )

    def spawn_update_categories_job(
        self, *, body: CatalogCategoryBulkUpdateJobCreateQuery
    ) -> PostCatalogCategoryBulkUpdateJobResponse:
        """POST /api/catalog-category-bulk-update-jobs/"""
        return cast(
            PostCatalogCategoryBulkUpdateJobResponse,
            self._call(
                "spawn_update_categories_job",
                _op1,
                PostCatalogCategoryBulkUpdateJobResponse,
                {"body": body},
            ),
        )

    def get_update_categories_job(
        self,
        *,
        job_id: str,
        fieldscatalog_category_bulk_update_job: list[
            GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem
        ]
        | Unset = UNSET,
    ) -> GetCatalogCategoryBulkUpdateJobResponse:
        """GET /api/catalog-category-bulk-update-jobs/{job_id}/"""
        return cast(
            GetCatalogCategoryBulkUpdateJobResponse,
            self._call(
                "get_update_categories_job",
                _op2,
                GetCatalogCategoryBulkUpdateJobResponse,
                {
                    "job_id": job_id,
                    "fieldscatalog_category_bulk_update_job": fieldscatalog_category_bulk_update_job,
                },
            ),
        )


class AsyncOperations:
    """The operations of spec/klaviyo.yaml, each sent through the client."""

    def __init__(self, call: AsyncCall) -> None:
        self._call = call

    async def get_update_categories_jobs(
        self,
        *,
        fieldscatalog_category_bulk_update_job: list[
            GetUpdateCategoriesJobsFieldscatalogCategoryBulkUpdateJobItem
        ]
        | Unset = UNSET,
        filter_: str | Unset = UNSET,
        pagecursor: str | Unset = UNSET,
    ) -> GetCatalogCategoryBulkUpdateJobsResponse:
        """GET /api/catalog-category-bulk-update-jobs/"""
        return cast(
            GetCatalogCategoryBulkUpdateJobsResponse,
            await self._call(
                "get_update_categories_jobs",
                _op0,
                GetCatalogCategoryBulkUpdateJobsResponse,
                {
                    "fieldscatalog_category_bulk_update_job": fieldscatalog_category_bulk_update_job,
                    "filter_": filter_,
                    "pagecursor": pagecursor,
                },
            ),
        )

    async def spawn_update_categories_job(
        self, *, body: CatalogCategoryBulkUpdateJobCreateQuery
    ) -> PostCatalogCategoryBulkUpdateJobResponse:
        """POST /api/catalog-category-bulk-update-jobs/"""
        return cast(
            PostCatalogCategoryBulkUpdateJobResponse,
            await self._call(
                "spawn_update_categories_job",
                _op1,
                PostCatalogCategoryBulkUpdateJobResponse,
                {"body": body},
            ),
        )

    async def get_update_categories_job(
        self,
        *,
        job_id: str,
        fieldscatalog_category_bulk_update_job: list[
            GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem
        ]
        | Unset = UNSET,
    ) -> GetCatalogCategoryBulkUpdateJobResponse:
        """GET /api/catalog-category-bulk-update-jobs/{job_id}/"""
        return cast(
            GetCatalogCategoryBulkUpdateJobResponse,
            await self._call(
                "get_update_categories_job",
                _op2,
                GetCatalogCategoryBulkUpdateJobResponse,
                {
                    "job_id": job_id,
                    "fieldscatalog_category_bulk_update_job": fieldscatalog_category_bulk_update_job,
                },
            ),
        )
