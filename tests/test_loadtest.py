"""The load test (bench/loadtest.py) puts load on this machine only, for a bounded time.

The load itself is run by hand (docs/RELIABILITY.md), not by the test suite."""

from __future__ import annotations

import pytest

from bench import loadtest


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com",
        "https://tuyengiao.example.vn/",
        "http://10.0.0.5:8000",
        "http://192.168.1.10",
        "http://0.0.0.0:8000",
        "ftp://127.0.0.1/",
        "127.0.0.1:8000",
    ],
)
def test_it_refuses_any_host_but_this_machine(url, capsys):
    assert loadtest.main(["--url", url, "--duration", "1"]) == 2
    assert "127.0.0.1" in capsys.readouterr().err


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000", "http://localhost:8000/", "http://[::1]:8000", "http://127.0.0.2"],
)
def test_loopback_addresses_are_accepted(url):
    assert loadtest.loopback_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "argv",
    [["--clients", "0"], ["--clients", "501"], ["--duration", "0"], ["--duration", "3600"]],
)
def test_it_stays_bounded(argv, capsys):
    assert loadtest.main([*argv, "--url", "http://127.0.0.1:1"]) == 2
    assert capsys.readouterr().err


def test_the_defaults_are_fifty_clients_for_a_minute():
    args = loadtest.parse_args(["--url", "http://127.0.0.1:8000"])
    assert (args.clients, args.duration) == (50, 60)
