# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
"""One typed method per operation of spec/propeller.yaml: ``client.operations``.

Emitted by scripts/operations.py. Each method sends its arguments through the catalog_clients
client's whole policy (credentials, revision, pacing, retries, typed errors) and returns the
generated model of the success answer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, cast

from .api.categories import bulk_categories_by_id as _op0
from .api.categories import bulk_categories_by_source_id as _op1
from .api.oauth2 import create_access_token as _op2
from .models import (
    AccessTokenResponse,
    BulkCategoriesByIdRequest,
    BulkCategoriesBySourceIdRequest,
    BulkCategoriesResponse,
    ClientCredentialsTokenRequest,
)

# (operation id, generated endpoint module, success model class, keyword arguments) -> the
# parsed success model.
Call = Callable[[str, Any, Any, dict[str, Any]], Any]
AsyncCall = Callable[[str, Any, Any, dict[str, Any]], Awaitable[Any]]


class Operations:
    """The operations of spec/propeller.yaml, each sent through the client."""

    def __init__(self, call: Call) -> None:
        self._call = call

    def bulk_categories_by_id(self, *, body: BulkCategoriesByIdRequest) -> BulkCategoriesResponse:
        """POST /categories/bulk/id"""
        return cast(
            BulkCategoriesResponse,
            self._call("bulk_categories_by_id", _op0, BulkCategoriesResponse, {"body": body}),
        )

    def bulk_categories_by_source_id(
        self, *, body: BulkCategoriesBySourceIdRequest
    ) -> BulkCategoriesResponse:
        """POST /categories/bulk/sourceId"""
        return cast(
            BulkCategoriesResponse,
            self._call(
                "bulk_categories_by_source_id", _op1, BulkCategoriesResponse, {"body": body}
            ),
        )

    def create_access_token(self, *, body: ClientCredentialsTokenRequest) -> AccessTokenResponse:
        """POST /oauth2/token"""
        return cast(
            AccessTokenResponse,
            self._call("create_access_token", _op2, AccessTokenResponse, {"body": body}),
        )


class AsyncOperations:
    """The operations of spec/propeller.yaml, each sent through the client."""

    def __init__(self, call: AsyncCall) -> None:
        self._call = call

    async def bulk_categories_by_id(
        self, *, body: BulkCategoriesByIdRequest
    ) -> BulkCategoriesResponse:
        """POST /categories/bulk/id"""
        return cast(
            BulkCategoriesResponse,
            await self._call("bulk_categories_by_id", _op0, BulkCategoriesResponse, {"body": body}),
        )

    async def bulk_categories_by_source_id(
        self, *, body: BulkCategoriesBySourceIdRequest
    ) -> BulkCategoriesResponse:
        """POST /categories/bulk/sourceId"""
        return cast(
            BulkCategoriesResponse,
            await self._call(
                "bulk_categories_by_source_id", _op1, BulkCategoriesResponse, {"body": body}
            ),
        )

    async def create_access_token(
        self, *, body: ClientCredentialsTokenRequest
    ) -> AccessTokenResponse:
        """POST /oauth2/token"""
        return cast(
            AccessTokenResponse,
            await self._call("create_access_token", _op2, AccessTokenResponse, {"body": body}),
        )
