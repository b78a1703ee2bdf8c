"""Thread limits for the numeric libraries the stages use."""

from __future__ import annotations

from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]


def one_blas_thread() -> None:
    """Cap numpy's BLAS at one thread for the rest of the process.

    The stages multiply small matrices (a paragraph head is 11 x 1161 by 1161 x 256); a multi-threaded
    OpenBLAS spins up its pool for each product, and on a busy two-core machine that made one such
    product take 80 ms instead of 1 ms. Runners give each worker process its own core anyway (torch
    and the e5 engine run one thread each for the same reason). threadpoolctl acts on the libraries
    loaded when it is called, so numpy is imported first; a model that brings its own BLAS calls
    this again once loaded.
    """
    import numpy  # noqa: F401, PLC0415 - loads numpy's OpenBLAS, so that the limit reaches it

    threadpool_limits(limits=1, user_api="blas")
