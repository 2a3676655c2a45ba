from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("initiatives/new/", views.submit, name="submit"),
    path("initiatives/<slug:uid>/propose/", views.propose, name="propose"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page=reverse_lazy("partners:login")), name="logout"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="partners/password_reset_done.html"),
        name="password_reset_done",
    ),
    path("password-reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="partners/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
