"""The partners' page to invite an expert, at /<lang>/partner/experts/invite/."""

from django.urls import path

from . import views

app_name = "expert_invitations"

urlpatterns = [path("invite/", views.invite, name="invite")]
