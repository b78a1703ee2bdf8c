"""A Rich progress line on stderr for long runs: articles, articles/s and failures.

Shown only when stderr is a terminal, so pipes, files and CI logs stay clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimledger.document import Document


def with_progress(docs: Iterable[Document], label: str) -> Iterator[Document]:
    """Pass `docs` through unchanged, counting them on a live line while they flow."""
    console = Console(file=sys.stderr)
    if not console.is_terminal:
        yield from docs
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(label)
        start = time.perf_counter()
        done = failed = 0
        for doc in docs:
            done += doc.error is None
            failed += doc.error is not None
            rate = done / max(time.perf_counter() - start, 1e-9)
            progress.update(
                task, description=f"{label}: {done:,} articles · {rate:.1f}/s · {failed:,} failed"
            )
            yield doc
