"""The ``catalog-clients`` command line (typer + rich), one concern per module.

- ``app``: the root command, --version, the sub-apps;
- ``klaviyo_cmd`` / ``jobs_output``: ``klaviyo jobs`` and how jobs are shown;
- ``propeller_cmd``: ``propeller upsert``; ``inputs`` reads its files, ``progress`` and
  ``report`` show the run and its result;
- ``sandbox_cmd``: ``sandbox``;
- ``common``: exit codes, error messages, --verbose logging.

``import catalog_clients`` never imports this package, and the clients load only when a
command runs, so ``catalog-clients --help`` stays quick.
"""

from __future__ import annotations


def main() -> None:
    """Console-script entry point (``catalog-clients``)."""
    from .app import app

    app(prog_name="catalog-clients")
