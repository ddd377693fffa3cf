# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_document import ErrorDocument
from ...models.get_catalog_category_bulk_update_job_response import (
    GetCatalogCategoryBulkUpdateJobResponse,
)
from ...models.get_update_categories_job_fieldscatalog_category_bulk_update_job_item import (
    GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    job_id: str,
    *,
    fieldscatalog_category_bulk_update_job: list[
        GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem
    ]
    | Unset = UNSET,
    revision: str = "2026-07-15",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["revision"] = revision

    params: dict[str, Any] = {}

    json_fieldscatalog_category_bulk_update_job: list[str] | Unset = UNSET
    if not isinstance(fieldscatalog_category_bulk_update_job, Unset):
        json_fieldscatalog_category_bulk_update_job = []
        for (
            fieldscatalog_category_bulk_update_job_item_data
        ) in fieldscatalog_category_bulk_update_job:
            fieldscatalog_category_bulk_update_job_item = (
                fieldscatalog_category_bulk_update_job_item_data.value
            )
            json_fieldscatalog_category_bulk_update_job.append(
                fieldscatalog_category_bulk_update_job_item
            )

    params["fields[catalog-category-bulk-update-job]"] = (
        json_fieldscatalog_category_bulk_update_job
    )

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/catalog-category-bulk-update-jobs/{job_id}/".format(
            job_id=quote(str(job_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDocument | GetCatalogCategoryBulkUpdateJobResponse | None:
    if response.status_code == 200:
        response_200 = GetCatalogCategoryBulkUpdateJobResponse.from_dict(
            response.json()
        )

        return response_200

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorDocument.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorDocument.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorDocument | GetCatalogCategoryBulkUpdateJobResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    fieldscatalog_category_bulk_update_job: list[
        GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem
    ]
    | Unset = UNSET,
    revision: str = "2026-07-15",
) -> Response[ErrorDocument | GetCatalogCategoryBulkUpdateJobResponse]:
    """Get Update Categories Job

     Get one catalog category bulk update job.

    Scopes: `catalogs:read` (Catalogs Read).

    Args:
        job_id (str):
        fieldscatalog_category_bulk_update_job
            (list[GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem] | Unset):
        revision (str):  Default: '2026-07-15'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | GetCatalogCategoryBulkUpdateJobResponse]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        fieldscatalog_category_bulk_update_job=fieldscatalog_category_bulk_update_job,
        revision=revision,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    fieldscatalog_category_bulk_update_job: list[
        GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem
    ]
    | Unset = UNSET,
    revision: str = "2026-07-15",
) -> ErrorDocument | GetCatalogCategoryBulkUpdateJobResponse | None:
    """Get Update Categories Job

     Get one catalog category bulk update job.

    Scopes: `catalogs:read` (Catalogs Read).

    Args:
        job_id (str):
        fieldscatalog_category_bulk_update_job
            (list[GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem] | Unset):
        revision (str):  Default: '2026-07-15'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | GetCatalogCategoryBulkUpdateJobResponse
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
        fieldscatalog_category_bulk_update_job=fieldscatalog_category_bulk_update_job,
        revision=revision,
    ).parsed


async def asyncio_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    fieldscatalog_category_bulk_update_job: list[
        GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem
    ]
    | Unset = UNSET,
    revision: str = "2026-07-15",
) -> Response[ErrorDocument | GetCatalogCategoryBulkUpdateJobResponse]:
    """Get Update Categories Job

     Get one catalog category bulk update job.

    Scopes: `catalogs:read` (Catalogs Read).

    Args:
        job_id (str):
        fieldscatalog_category_bulk_update_job
            (list[GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem] | Unset):
        revision (str):  Default: '2026-07-15'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | GetCatalogCategoryBulkUpdateJobResponse]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        fieldscatalog_category_bulk_update_job=fieldscatalog_category_bulk_update_job,
        revision=revision,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    fieldscatalog_category_bulk_update_job: list[
        GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem
    ]
    | Unset = UNSET,
    revision: str = "2026-07-15",
) -> ErrorDocument | GetCatalogCategoryBulkUpdateJobResponse | None:
    """Get Update Categories Job

     Get one catalog category bulk update job.

    Scopes: `catalogs:read` (Catalogs Read).

    Args:
        job_id (str):
        fieldscatalog_category_bulk_update_job
            (list[GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem] | Unset):
        revision (str):  Default: '2026-07-15'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | GetCatalogCategoryBulkUpdateJobResponse
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
            fieldscatalog_category_bulk_update_job=fieldscatalog_category_bulk_update_job,
            revision=revision,
        )
    ).parsed
