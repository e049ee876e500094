"""Authentication backends for the test settings only (cms/settings/test.py)."""

from axes.backends import AxesStandaloneBackend


class TestClientFriendlyAxesBackend(AxesStandaloneBackend):
    """Axes' lockout check, except for authenticate() calls without a request.

    Django's test client login() makes exactly such a call; in production axes is
    right to refuse it (a view that forgets the request would dodge throttling), so
    this class is never used outside the test settings.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
