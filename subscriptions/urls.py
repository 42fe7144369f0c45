from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("anmelden/", views.subscribe, name="subscribe"),
    path("bitte-bestaetigen/", views.pending, name="pending"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("bestaetigen/<str:token>/neuer-link/", views.new_link, name="new_link"),
    path("abmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
