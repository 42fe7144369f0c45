from django.urls import path, re_path

from . import views

app_name = "previews"

urlpatterns = [
    path("<str:token>/", views.show_preview, name="show"),
    # Anything else under the prefix gets the same private "not valid" answer
    # instead of falling through to Wagtail's page router.
    re_path(r"^.*$", views.invalid_link),
]
