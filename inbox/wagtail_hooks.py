from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

app_urls = (
    [
        path("", views.message_list, name="list"),
        path("<int:pk>/", views.message_detail, name="detail"),
        path("leeren/", views.clear, name="clear"),
    ],
    "inbox",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("demo-postfach/", include(app_urls, namespace="inbox"))]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return views.is_active() and request.user.is_superuser


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(
        _("Demo-Postfach"), reverse("inbox:list"), icon_name="mail", order=950
    )
