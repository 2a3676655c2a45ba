from django.urls import re_path

from . import views
from .models import SitePage

app_name = "sitepages"

urlpatterns = [
    re_path(rf"^(?P<kind>{'|'.join(SitePage.Kind.values)})/$", views.page, name="page"),
]
