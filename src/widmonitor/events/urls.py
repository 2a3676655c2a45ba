from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("feed.ics", views.feed, name="feed"),
    path("map/", views.event_map, name="map"),
    path("<slug:uid>/", views.event_detail, name="event"),
]
