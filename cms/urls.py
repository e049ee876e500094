from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = f"Quản trị — {settings.SITE_NAME}"
admin.site.site_title = "Quản trị"
admin.site.index_title = "Quản trị nội dung và người dùng"

urlpatterns = [
    path("quan-tri/", admin.site.urls),
    path("anh/", include("images.urls")),
    path("toa-soan/goi-y/", include("extraction.urls")),
    path("toa-soan/", include("accounts.urls")),
    path("toa-soan/", include("workspace.urls")),
    path("xem-truoc/", include("workspace.shared_urls")),
    path("", include("public.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
