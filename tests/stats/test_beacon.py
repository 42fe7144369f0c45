"""The beacon endpoint counts a real view once, and nothing it must not count."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.db import connection

from core.models import SiteSettings
from stats.models import (
    DailyCampaign,
    DailyDevice,
    DailyPageStat,
    DailyReferrer,
    DailySiteStat,
    HourlyPageStat,
)

from .conftest import UA, body, send

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def page_row(post):
    return DailyPageStat.objects.filter(page=post).first()


def test_a_view_is_counted_with_its_dimensions(client, post, flushed):
    response = send(
        client,
        post,
        referrer="https://www.Example.com/some/path?secret=1",
        query="?utm_source=mastodon&utm_medium=social&utm_campaign=launch&x=1",
        width=390,
    )
    assert response.status_code == 204
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert not DailyPageStat.objects.exists()  # buffered, not written yet
    assert flushed() == 1
    row = page_row(post)
    assert (row.views, row.visitors, row.reads) == (1, 1, 0)
    site = DailySiteStat.objects.get()
    assert (site.views, site.visitors) == (1, 1)
    assert list(DailyReferrer.objects.values_list("host", "views")) == [
        ("example.com", 1)
    ]
    assert list(DailyCampaign.objects.values_list("source", "medium", "campaign")) == [
        ("mastodon", "social", "launch")
    ]
    assert list(DailyDevice.objects.values_list("device", "views")) == [("phone", 1)]
    assert HourlyPageStat.objects.get().views == 1


@pytest.mark.parametrize(
    ("width", "device"),
    [
        (320, "phone"),
        (767, "phone"),
        (768, "tablet"),
        (1199, "tablet"),
        (1200, "desktop"),
    ],
)
def test_device_classes_follow_the_documented_thresholds(
    client, post, flushed, width, device
):
    send(client, post, width=width)
    flushed()
    assert DailyDevice.objects.get().device == device


@pytest.mark.parametrize("referrer", ["", "http://testserver/blog/", "not a url"])
def test_own_host_and_no_referrer_are_direct(client, post, flushed, referrer):
    send(client, post, referrer=referrer)
    flushed()
    assert DailyReferrer.objects.get().host == "direkt"


def test_same_visitor_twice_is_one_visitor_two_views_and_counts_again_next_day(
    client, post, flushed
):
    day = datetime(2026, 11, 30, 23, 30, tzinfo=BERLIN)
    with time_machine.travel(day, tick=False):
        send(client, post)
        send(client, post)
        flushed()
    row = page_row(post)
    assert (row.day.isoformat(), row.views, row.visitors) == ("2026-11-30", 2, 1)
    # Another visitor (other address) the same day: a second visitor.
    with time_machine.travel(day + timedelta(minutes=5), tick=False):
        send(client, post, ip="198.51.100.1")
        flushed()
    row.refresh_from_db()
    assert (row.views, row.visitors) == (3, 2)
    # After midnight in Berlin the same reader is counted again.
    with time_machine.travel(day + timedelta(hours=1), tick=False):
        send(client, post)
        flushed()
    new = DailyPageStat.objects.get(page=post, day="2026-12-01")
    assert (new.views, new.visitors) == (1, 1)
    assert list(
        DailySiteStat.objects.order_by("day").values_list("views", "visitors")
    ) == [
        (3, 2),
        (1, 1),
    ]


def test_a_visitor_is_counted_once_per_site_and_once_per_page(
    client, blog, post, flushed
):
    from tests.factories import make_post

    other = make_post(blog, "Noch einer", slug="noch-einer")
    send(client, post)
    send(client, other)
    send(client, blog)
    flushed()
    assert DailySiteStat.objects.get().visitors == 1
    assert DailySiteStat.objects.get().views == 3
    assert sorted(DailyPageStat.objects.values_list("visitors", flat=True)) == [1, 1, 1]


def test_a_read_counts_once_per_visitor_and_day(client, post, flushed):
    send(client, post)
    send(client, post, kind="r")
    send(client, post, kind="r")
    flushed()
    row = page_row(post)
    assert (row.views, row.reads) == (1, 1)
    assert DailySiteStat.objects.get().reads == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_DNT": "1"},
        {"HTTP_SEC_GPC": "1"},
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
    ],
)
def test_opt_outs_and_prefetches_are_not_counted(client, post, flushed, headers):
    assert send(client, post, **headers).status_code == 204
    flushed()
    assert not DailyPageStat.objects.exists()


@pytest.mark.parametrize(
    "agent",
    [
        None,
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0",
    ],
)
def test_bots_and_empty_user_agents_are_not_counted(client, post, flushed, agent):
    send(client, post, agent=agent)
    flushed()
    assert not DailyPageStat.objects.exists()


def test_a_logged_in_editor_is_not_counted(client, post, editor, flushed):
    client.force_login(editor)
    send(client, post)
    flushed()
    assert not DailyPageStat.objects.exists()
    client.logout()
    send(client, post)
    flushed()
    assert page_row(post).views == 1


def test_with_the_setting_off_nothing_is_counted(client, post, site_tree, flushed):
    settings = SiteSettings.for_site(site_tree["site"])
    settings.stats_enabled = False
    settings.save()
    send(client, post)
    flushed()
    assert not DailyPageStat.objects.exists()
    settings.stats_enabled = True
    settings.save()
    send(client, post)
    flushed()
    assert page_row(post).views == 1


def test_unpublished_and_unknown_pages_are_not_counted(client, blog, flushed):
    from tests.factories import make_post

    draft = make_post(blog, "Entwurf", slug="entwurf", live=False)
    send(client, draft)
    send(client, 999999)
    flushed()
    assert not DailyPageStat.objects.exists()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"origin": "https://evil.example"},
        {"origin": "http://testserver.evil.example"},
        {"origin": "null"},
        {"origin": None, "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"origin": None},  # neither Origin nor Sec-Fetch-Site: not a page of ours
    ],
)
def test_wrong_origin_is_refused(client, post, flushed, kwargs):
    assert send(client, post, **kwargs).status_code == 204
    flushed()
    assert not DailyPageStat.objects.exists()


def test_sec_fetch_site_same_origin_without_origin_is_counted(client, post, flushed):
    send(client, post, origin=None, HTTP_SEC_FETCH_SITE="same-origin")
    flushed()
    assert page_row(post).views == 1


HOSTILE = [
    b"",
    b"{",
    b"[]",
    b"null",
    b"\xff\xfe\x00",
    b'{"p": "1", "k": "v", "w": 100}',
    b'{"p": 1.5, "k": "v", "w": 100}',
    b'{"p": true, "k": "v", "w": 100}',
    b'{"p": -1, "k": "v", "w": 100}',
    b'{"p": 99999999999999999999, "k": "v", "w": 100}',
    b'{"p": 3, "k": "x", "w": 100}',
    b'{"p": 3, "k": "v", "w": 0}',
    b'{"p": 3, "k": "v", "w": "wide"}',
    b'{"p": 3, "k": "v", "w": 100, "ip": "1.2.3.4"}',
    b'{"p": 3, "k": "v", "w": 100, "r": ["a"]}',
    b'{"p": 3, "k": "v", "w": 100, "q": {"utm_source": 1}}',
    b"[" * 5000 + b"]" * 5000,
    b'{"p": 3, "k": "v", "w": 100, "r": "' + b"x" * 1500 + b'"}',
    b"x" * 100_000,
]


@pytest.mark.parametrize("raw", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_bodies_get_204_and_store_nothing(client, post, flushed, raw):
    raw = raw.replace(b'"p": 3', f'"p": {post.pk}'.encode())
    response = send(client, raw=raw)
    assert response.status_code == 204
    assert not response.cookies
    flushed()
    assert not DailyPageStat.objects.exists()


def test_other_methods_get_204_and_count_nothing(client, post, flushed):
    for method in ("get", "put", "delete"):
        response = getattr(client, method)("/statistik/b/", HTTP_USER_AGENT=UA)
        assert response.status_code in (204, 405)
        assert response.status_code != 500
    flushed()
    assert not DailyPageStat.objects.exists()


def test_a_burst_stops_at_the_rate_limit(client, post, flushed, settings):
    settings.STATS_RATE_LIMIT = "120/h"
    for _ in range(10_000):
        assert send(client, post).status_code == 204
    flushed()
    row = page_row(post)
    assert row.views == 120
    assert row.visitors == 1


def test_unexpected_errors_are_never_a_500(client, post, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr("stats.counting.site_state", broken)
    assert send(client, post).status_code == 204


def test_no_address_or_user_agent_reaches_the_database(client, blog, post, flushed):
    agent = "Mozilla/5.0 (Statistiktest; Feder) Gecko/20100101 Firefox/133.0"
    for ip in ("203.0.113.99", "2001:db8::abcd"):
        send(client, post, ip=ip, agent=agent, referrer="https://example.net/x")
        send(client, post, ip=ip, agent=agent, kind="r")
        send(client, blog, ip=ip, agent=agent, query="?utm_source=x")
    # A sign-up from the same reader, too.
    flushed()
    assert DailyPageStat.objects.exists()
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            description = connection.introspection.get_table_description(cursor, table)
            for column in description:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} "
                    f"WHERE CAST({connection.ops.quote_name(column.name)} AS TEXT) LIKE %s "
                    f"OR CAST({connection.ops.quote_name(column.name)} AS TEXT) LIKE %s "
                    f"OR CAST({connection.ops.quote_name(column.name)} AS TEXT) LIKE %s",
                    ["%203.0.113.99%", "%2001:db8::abcd%", "%Statistiktest%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    assert not found


def test_the_body_limit_is_read_not_trusted(client, post, flushed):
    assert len(body(post).encode()) < 2048
    padded = body(
        post, referrer="https://example.org/" + "a" * 900, query="?" + "b" * 900
    )
    assert len(padded) > 1800
    send(client, raw=padded)
    flushed()
    assert page_row(post).views == 1
