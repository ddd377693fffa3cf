"""Propeller Commerce: bulk upsert of categories by id, over OAuth2 client credentials.

    with PropellerClient() as client:  # PROPELLER_CLIENT_ID / PROPELLER_CLIENT_SECRET
        result = client.bulk_upsert_categories_by_id(categories)
        result.created, result.updated, result.failed, result.failures

One concern per module: ``_inputs`` (typed inputs, wire format), ``_validation`` (rules),
``_chunks`` (lazy chunk planning), ``_results`` (per-item merge, totals), ``_errors`` (error
bodies), ``_auth`` (OAuth2), ``_bulk`` (one call, sans I/O), ``_client`` (sync/async shells).
"""

from propeller_generated._typed import CategoryBySourceDict, CategoryDict, DirectiveDict

from ._chunks import Failure
from ._chunks import item_problems as category_problems
from ._client import AsyncPropellerClient, PropellerClient
from ._inputs import Category, CategoryBySource, Directives
from ._results import BulkResult, Progress

__all__ = [
    "AsyncPropellerClient",
    "BulkResult",
    "Category",
    "CategoryBySource",
    "CategoryBySourceDict",
    "CategoryDict",
    "DirectiveDict",
    "Directives",
    "Failure",
    "Progress",
    "PropellerClient",
    "category_problems",
]
