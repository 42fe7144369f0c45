from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("<int:page_id>/", views.status, name="status"),
    path("<int:page_id>/test/", views.test_email, name="test"),
    path("<int:page_id>/senden/", views.send, name="send"),
    path("<int:page_id>/erneut-senden/", views.resend, name="resend"),
    path("<int:page_id>/fortsetzen/", views.resume, name="resume"),
    path(
        "<int:page_id>/versand/<int:send_id>/unklar/",
        views.uncertain,
        name="uncertain",
    ),
]
