"""Klaviyo catalog-category bulk-update jobs: sync and async clients over one pure core.

from catalog_clients import KlaviyoClient

with KlaviyoClient() as klaviyo:  # KLAVIYO_API_KEY from the environment
    for job in klaviyo.iter_category_bulk_update_jobs():
        print(job.id, job.status, job.created_at)
"""

from ._client import DEFAULT_BASE_URL, DEFAULT_REVISION, AsyncKlaviyoClient, KlaviyoClient
from ._models import Job, JobError, JobStatus, Page, RateLimitInfo
from ._query import field_names

# Every sparse-field name of any revision; ``field_names(revision)`` gives one revision's.
FIELD_NAMES = field_names()

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_REVISION",
    "FIELD_NAMES",
    "AsyncKlaviyoClient",
    "Job",
    "JobError",
    "JobStatus",
    "KlaviyoClient",
    "Page",
    "RateLimitInfo",
    "field_names",
]
