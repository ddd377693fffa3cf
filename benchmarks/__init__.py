"""Benchmarks of catalog-clients beside raw httpx and klaviyo-api: ``python benchmarks/run.py``.

Every figure is compared with a baseline measured in the same run: the machines these run
on are shared and noisy, so only ratios are meaningful.
"""
