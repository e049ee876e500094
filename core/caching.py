"""When the shared cache (Redis) does not answer a reader's request.

Pages must not fail with it (public/cache.py renders them without it), so the callers
catch the error and call cache_unreachable(). At thousands of requests a second a log
line with its traceback per request would bury everything else; each process says so
once per FAILURE_LOG_SECONDS for each thing that went without the cache.
"""

from __future__ import annotations

import logging
import time

logger = logging.getLogger(__name__)

FAILURE_LOG_SECONDS = 60

_last_logged: dict[str, float] = {}


def cache_unreachable(what: str) -> None:
    """Call from an except block: logs, at most once a minute per `what`, that the
    cache did not answer and `what` went without it."""
    now = time.monotonic()
    if now - _last_logged.get(what, -FAILURE_LOG_SECONDS) >= FAILURE_LOG_SECONDS:
        _last_logged[what] = now
        logger.warning("Cache unreachable: %s", what, exc_info=True)
