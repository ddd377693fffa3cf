"""catalog-clients: typed clients for Klaviyo catalog-category bulk-update jobs and Propeller
Commerce bulk categories by id.

Public names are imported lazily so that ``import catalog_clients`` stays cheap: the generated
models, the OAuth library, the CLI and the sandbox load only when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import errors
from ._version import __version__

_LAZY = {
    "KlaviyoClient": "catalog_clients.klaviyo",
    "AsyncKlaviyoClient": "catalog_clients.klaviyo",
    "Job": "catalog_clients.klaviyo",
    "JobStatus": "catalog_clients.klaviyo",
    "Page": "catalog_clients.klaviyo",
    "PropellerClient": "catalog_clients.propeller",
    "AsyncPropellerClient": "catalog_clients.propeller",
    "Category": "catalog_clients.propeller",
    "CategoryBySource": "catalog_clients.propeller",
    "Directives": "catalog_clients.propeller",
    "BulkResult": "catalog_clients.propeller",
    "Failure": "catalog_clients.propeller",
}

__all__ = [
    "AsyncKlaviyoClient",
    "AsyncPropellerClient",
    "BulkResult",
    "Category",
    "CategoryBySource",
    "Directives",
    "Failure",
    "Job",
    "JobStatus",
    "KlaviyoClient",
    "Page",
    "PropellerClient",
    "__version__",
    "errors",
]

if TYPE_CHECKING:
    from .klaviyo import AsyncKlaviyoClient, Job, JobStatus, KlaviyoClient, Page
    from .propeller import (
        AsyncPropellerClient,
        BulkResult,
        Category,
        CategoryBySource,
        Directives,
        Failure,
        PropellerClient,
    )


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'catalog_clients' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
