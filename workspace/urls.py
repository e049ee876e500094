from django.urls import path

from . import views

app_name = "workspace"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bai-viet/", views.article_list, name="article-list"),
    path("bai-viet/moi/", views.article_create, name="article-create"),
    path("bai-viet/<int:pk>/", views.article_edit, name="article-edit"),
]
