# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
"""API facts of spec/propeller.yaml that catalog_clients uses, and typed field classes.

Emitted by scripts/rules.py from the spec, beside openapi-python-client's output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

Schema = Mapping[str, Any]

# The records below that describe the spec are NamedTuples: they are read, never built by a
# user, and a NamedTuple class costs a tenth of an attrs class to create at import.


class Fieldset(NamedTuple):
    """A sparse fieldset: its names, and the revisions (from, until; inclusive) some allow."""

    names: tuple[str, ...]
    revisions: Mapping[str, tuple[str | None, str | None]]


class Param(NamedTuple):
    """One parameter of an operation: ``keyword`` is the layer's Python name for it, ``python``
    the generated endpoint's."""

    name: str
    location: str
    keyword: str
    required: bool
    schema: Schema
    python: str = ""
    explode: bool = True
    default: str | None = None
    filter: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    fieldset: Fieldset | None = None


class Operation(NamedTuple):
    """One operation of the spec, with what the layer needs to call it."""

    operation_id: str
    method: str
    path: str
    server: str
    params: tuple[Param, ...]
    sdk_method: str | None = None
    request_media_type: str | None = None
    request_schema: str | None = None
    response_schema: str | None = None
    response_media_types: tuple[str, ...] = ()
    paths_by_revision: tuple[tuple[str, str], ...] = ()
    media_types_by_revision: tuple[tuple[str | None, str | None, str], ...] = ()
    rate_limits: tuple[tuple[int, float], ...] = ()
    idempotent: bool = False
    cursor_parameter: str | None = None
    next_link: tuple[str, ...] = ()
    lookup_key: tuple[str, ...] = ()
    items_property: str | None = None
    items_class: str | None = None
    # The generated model's attribute names of items_property and next_link.
    items_attribute: str | None = None
    next_link_attributes: tuple[str, ...] = ()


class Field(NamedTuple):
    """How one Python field is read from (or written to) the wire.

    ``paths`` are tried in order (an alias after the field's own path); ``kind`` is one of
    str, int, float, bool, datetime, enum, text, code, object, list, models, ids, pairs,
    any.
    ``model`` names the class of a ``models`` list or the enum of an ``enum``; ``pairs``
    holds the two keys of a list also given as a mapping; ``required`` says that the schema
    requires the field (for a flattened one: its object); ``keys`` are the keys each object
    of an ``ids`` list must have.
    """

    name: str
    paths: tuple[tuple[str, ...], ...]
    kind: str
    model: str | None = None
    pairs: tuple[str, str] | None = None
    required: bool = False
    keys: tuple[str, ...] = ()


SERVER_URL = "https://api.helice.cloud/v2"
TOKEN_URL = "https://api.helice.cloud/oauth2/token"
# What each bulk item action means: the BulkResult count it goes to.
ACTION_OUTCOMES: dict[str, str] = {"create": "created", "update": "updated"}
ERROR_CODES: dict[str, str] = {
    "10005": "InvalidJSONPayload",
    "10006": "InvalidLookupKey",
    "10007": "SchemaValidationException",
    "10008": "NotFound",
    "10016": "LookupKeyNotFound",
    "10017": "PayloadValidationError",
    "30004": "CategoryExists",
    "30005": "CategoryMultipleFound",
    "30006": "CategoryNotFound",
    "30007": "ParentCategoryNotFound",
}
# The catalog_clients.errors class raised for an error code.
ERROR_EXCEPTIONS: dict[str, str] = {"10007": "SchemaValidationError"}

OPERATIONS: dict[str, Operation] = {
    "bulk_categories_by_id": Operation(
        operation_id="bulk_categories_by_id",
        method="POST",
        path="/categories/bulk/id",
        server="https://api.helice.cloud/v2",
        params=(),
        sdk_method="bulk_upsert_categories_by_id",
        request_media_type="application/json",
        request_schema="BulkCategoriesByIdRequest",
        response_media_types=("application/json",),
        response_schema="BulkCategoriesResponse",
        items_property="data",
        items_attribute="data",
        idempotent=True,
        lookup_key=("id",),
    ),
    "bulk_categories_by_source_id": Operation(
        operation_id="bulk_categories_by_source_id",
        method="POST",
        path="/categories/bulk/sourceId",
        server="https://api.helice.cloud/v2",
        params=(),
        sdk_method="bulk_upsert_categories_by_source_id",
        request_media_type="application/json",
        request_schema="BulkCategoriesBySourceIdRequest",
        response_media_types=("application/json",),
        response_schema="BulkCategoriesResponse",
        items_property="data",
        items_attribute="data",
        idempotent=True,
        lookup_key=("sourceId", "source"),
    ),
    "create_access_token": Operation(
        operation_id="create_access_token",
        method="POST",
        path="/oauth2/token",
        server="https://api.helice.cloud",
        params=(),
        sdk_method="fetch_access_token",
        request_media_type="application/x-www-form-urlencoded",
        request_schema="ClientCredentialsTokenRequest",
        response_media_types=("application/json",),
        response_schema="AccessTokenResponse",
    ),
}

SCHEMAS: dict[str, Schema] = {
    "BulkCategoriesByIdRequest": {
        "type": "object",
        "properties": {
            "categories": {
                "type": "array",
                "items": {"$ref": "CategoryByIdInput"},
                "minItems": 1,
                "maxItems": 1000,
            },
            "directives": {"type": "array", "items": {"$ref": "Directive"}},
        },
        "required": ("categories",),
        "additionalProperties": False,
    },
    "BulkCategoriesBySourceIdRequest": {
        "type": "object",
        "properties": {
            "categories": {
                "type": "array",
                "items": {"$ref": "CategoryBySourceIdInput"},
                "minItems": 1,
                "maxItems": 1000,
            },
            "directives": {"type": "array", "items": {"$ref": "Directive"}},
        },
        "required": ("categories",),
        "additionalProperties": False,
    },
    "CategoryBySourceIdInput": {
        "type": "object",
        "properties": {
            "sourceId": {"type": "string", "minLength": 1},
            "source": {"type": "string", "minLength": 1},
            "language": {
                "type": "string",
                "pattern": "^[A-Za-z]{2}$",
                "x-hint": "a two-letter ISO 639-1 code such as 'EN'",
            },
            "names": {"type": "array", "items": {"$ref": "LocalizedString"}, "minItems": 1},
            "descriptions": {"type": "array", "items": {"$ref": "LocalizedString"}},
            "shortDescriptions": {"type": "array", "items": {"$ref": "LocalizedString"}},
            "parent": {"$ref": "ParentReference"},
            "attributes": {
                "type": "array",
                "items": {"type": "object", "additionalProperties": True},
            },
        },
        "required": ("sourceId", "source", "language", "names", "parent"),
        "additionalProperties": False,
    },
    "CategoryByIdInput": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "language": {
                "type": "string",
                "pattern": "^[A-Za-z]{2}$",
                "x-hint": "a two-letter ISO 639-1 code such as 'EN'",
            },
            "names": {"type": "array", "items": {"$ref": "LocalizedString"}, "minItems": 1},
            "descriptions": {"type": "array", "items": {"$ref": "LocalizedString"}},
            "shortDescriptions": {"type": "array", "items": {"$ref": "LocalizedString"}},
            "parent": {"$ref": "ParentReference"},
            "attributes": {
                "type": "array",
                "items": {"type": "object", "additionalProperties": True},
            },
            "sourceId": {"type": "string"},
            "source": {"type": "string"},
        },
        "required": ("id", "language", "names", "parent"),
        "additionalProperties": False,
    },
    "LocalizedString": {
        "type": "object",
        "properties": {
            "language": {
                "type": "string",
                "pattern": "^[A-Za-z]{2}$",
                "x-hint": "a two-letter ISO 639-1 code such as 'EN'",
            },
            "value": {"type": "string"},
        },
        "required": ("language", "value"),
        "additionalProperties": False,
        "x-mapping-form": ("language", "value"),
    },
    "ParentReference": {"anyOf": ({"$ref": "ParentById"}, {"$ref": "ParentBySource"})},
    "ParentById": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "sourceId": {"type": "string"},
            "source": {"type": "string"},
        },
        "required": ("id",),
        "additionalProperties": False,
    },
    "ParentBySource": {
        "type": "object",
        "properties": {
            "sourceId": {"type": "string", "minLength": 1},
            "source": {"type": "string", "minLength": 1},
        },
        "required": ("sourceId", "source"),
        "additionalProperties": False,
    },
    "Directive": {
        "type": "object",
        "properties": {
            "operation": {
                "type": "string",
                "enum": ("skipIfNotEmpty", "skipMoveOnUpdate", "mergeTranslationsOnUpdate"),
            },
            "fields": {
                "type": "array",
                "items": {
                    "type": "string",
                    "enum": (
                        "id",
                        "language",
                        "names",
                        "descriptions",
                        "shortDescriptions",
                        "parent",
                        "attributes",
                        "sourceId",
                        "source",
                    ),
                },
            },
        },
        "required": ("operation", "fields"),
        "additionalProperties": False,
        "x-operations-with-fields": ("skipIfNotEmpty",),
    },
    "BulkCategoriesResponse": {
        "type": "object",
        "properties": {
            "data": {"type": "array", "items": {"$ref": "BulkItemResult"}},
            "messages": {"type": "array", "nullable": True, "items": {"type": "string"}},
            "total": {"type": "integer", "nullable": True},
        },
        "required": ("data",),
        "additionalProperties": True,
    },
    "BulkItemResult": {
        "type": "object",
        "properties": {
            "action": {"type": "string", "nullable": True},
            "id": {"type": "integer", "nullable": True},
            "key": {"nullable": True, "anyOf": ({"type": "integer"}, {"type": "string"})},
            "lookupKey": {"type": "string", "nullable": True},
            "success": {"type": "boolean", "nullable": True},
            "error": {"type": "string", "nullable": True},
            "message": {"type": "string", "nullable": True},
        },
        "additionalProperties": True,
    },
    "ErrorEnvelope": {
        "type": "object",
        "properties": {"error": {"$ref": "ErrorBody"}},
        "required": ("error",),
        "additionalProperties": True,
    },
    "ErrorBody": {
        "type": "object",
        "properties": {
            "code": {"nullable": True, "anyOf": ({"type": "integer"}, {"type": "string"})},
            "status": {"type": "integer", "nullable": True},
            "type": {"type": "string", "nullable": True},
            "messages": {"type": "array", "nullable": True, "items": {"type": "string"}},
            "moreInfo": {"type": "string", "nullable": True},
        },
        "additionalProperties": True,
    },
    "ClientCredentialsTokenRequest": {
        "type": "object",
        "properties": {
            "grant_type": {"type": "string", "enum": ("client_credentials",)},
            "client_id": {"type": "string"},
            "client_secret": {"type": "string"},
        },
        "required": ("grant_type", "client_id", "client_secret"),
    },
    "AccessTokenResponse": {
        "type": "object",
        "properties": {
            "access_token": {"type": "string"},
            "expires_in": {"nullable": True, "anyOf": ({"type": "integer"}, {"type": "string"})},
            "token_type": {"type": "string", "nullable": True},
        },
        "required": ("access_token",),
        "additionalProperties": True,
    },
}


@attrs.frozen(kw_only=True)
class CategoryBySourceFields:
    """The fields of ``CategoryBySourceIdInput``, in Python spelling."""

    source_id: str
    source: str
    language: str
    names: Mapping[str, Any] | Sequence[Mapping[str, Any]]
    descriptions: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None
    short_descriptions: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None
    parent_id: int | None = None
    parent_source_id: str | None = None
    parent_source: str | None = None
    attributes: Sequence[Mapping[str, Any]] | None = None


CATEGORY_BY_SOURCE_FIELDS = (
    Field(name="source_id", paths=(("sourceId",),), kind="str", required=True),
    Field(name="source", paths=(("source",),), kind="str", required=True),
    Field(name="language", paths=(("language",),), kind="str", required=True),
    Field(
        name="names", paths=(("names",),), kind="pairs", pairs=("language", "value"), required=True
    ),
    Field(
        name="descriptions",
        paths=(("descriptions",),),
        kind="pairs",
        pairs=("language", "value"),
        required=False,
    ),
    Field(
        name="short_descriptions",
        paths=(("shortDescriptions",),),
        kind="pairs",
        pairs=("language", "value"),
        required=False,
    ),
    Field(name="parent_id", paths=(("parent", "id"),), kind="int", required=True),
    Field(name="parent_source_id", paths=(("parent", "sourceId"),), kind="str", required=True),
    Field(name="parent_source", paths=(("parent", "source"),), kind="str", required=True),
    Field(name="attributes", paths=(("attributes",),), kind="list", required=False),
)


@attrs.frozen(kw_only=True)
class CategoryFields:
    """The fields of ``CategoryByIdInput``, in Python spelling."""

    id: int
    language: str
    names: Mapping[str, Any] | Sequence[Mapping[str, Any]]
    descriptions: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None
    short_descriptions: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None
    parent_id: int | None = None
    parent_source_id: str | None = None
    parent_source: str | None = None
    attributes: Sequence[Mapping[str, Any]] | None = None
    source_id: str | None = None
    source: str | None = None


CATEGORY_FIELDS = (
    Field(name="id", paths=(("id",),), kind="int", required=True),
    Field(name="language", paths=(("language",),), kind="str", required=True),
    Field(
        name="names", paths=(("names",),), kind="pairs", pairs=("language", "value"), required=True
    ),
    Field(
        name="descriptions",
        paths=(("descriptions",),),
        kind="pairs",
        pairs=("language", "value"),
        required=False,
    ),
    Field(
        name="short_descriptions",
        paths=(("shortDescriptions",),),
        kind="pairs",
        pairs=("language", "value"),
        required=False,
    ),
    Field(name="parent_id", paths=(("parent", "id"),), kind="int", required=True),
    Field(name="parent_source_id", paths=(("parent", "sourceId"),), kind="str", required=True),
    Field(name="parent_source", paths=(("parent", "source"),), kind="str", required=True),
    Field(name="attributes", paths=(("attributes",),), kind="list", required=False),
    Field(name="source_id", paths=(("sourceId",),), kind="str", required=False),
    Field(name="source", paths=(("source",),), kind="str", required=False),
)


@attrs.frozen(kw_only=True)
class DirectivesFields:
    """One keyword per directive operation: field names, or True to switch it on."""

    skip_if_not_empty: str | Sequence[str] = ()
    skip_move_on_update: bool = False
    merge_translations_on_update: bool = False


# (keyword, operation, takes field names) of each directive operation.
DIRECTIVE_OPERATIONS = (
    ("skip_if_not_empty", "skipIfNotEmpty", True),
    ("skip_move_on_update", "skipMoveOnUpdate", False),
    ("merge_translations_on_update", "mergeTranslationsOnUpdate", False),
)
DIRECTIVE_SCHEMA = "Directive"
DIRECTIVE_KEYS = ("operation", "fields")
DIRECTIVE_FIELD_NAMES = (
    "id",
    "language",
    "names",
    "descriptions",
    "shortDescriptions",
    "parent",
    "attributes",
    "sourceId",
    "source",
)

# The field plan of each bulk item schema.
INPUT_PLANS: dict[str, tuple[Field, ...]] = {
    "CategoryBySourceIdInput": CATEGORY_BY_SOURCE_FIELDS,
    "CategoryByIdInput": CATEGORY_FIELDS,
}


# Per bulk operation: where the body holds its items (and the constants on the
# way), their schema, the item limit per request, and the body property and schema
# of its directives.
BULK: dict[str, dict[str, Any]] = {
    "bulk_categories_by_id": {
        "items": "categories",
        "items_path": ("categories",),
        "constants": {},
        "item_schema": "CategoryByIdInput",
        "max_items": 1000,
        "directives": "directives",
        "directive_schema": "Directive",
    },
    "bulk_categories_by_source_id": {
        "items": "categories",
        "items_path": ("categories",),
        "constants": {},
        "item_schema": "CategoryBySourceIdInput",
        "max_items": 1000,
        "directives": "directives",
        "directive_schema": "Directive",
    },
}
