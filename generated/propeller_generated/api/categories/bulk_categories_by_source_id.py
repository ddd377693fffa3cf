# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_categories_by_source_id_request import (
    BulkCategoriesBySourceIdRequest,
)
from ...models.bulk_categories_response import BulkCategoriesResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: BulkCategoriesBySourceIdRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/categories/bulk/sourceId",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BulkCategoriesResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = BulkCategoriesResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorEnvelope.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorEnvelope.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BulkCategoriesResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkCategoriesBySourceIdRequest,
) -> Response[BulkCategoriesResponse | ErrorEnvelope]:
    """Bulk Categories by Source Id

     Create or update up to 1,000 categories in one call, identified by the caller's own
    `sourceId` within a `source` (both required): a category not known under that pair
    is created, a known one is updated, so repeating a request is safe. The answer's
    `key` echoes each item's `sourceId` as a string.

    Args:
        body (BulkCategoriesBySourceIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkCategoriesResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BulkCategoriesBySourceIdRequest,
) -> BulkCategoriesResponse | ErrorEnvelope | None:
    """Bulk Categories by Source Id

     Create or update up to 1,000 categories in one call, identified by the caller's own
    `sourceId` within a `source` (both required): a category not known under that pair
    is created, a known one is updated, so repeating a request is safe. The answer's
    `key` echoes each item's `sourceId` as a string.

    Args:
        body (BulkCategoriesBySourceIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkCategoriesResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkCategoriesBySourceIdRequest,
) -> Response[BulkCategoriesResponse | ErrorEnvelope]:
    """Bulk Categories by Source Id

     Create or update up to 1,000 categories in one call, identified by the caller's own
    `sourceId` within a `source` (both required): a category not known under that pair
    is created, a known one is updated, so repeating a request is safe. The answer's
    `key` echoes each item's `sourceId` as a string.

    Args:
        body (BulkCategoriesBySourceIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkCategoriesResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BulkCategoriesBySourceIdRequest,
) -> BulkCategoriesResponse | ErrorEnvelope | None:
    """Bulk Categories by Source Id

     Create or update up to 1,000 categories in one call, identified by the caller's own
    `sourceId` within a `source` (both required): a category not known under that pair
    is created, a known one is updated, so repeating a request is safe. The answer's
    `key` echoes each item's `sourceId` as a string.

    Args:
        body (BulkCategoriesBySourceIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkCategoriesResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
