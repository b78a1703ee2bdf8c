"""Batch runners: the same analysis in-process (LocalRunner) or spread over Dask workers (DaskRunner)."""
