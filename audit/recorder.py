"""Writing audit events. Every part of the project records through `record()`."""

from __future__ import annotations

import contextvars
import functools
import ipaddress
import logging

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from core.text import nfc

from .models import GENESIS, AuditEvent

logger = logging.getLogger(__name__)

# The request being served, so that signal handlers far from the view know where it
# came from (set by audit.middleware.RequestContextMiddleware).
current_request: contextvars.ContextVar = contextvars.ContextVar("audit_request", default=None)

# Any fixed number: serializes writers of the chain on PostgreSQL.
_CHAIN_LOCK = 7_311_002


@functools.lru_cache(maxsize=8)
def _networks(
    proxies: tuple[str, ...],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in proxies if entry)


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address, for the audit trail, share-link openings and django-axes
    (AXES_CLIENT_IP_CALLABLE): the one place that decides it.

    REMOTE_ADDR, unless it is one of settings.TRUSTED_PROXIES (addresses or networks).
    Then X-Forwarded-For is read from the right, past every trusted proxy, and the
    first address not ours is the client: anything to its left was written by the
    client and may be forged. With no trusted proxies (the default) the header is
    ignored altogether.
    """
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR") or None
    trusted = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))
    peer = _parse(remote or "")
    if not trusted or peer is None or not any(peer in network for network in trusted):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            # Our own proxy would not write this: stop at the last address we can trust.
            break
        if not any(address in network for network in trusted):
            return str(address)
        remote = str(address)
    return remote


def record(
    kind: str,
    *,
    actor=None,
    target: str = "",
    details: dict | None = None,
    request=None,
    username: str = "",
) -> AuditEvent | None:
    """Append one event to the chain. Never raises: an audit failure is logged loudly,
    and must not turn a login or a transition into an error page."""
    request = request or current_request.get()
    user = getattr(request, "user", None)
    if actor is None and user is not None and user.is_authenticated:
        actor = user
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
            last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
            event = AuditEvent(
                created_at=timezone.now(),
                kind=kind,
                actor=actor if actor is not None and actor.pk else None,
                actor_username=nfc(username or (actor.get_username() if actor else ""))[:150],
                target=nfc(target)[:300],
                ip_address=client_ip(request),
                user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request else ""),
                details=details or {},
                previous_hash=last or GENESIS,
            )
            event.hash = event.compute_hash()
            event.save()
            return event
    except Exception:
        logger.exception("Could not record audit event %s", kind)
        return None


def verify_chain() -> tuple[int, AuditEvent | None]:
    """(rows checked, the first row whose hash or link is wrong, or None)."""
    previous = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.previous_hash != previous or event.compute_hash() != event.hash:
            return checked, event
        previous = event.hash
        checked += 1
    return checked, None
