"""Generated statistics (stats.management.commands.generate_stats)."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from subscriptions.models import Subscriber

from .counting import berlin_now
from .models import (
    DailyCampaign,
    DailyDevice,
    DailyPageStat,
    DailyReferrer,
    DailySiteStat,
    HourlyPageStat,
)

HOSTS = [
    "direkt",
    "google.com",
    "duckduckgo.com",
    "mastodon.social",
    "news.ycombinator.com",
    "linkedin.com",
]
CAMPAIGNS = [
    ("newsletter", "email", "dezember"),
    ("mastodon", "social", "launch"),
    ("linkedin", "social", ""),
]


def generate(days=365, seed=17):
    from wagtail.models import Page, Site

    rng = random.Random(seed)
    site = Site.objects.get(is_default_site=True)
    pages = list(
        Page.objects.live()
        .public()
        .filter(depth__gt=1, path__startswith=site.root_page.path)
        .order_by("path")
        .values_list("pk", "url_path")
    )
    today = berlin_now().date()
    weights = {pk: min(rng.paretovariate(1.2), 6.0) for pk, _ in pages}
    site_rows, page_rows, ref_rows, camp_rows, device_rows = [], [], [], [], []
    for offset in range(days):
        day = today - timedelta(days=offset)
        season = 1 + 0.4 * ((offset % 7) < 5)
        views_day = visitors_day = reads_day = 0
        for pk, _path in pages:
            views = int(rng.random() * 6 * weights[pk] * season)
            if not views:
                continue
            visitors = max(1, int(views * rng.uniform(0.6, 0.9)))
            reads = int(visitors * rng.uniform(0.2, 0.6))
            page_rows.append(
                DailyPageStat(
                    day=day, page_id=pk, views=views, visitors=visitors, reads=reads
                )
            )
            views_day += views
            visitors_day += visitors
            reads_day += reads
            if views > 3:
                host = HOSTS[rng.randrange(len(HOSTS))]
                ref_rows.append(
                    DailyReferrer(day=day, page_id=pk, host=host, views=views)
                )
        site_rows.append(
            DailySiteStat(
                day=day,
                views=views_day,
                visitors=int(visitors_day * 0.7),
                reads=reads_day,
            )
        )
        for source, medium, campaign in CAMPAIGNS:
            camp_rows.append(
                DailyCampaign(
                    day=day,
                    source=source,
                    medium=medium,
                    campaign=campaign,
                    views=rng.randrange(1, 40),
                )
            )
        split = (0.55, 0.15, 0.30)
        for device, share in zip(DailyDevice.Device.values, split, strict=True):
            device_rows.append(
                DailyDevice(day=day, device=device, views=int(views_day * share))
            )
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    hour_rows = [
        HourlyPageStat(
            hour=now - timedelta(hours=h), page_id=pk, views=rng.randrange(1, 30)
        )
        for h in range(48)
        for pk, _ in pages[:50]
    ]
    subscribers = []
    for n, (_pk, url_path) in enumerate(pages[:40]):
        path = "/" + url_path.removeprefix(site.root_page.url_path)
        for k in range(rng.randrange(1, 6)):
            when = timezone.now() - timedelta(days=rng.randrange(days))
            subscribers.append(
                Subscriber(
                    email=f"statistik-{n}-{k}@example.org",
                    status=Subscriber.Status.CONFIRMED,
                    created_at=when,
                    confirmed_at=when,
                    signup_page=path,
                )
            )
    with transaction.atomic():
        for model, rows in (
            (DailySiteStat, site_rows),
            (DailyPageStat, page_rows),
            (DailyReferrer, ref_rows),
            (DailyCampaign, camp_rows),
            (DailyDevice, device_rows),
            (HourlyPageStat, hour_rows),
        ):
            model.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
        Subscriber.objects.bulk_create(subscribers, ignore_conflicts=True)
    return sum(
        map(len, (site_rows, page_rows, ref_rows, camp_rows, device_rows, hour_rows))
    )
