"""Sign-in and passwords, under /toa-soan/ next to the workspace's own pages."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("ma-xac-thuc/", views.otp_verify, name="otp-verify"),
    path("xac-thuc-hai-buoc/", views.otp_setup, name="otp-setup"),
    path("xac-thuc-hai-buoc/tat/", views.otp_disable, name="otp-disable"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "doi-mat-khau/xong/",
        views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("quen-mat-khau/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "quen-mat-khau/da-gui/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
