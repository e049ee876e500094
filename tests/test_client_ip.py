"""The client's address behind nginx: X-Forwarded-For only from a trusted proxy.

audit.recorder.client_ip is the one function that decides it, for the audit trail,
share-link openings and django-axes' lockouts (AXES_CLIENT_IP_CALLABLE).
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings
from django.urls import reverse

from accounts.models import User
from audit.models import AuditEvent
from audit.recorder import client_ip

PASSWORD = "mat-khau-dai-123"
PROXY = "10.0.0.2"
CLIENT = "203.0.113.7"
FORGED = "198.51.100.66"


def request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_the_axes_and_audit_address_is_one_function():
    assert settings.AXES_CLIENT_IP_CALLABLE == "audit.recorder.client_ip"


@override_settings(TRUSTED_PROXIES=[])
def test_by_default_the_header_is_ignored():
    assert client_ip(request(PROXY, f"{FORGED}, {CLIENT}")) == PROXY
    assert client_ip(request(CLIENT)) == CLIENT


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_a_forged_header_from_an_untrusted_peer_is_ignored():
    assert client_ip(request(CLIENT, FORGED)) == CLIENT
    assert client_ip(request(CLIENT, f"{FORGED}, 10.0.0.9")) == CLIENT


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        (CLIENT, CLIENT),
        # The client wrote the left part itself: the right-most untrusted address counts.
        (f"{FORGED}, {CLIENT}", CLIENT),
        (f"{FORGED},{CLIENT}", CLIENT),
        # Through two proxies of ours.
        (f"{FORGED}, {CLIENT}, 10.0.0.5", CLIENT),
        # Garbage where our proxy writes: nothing beyond the last trusted hop is believed.
        (f"{CLIENT}, not-an-address", PROXY),
        (f"{CLIENT}, not-an-address, 10.0.0.5", "10.0.0.5"),
        # No header: the proxy itself (a health check, say).
        ("", PROXY),
        ("2001:db8::7", "2001:db8::7"),
    ],
)
@override_settings(TRUSTED_PROXIES=["10.0.0.0/8", "127.0.0.1"])
def test_behind_a_trusted_proxy_the_right_most_untrusted_address_is_used(forwarded, expected):
    assert client_ip(request(PROXY, forwarded)) == expected


@override_settings(TRUSTED_PROXIES=["::1", "fd00::/8"])
def test_ipv6_proxies():
    assert client_ip(request("::1", f"{FORGED}, {CLIENT}, fd00::3")) == CLIENT


@pytest.fixture
def reporter(db):
    return User.objects.create_user("phongvien", password=PASSWORD, is_staff=True)


def sign_in(client, password: str, forwarded: str, remote: str = PROXY):
    return client.post(
        reverse("accounts:login"),
        {"username": "phongvien", "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_the_audit_trail_records_the_real_client_behind_the_proxy(client, reporter):
    sign_in(client, "sai-mat-khau", f"{FORGED}, {CLIENT}")
    event = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED).latest("id")
    assert event.ip_address == CLIENT


@override_settings(TRUSTED_PROXIES=[])
def test_a_forged_header_does_not_escape_a_lockout(client, reporter):
    """Without trust, a fresh forged address per attempt still counts as one address."""
    for attempt in range(5):
        sign_in(client, "sai-mat-khau", f"198.51.100.{attempt}", remote=CLIENT)
    assert sign_in(client, PASSWORD, "198.51.100.99", remote=CLIENT).status_code == 429
    events = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED)
    assert set(events.values_list("ip_address", flat=True)) == {CLIENT}


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_behind_the_proxy_one_clients_lockout_is_not_everyones(client, reporter):
    for _ in range(5):
        sign_in(client, "sai-mat-khau", CLIENT)
    assert sign_in(client, PASSWORD, CLIENT).status_code == 429
    # The same proxy forwards a colleague from another address: not locked out.
    assert sign_in(client.__class__(), PASSWORD, "203.0.113.8").status_code == 302
