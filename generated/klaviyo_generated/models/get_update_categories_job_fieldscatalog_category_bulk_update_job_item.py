# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from enum import StrEnum


class GetUpdateCategoriesJobFieldscatalogCategoryBulkUpdateJobItem(StrEnum):
    COMPLETED_AT = "completed_at"
    COMPLETED_COUNT = "completed_count"
    CREATED_AT = "created_at"
    ERRORS = "errors"
    EXPIRES_AT = "expires_at"
    FAILED_COUNT = "failed_count"
    ID = "id"
    JOB_ID = "job_id"
    STATUS = "status"
    TOTAL_COUNT = "total_count"

    def __str__(self) -> str:
        return str(self.value)
