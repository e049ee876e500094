from django.urls import path

from .views import api, editor, history, pages, trash

app_name = "workspace"

urlpatterns = [
    path("", pages.dashboard, name="dashboard"),
    path("thong-bao/", pages.notifications, name="notifications"),
    path("thong-bao/danh-dau-da-doc/", pages.notifications_read, name="notifications-read"),
    path("bai-viet/", pages.article_list, name="article-list"),
    path("bai-viet/moi/", editor.article_create, name="article-create"),
    path("bai-viet/<int:pk>/", editor.article_edit, name="article-edit"),
    path(
        "bai-viet/<int:pk>/chuyen-trang-thai/",
        editor.article_transition,
        name="article-transition",
    ),
    path("bai-viet/<int:pk>/y-kien/", editor.article_comment, name="article-comment"),
    path("bai-viet/<int:pk>/dinh-chinh/", editor.article_correction, name="article-correction"),
    path("bai-viet/<int:pk>/chia-se/", editor.share_create, name="share-create"),
    path(
        "bai-viet/<int:pk>/chia-se/<int:link_id>/thu-hoi/",
        editor.share_revoke,
        name="share-revoke",
    ),
    path("bai-viet/<int:pk>/lich-su/", history.history, name="article-history"),
    path("bai-viet/<int:pk>/so-sanh/", history.compare, name="article-compare"),
    path(
        "bai-viet/<int:pk>/phien-ban/<int:number>/xem-truoc/",
        history.preview,
        name="article-preview",
    ),
    path(
        "bai-viet/<int:pk>/phien-ban/<int:number>/khoi-phuc/",
        history.restore,
        name="article-restore",
    ),
    path("thung-rac/", trash.trash, name="trash"),
    path("thung-rac/don-sach/", trash.empty, name="trash-empty"),
    path("thung-rac/<int:pk>/khoi-phuc/", trash.restore, name="trash-restore"),
    path("api/the/", api.tags, name="api-tags"),
]

# The pickers' endpoints, one pair per kind of record.
for _slug, _kind in (
    ("su-kien", "events"),
    ("nhan-vat", "participants"),
    ("van-ban", "resolutions"),
):
    urlpatterns += [
        path(f"api/{_slug}/", api.search, {"kind": _kind}, name=f"api-{_kind}"),
        path(f"api/{_slug}/tao/", api.create, {"kind": _kind}, name=f"api-{_kind}-create"),
    ]
