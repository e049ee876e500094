from django.urls import path

from . import views

app_name = "extraction"

urlpatterns = [
    path("trich-xuat/", views.extract_text, name="extract-text"),
    path("tao-moi/", views.create_unlinked, name="create"),
    path("bai-viet/<int:pk>/", views.article_suggestions, name="article"),
    path("bai-viet/<int:pk>/lien-ket/", views.link_existing, name="link"),
    path("bai-viet/<int:pk>/tao-moi/", views.create_and_link, name="create-and-link"),
]
