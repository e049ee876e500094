from django.urls import path

from . import panel_views, views

app_name = "extraction"

urlpatterns = [
    path("trich-xuat/", views.extract_text, name="extract-text"),
    path("tao-moi/", views.create_unlinked, name="create"),
    path("bai-viet/<int:pk>/", views.article_suggestions, name="article"),
    path("bai-viet/<int:pk>/lien-ket/", views.link_existing, name="link"),
    path("bai-viet/<int:pk>/tao-moi/", views.create_and_link, name="create-and-link"),
]

# The panel beside the editor, as plain HTML (extraction/panel_views.py).
urlpatterns += [
    path("bai-viet/<int:pk>/khung/", panel_views.panel, name="panel"),
    path("bai-viet/<int:pk>/khung/lien-ket/", panel_views.link, name="panel-link"),
    path("bai-viet/<int:pk>/khung/tao-moi/", panel_views.create, name="panel-create"),
]
