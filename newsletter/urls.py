from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("<int:page_id>/", views.status, name="status"),
    path("<int:page_id>/test/", views.test_email, name="test"),
    path("<int:page_id>/senden/", views.send, name="send"),
    path("<int:page_id>/erneut-senden/", views.resend, name="resend"),
    path("<int:page_id>/haengende/", views.close_stale, name="close_stale"),
]
