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
    import sys

    if sys.argv[1:] == ["--version"]:  # answered before typer, rich and httpx are imported
        from .. import __version__

        print(f"catalog-clients {__version__}")
        return
    try:
        from .app import app
    except ImportError as exc:  # the library was installed without its [cli] extra
        missing = exc.name or "typer"
        sys.stderr.write(
            f"catalog-clients: the command line needs {missing!r}: "
            "pip install 'catalog-clients[cli]'\n"
        )
        raise SystemExit(2) from None
    app(prog_name="catalog-clients")
