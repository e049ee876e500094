from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .processing import ImageRejected
from .services import store_image


@require_POST
def editor_upload(request):
    """CKEditor 5's image upload (its simpleUpload adapter), through our checks.

    The package's own view keeps the uploader's file name and has no size limit;
    this one re-encodes the picture, names it at random and answers in Vietnamese.
    """
    if not request.user.is_authenticated:
        # CKEditor shows {"error": {"message"}} to the editor; a redirect to the sign-in
        # page (a session that ended while writing) would reach them as a bare failure.
        return JsonResponse(
            {"error": {"message": _("Phiên đăng nhập đã hết: hãy đăng nhập lại rồi tải ảnh.")}},
            status=401,
        )
    if not request.user.has_perm("images.add_image"):
        return JsonResponse(
            {"error": {"message": _("Bạn không có quyền tải ảnh lên.")}}, status=403
        )
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("Không nhận được tệp ảnh.")}}, status=400)
    try:
        image = store_image(upload, alt_text="", user=request.user)
    except ImageRejected as exc:
        return JsonResponse({"error": {"message": str(exc)}}, status=400)
    return JsonResponse({"url": image.rendition_url(1280), "image_id": image.pk})
