from .models import AuditEvent
from .recorder import current_request, record


class RequestContextMiddleware:
    """Makes the request known to audit signal handlers, and records refusals of access."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        # Anonymous 403s are mostly CSRF failures of expired forms; a signed-in user
        # refused a page is what an audit wants to see.
        user = getattr(request, "user", None)
        if response.status_code == 403 and user is not None and user.is_authenticated:
            record(
                AuditEvent.Kind.PERMISSION_DENIED,
                request=request,
                target=request.path[:300],
                details={"method": request.method},
            )
        return response
