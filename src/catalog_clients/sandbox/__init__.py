"""A local sandbox: a real HTTP server on 127.0.0.1 emulating both APIs, with fault injection.

Tests record their cassettes against it, ``make demo`` drives the CLI against it, and the
benchmarks measure against it. It needs the ``sandbox`` extra (starlette, uvicorn)::

    catalog-clients sandbox --port 8000

What it emulates is documented in ``catalog_clients.sandbox.app``; it is deliberately strict
where the real services are (schema validation, auth, revisions) so that client bugs show up
here rather than in production.
"""

from .app import create_app
from .config import SandboxConfig
from .server import SandboxServer

__all__ = ["SandboxConfig", "SandboxServer", "create_app"]
