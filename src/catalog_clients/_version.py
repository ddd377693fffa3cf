"""The package's version, and how its requests introduce themselves."""

__version__ = "0.1.0"
USER_AGENT = f"catalog-clients/{__version__} (+httpx)"
