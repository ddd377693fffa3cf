"""Klaviyo catalog-category bulk-update jobs: sync and async clients over one pure core.

from catalog_clients import KlaviyoClient

with KlaviyoClient() as klaviyo:  # KLAVIYO_API_KEY from the environment
    for job in klaviyo.iter_category_bulk_update_jobs(status="queued"):
        print(job.id, job.status, job.created_at)
"""

from ._client import DEFAULT_BASE_URL, DEFAULT_REVISION, AsyncKlaviyoClient, KlaviyoClient
from ._core import FIELD_NAMES
from ._models import Job, JobError, JobStatus, Page, RateLimitInfo

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
]
