# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
"""Each schema of spec/klaviyo.yaml as a yes/no check: ``ACCEPTS[name](value)``.

Emitted by scripts/acceptors.py. A yes is exactly what catalog_clients' schema validator
finds no problem in; that validator explains a no.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any


class _Matched(set[str]):
    """Short texts a pattern matched, up to a bound: a set lookup instead of a search."""

    def remember(self, text: str) -> None:
        if type(text) is str and len(text) <= 64 and len(self) < 4096:
            self.add(text)


def _member(value: Any, allowed: frozenset[Any]) -> bool:
    try:
        return value in allowed
    except TypeError:  # unhashable: never an enum value
        return False


_ENUM17 = frozenset(["catalog-category-bulk-update-job"])
_ENUM26 = frozenset(["catalog-category"])
_ENUM39 = frozenset(["catalog-item"])
_SEARCH69 = re.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?$").search
_MATCHED70 = _Matched()
_ENUM71 = frozenset(["queued", "processing", "complete", "cancelled"])


def _accepts_get_catalog_category_bulk_update_jobs_response(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "data" in value:
        entry1 = value["data"]
        if type(entry1) is not list and not isinstance(entry1, (list, tuple)):
            return False
        for item2 in entry1:
            if not _accepts_catalog_category_bulk_update_job(item2):
                return False
    else:
        return False
    if "links" in value:
        entry3 = value["links"]
        if entry3 is not None:
            if not _accepts_collection_links(entry3):
                return False
    if "included" in value:
        entry4 = value["included"]
        if entry4 is not None:
            if type(entry4) is not list and not isinstance(entry4, (list, tuple)):
                return False
            for item5 in entry4:
                if not _accepts_catalog_category_resource(item5):
                    return False
    if "meta" in value:
        entry6 = value["meta"]
        if entry6 is not None:
            if type(entry6) is not dict and not isinstance(entry6, Mapping):
                return False
    return True


def _accepts_post_catalog_category_bulk_update_job_response(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "data" in value:
        entry7 = value["data"]
        if not _accepts_catalog_category_bulk_update_job(entry7):
            return False
    else:
        return False
    if "links" in value:
        entry8 = value["links"]
        if entry8 is not None:
            if type(entry8) is not dict and not isinstance(entry8, Mapping):
                return False
    return True


def _accepts_get_catalog_category_bulk_update_job_response(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "data" in value:
        entry9 = value["data"]
        if not _accepts_catalog_category_bulk_update_job(entry9):
            return False
    else:
        return False
    if "links" in value:
        entry10 = value["links"]
        if entry10 is not None:
            if type(entry10) is not dict and not isinstance(entry10, Mapping):
                return False
    if "included" in value:
        entry11 = value["included"]
        if entry11 is not None:
            if type(entry11) is not list and not isinstance(entry11, (list, tuple)):
                return False
            for item12 in entry11:
                if not _accepts_catalog_category_resource(item12):
                    return False
    return True


def _accepts_catalog_category_bulk_update_job_create_query(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    seen13 = 0
    if "data" in value:
        seen13 += 1
        entry14 = value["data"]
        if type(entry14) is not dict and not isinstance(entry14, Mapping):
            return False
        seen15 = 0
        if "type" in entry14:
            seen15 += 1
            entry16 = entry14["type"]
            if not isinstance(entry16, str):
                return False
            if not _member(entry16, _ENUM17):
                return False
        else:
            return False
        if "attributes" in entry14:
            seen15 += 1
            entry18 = entry14["attributes"]
            if type(entry18) is not dict and not isinstance(entry18, Mapping):
                return False
            seen19 = 0
            if "categories" in entry18:
                seen19 += 1
                entry20 = entry18["categories"]
                if type(entry20) is not dict and not isinstance(entry20, Mapping):
                    return False
                seen21 = 0
                if "data" in entry20:
                    seen21 += 1
                    entry22 = entry20["data"]
                    if type(entry22) is not list and not isinstance(entry22, (list, tuple)):
                        return False
                    if len(entry22) < 1:
                        return False
                    if len(entry22) > 100:
                        return False
                    for item23 in entry22:
                        if not _accepts_catalog_category_update_query_resource_object(item23):
                            return False
                else:
                    return False
                if len(entry20) != seen21:
                    return False
            else:
                return False
            if len(entry18) != seen19:
                return False
        else:
            return False
        if len(entry14) != seen15:
            return False
    else:
        return False
    if len(value) != seen13:
        return False
    return True


def _accepts_catalog_category_update_query_resource_object(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    seen24 = 0
    if "type" in value:
        seen24 += 1
        entry25 = value["type"]
        if not isinstance(entry25, str):
            return False
        if not _member(entry25, _ENUM26):
            return False
    else:
        return False
    if "id" in value:
        seen24 += 1
        entry27 = value["id"]
        if not isinstance(entry27, str):
            return False
        if len(entry27) < 1:
            return False
    else:
        return False
    if "attributes" in value:
        seen24 += 1
        entry28 = value["attributes"]
        if type(entry28) is not dict and not isinstance(entry28, Mapping):
            return False
        seen29 = 0
        if "name" in entry28:
            seen29 += 1
            entry30 = entry28["name"]
            if entry30 is not None:
                if not isinstance(entry30, str):
                    return False
        if len(entry28) != seen29:
            return False
    else:
        return False
    if "relationships" in value:
        seen24 += 1
        entry31 = value["relationships"]
        if type(entry31) is not dict and not isinstance(entry31, Mapping):
            return False
        seen32 = 0
        if "items" in entry31:
            seen32 += 1
            entry33 = entry31["items"]
            if type(entry33) is not dict and not isinstance(entry33, Mapping):
                return False
            seen34 = 0
            if "data" in entry33:
                seen34 += 1
                entry35 = entry33["data"]
                if type(entry35) is not list and not isinstance(entry35, (list, tuple)):
                    return False
                for item36 in entry35:
                    if type(item36) is not dict and not isinstance(item36, Mapping):
                        return False
                    seen37 = 0
                    if "type" in item36:
                        seen37 += 1
                        entry38 = item36["type"]
                        if not isinstance(entry38, str):
                            return False
                        if not _member(entry38, _ENUM39):
                            return False
                    else:
                        return False
                    if "id" in item36:
                        seen37 += 1
                        entry40 = item36["id"]
                        if not isinstance(entry40, str):
                            return False
                        if len(entry40) < 1:
                            return False
                    else:
                        return False
                    if len(item36) != seen37:
                        return False
            if len(entry33) != seen34:
                return False
        if len(entry31) != seen32:
            return False
    if len(value) != seen24:
        return False
    return True


def _accepts_collection_links(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "self" in value:
        entry41 = value["self"]
        if entry41 is not None:
            if not isinstance(entry41, str):
                return False
    if "first" in value:
        entry42 = value["first"]
        if entry42 is not None:
            if not isinstance(entry42, str):
                return False
    if "last" in value:
        entry43 = value["last"]
        if entry43 is not None:
            if not isinstance(entry43, str):
                return False
    if "prev" in value:
        entry44 = value["prev"]
        if entry44 is not None:
            if not isinstance(entry44, str):
                return False
    if "next" in value:
        entry45 = value["next"]
        if entry45 is not None:
            if not isinstance(entry45, str):
                return False
    return True


def _accepts_catalog_category_bulk_update_job(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "type" in value:
        entry46 = value["type"]
        if not isinstance(entry46, str):
            return False
    else:
        return False
    if "id" in value:
        entry47 = value["id"]
        if entry47 is not None:
            if not isinstance(entry47, str):
                return False
    if "attributes" in value:
        entry48 = value["attributes"]
        if not _accepts_catalog_category_bulk_update_job_attributes(entry48):
            return False
    else:
        return False
    if "links" in value:
        entry49 = value["links"]
        if entry49 is not None:
            if type(entry49) is not dict and not isinstance(entry49, Mapping):
                return False
            if "self" in entry49:
                entry50 = entry49["self"]
                if entry50 is not None:
                    if not isinstance(entry50, str):
                        return False
    if "relationships" in value:
        entry51 = value["relationships"]
        if entry51 is not None:
            if type(entry51) is not dict and not isinstance(entry51, Mapping):
                return False
            if "categories" in entry51:
                entry52 = entry51["categories"]
                if entry52 is not None:
                    if type(entry52) is not dict and not isinstance(entry52, Mapping):
                        return False
                    if "data" in entry52:
                        entry53 = entry52["data"]
                        if entry53 is not None:
                            if type(entry53) is not list and not isinstance(entry53, (list, tuple)):
                                return False
                            for item54 in entry53:
                                if not _accepts_catalog_category_identifier(item54):
                                    return False
                    if "links" in entry52:
                        entry55 = entry52["links"]
                        if entry55 is not None:
                            if type(entry55) is not dict and not isinstance(entry55, Mapping):
                                return False
    return True


def _accepts_catalog_category_bulk_update_job_attributes(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "job_id" in value:
        entry56 = value["job_id"]
        if entry56 is not None:
            if not isinstance(entry56, str):
                return False
    if "status" in value:
        entry57 = value["status"]
        if not _accepts_job_status_value(entry57):
            return False
    if "created_at" in value:
        entry58 = value["created_at"]
        if not _accepts_job_date_time(entry58):
            return False
    if "total_count" in value:
        entry59 = value["total_count"]
        if entry59 is not None:
            if type(entry59) is not int and (
                not isinstance(entry59, int) or isinstance(entry59, bool)
            ):
                return False
    if "completed_count" in value:
        entry60 = value["completed_count"]
        if entry60 is not None:
            if type(entry60) is not int and (
                not isinstance(entry60, int) or isinstance(entry60, bool)
            ):
                return False
    if "failed_count" in value:
        entry61 = value["failed_count"]
        if entry61 is not None:
            if type(entry61) is not int and (
                not isinstance(entry61, int) or isinstance(entry61, bool)
            ):
                return False
    if "completed_at" in value:
        entry62 = value["completed_at"]
        if not _accepts_job_date_time(entry62):
            return False
    if "expires_at" in value:
        entry63 = value["expires_at"]
        if not _accepts_job_date_time(entry63):
            return False
    if "errors" in value:
        entry64 = value["errors"]
        if entry64 is not None:
            if type(entry64) is not list and not isinstance(entry64, (list, tuple)):
                return False
            for item65 in entry64:
                if not _accepts_job_error(item65):
                    return False
    return True


def _branch66(value: Any) -> bool:
    if value is not None:
        if not isinstance(value, str):
            return False
    return True


def _accepts_job_status_value(value: Any) -> bool:
    if value is not None:
        if not (_accepts_job_status(value) or _branch66(value)):
            return False
    return True


def _branch67(value: Any) -> bool:
    if value is not None:
        if not isinstance(value, str):
            return False
    return True


def _branch68(value: Any) -> bool:
    if value is not None:
        if not isinstance(value, str):
            return False
        if value not in _MATCHED70:
            if _SEARCH69(value) is None:
                return False
            _MATCHED70.remember(value)
    return True


def _accepts_job_date_time(value: Any) -> bool:
    if value is not None:
        if not (_branch67(value) or _branch68(value)):
            return False
    return True


def _accepts_job_status(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    if not _member(value, _ENUM71):
        return False
    return True


def _branch74(value: Any) -> bool:
    if value is not None:
        if not isinstance(value, str):
            return False
    return True


def _branch75(value: Any) -> bool:
    if value is not None:
        if type(value) is not int and (not isinstance(value, int) or isinstance(value, bool)):
            return False
    return True


def _accepts_job_error(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "id" in value:
        entry72 = value["id"]
        if entry72 is not None:
            if not isinstance(entry72, str):
                return False
    if "code" in value:
        entry73 = value["code"]
        if entry73 is not None:
            if not (_branch74(entry73) or _branch75(entry73)):
                return False
    if "title" in value:
        entry76 = value["title"]
        if entry76 is not None:
            if not isinstance(entry76, str):
                return False
    if "detail" in value:
        entry77 = value["detail"]
        if entry77 is not None:
            if not isinstance(entry77, str):
                return False
    if "source" in value:
        entry78 = value["source"]
        if entry78 is not None:
            if not _accepts_error_source(entry78):
                return False
    if "meta" in value:
        entry79 = value["meta"]
        if entry79 is not None:
            if type(entry79) is not dict and not isinstance(entry79, Mapping):
                return False
    return True


def _branch81(value: Any) -> bool:
    if value is not None:
        if not isinstance(value, str):
            return False
    return True


def _accepts_error_source(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "pointer" in value:
        entry80 = value["pointer"]
        if entry80 is not None:
            if not (_branch81(entry80) or _accepts_error_pointer_object(entry80)):
                return False
    if "parameter" in value:
        entry82 = value["parameter"]
        if entry82 is not None:
            if not isinstance(entry82, str):
                return False
    return True


def _accepts_error_pointer_object(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    return True


def _accepts_catalog_category_identifier(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "type" in value:
        entry83 = value["type"]
        if not isinstance(entry83, str):
            return False
    else:
        return False
    if "id" in value:
        entry84 = value["id"]
        if not isinstance(entry84, str):
            return False
    else:
        return False
    return True


def _accepts_catalog_category_resource(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "type" in value:
        entry85 = value["type"]
        if not isinstance(entry85, str):
            return False
    else:
        return False
    if "id" in value:
        entry86 = value["id"]
        if not isinstance(entry86, str):
            return False
    else:
        return False
    if "attributes" in value:
        entry87 = value["attributes"]
        if entry87 is not None:
            if type(entry87) is not dict and not isinstance(entry87, Mapping):
                return False
            if "external_id" in entry87:
                entry88 = entry87["external_id"]
                if entry88 is not None:
                    if not isinstance(entry88, str):
                        return False
            if "name" in entry87:
                entry89 = entry87["name"]
                if entry89 is not None:
                    if not isinstance(entry89, str):
                        return False
            if "updated" in entry87:
                entry90 = entry87["updated"]
                if not _accepts_job_date_time(entry90):
                    return False
    if "links" in value:
        entry91 = value["links"]
        if entry91 is not None:
            if type(entry91) is not dict and not isinstance(entry91, Mapping):
                return False
    return True


def _accepts_error_document(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "errors" in value:
        entry92 = value["errors"]
        if type(entry92) is not list and not isinstance(entry92, (list, tuple)):
            return False
        for item93 in entry92:
            if not _accepts_apierror(item93):
                return False
    else:
        return False
    return True


def _branch96(value: Any) -> bool:
    if type(value) is not int and (not isinstance(value, int) or isinstance(value, bool)):
        return False
    return True


def _branch97(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    return True


def _accepts_apierror(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "id" in value:
        entry94 = value["id"]
        if entry94 is not None:
            if not isinstance(entry94, str):
                return False
    if "status" in value:
        entry95 = value["status"]
        if entry95 is not None:
            if not (_branch96(entry95) or _branch97(entry95)):
                return False
    if "code" in value:
        entry98 = value["code"]
        if entry98 is not None:
            if not isinstance(entry98, str):
                return False
    if "title" in value:
        entry99 = value["title"]
        if entry99 is not None:
            if not isinstance(entry99, str):
                return False
    if "detail" in value:
        entry100 = value["detail"]
        if entry100 is not None:
            if not isinstance(entry100, str):
                return False
    if "source" in value:
        entry101 = value["source"]
        if entry101 is not None:
            if not _accepts_error_source(entry101):
                return False
    if "meta" in value:
        entry102 = value["meta"]
        if entry102 is not None:
            if type(entry102) is not dict and not isinstance(entry102, Mapping):
                return False
    if "links" in value:
        entry103 = value["links"]
        if entry103 is not None:
            if type(entry103) is not dict and not isinstance(entry103, Mapping):
                return False
    return True


ACCEPTS: dict[str, Callable[[Any], bool]] = {
    "GetCatalogCategoryBulkUpdateJobsResponse": _accepts_get_catalog_category_bulk_update_jobs_response,
    "PostCatalogCategoryBulkUpdateJobResponse": _accepts_post_catalog_category_bulk_update_job_response,
    "GetCatalogCategoryBulkUpdateJobResponse": _accepts_get_catalog_category_bulk_update_job_response,
    "CatalogCategoryBulkUpdateJobCreateQuery": _accepts_catalog_category_bulk_update_job_create_query,
    "CatalogCategoryUpdateQueryResourceObject": _accepts_catalog_category_update_query_resource_object,
    "CollectionLinks": _accepts_collection_links,
    "CatalogCategoryBulkUpdateJob": _accepts_catalog_category_bulk_update_job,
    "CatalogCategoryBulkUpdateJobAttributes": _accepts_catalog_category_bulk_update_job_attributes,
    "JobStatusValue": _accepts_job_status_value,
    "JobDateTime": _accepts_job_date_time,
    "JobStatus": _accepts_job_status,
    "JobError": _accepts_job_error,
    "ErrorSource": _accepts_error_source,
    "ErrorPointerObject": _accepts_error_pointer_object,
    "CatalogCategoryIdentifier": _accepts_catalog_category_identifier,
    "CatalogCategoryResource": _accepts_catalog_category_resource,
    "ErrorDocument": _accepts_error_document,
    "APIError": _accepts_apierror,
}
