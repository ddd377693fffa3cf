# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
"""API facts of spec/klaviyo.yaml that catalog_clients uses, and typed field classes.

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


SERVER_URL = "https://a.klaviyo.com"
AUTH_HEADER = "Authorization"
CREDENTIAL_SCHEMES = {"api_key": "Klaviyo-API-Key", "access_token": "Bearer"}
REVISIONS = (
    "2022-10-17",
    "2023-01-24",
    "2023-02-22",
    "2023-06-15",
    "2023-07-15",
    "2023-08-15",
    "2023-09-15",
    "2023-10-15",
    "2023-12-15",
    "2024-02-15",
    "2024-05-15",
    "2024-06-15",
    "2024-07-15",
    "2024-10-15",
    "2025-01-15",
    "2025-04-15",
    "2025-07-15",
    "2025-10-15",
    "2026-01-15",
    "2026-04-15",
    "2026-07-15",
)
REVISION_HEADER = "revision"
DEFAULT_REVISION = "2026-07-15"
REVISION_PATTERN = "^\\d{4}-\\d{2}-\\d{2}(\\.[A-Za-z0-9]+)?$"

OPERATIONS: dict[str, Operation] = {
    "get_update_categories_jobs": Operation(
        operation_id="get_update_categories_jobs",
        method="GET",
        path="/api/catalog-category-bulk-update-jobs/",
        server="https://a.klaviyo.com",
        params=(
            Param(
                name="fields[catalog-category-bulk-update-job]",
                location="query",
                keyword="fields",
                required=False,
                schema={
                    "type": "array",
                    "items": {
                        "type": "string",
                        "enum": (
                            "id",
                            "job_id",
                            "status",
                            "created_at",
                            "total_count",
                            "completed_count",
                            "failed_count",
                            "completed_at",
                            "expires_at",
                            "errors",
                        ),
                    },
                },
                python="fieldscatalog_category_bulk_update_job",
                explode=False,
                fieldset=Fieldset(
                    names=(
                        "id",
                        "job_id",
                        "status",
                        "created_at",
                        "total_count",
                        "completed_count",
                        "failed_count",
                        "completed_at",
                        "expires_at",
                        "errors",
                    ),
                    revisions={"job_id": (None, "2023-10-15"), "id": ("2026-04-15", None)},
                ),
            ),
            Param(
                name="filter",
                location="query",
                keyword="filter",
                required=False,
                schema={"type": "string"},
                python="filter_",
                filter={"status": ("equals",)},
            ),
            Param(
                name="page[cursor]",
                location="query",
                keyword="cursor",
                required=False,
                schema={"type": "string"},
                python="pagecursor",
            ),
            Param(
                name="revision",
                location="header",
                keyword="revision",
                required=True,
                schema={"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}(\\.[A-Za-z0-9]+)?$"},
                python="revision",
                default="2026-07-15",
            ),
        ),
        sdk_method="list_category_bulk_update_jobs",
        response_media_types=("application/vnd.api+json", "application/json"),
        response_schema="GetCatalogCategoryBulkUpdateJobsResponse",
        items_property="data",
        items_attribute="data",
        items_class="Job",
        paths_by_revision=(("2024-10-15", "/api/catalog-category-bulk-update-jobs"),),
        media_types_by_revision=(
            (None, "2024-07-15", "application/json"),
            ("2024-10-15", None, "application/vnd.api+json"),
        ),
        rate_limits=((350, 1.0), (3500, 60.0)),
        idempotent=True,
        cursor_parameter="page[cursor]",
        next_link=("links", "next"),
        next_link_attributes=("links", "next_"),
    ),
    "spawn_update_categories_job": Operation(
        operation_id="spawn_update_categories_job",
        method="POST",
        path="/api/catalog-category-bulk-update-jobs/",
        server="https://a.klaviyo.com",
        params=(
            Param(
                name="revision",
                location="header",
                keyword="revision",
                required=True,
                schema={"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}(\\.[A-Za-z0-9]+)?$"},
                python="revision",
                default="2026-07-15",
            ),
        ),
        sdk_method="create_category_bulk_update_job",
        request_media_type="application/vnd.api+json",
        request_schema="CatalogCategoryBulkUpdateJobCreateQuery",
        response_media_types=("application/vnd.api+json", "application/json"),
        response_schema="PostCatalogCategoryBulkUpdateJobResponse",
        items_property="data",
        items_attribute="data",
        items_class="Job",
        paths_by_revision=(("2024-10-15", "/api/catalog-category-bulk-update-jobs"),),
        media_types_by_revision=(
            (None, "2024-07-15", "application/json"),
            ("2024-10-15", None, "application/vnd.api+json"),
        ),
        rate_limits=((75, 1.0), (750, 60.0)),
    ),
    "get_update_categories_job": Operation(
        operation_id="get_update_categories_job",
        method="GET",
        path="/api/catalog-category-bulk-update-jobs/{job_id}/",
        server="https://a.klaviyo.com",
        params=(
            Param(
                name="job_id",
                location="path",
                keyword="job_id",
                required=True,
                schema={"type": "string"},
                python="job_id",
            ),
            Param(
                name="fields[catalog-category-bulk-update-job]",
                location="query",
                keyword="fields",
                required=False,
                schema={
                    "type": "array",
                    "items": {
                        "type": "string",
                        "enum": (
                            "id",
                            "job_id",
                            "status",
                            "created_at",
                            "total_count",
                            "completed_count",
                            "failed_count",
                            "completed_at",
                            "expires_at",
                            "errors",
                        ),
                    },
                },
                python="fieldscatalog_category_bulk_update_job",
                explode=False,
                fieldset=Fieldset(
                    names=(
                        "id",
                        "job_id",
                        "status",
                        "created_at",
                        "total_count",
                        "completed_count",
                        "failed_count",
                        "completed_at",
                        "expires_at",
                        "errors",
                    ),
                    revisions={"job_id": (None, "2023-10-15"), "id": ("2026-04-15", None)},
                ),
            ),
            Param(
                name="revision",
                location="header",
                keyword="revision",
                required=True,
                schema={"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}(\\.[A-Za-z0-9]+)?$"},
                python="revision",
                default="2026-07-15",
            ),
        ),
        sdk_method="get_category_bulk_update_job",
        response_media_types=("application/vnd.api+json", "application/json"),
        response_schema="GetCatalogCategoryBulkUpdateJobResponse",
        items_property="data",
        items_attribute="data",
        items_class="Job",
        paths_by_revision=(("2024-10-15", "/api/catalog-category-bulk-update-jobs/{job_id}"),),
        media_types_by_revision=(
            (None, "2024-07-15", "application/json"),
            ("2024-10-15", None, "application/vnd.api+json"),
        ),
        rate_limits=((350, 1.0), (3500, 60.0)),
        idempotent=True,
    ),
}

SCHEMAS: dict[str, Schema] = {
    "GetCatalogCategoryBulkUpdateJobsResponse": {
        "type": "object",
        "properties": {
            "data": {"type": "array", "items": {"$ref": "CatalogCategoryBulkUpdateJob"}},
            "links": {"nullable": True, "allOf": ({"$ref": "CollectionLinks"},)},
            "included": {
                "type": "array",
                "nullable": True,
                "items": {"$ref": "CatalogCategoryResource"},
            },
            "meta": {"type": "object", "nullable": True, "additionalProperties": True},
        },
        "required": ("data",),
        "additionalProperties": True,
    },
    "PostCatalogCategoryBulkUpdateJobResponse": {
        "type": "object",
        "properties": {
            "data": {"$ref": "CatalogCategoryBulkUpdateJob"},
            "links": {"type": "object", "nullable": True, "additionalProperties": True},
        },
        "required": ("data",),
        "additionalProperties": True,
    },
    "GetCatalogCategoryBulkUpdateJobResponse": {
        "type": "object",
        "properties": {
            "data": {"$ref": "CatalogCategoryBulkUpdateJob"},
            "links": {"type": "object", "nullable": True, "additionalProperties": True},
            "included": {
                "type": "array",
                "nullable": True,
                "items": {"$ref": "CatalogCategoryResource"},
            },
        },
        "required": ("data",),
        "additionalProperties": True,
    },
    "CatalogCategoryBulkUpdateJobCreateQuery": {
        "type": "object",
        "properties": {
            "data": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": ("catalog-category-bulk-update-job",)},
                    "attributes": {
                        "type": "object",
                        "properties": {
                            "categories": {
                                "type": "object",
                                "properties": {
                                    "data": {
                                        "type": "array",
                                        "items": {
                                            "$ref": "CatalogCategoryUpdateQueryResourceObject"
                                        },
                                        "minItems": 1,
                                        "maxItems": 100,
                                    }
                                },
                                "required": ("data",),
                                "additionalProperties": False,
                            }
                        },
                        "required": ("categories",),
                        "additionalProperties": False,
                    },
                },
                "required": ("type", "attributes"),
                "additionalProperties": False,
            }
        },
        "required": ("data",),
        "additionalProperties": False,
    },
    "CatalogCategoryUpdateQueryResourceObject": {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ("catalog-category",)},
            "id": {"type": "string", "minLength": 1},
            "attributes": {
                "type": "object",
                "properties": {"name": {"type": "string", "nullable": True}},
                "additionalProperties": False,
            },
            "relationships": {
                "type": "object",
                "properties": {
                    "items": {
                        "type": "object",
                        "properties": {
                            "data": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "type": {"type": "string", "enum": ("catalog-item",)},
                                        "id": {"type": "string", "minLength": 1},
                                    },
                                    "required": ("type", "id"),
                                    "additionalProperties": False,
                                },
                            }
                        },
                        "additionalProperties": False,
                    }
                },
                "additionalProperties": False,
            },
        },
        "required": ("type", "id", "attributes"),
        "additionalProperties": False,
    },
    "CollectionLinks": {
        "type": "object",
        "properties": {
            "self": {"type": "string", "nullable": True},
            "first": {"type": "string", "nullable": True},
            "last": {"type": "string", "nullable": True},
            "prev": {"type": "string", "nullable": True},
            "next": {"type": "string", "nullable": True},
        },
        "additionalProperties": True,
    },
    "CatalogCategoryBulkUpdateJob": {
        "type": "object",
        "properties": {
            "type": {"type": "string"},
            "id": {"type": "string", "nullable": True},
            "attributes": {"$ref": "CatalogCategoryBulkUpdateJobAttributes"},
            "links": {
                "type": "object",
                "nullable": True,
                "properties": {"self": {"type": "string", "nullable": True}},
                "additionalProperties": True,
            },
            "relationships": {
                "type": "object",
                "nullable": True,
                "properties": {
                    "categories": {
                        "type": "object",
                        "nullable": True,
                        "properties": {
                            "data": {
                                "type": "array",
                                "nullable": True,
                                "items": {"$ref": "CatalogCategoryIdentifier"},
                            },
                            "links": {
                                "type": "object",
                                "nullable": True,
                                "additionalProperties": True,
                            },
                        },
                        "additionalProperties": True,
                    }
                },
                "additionalProperties": True,
            },
        },
        "required": ("type", "attributes"),
        "additionalProperties": True,
    },
    "CatalogCategoryBulkUpdateJobAttributes": {
        "type": "object",
        "properties": {
            "job_id": {"type": "string", "nullable": True},
            "status": {"$ref": "JobStatusValue"},
            "created_at": {"$ref": "JobDateTime"},
            "total_count": {"type": "integer", "nullable": True},
            "completed_count": {"type": "integer", "nullable": True},
            "failed_count": {"type": "integer", "nullable": True},
            "completed_at": {"$ref": "JobDateTime"},
            "expires_at": {"$ref": "JobDateTime"},
            "errors": {"type": "array", "nullable": True, "items": {"$ref": "JobError"}},
        },
        "additionalProperties": True,
    },
    "JobStatusValue": {
        "nullable": True,
        "anyOf": ({"$ref": "JobStatus"}, {"type": "string", "nullable": True}),
    },
    "JobDateTime": {
        "nullable": True,
        "anyOf": (
            {"type": "string", "nullable": True, "format": "date-time"},
            {
                "type": "string",
                "nullable": True,
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?$",
            },
        ),
    },
    "JobStatus": {"type": "string", "enum": ("queued", "processing", "complete", "cancelled")},
    "JobError": {
        "type": "object",
        "properties": {
            "id": {"type": "string", "nullable": True},
            "code": {
                "nullable": True,
                "anyOf": (
                    {"type": "string", "nullable": True},
                    {"type": "integer", "nullable": True},
                ),
            },
            "title": {"type": "string", "nullable": True},
            "detail": {"type": "string", "nullable": True},
            "source": {"nullable": True, "allOf": ({"$ref": "ErrorSource"},)},
            "meta": {"type": "object", "nullable": True, "additionalProperties": True},
        },
        "additionalProperties": True,
    },
    "ErrorSource": {
        "type": "object",
        "properties": {
            "pointer": {
                "nullable": True,
                "anyOf": ({"type": "string", "nullable": True}, {"$ref": "ErrorPointerObject"}),
            },
            "parameter": {"type": "string", "nullable": True},
        },
        "additionalProperties": True,
    },
    "ErrorPointerObject": {"type": "object", "additionalProperties": True},
    "CatalogCategoryIdentifier": {
        "type": "object",
        "properties": {"type": {"type": "string"}, "id": {"type": "string"}},
        "required": ("type", "id"),
        "additionalProperties": True,
    },
    "CatalogCategoryResource": {
        "type": "object",
        "properties": {
            "type": {"type": "string"},
            "id": {"type": "string"},
            "attributes": {
                "type": "object",
                "nullable": True,
                "properties": {
                    "external_id": {"type": "string", "nullable": True},
                    "name": {"type": "string", "nullable": True},
                    "updated": {"$ref": "JobDateTime"},
                },
                "additionalProperties": True,
            },
            "links": {"type": "object", "nullable": True, "additionalProperties": True},
        },
        "required": ("type", "id"),
        "additionalProperties": True,
    },
    "ErrorDocument": {
        "type": "object",
        "properties": {"errors": {"type": "array", "items": {"$ref": "APIError"}}},
        "required": ("errors",),
        "additionalProperties": True,
    },
    "APIError": {
        "type": "object",
        "properties": {
            "id": {"type": "string", "nullable": True},
            "status": {"nullable": True, "anyOf": ({"type": "integer"}, {"type": "string"})},
            "code": {"type": "string", "nullable": True},
            "title": {"type": "string", "nullable": True},
            "detail": {"type": "string", "nullable": True},
            "source": {"nullable": True, "allOf": ({"$ref": "ErrorSource"},)},
            "meta": {"type": "object", "nullable": True, "additionalProperties": True},
            "links": {"type": "object", "nullable": True, "additionalProperties": True},
        },
        "additionalProperties": True,
    },
}


class JobStatus(StrEnum):
    """The values of ``JobStatus`` in the spec.

    Equals its plain string. A value the spec does not list is kept as it came:
    ``JobStatus("archived")`` equals ``"archived"``, and its ``is_known`` is False.
    """

    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETE = "complete"
    CANCELLED = "cancelled"

    @classmethod
    def _missing_(cls, value: object) -> JobStatus | None:
        if not isinstance(value, str):
            return None
        unknown = str.__new__(cls, value)
        unknown._name_ = value
        unknown._value_ = value
        return unknown

    @property
    def is_known(self) -> bool:
        """False for a value the spec does not list."""
        return type(self).__members__.get(self._name_) is self


@attrs.frozen(unsafe_hash=False, slots=False)
class JobError:
    """The fields of ``JobError``; each is None (or empty) when not sent."""

    id: str | None = None
    code: str | None = None
    title: str | None = None
    detail: str | None = None
    source_pointer: str | None = None
    source_parameter: str | None = None
    meta: dict[str, Any] | None = None


JOB_ERROR_FIELDS = (
    Field(name="id", paths=(("id",),), kind="str"),
    Field(name="code", paths=(("code",),), kind="code"),
    Field(name="title", paths=(("title",),), kind="str"),
    Field(name="detail", paths=(("detail",),), kind="str"),
    Field(name="source_pointer", paths=(("source", "pointer"),), kind="text"),
    Field(name="source_parameter", paths=(("source", "parameter"),), kind="str"),
    Field(name="meta", paths=(("meta",),), kind="object"),
)


@attrs.frozen(unsafe_hash=False, slots=False)
class JobFields:
    """The fields of ``CatalogCategoryBulkUpdateJob``; each is None (or empty) when not sent."""

    id: str | None = None
    status: JobStatus | None = None
    created_at: datetime | None = None
    total_count: int | None = None
    completed_count: int | None = None
    failed_count: int | None = None
    completed_at: datetime | None = None
    expires_at: datetime | None = None
    errors: list[JobError] = attrs.field(factory=list)
    category_ids: list[str] = attrs.field(factory=list)


JOB_FIELDS = (
    Field(name="id", paths=(("id",), ("attributes", "job_id")), kind="str"),
    Field(name="status", paths=(("attributes", "status"),), kind="enum", model="JobStatus"),
    Field(name="created_at", paths=(("attributes", "created_at"),), kind="datetime"),
    Field(name="total_count", paths=(("attributes", "total_count"),), kind="int"),
    Field(name="completed_count", paths=(("attributes", "completed_count"),), kind="int"),
    Field(name="failed_count", paths=(("attributes", "failed_count"),), kind="int"),
    Field(name="completed_at", paths=(("attributes", "completed_at"),), kind="datetime"),
    Field(name="expires_at", paths=(("attributes", "expires_at"),), kind="datetime"),
    Field(name="errors", paths=(("attributes", "errors"),), kind="models", model="JobError"),
    Field(
        name="category_ids",
        paths=(("relationships", "categories", "data"),),
        kind="ids",
        keys=("type", "id"),
    ),
)

# Each response class: its fields class, plan, generated model, required keys.
MODELS: dict[str, tuple[type[Any], tuple[Field, ...], str, tuple[str, ...]]] = {
    "JobError": (JobError, JOB_ERROR_FIELDS, "JobError", ()),
    "Job": (JobFields, JOB_FIELDS, "CatalogCategoryBulkUpdateJob", ("type", "attributes")),
}

# The values of each enum that a job does not leave (x-terminal).
TERMINAL: dict[str, tuple[str, ...]] = {"JobStatus": ("complete", "cancelled")}

ENUMS: dict[str, type[StrEnum]] = {"JobStatus": JobStatus}


# Per bulk operation: where the body holds its items (and the constants on the
# way), their schema, the item limit per request, and the body property and schema
# of its directives.
BULK: dict[str, dict[str, Any]] = {
    "spawn_update_categories_job": {
        "items": "data",
        "items_path": ("data", "attributes", "categories", "data"),
        "constants": {"data.type": "catalog-category-bulk-update-job"},
        "item_schema": "CatalogCategoryUpdateQueryResourceObject",
        "max_items": 100,
        "directives": None,
        "directive_schema": None,
    }
}
