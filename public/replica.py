"""Public reads from a PostgreSQL read replica, when one is configured.

DATABASE_REPLICA_URL adds a "replica" database (cms/settings/base.py) and this router.
A reader's request (anonymous GET or HEAD: no session, no CSRF cookie, see
public.cache) reads from the replica; staff, forms and every write use the primary,
so an editor always sees what they just saved.

A replica replays the primary's changes a little later. So that a reader never gets,
from a replica still behind, a page older than the cache version it is stored under,
each content version records the primary's WAL position when it was made
(public.cache.bump), and a request reads from the replica only once the replica has
replayed up to it (checked once per version and process, then remembered).
"""

from __future__ import annotations

import logging
from contextvars import ContextVar

from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
_public_read: ContextVar[bool] = ContextVar("public_read", default=False)
_caught_up: dict[str, bool] = {}


def configured() -> bool:
    return REPLICA in connections.settings


def primary_position() -> str | None:
    """The primary's current WAL position, if a replica has to catch up to it."""
    if not configured() or connections["default"].vendor != "postgresql":
        return None
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()::text")
            return cursor.fetchone()[0]
    except DatabaseError:
        return None


def replica_has(token: str, position: str | None) -> bool:
    """Whether the replica has replayed the primary up to position (once per token)."""
    if position is None:
        return True
    if token in _caught_up:
        return _caught_up[token]
    try:
        with connections[REPLICA].cursor() as cursor:
            # NULL when the "replica" is not in recovery (a primary, a test mirror).
            cursor.execute(
                "SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, true)", [position]
            )
            ready = bool(cursor.fetchone()[0])
    except DatabaseError:
        logger.warning("The read replica is unreachable; public reads go to the primary.")
        return False
    if ready:
        if len(_caught_up) > 1000:
            _caught_up.clear()
        _caught_up[token] = True
    return ready


class reading_public:
    """Within it, reads go to the replica (if one is configured)."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled and configured()

    def __enter__(self):
        self.reset = _public_read.set(self.enabled)
        return self

    def __exit__(self, *exc):
        _public_read.reset(self.reset)


class PublicReplicaRouter:
    """Reads of a reader's request to the replica; everything else to the primary."""

    def db_for_read(self, model, **hints):
        return REPLICA if _public_read.get() else None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Both copies hold the same rows.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA
