# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from enum import StrEnum


class CatalogCategoryBulkUpdateJobCreateQueryDataType(StrEnum):
    CATALOG_CATEGORY_BULK_UPDATE_JOB = "catalog-category-bulk-update-job"

    def __str__(self) -> str:
        return str(self.value)
