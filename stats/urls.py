from django.urls import path

from . import views

urlpatterns = [path("b/", views.beacon, name="stats_beacon")]
