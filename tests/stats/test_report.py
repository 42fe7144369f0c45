"""The Statistik report, its CSV exports, the per-page view and the dashboard
panel, on counted and on generated data."""

import csv
import io
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from newsletter.models import Delivery, PostSend
from stats.counting import berlin_now
from stats.models import DailySiteStat
from subscriptions.models import Subscriber

from .conftest import send

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(client, blog, post, flushed):
    """Two readers: one reads the post to the end and comes from Mastodon."""
    send(
        client,
        post,
        referrer="https://mastodon.social/@someone",
        query="?utm_source=mastodon&utm_medium=social&utm_campaign=start",
        width=390,
    )
    send(client, post, kind="r")
    send(client, post, ip="198.51.100.5", width=1400)
    send(client, blog, ip="198.51.100.5", width=1400)
    flushed()
    return post


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_report_shows_what_was_counted(counted, admin_client):
    page = soup_of(admin_client.get("/admin/statistik/"))
    text = " ".join(page.get_text(" ").split())
    assert "Statistik" in text
    top = (
        page.find(id="stats-artikel")
        .find_parent("section")
        .find("tbody")
        .find_all("tr")
    )
    first = [cell.get_text(" ", strip=True) for cell in top[0].find_all(["th", "td"])]
    assert first[:4] == [counted.title, "2", "2", "50,0 %"]
    referrers = page.find(id="stats-herkunft").find_parent("section").get_text(" ")
    assert "mastodon.social" in referrers and "direkt" in referrers
    assert "start" in page.find(id="stats-kampagnen").find_parent("section").get_text(
        " "
    )
    devices = (
        page.find(id="stats-geraete").find_parent("section").get_text(" ", strip=True)
    )
    assert "Telefon 1" in " ".join(devices.split())


def test_the_chart_is_an_svg_with_the_numbers_of_the_table(counted, admin_client):
    for days in (7, 30, 90):
        page = soup_of(admin_client.get(f"/admin/statistik/?tage={days}"))
        svg = page.select_one("svg.stats-chart")
        assert svg is not None and svg.get("role") == "img"
        assert svg.find("title").get_text().startswith("Aufrufe und Besucher je Tag")
        assert svg.get("aria-labelledby")
        chart = [
            (rect["data-day"], int(rect["data-views"]), int(rect["data-visitors"]))
            for rect in svg.select("rect.stats-chart__day")
        ]
        table = [
            (
                row["data-day"],
                *(int(td.get_text().replace(".", "")) for td in row.find_all("td")),
            )
            for row in page.select("#stats-tabelle-tage tbody tr")
        ]
        assert chart == table
        assert len(table) == days
        today = berlin_now().date().isoformat()
        assert chart[-1] == (today, 3, 2)
        assert sum(v for _, v, _ in chart) == DailySiteStat.objects.get().views


def test_an_unknown_range_falls_back_to_30_days(counted, admin_client):
    page = soup_of(admin_client.get("/admin/statistik/?tage=12345"))
    assert len(page.select("#stats-tabelle-tage tbody tr")) == 30
    assert page.select_one('[aria-current="page"]').get_text(strip=True) == "30 Tage"


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_exports_have_a_german_header_and_the_rows(counted, admin_client):
    rows = read_csv(admin_client.get("/admin/statistik/?tage=7&export=artikel"))
    assert rows[0] == ["Seite", "Aufrufe", "Besucher", "gelesen", "Lesequote (%)"]
    assert rows[1] == [counted.title, "2", "2", "1", "50,0"]
    days = read_csv(admin_client.get("/admin/statistik/?tage=7&export=tage"))
    assert days[0] == ["Tag", "Aufrufe", "Besucher"]
    assert len(days) == 8 and days[-1][1:] == ["3", "2"]
    assert read_csv(admin_client.get("/admin/statistik/?export=herkunft"))[0] == [
        "Herkunft",
        "Aufrufe",
    ]
    campaigns = read_csv(admin_client.get("/admin/statistik/?export=kampagnen"))
    assert campaigns == [
        ["Quelle", "Medium", "Kampagne", "Aufrufe"],
        ["mastodon", "social", "start", "1"],
    ]
    devices = read_csv(admin_client.get("/admin/statistik/?export=geraete"))
    assert devices[1:] == [
        ["Telefon", "1", "33,3"],
        ["Tablet", "0", "0,0"],
        ["Desktop", "2", "66,7"],
    ]
    for name in ("anmeldungen", "newsletter"):
        assert read_csv(admin_client.get(f"/admin/statistik/?export={name}"))[0]


def test_sign_ups_are_attributed_to_their_page_with_conversion(counted, admin_client):
    now = timezone.now()
    for n in range(2):
        Subscriber.objects.create(
            email=f"leser{n}@example.org",
            status=Subscriber.Status.CONFIRMED,
            confirmed_at=now,
            signup_page=counted.url,
        )
    Subscriber.objects.create(
        email="offen@example.org", signup_page=counted.url
    )  # pending
    rows = read_csv(admin_client.get("/admin/statistik/?export=anmeldungen"))
    assert rows[1] == [counted.url, counted.title, "2", "2", "100,0"]


def test_newsletter_sends_show_recipients_and_unsubscribes_within_7_days(
    counted, admin_client
):
    send_row = PostSend.objects.create(
        page=counted, subject="Neu: ein Artikel", total=3
    )
    created = send_row.created_at
    people = [
        Subscriber.objects.create(
            email=f"n{n}@example.org", status=Subscriber.Status.CONFIRMED
        )
        for n in range(3)
    ]
    for person in people:
        Delivery.objects.create(
            send=send_row, subscriber=person, status=Delivery.Status.SENT
        )
    Subscriber.objects.filter(pk=people[0].pk).update(
        status=Subscriber.Status.UNSUBSCRIBED,
        unsubscribed_at=created + timedelta(days=2),
    )
    Subscriber.objects.filter(pk=people[1].pk).update(
        status=Subscriber.Status.UNSUBSCRIBED,
        unsubscribed_at=created + timedelta(days=8),
    )
    rows = read_csv(admin_client.get("/admin/statistik/?export=newsletter"))
    assert rows[0] == ["Versand", "Betreff", "Empfänger", "Abmeldungen in 7 Tagen"]
    assert rows[1][1:] == ["Neu: ein Artikel", "3", "1"]


def test_the_page_view_shows_one_page(counted, admin_client):
    Subscriber.objects.create(
        email="hier@example.org",
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=timezone.now(),
        signup_page=counted.url,
    )
    page = soup_of(admin_client.get(f"/admin/statistik/seite/{counted.pk}/"))
    summary = " ".join(page.select_one(".stats-summary").get_text(" ").split())
    assert "2 Aufrufe" in summary and "2 Besucher" in summary
    assert "50,0 % Lesequote" in summary
    assert "1 bestätigte Anmeldungen" in summary
    assert page.select_one("svg.stats-chart")
    assert "mastodon.social" in page.get_text()


def test_the_page_editor_links_to_the_page_statistics(counted, admin_client):
    html = admin_client.get(f"/admin/pages/{counted.pk}/edit/").content.decode()
    assert f"/admin/statistik/seite/{counted.pk}/" in html
    assert "Statistik dieser Seite" in html


def test_the_report_is_in_the_reports_menu_and_the_dashboard_has_a_panel(
    counted, admin_client
):
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/statistik/" in html
    panel = BeautifulSoup(html, "html.parser").select_one(".stats-panel")
    assert panel is not None
    text = " ".join(panel.get_text(" ").split())
    assert "3 Aufrufe" in text and "2 Besucher" in text
    assert panel.select_one("svg.stats-sparkline")
    assert counted.title in text  # read this week


def test_readers_and_editors_without_admin_access_get_no_report(
    client, counted, django_user_model
):
    assert client.get("/admin/statistik/").status_code == 302  # to the login
    plain = django_user_model.objects.create_user("leser", password="x")
    client.force_login(plain)
    assert client.get("/admin/statistik/").status_code in (302, 403)


def test_the_beacon_script_is_under_one_kilobyte_as_served(client):
    response = client.get("/static/stats/beacon.js")
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert 0 < len(body) < 1024, len(body)
    assert (
        b"sendBeacon" in body
        and b"doNotTrack" in body
        and b"globalPrivacyControl" in body
    )
    assert not re.search(rb"document.cookie|localStorage|sessionStorage", body)


def test_large_numbers_are_grouped_the_german_way(admin_client):
    today = berlin_now().date()
    DailySiteStat.objects.create(day=today, views=28554, visitors=1203)
    page = soup_of(admin_client.get("/admin/statistik/?tage=7"))
    totals = page.select_one(".stats-totals").get_text(" ", strip=True)
    assert "28.554 Aufrufe" in totals and "1.203 Besucher" in totals
    cells = page.select("#stats-tabelle-tage tbody tr")[-1].find_all("td")
    assert [td.get_text() for td in cells] == ["28.554", "1.203"]
    dashboard = admin_client.get("/admin/").content.decode()
    assert "28.554</strong> Aufrufe" in dashboard
