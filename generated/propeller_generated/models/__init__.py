# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
"""Contains all the data models used in inputs/outputs"""

from .access_token_response import AccessTokenResponse
from .bulk_categories_by_id_request import BulkCategoriesByIdRequest
from .bulk_categories_by_source_id_request import BulkCategoriesBySourceIdRequest
from .bulk_categories_response import BulkCategoriesResponse
from .bulk_item_result import BulkItemResult
from .category_by_id_input import CategoryByIdInput
from .category_by_id_input_attributes_item import CategoryByIdInputAttributesItem
from .category_by_source_id_input import CategoryBySourceIdInput
from .category_by_source_id_input_attributes_item import (
    CategoryBySourceIdInputAttributesItem,
)
from .client_credentials_token_request import ClientCredentialsTokenRequest
from .client_credentials_token_request_grant_type import (
    ClientCredentialsTokenRequestGrantType,
)
from .create_access_token_response_4xx import CreateAccessTokenResponse4XX
from .directive import Directive
from .directive_fields_item import DirectiveFieldsItem
from .directive_operation import DirectiveOperation
from .error_body import ErrorBody
from .error_envelope import ErrorEnvelope
from .localized_string import LocalizedString
from .parent_by_id import ParentById
from .parent_by_source import ParentBySource

__all__ = (
    "AccessTokenResponse",
    "BulkCategoriesByIdRequest",
    "BulkCategoriesBySourceIdRequest",
    "BulkCategoriesResponse",
    "BulkItemResult",
    "CategoryByIdInput",
    "CategoryByIdInputAttributesItem",
    "CategoryBySourceIdInput",
    "CategoryBySourceIdInputAttributesItem",
    "ClientCredentialsTokenRequest",
    "ClientCredentialsTokenRequestGrantType",
    "CreateAccessTokenResponse4XX",
    "Directive",
    "DirectiveFieldsItem",
    "DirectiveOperation",
    "ErrorBody",
    "ErrorEnvelope",
    "LocalizedString",
    "ParentById",
    "ParentBySource",
)
