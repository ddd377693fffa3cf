# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.catalog_category_bulk_update_job_create_query import (
    CatalogCategoryBulkUpdateJobCreateQuery,
)
from ...models.error_document import ErrorDocument
from ...models.post_catalog_category_bulk_update_job_response import (
    PostCatalogCategoryBulkUpdateJobResponse,
)
from ...types import Response


def _get_kwargs(
    *,
    body: CatalogCategoryBulkUpdateJobCreateQuery,
    revision: str = "2026-07-15",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["revision"] = revision

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/catalog-category-bulk-update-jobs/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/vnd.api+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDocument | PostCatalogCategoryBulkUpdateJobResponse | None:
    if response.status_code == 202:
        response_202 = PostCatalogCategoryBulkUpdateJobResponse.from_dict(
            response.json()
        )

        return response_202

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
) -> Response[ErrorDocument | PostCatalogCategoryBulkUpdateJobResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CatalogCategoryBulkUpdateJobCreateQuery,
    revision: str = "2026-07-15",
) -> Response[ErrorDocument | PostCatalogCategoryBulkUpdateJobResponse]:
    """Create Catalog Category Bulk Update Job

     Create a catalog category bulk update job to update a batch of catalog categories: up
    to 100 categories per request, a payload of at most 5 MB, and at most 500 jobs in
    progress at a time. Answers 202 with the new job.

    Scopes: `catalogs:write` (Catalogs Write).

    Args:
        revision (str):  Default: '2026-07-15'.
        body (CatalogCategoryBulkUpdateJobCreateQuery):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | PostCatalogCategoryBulkUpdateJobResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        revision=revision,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CatalogCategoryBulkUpdateJobCreateQuery,
    revision: str = "2026-07-15",
) -> ErrorDocument | PostCatalogCategoryBulkUpdateJobResponse | None:
    """Create Catalog Category Bulk Update Job

     Create a catalog category bulk update job to update a batch of catalog categories: up
    to 100 categories per request, a payload of at most 5 MB, and at most 500 jobs in
    progress at a time. Answers 202 with the new job.

    Scopes: `catalogs:write` (Catalogs Write).

    Args:
        revision (str):  Default: '2026-07-15'.
        body (CatalogCategoryBulkUpdateJobCreateQuery):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | PostCatalogCategoryBulkUpdateJobResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        revision=revision,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CatalogCategoryBulkUpdateJobCreateQuery,
    revision: str = "2026-07-15",
) -> Response[ErrorDocument | PostCatalogCategoryBulkUpdateJobResponse]:
    """Create Catalog Category Bulk Update Job

     Create a catalog category bulk update job to update a batch of catalog categories: up
    to 100 categories per request, a payload of at most 5 MB, and at most 500 jobs in
    progress at a time. Answers 202 with the new job.

    Scopes: `catalogs:write` (Catalogs Write).

    Args:
        revision (str):  Default: '2026-07-15'.
        body (CatalogCategoryBulkUpdateJobCreateQuery):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDocument | PostCatalogCategoryBulkUpdateJobResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        revision=revision,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CatalogCategoryBulkUpdateJobCreateQuery,
    revision: str = "2026-07-15",
) -> ErrorDocument | PostCatalogCategoryBulkUpdateJobResponse | None:
    """Create Catalog Category Bulk Update Job

     Create a catalog category bulk update job to update a batch of catalog categories: up
    to 100 categories per request, a payload of at most 5 MB, and at most 500 jobs in
    progress at a time. Answers 202 with the new job.

    Scopes: `catalogs:write` (Catalogs Write).

    Args:
        revision (str):  Default: '2026-07-15'.
        body (CatalogCategoryBulkUpdateJobCreateQuery):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDocument | PostCatalogCategoryBulkUpdateJobResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            revision=revision,
        )
    ).parsed
