from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from . import admin_urls


class SharePreviewButton(PageMenuItem):
    label = _("Vorschau-Link teilen")
    icon_name = "link"
    url_name = "previews_admin:page"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    # Appears in the "…" menu next to the page title in the editor and the explorer.
    if not page.is_root():
        yield SharePreviewButton(page=page, priority=66)


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    if not page.is_root():
        yield SharePreviewButton(page=page, priority=45)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("vorschau-links/", include(admin_urls, namespace="previews_admin"))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Vorschau-Links"),
        reverse("previews_admin:report"),
        name="preview-links",
        icon_name="link",
        order=1300,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    # Shown in the page's history, so the team can see who shared a draft.
    actions.register_action(
        "previews.create", _("Vorschau-Link erstellt"), _("Vorschau-Link erstellt")
    )
    actions.register_action(
        "previews.revoke", _("Vorschau-Link widerrufen"), _("Vorschau-Link widerrufen")
    )
