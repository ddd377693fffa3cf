# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from enum import StrEnum


class CatalogCategoryUpdateQueryResourceObjectType(StrEnum):
    CATALOG_CATEGORY = "catalog-category"

    def __str__(self) -> str:
        return str(self.value)
