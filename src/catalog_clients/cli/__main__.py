"""``python -m catalog_clients.cli``: the same as the ``catalog-clients`` console script."""

from catalog_clients.cli import main

main()
