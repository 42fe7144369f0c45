from django.urls import path

from . import admin_views

app_name = "previews_admin"

urlpatterns = [
    path("", admin_views.ReportView.as_view(), name="report"),
    path("seite/<int:page_id>/", admin_views.PageLinksView.as_view(), name="page"),
    path("<int:link_id>/widerrufen/", admin_views.revoke, name="revoke"),
]
