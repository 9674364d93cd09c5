"""The garbage collector's settings for a process that runs the pipeline.

Such a process keeps most of what it allocates for its life (modules, pydantic's schemas, word
lists, the caches of stems and sentences) and makes few reference cycles. With Python's default
thresholds (700, 10, 10) the collector scanned all of it again every few hundred thousand
allocations: a tenth of a NeuS cluster's time in a batch worker, and of a cold `summarize merge`.
"""

from __future__ import annotations

import gc

THRESHOLDS = (10_000, 50, 100)


def collect_rarely() -> None:
    """Freeze what the process holds now out of the collector's scans, and make collections
    rarer (THRESHOLDS). No effect on any output."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
