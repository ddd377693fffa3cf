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
    "CategoryDict": "catalog_clients.propeller",
    "CategoryBySourceDict": "catalog_clients.propeller",
    "DirectiveDict": "catalog_clients.propeller",
    "Directives": "catalog_clients.propeller",
    "BulkResult": "catalog_clients.propeller",
    "Failure": "catalog_clients.propeller",
    "Progress": "catalog_clients.propeller",
    "RetryPolicy": "catalog_clients._http",
    "RateLimit": "catalog_clients._http",
}

__all__ = [
    "AsyncKlaviyoClient",
    "AsyncPropellerClient",
    "BulkResult",
    "Category",
    "CategoryBySource",
    "CategoryBySourceDict",
    "CategoryDict",
    "DirectiveDict",
    "Directives",
    "Failure",
    "Job",
    "JobStatus",
    "KlaviyoClient",
    "Page",
    "Progress",
    "PropellerClient",
    "RateLimit",
    "RetryPolicy",
    "__version__",
    "errors",
]

if TYPE_CHECKING:
    from ._http import RateLimit, RetryPolicy
    from .klaviyo import AsyncKlaviyoClient, Job, JobStatus, KlaviyoClient, Page
    from .propeller import (
        AsyncPropellerClient,
        BulkResult,
        Category,
        CategoryBySource,
        CategoryBySourceDict,
        CategoryDict,
        DirectiveDict,
        Directives,
        Failure,
        Progress,
        PropellerClient,
    )


if not TYPE_CHECKING:  # type checkers see the imports above, so a misspelt name is an error

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'catalog_clients' has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
