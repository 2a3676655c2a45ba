from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "experts"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:pk>/", views.profile, name="profile"),
    path("me/", views.me, name="me"),
    path("me/consent/", views.consent, name="consent"),
    path("me/withdraw/", views.withdraw, name="withdraw"),
    path("me/data.json", views.download, name="download"),
    path("me/login/", views.LoginView.as_view(), name="login"),
    path("me/logout/", auth_views.LogoutView.as_view(next_page=reverse_lazy("experts:login")), name="logout"),
    path("me/password/<uidb64>/<token>/", views.PasswordSetView.as_view(), name="password_set"),
    path(
        "me/password/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="experts/password_set_done.html"),
        name="password_set_done",
    ),
    path("me/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "me/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="experts/password_reset_done.html"),
        name="password_reset_done",
    ),
]
