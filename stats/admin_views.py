"""The „Statistik“ report (Berichte), its CSV exports, the per-page view and
the dashboard panel."""

import contextlib
import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.formats import date_format

from wagtail.admin.ui.components import Component
from wagtail.models import Page

from . import report
from .buffer import flush
from .chart import line_chart, sparkline

# ?export=<name>: German header row, then the rows of one table.
EXPORTS = {
    "tage": (
        ["Tag", "Aufrufe", "Besucher"],
        lambda d: [
            [r["day"].isoformat(), r["views"], r["visitors"]] for r in d["daily"]
        ],
    ),
    "artikel": (
        ["Seite", "Aufrufe", "Besucher", "gelesen", "Lesequote (%)"],
        lambda d: [
            [r["title"], r["views"], r["visitors"], r["reads"], r["read_rate"]]
            for r in d["top"]
        ],
    ),
    "herkunft": (
        ["Herkunft", "Aufrufe"],
        lambda d: [[r["host"], r["views"]] for r in d["referrers"]],
    ),
    "kampagnen": (
        ["Quelle", "Medium", "Kampagne", "Aufrufe"],
        lambda d: [
            [r["source"], r["medium"], r["campaign"], r["views"]]
            for r in d["campaigns"]
        ],
    ),
    "geraete": (
        ["Gerät", "Aufrufe", "Anteil (%)"],
        lambda d: [[r["device"], r["views"], r["share"]] for r in d["devices"]],
    ),
    "anmeldungen": (
        [
            "Anmeldeseite",
            "Seite",
            "Bestätigte Anmeldungen",
            "Besucher",
            "Konversion (%)",
        ],
        lambda d: [
            [r["signup_page"], r["title"], r["signups"], r["visitors"], r["conversion"]]
            for r in d["signups"]
        ],
    ),
    "newsletter": (
        ["Versand", "Betreff", "Empfänger", "Abmeldungen in 7 Tagen"],
        lambda d: [
            [
                r["created_at"].date().isoformat(),
                r["subject"],
                r["total"],
                r["unsubscribed"],
            ]
            for r in d["sends"]
        ],
    ),
}


def can_view(user):
    return user.is_superuser or (
        user.has_perm("wagtailadmin.access_admin")
        and (
            user.has_perm("wagtailcore.change_page")
            or user.has_perm("wagtailcore.publish_page")
            or user.is_staff
        )
    )


def report_data(span):
    return {
        "daily": report.daily(span),
        "top": report.top_pages(span),
        "referrers": report.referrers(span),
        "campaigns": report.campaigns(span),
        "devices": report.devices(span),
        "signups": report.signups(span),
        "sends": report.sends(span),
    }


def csv_response(name, data, span):
    header, rows = EXPORTS[name]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="statistik-{name}-{span.start.isoformat()}-{span.end.isoformat()}.csv"'
    )
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM correctly
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    # German spreadsheets: semicolons between fields, decimal commas.
    writer.writerows(
        [str(v).replace(".", ",") if isinstance(v, float) else v for v in row]
        for row in rows(data)
    )
    return response


def statistics(request):
    # Show what was counted until now; if that fails, the tables as they are
    # (the workers' reaper tries again).
    with contextlib.suppress(Exception):
        flush()
    span = report.parse_range(request.GET.get("tage"))
    data = report_data(span)
    export = request.GET.get("export")
    if export in EXPORTS:
        return csv_response(export, data, span)
    views = sum(r["views"] for r in data["daily"])
    visitors = sum(r["visitors"] for r in data["daily"])
    return TemplateResponse(
        request,
        "stats/admin/report.html",
        {
            **data,
            "span": span,
            "ranges": report.RANGES,
            "total_views": views,
            "total_visitors": visitors,
            "chart": line_chart(
                data["daily"], f"Aufrufe und Besucher je Tag, letzte {span.days} Tage"
            ),
        },
    )


def page_statistics(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    data = report.page_report(page)
    return TemplateResponse(
        request,
        "stats/admin/page.html",
        {
            "page": page,
            **data,
            "chart": line_chart(
                data["series"],
                f"Aufrufe und Besucher je Tag: {page.title}",
                "seiten-diagramm",
            )
            if data["series"]
            else "",
        },
    )


class StatsSummaryPanel(Component):
    name = "stats_summary"
    order = 120
    template_name = "stats/admin/summary_panel.html"

    def get_context_data(self, parent_context):
        span = report.Range(30)
        daily = report.daily(span)
        views = [r["views"] for r in daily]
        return {
            "views": sum(views),
            "visitors": sum(r["visitors"] for r in daily),
            "sparkline": sparkline(
                views,
                f"Aufrufe je Tag, {date_format(span.start)} bis {date_format(span.end)}",
            ),
            "top_read": report.week_top_read(),
        }
