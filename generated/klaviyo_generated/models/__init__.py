# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
"""Contains all the data models used in inputs/outputs"""

from .api_error import APIError
from .api_error_links_type_0 import APIErrorLinksType0
from .api_error_meta_type_0 import APIErrorMetaType0
from .catalog_category_bulk_update_job import CatalogCategoryBulkUpdateJob
from .catalog_category_bulk_update_job_attributes import (
    CatalogCategoryBulkUpdateJobAttributes,
)
from .catalog_category_bulk_update_job_create_query import (
    CatalogCategoryBulkUpdateJobCreateQuery,
)
from .catalog_category_bulk_update_job_create_query_data import (
    CatalogCategoryBulkUpdateJobCreateQueryData,
)
from .catalog_category_bulk_update_job_create_query_data_attributes import (
    CatalogCategoryBulkUpdateJobCreateQueryDataAttributes,
)
from .catalog_category_bulk_update_job_create_query_data_attributes_categories import (
    CatalogCategoryBulkUpdateJobCreateQueryDataAttributesCategories,
)
from .catalog_category_bulk_update_job_create_query_data_type import (
    CatalogCategoryBulkUpdateJobCreateQueryDataType,
)
from .catalog_category_bulk_update_job_links_type_0 import (
    CatalogCategoryBulkUpdateJobLinksType0,
)
from .catalog_category_bulk_update_job_relationships_type_0 import (
    CatalogCategoryBulkUpdateJobRelationshipsType0,
)
from .catalog_category_bulk_update_job_relationships_type_0_categories_type_0 import (
    CatalogCategoryBulkUpdateJobRelationshipsType0CategoriesType0,
)
from .catalog_category_bulk_update_job_relationships_type_0_categories_type_0_links_type_0 import (
    CatalogCategoryBulkUpdateJobRelationshipsType0CategoriesType0LinksType0,
)
from .catalog_category_identifier import CatalogCategoryIdentifier
from .catalog_category_resource import CatalogCategoryResource
from .catalog_category_resource_attributes_type_0 import (
    CatalogCategoryResourceAttributesType0,
)
from .catalog_category_resource_links_type_0 import CatalogCategoryResourceLinksType0
from .catalog_category_update_query_resource_object import (
    CatalogCategoryUpdateQueryResourceObject,
)
from .catalog_category_update_query_resource_object_attributes import (
    CatalogCategoryUpdateQueryResourceObjectAttributes,
)
from .catalog_category_update_query_resource_object_relationships import (
    CatalogCategoryUpdateQueryResourceObjectRelationships,
)
from .catalog_category_update_query_resource_object_relationships_items import (
    CatalogCategoryUpdateQueryResourceObjectRelationshipsItems,
)
from .catalog_category_update_query_resource_object_relationships_items_data_item import (
    CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItem,
)
from .catalog_category_update_query_resource_object_relationships_items_data_item_type import (
    CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItemType,
)
from .catalog_category_update_query_resource_object_type import (
    CatalogCategoryUpdateQueryResourceObjectType,
)
from .collection_links import CollectionLinks
from .error_document import ErrorDocument
from .error_pointer_object import ErrorPointerObject
from .error_source import ErrorSource
from .get_catalog_category_bulk_update_job_response import (
    GetCatalogCategoryBulkUpdateJobResponse,
)
from .get_catalog_category_bulk_update_job_response_links_type_0 import (
    GetCatalogCategoryBulkUpdateJobResponseLinksType0,
)
from .get_catalog_category_bulk_update_jobs_response import (
    GetCatalogCategoryBulkUpdateJobsResponse,
)
from .get_catalog_category_bulk_update_jobs_response_meta_type_0 import (
    GetCatalogCategoryBulkUpdateJobsResponseMetaType0,
)
from .get_update_categories_job_fieldscatalog_category_bulk_update_job_item import (
    GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem,
)
from .get_update_categories_jobs_fieldscatalog_category_bulk_update_job_item import (
    GetUpdateCategoriesJobsFieldscatalogCategoryBulkUpdateJobItem,
)
from .job_error import JobError
from .job_error_meta_type_0 import JobErrorMetaType0
from .job_status import JobStatus
from .post_catalog_category_bulk_update_job_response import (
    PostCatalogCategoryBulkUpdateJobResponse,
)
from .post_catalog_category_bulk_update_job_response_links_type_0 import (
    PostCatalogCategoryBulkUpdateJobResponseLinksType0,
)

__all__ = (
    "APIError",
    "APIErrorLinksType0",
    "APIErrorMetaType0",
    "CatalogCategoryBulkUpdateJob",
    "CatalogCategoryBulkUpdateJobAttributes",
    "CatalogCategoryBulkUpdateJobCreateQuery",
    "CatalogCategoryBulkUpdateJobCreateQueryData",
    "CatalogCategoryBulkUpdateJobCreateQueryDataAttributes",
    "CatalogCategoryBulkUpdateJobCreateQueryDataAttributesCategories",
    "CatalogCategoryBulkUpdateJobCreateQueryDataType",
    "CatalogCategoryBulkUpdateJobLinksType0",
    "CatalogCategoryBulkUpdateJobRelationshipsType0",
    "CatalogCategoryBulkUpdateJobRelationshipsType0CategoriesType0",
    "CatalogCategoryBulkUpdateJobRelationshipsType0CategoriesType0LinksType0",
    "CatalogCategoryIdentifier",
    "CatalogCategoryResource",
    "CatalogCategoryResourceAttributesType0",
    "CatalogCategoryResourceLinksType0",
    "CatalogCategoryUpdateQueryResourceObject",
    "CatalogCategoryUpdateQueryResourceObjectAttributes",
    "CatalogCategoryUpdateQueryResourceObjectRelationships",
    "CatalogCategoryUpdateQueryResourceObjectRelationshipsItems",
    "CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItem",
    "CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItemType",
    "CatalogCategoryUpdateQueryResourceObjectType",
    "CollectionLinks",
    "ErrorDocument",
    "ErrorPointerObject",
    "ErrorSource",
    "GetCatalogCategoryBulkUpdateJobResponse",
    "GetCatalogCategoryBulkUpdateJobResponseLinksType0",
    "GetCatalogCategoryBulkUpdateJobsResponse",
    "GetCatalogCategoryBulkUpdateJobsResponseMetaType0",
    "GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem",
    "GetUpdateCategoriesJobsFieldscatalogCategoryBulkUpdateJobItem",
    "JobError",
    "JobErrorMetaType0",
    "JobStatus",
    "PostCatalogCategoryBulkUpdateJobResponse",
    "PostCatalogCategoryBulkUpdateJobResponseLinksType0",
)
