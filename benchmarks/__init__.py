"""Side-by-side benchmarks of catalog-clients (issue 7); ``python benchmarks/run.py``.

Every figure is compared with a baseline measured in the same run: the machines these run
on are shared and noisy, so only ratios are meaningful.
"""
