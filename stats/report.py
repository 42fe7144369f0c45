"""What the admin shows, read from the aggregate tables only: every table of
the report is one grouped query over a date range (indexes on day and on
page, day), so a year of data for 1,000 posts stays a handful of queries."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, F, Q, Sum

from newsletter.models import PostSend
from subscriptions.models import Subscriber

from .counting import berlin_now
from .models import (
    DailyCampaign,
    DailyDevice,
    DailyPageStat,
    DailyReferrer,
    DailySiteStat,
)

RANGES = (7, 30, 90, 365)
DEFAULT_RANGE = 30
DEVICE_NAMES = {"phone": "Telefon", "tablet": "Tablet", "desktop": "Desktop"}


def rate(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


@dataclass
class Range:
    days: int

    @property
    def end(self):
        return berlin_now().date()

    @property
    def start(self):
        return self.end - timedelta(days=self.days - 1)

    def dates(self):
        start = self.start
        return [start + timedelta(days=n) for n in range(self.days)]


def parse_range(value):
    try:
        days = int(value)
    except (TypeError, ValueError):
        return Range(DEFAULT_RANGE)
    return Range(days if days in RANGES else DEFAULT_RANGE)


def daily(span):
    """One row per day of the range (zeros where nothing was counted)."""
    rows = {
        row.day: row
        for row in DailySiteStat.objects.filter(day__gte=span.start, day__lte=span.end)
    }
    return [
        {
            "day": day,
            "views": rows[day].views if day in rows else 0,
            "visitors": rows[day].visitors if day in rows else 0,
        }
        for day in span.dates()
    ]


def page_titles(ids):
    from wagtail.models import Page

    return {
        page.pk: page
        for page in Page.objects.filter(pk__in=ids).only("id", "title", "url_path")
    }


def top_pages(span, limit=20):
    rows = list(
        DailyPageStat.objects.filter(day__gte=span.start, day__lte=span.end)
        .values("page")
        .annotate(views=Sum("views"), visitors=Sum("visitors"), reads=Sum("reads"))
        .order_by("-views", "page")[:limit]
    )
    pages = page_titles([row["page"] for row in rows])
    for row in rows:
        row["title"] = pages[row["page"]].title if row["page"] in pages else "–"
        row["read_rate"] = rate(row["reads"], row["visitors"])
    return rows


def referrers(span, page=None, limit=20):
    rows = DailyReferrer.objects.filter(day__gte=span.start, day__lte=span.end)
    if page is not None:
        rows = rows.filter(page=page)
    return list(
        rows.values("host")
        .annotate(views=Sum("views"))
        .order_by("-views", "host")[:limit]
    )


def campaigns(span, limit=20):
    return list(
        DailyCampaign.objects.filter(day__gte=span.start, day__lte=span.end)
        .values("source", "medium", "campaign")
        .annotate(views=Sum("views"))
        .order_by("-views", "source", "medium", "campaign")[:limit]
    )


def devices(span):
    rows = dict(
        DailyDevice.objects.filter(day__gte=span.start, day__lte=span.end)
        .values("device")
        .annotate(views=Sum("views"))
        .values_list("device", "views")
    )
    total = sum(rows.values())
    return [
        {
            "device": name,
            "views": rows.get(key, 0),
            "share": rate(rows.get(key, 0), total),
        }
        for key, name in DEVICE_NAMES.items()
    ]


def site_root():
    from wagtail.models import Site

    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site.root_page.url_path if site else "/"


def signups(span, limit=20):
    """Confirmed sign-ups in the range per sign-up page; conversion is those
    sign-ups ÷ the page's visitors in the range."""
    from wagtail.models import Page

    rows = list(
        Subscriber.objects.filter(
            status=Subscriber.Status.CONFIRMED,
            confirmed_at__date__gte=span.start,
            confirmed_at__date__lte=span.end,
        )
        .values("signup_page")
        .annotate(signups=Count("pk"))
        .order_by("-signups", "signup_page")[:limit]
    )
    root = site_root()
    # A path maps to the page at that URL; an empty one (unknown) to none.
    paths = {
        row["signup_page"]: root + row["signup_page"].split("?")[0].lstrip("/")
        for row in rows
        if row["signup_page"].startswith("/")
    }
    pages = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=paths.values()).only(
            "id", "title", "url_path"
        )
    }
    visitors = dict(
        DailyPageStat.objects.filter(
            day__gte=span.start,
            day__lte=span.end,
            page__in=[p.pk for p in pages.values()],
        )
        .values("page")
        .annotate(visitors=Sum("visitors"))
        .values_list("page", "visitors")
    )
    for row in rows:
        page = pages.get(paths.get(row["signup_page"]))
        row["title"] = page.title if page else ""
        row["visitors"] = visitors.get(page.pk, 0) if page else 0
        row["conversion"] = rate(row["signups"], row["visitors"])
    return rows


def sends(span, limit=20):
    """Newsletter sends in the range: recipients, and how many of them
    unsubscribed within 7 days after the send."""
    week = timedelta(days=7)
    return list(
        PostSend.objects.filter(
            created_at__date__gte=span.start, created_at__date__lte=span.end
        )
        .annotate(
            unsubscribed=Count(
                "deliveries",
                filter=Q(
                    deliveries__subscriber__unsubscribed_at__gte=F("created_at"),
                    deliveries__subscriber__unsubscribed_at__lt=F("created_at") + week,
                ),
            )
        )
        .order_by("-created_at")
        .values("pk", "subject", "created_at", "total", "unsubscribed")[:limit]
    )


def page_report(page, days=365):
    """One page since publishing (at most `days`): views per day, read rate,
    referrers, sign-ups."""
    span = Range(days)
    published = page.first_published_at
    if published:
        start = max(span.start, published.astimezone(berlin_now().tzinfo).date())
    else:
        start = span.end
    rows = {
        row.day: row
        for row in DailyPageStat.objects.filter(
            page=page, day__gte=start, day__lte=span.end
        )
    }
    series = []
    day = start
    while day <= span.end:
        row = rows.get(day)
        series.append(
            {
                "day": day,
                "views": row.views if row else 0,
                "visitors": row.visitors if row else 0,
            }
        )
        day += timedelta(days=1)
    views = sum(r.views for r in rows.values())
    visitors = sum(r.visitors for r in rows.values())
    reads = sum(r.reads for r in rows.values())
    root = site_root()
    path = "/" + page.url_path.removeprefix(root)
    signed_up = Subscriber.objects.filter(
        status=Subscriber.Status.CONFIRMED, signup_page=path
    ).count()
    span_all = Range(days)
    return {
        "series": series,
        "views": views,
        "visitors": visitors,
        "reads": reads,
        "read_rate": rate(reads, visitors),
        "referrers": referrers(span_all, page=page),
        "signups": signed_up,
        "path": path,
    }


def week_top_read(limit=3):
    span = Range(7)
    rows = list(
        DailyPageStat.objects.filter(day__gte=span.start, day__lte=span.end)
        .values("page")
        .annotate(reads=Sum("reads"), views=Sum("views"))
        .filter(reads__gt=0)
        .order_by("-reads", "page")[:limit]
    )
    pages = page_titles([row["page"] for row in rows])
    for row in rows:
        row["title"] = pages[row["page"]].title if row["page"] in pages else "–"
    return rows
