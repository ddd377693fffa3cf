# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
"""A client library for accessing Propeller Commerce REST v2, Bulk Categories by Id"""

# Overrides openapi-python-client's package_init.py.jinja (pinned with the generator): the
# client classes load on first use, so importing a submodule such as _rules does not build
# them. `from <package> import Client` works as before.
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
