"""Share links live outside /toa-soan/: the people they are sent to have no account."""

from django.urls import path

from .views import shared

app_name = "shared"

urlpatterns = [
    path("<str:token>/", shared.shared_preview, name="preview"),
]
