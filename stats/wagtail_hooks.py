from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_stats_urls():
    return [
        path("statistik/", admin_views.statistics, name="stats_report"),
        path(
            "statistik/seite/<int:page_id>/",
            admin_views.page_statistics,
            name="stats_page",
        ),
    ]


class StatsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_view(request.user)


@hooks.register("register_reports_menu_item")
def register_stats_menu_item():
    return StatsMenuItem(
        _("Statistik"),
        reverse("stats_report"),
        name="statistik",
        icon_name="table",
        order=100,
    )


@hooks.register("construct_homepage_panels")
def add_stats_panel(request, panels):
    if admin_views.can_view(request.user):
        panels.append(admin_views.StatsSummaryPanel())


class PageStatsMenuItem(PageMenuItem):
    label = _("Statistik dieser Seite")
    icon_name = "table"
    priority = 48

    @property
    def url(self):
        return reverse("stats_page", args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def page_stats_header_button(page, user, view_name, next_url=None):
    if not page.is_root() and page.depth > 1:
        yield PageStatsMenuItem(page=page)
