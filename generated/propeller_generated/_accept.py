# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
"""Each schema of spec/propeller.yaml as a yes/no check: ``ACCEPTS[name](value)``.

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


_SEARCH15 = re.compile("^[A-Za-z]{2}$").search
_MATCHED16 = _Matched()
_SEARCH29 = re.compile("^[A-Za-z]{2}$").search
_MATCHED30 = _Matched()
_SEARCH44 = re.compile("^[A-Za-z]{2}$").search
_MATCHED45 = _Matched()
_ENUM56 = frozenset(["skipIfNotEmpty", "skipMoveOnUpdate", "mergeTranslationsOnUpdate"])
_ENUM59 = frozenset(
    [
        "id",
        "language",
        "names",
        "descriptions",
        "shortDescriptions",
        "parent",
        "attributes",
        "sourceId",
        "source",
    ]
)
_ENUM84 = frozenset(["client_credentials"])


def _accepts_bulk_categories_by_id_request(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    seen1 = 0
    if "categories" in value:
        seen1 += 1
        entry2 = value["categories"]
        if type(entry2) is not list and not isinstance(entry2, (list, tuple)):
            return False
        if len(entry2) < 1:
            return False
        if len(entry2) > 1000:
            return False
        for item3 in entry2:
            if not _accepts_category_by_id_input(item3):
                return False
    else:
        return False
    if "directives" in value:
        seen1 += 1
        entry4 = value["directives"]
        if type(entry4) is not list and not isinstance(entry4, (list, tuple)):
            return False
        for item5 in entry4:
            if not _accepts_directive(item5):
                return False
    if len(value) != seen1:
        return False
    return True


def _accepts_bulk_categories_by_source_id_request(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    seen6 = 0
    if "categories" in value:
        seen6 += 1
        entry7 = value["categories"]
        if type(entry7) is not list and not isinstance(entry7, (list, tuple)):
            return False
        if len(entry7) < 1:
            return False
        if len(entry7) > 1000:
            return False
        for item8 in entry7:
            if not _accepts_category_by_source_id_input(item8):
                return False
    else:
        return False
    if "directives" in value:
        seen6 += 1
        entry9 = value["directives"]
        if type(entry9) is not list and not isinstance(entry9, (list, tuple)):
            return False
        for item10 in entry9:
            if not _accepts_directive(item10):
                return False
    if len(value) != seen6:
        return False
    return True


def _accepts_category_by_source_id_input(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    seen11 = 0
    if "sourceId" in value:
        seen11 += 1
        entry12 = value["sourceId"]
        if not isinstance(entry12, str):
            return False
        if len(entry12) < 1:
            return False
    else:
        return False
    if "source" in value:
        seen11 += 1
        entry13 = value["source"]
        if not isinstance(entry13, str):
            return False
        if len(entry13) < 1:
            return False
    else:
        return False
    if "language" in value:
        seen11 += 1
        entry14 = value["language"]
        if not isinstance(entry14, str):
            return False
        if entry14 not in _MATCHED16:
            if _SEARCH15(entry14) is None:
                return False
            _MATCHED16.remember(entry14)
    else:
        return False
    if "names" in value:
        seen11 += 1
        entry17 = value["names"]
        if type(entry17) is not list and not isinstance(entry17, (list, tuple)):
            return False
        if len(entry17) < 1:
            return False
        for item18 in entry17:
            if not _accepts_localized_string(item18):
                return False
    else:
        return False
    if "descriptions" in value:
        seen11 += 1
        entry19 = value["descriptions"]
        if type(entry19) is not list and not isinstance(entry19, (list, tuple)):
            return False
        for item20 in entry19:
            if not _accepts_localized_string(item20):
                return False
    if "shortDescriptions" in value:
        seen11 += 1
        entry21 = value["shortDescriptions"]
        if type(entry21) is not list and not isinstance(entry21, (list, tuple)):
            return False
        for item22 in entry21:
            if not _accepts_localized_string(item22):
                return False
    if "parent" in value:
        seen11 += 1
        entry23 = value["parent"]
        if not _accepts_parent_reference(entry23):
            return False
    else:
        return False
    if "attributes" in value:
        seen11 += 1
        entry24 = value["attributes"]
        if type(entry24) is not list and not isinstance(entry24, (list, tuple)):
            return False
        for item25 in entry24:
            if type(item25) is not dict and not isinstance(item25, Mapping):
                return False
    if len(value) != seen11:
        return False
    return True


def _accepts_category_by_id_input(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    seen26 = 0
    if "id" in value:
        seen26 += 1
        entry27 = value["id"]
        if type(entry27) is not int and (not isinstance(entry27, int) or isinstance(entry27, bool)):
            return False
    else:
        return False
    if "language" in value:
        seen26 += 1
        entry28 = value["language"]
        if not isinstance(entry28, str):
            return False
        if entry28 not in _MATCHED30:
            if _SEARCH29(entry28) is None:
                return False
            _MATCHED30.remember(entry28)
    else:
        return False
    if "names" in value:
        seen26 += 1
        entry31 = value["names"]
        if type(entry31) is not list and not isinstance(entry31, (list, tuple)):
            return False
        if len(entry31) < 1:
            return False
        for item32 in entry31:
            if not _accepts_localized_string(item32):
                return False
    else:
        return False
    if "descriptions" in value:
        seen26 += 1
        entry33 = value["descriptions"]
        if type(entry33) is not list and not isinstance(entry33, (list, tuple)):
            return False
        for item34 in entry33:
            if not _accepts_localized_string(item34):
                return False
    if "shortDescriptions" in value:
        seen26 += 1
        entry35 = value["shortDescriptions"]
        if type(entry35) is not list and not isinstance(entry35, (list, tuple)):
            return False
        for item36 in entry35:
            if not _accepts_localized_string(item36):
                return False
    if "parent" in value:
        seen26 += 1
        entry37 = value["parent"]
        if not _accepts_parent_reference(entry37):
            return False
    else:
        return False
    if "attributes" in value:
        seen26 += 1
        entry38 = value["attributes"]
        if type(entry38) is not list and not isinstance(entry38, (list, tuple)):
            return False
        for item39 in entry38:
            if type(item39) is not dict and not isinstance(item39, Mapping):
                return False
    if "sourceId" in value:
        seen26 += 1
        entry40 = value["sourceId"]
        if not isinstance(entry40, str):
            return False
    if "source" in value:
        seen26 += 1
        entry41 = value["source"]
        if not isinstance(entry41, str):
            return False
    if len(value) != seen26:
        return False
    return True


def _accepts_localized_string(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    seen42 = 0
    if "language" in value:
        seen42 += 1
        entry43 = value["language"]
        if not isinstance(entry43, str):
            return False
        if entry43 not in _MATCHED45:
            if _SEARCH44(entry43) is None:
                return False
            _MATCHED45.remember(entry43)
    else:
        return False
    if "value" in value:
        seen42 += 1
        entry46 = value["value"]
        if not isinstance(entry46, str):
            return False
    else:
        return False
    if len(value) != seen42:
        return False
    return True


def _accepts_parent_reference(value: Any) -> bool:
    if not (_accepts_parent_by_id(value) or _accepts_parent_by_source(value)):
        return False
    return True


def _accepts_parent_by_id(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    seen47 = 0
    if "id" in value:
        seen47 += 1
        entry48 = value["id"]
        if type(entry48) is not int and (not isinstance(entry48, int) or isinstance(entry48, bool)):
            return False
    else:
        return False
    if "sourceId" in value:
        seen47 += 1
        entry49 = value["sourceId"]
        if not isinstance(entry49, str):
            return False
    if "source" in value:
        seen47 += 1
        entry50 = value["source"]
        if not isinstance(entry50, str):
            return False
    if len(value) != seen47:
        return False
    return True


def _accepts_parent_by_source(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    seen51 = 0
    if "sourceId" in value:
        seen51 += 1
        entry52 = value["sourceId"]
        if not isinstance(entry52, str):
            return False
        if len(entry52) < 1:
            return False
    else:
        return False
    if "source" in value:
        seen51 += 1
        entry53 = value["source"]
        if not isinstance(entry53, str):
            return False
        if len(entry53) < 1:
            return False
    else:
        return False
    if len(value) != seen51:
        return False
    return True


def _accepts_directive(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    seen54 = 0
    if "operation" in value:
        seen54 += 1
        entry55 = value["operation"]
        if not isinstance(entry55, str):
            return False
        if not _member(entry55, _ENUM56):
            return False
    else:
        return False
    if "fields" in value:
        seen54 += 1
        entry57 = value["fields"]
        if type(entry57) is not list and not isinstance(entry57, (list, tuple)):
            return False
        for item58 in entry57:
            if not isinstance(item58, str):
                return False
            if not _member(item58, _ENUM59):
                return False
    else:
        return False
    if len(value) != seen54:
        return False
    return True


def _accepts_bulk_categories_response(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "data" in value:
        entry60 = value["data"]
        if type(entry60) is not list and not isinstance(entry60, (list, tuple)):
            return False
        for item61 in entry60:
            if not _accepts_bulk_item_result(item61):
                return False
    else:
        return False
    if "messages" in value:
        entry62 = value["messages"]
        if entry62 is not None:
            if type(entry62) is not list and not isinstance(entry62, (list, tuple)):
                return False
            for item63 in entry62:
                if not isinstance(item63, str):
                    return False
    if "total" in value:
        entry64 = value["total"]
        if entry64 is not None:
            if type(entry64) is not int and (
                not isinstance(entry64, int) or isinstance(entry64, bool)
            ):
                return False
    return True


def _branch68(value: Any) -> bool:
    if type(value) is not int and (not isinstance(value, int) or isinstance(value, bool)):
        return False
    return True


def _branch69(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    return True


def _accepts_bulk_item_result(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "action" in value:
        entry65 = value["action"]
        if entry65 is not None:
            if not isinstance(entry65, str):
                return False
    if "id" in value:
        entry66 = value["id"]
        if entry66 is not None:
            if type(entry66) is not int and (
                not isinstance(entry66, int) or isinstance(entry66, bool)
            ):
                return False
    if "key" in value:
        entry67 = value["key"]
        if entry67 is not None:
            if not (_branch68(entry67) or _branch69(entry67)):
                return False
    if "lookupKey" in value:
        entry70 = value["lookupKey"]
        if entry70 is not None:
            if not isinstance(entry70, str):
                return False
    if "success" in value:
        entry71 = value["success"]
        if entry71 is not None:
            if not isinstance(entry71, bool):
                return False
    if "error" in value:
        entry72 = value["error"]
        if entry72 is not None:
            if not isinstance(entry72, str):
                return False
    if "message" in value:
        entry73 = value["message"]
        if entry73 is not None:
            if not isinstance(entry73, str):
                return False
    return True


def _accepts_error_envelope(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "error" in value:
        entry74 = value["error"]
        if not _accepts_error_body(entry74):
            return False
    else:
        return False
    return True


def _branch76(value: Any) -> bool:
    if type(value) is not int and (not isinstance(value, int) or isinstance(value, bool)):
        return False
    return True


def _branch77(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    return True


def _accepts_error_body(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "code" in value:
        entry75 = value["code"]
        if entry75 is not None:
            if not (_branch76(entry75) or _branch77(entry75)):
                return False
    if "status" in value:
        entry78 = value["status"]
        if entry78 is not None:
            if type(entry78) is not int and (
                not isinstance(entry78, int) or isinstance(entry78, bool)
            ):
                return False
    if "type" in value:
        entry79 = value["type"]
        if entry79 is not None:
            if not isinstance(entry79, str):
                return False
    if "messages" in value:
        entry80 = value["messages"]
        if entry80 is not None:
            if type(entry80) is not list and not isinstance(entry80, (list, tuple)):
                return False
            for item81 in entry80:
                if not isinstance(item81, str):
                    return False
    if "moreInfo" in value:
        entry82 = value["moreInfo"]
        if entry82 is not None:
            if not isinstance(entry82, str):
                return False
    return True


def _accepts_client_credentials_token_request(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "grant_type" in value:
        entry83 = value["grant_type"]
        if not isinstance(entry83, str):
            return False
        if not _member(entry83, _ENUM84):
            return False
    else:
        return False
    if "client_id" in value:
        entry85 = value["client_id"]
        if not isinstance(entry85, str):
            return False
    else:
        return False
    if "client_secret" in value:
        entry86 = value["client_secret"]
        if not isinstance(entry86, str):
            return False
    else:
        return False
    return True


def _branch89(value: Any) -> bool:
    if type(value) is not int and (not isinstance(value, int) or isinstance(value, bool)):
        return False
    return True


def _branch90(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    return True


def _accepts_access_token_response(value: Any) -> bool:
    if type(value) is not dict and not isinstance(value, Mapping):
        return False
    if "access_token" in value:
        entry87 = value["access_token"]
        if not isinstance(entry87, str):
            return False
    else:
        return False
    if "expires_in" in value:
        entry88 = value["expires_in"]
        if entry88 is not None:
            if not (_branch89(entry88) or _branch90(entry88)):
                return False
    if "token_type" in value:
        entry91 = value["token_type"]
        if entry91 is not None:
            if not isinstance(entry91, str):
                return False
    return True


ACCEPTS: dict[str, Callable[[Any], bool]] = {
    "BulkCategoriesByIdRequest": _accepts_bulk_categories_by_id_request,
    "BulkCategoriesBySourceIdRequest": _accepts_bulk_categories_by_source_id_request,
    "CategoryBySourceIdInput": _accepts_category_by_source_id_input,
    "CategoryByIdInput": _accepts_category_by_id_input,
    "LocalizedString": _accepts_localized_string,
    "ParentReference": _accepts_parent_reference,
    "ParentById": _accepts_parent_by_id,
    "ParentBySource": _accepts_parent_by_source,
    "Directive": _accepts_directive,
    "BulkCategoriesResponse": _accepts_bulk_categories_response,
    "BulkItemResult": _accepts_bulk_item_result,
    "ErrorEnvelope": _accepts_error_envelope,
    "ErrorBody": _accepts_error_body,
    "ClientCredentialsTokenRequest": _accepts_client_credentials_token_request,
    "AccessTokenResponse": _accepts_access_token_response,
}
