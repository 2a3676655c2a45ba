"""The pages of mentors and mentees, at /<lang>/mentoring/."""

from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    path("", views.open_cycles, name="open_cycles"),
    path("cycles/<int:pk>/apply/<slug:role>/", views.apply, name="apply"),
    path("invitation/<str:key>/<slug:role>/", views.apply_invited, name="apply_invited"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("me/<str:token>/", views.me, name="me"),
    path("me/<str:token>/data.json", views.download, name="download"),
    path("me/<str:token>/withdraw/", views.withdraw, name="withdraw"),
    path("me/<str:token>/leave-pool/", views.leave_pool, name="leave_pool"),
    path("pair/<str:token>/", views.pair, name="pair"),
    path("follow-up/<str:token>/", views.follow_up, name="follow_up"),
]
