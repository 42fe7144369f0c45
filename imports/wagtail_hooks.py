from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

app_urls = (
    [
        path("", views.upload, name="upload"),
        path("bestaetigen/", views.confirm, name="confirm"),
        path("lauf/<int:run_id>/", views.run_status, name="run"),
    ],
    "imports",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("importieren/", include(app_urls, namespace="imports"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.blog_index_for(request.user) is not None


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Importieren"), reverse("imports:upload"), icon_name="upload", order=900
    )
