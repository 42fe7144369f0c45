"""Reader features of issue 15: author pages, tag pages with description and
image, featured posts, the home page's two layouts, share links, the web
archive of sent emails, /favicon.ico, sitemap dates and tag URL redirects."""

import re
from datetime import date, datetime, time

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import SiteSettings
from newsletter.models import PostSend
from posts.models import Author, BlogPostPage, BlogTag
from tests.factories import make_image, make_post

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_author_page_shows_bio_portrait_and_their_posts_paginated(client, blog):
    author = Author.objects.create(
        name="Jörg Übel", bio="Schreibt über Wege.", portrait=make_image()
    )
    other = Author.objects.create(name="Jemand Anderes")
    for number in range(12):
        make_post(blog, f"Weg {number:02d}", author=author)
    make_post(blog, "Fremder Text", author=other)
    assert author.slug == "joerg-uebel"
    html = html_of(client, "/autor/joerg-uebel/")
    assert "<h1>Jörg Übel</h1>" in html
    assert "Schreibt über Wege." in html
    assert 'alt="Porträt von Jörg Übel"' in html
    assert "Fremder Text" not in html
    assert html.count('class="post-card"') == 10
    assert "Seite 1 von 2" in html
    assert '<link rel="canonical" href="http://testserver/autor/joerg-uebel/">' in html
    second = html_of(client, "/autor/joerg-uebel/?page=2")
    assert second.count('class="post-card"') == 2
    assert client.get("/autor/joerg-uebel/?page=3").status_code == 404
    assert client.get("/autor/niemand/").status_code == 404


def test_author_box_links_to_the_author_page(client, blog):
    author = Author.objects.create(name="Lea Brandt", bio="Marken.")
    post = make_post(blog, "Ein Text", author=author)
    html = html_of(client, post.url)
    assert '<a href="/autor/lea-brandt/">Lea Brandt</a>' in html


def test_two_authors_with_one_name_get_their_own_slug():
    first = Author.objects.create(name="Alex")
    second = Author.objects.create(name="Alex")
    assert (first.slug, second.slug) == ("alex", "alex-2")


def test_tag_page_shows_description_and_image(client, blog):
    make_post(blog, "Über Führung", tags=["Leadership"])
    tag = BlogTag.objects.get(name="Leadership")
    tag.description = "Wie Teams gut geführt werden."
    tag.image = make_image(size=(1200, 675))
    tag.save()
    html = html_of(client, "/blog/tag/leadership/")
    assert '<p class="lead">Wie Teams gut geführt werden.</p>' in html
    assert 'class="page-header__image"' in html


def test_tag_url_in_other_case_redirects_permanently(client, blog):
    make_post(blog, "Über Führung", tags=["Leadership", "Führung"])
    response = client.get("/blog/tag/Leadership/")
    assert response.status_code == 301
    assert response["Location"] == "/blog/tag/leadership/"
    response = client.get("/blog/tag/Führung/")
    assert response.status_code == 301
    assert response["Location"] == "/blog/tag/fuehrung/"
    assert client.get("/blog/tag/Unbekannt/").status_code == 404


def test_tags_are_edited_in_the_admin_with_description_and_image(client, editor, blog):
    make_post(blog, "Über Führung", tags=["Leadership"])
    tag = BlogTag.objects.get()
    client.force_login(editor)
    response = client.get(f"/admin/snippets/posts/blogtag/edit/{tag.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="description"' in body and 'name="image"' in body


def test_featured_posts_come_first_on_the_home_page(client, blog):
    old = make_post(blog, "Alter Klassiker", post_date=date(2020, 1, 1), featured=True)
    for number in range(7):
        make_post(blog, f"Neu {number}")
    html = html_of(client, "/")
    titles = re.findall(r'class="post-card__title"><a href="[^"]+">([^<]+)<', html)
    assert titles[0] == old.title
    assert len(titles) == 6


def set_layout(site, layout):
    settings = SiteSettings.for_site(site)
    settings.home_layout = layout
    settings.save()


def home_queries(client):
    client.get("/")  # renditions are made on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_home_page_layouts_and_their_fixed_query_counts(client, site_tree):
    blog, site = site_tree["blog"], site_tree["site"]
    for number in range(4):
        make_post(
            blog,
            f"Artikel {number}",
            tags=["Garten", f"Thema {number}"],
            feature_image=make_image() if number % 2 else None,
            body=[("paragraph", f"<p>Ganzer Text {number}.</p>")],
        )
    counts = {}
    for layout in SiteSettings.HomeLayout.values:
        set_layout(site, layout)
        counts[layout], html = home_queries(client)
        if layout == SiteSettings.HomeLayout.FULL:
            assert html.count('<article class="post-full') == 4
            assert "Ganzer Text 3." in html and "post-card" not in html
            # Date and tags come under each whole post.
            footer = html.split('class="post-full__footer"')[1].split("</footer>")[0]
            assert "<time" in footer and 'class="tag"' in footer
        else:
            assert html.count('class="post-card"') == 4
            assert "Ganzer Text" not in html
    for number in range(4, 20):
        make_post(
            blog,
            f"Artikel {number}",
            tags=[f"Thema {number}"],
            feature_image=make_image() if number % 2 else None,
        )
    for layout in SiteSettings.HomeLayout.values:
        set_layout(site, layout)
        count, _html = home_queries(client)
        assert count == counts[layout], layout
    print("home page queries per layout:", counts)


def test_cards_without_an_image_keep_the_row_aligned(client, blog):
    make_post(blog, "Mit Bild", feature_image=make_image())
    make_post(blog, "Ohne Bild")
    html = html_of(client, "/")
    assert html.count('class="post-card__placeholder"') == 1


def test_header_has_the_subscribe_call_to_action_on_every_page(client, home, blog):
    from subscriptions.models import SubscribePage

    page = SubscribePage(title="Abonnieren", slug="abonnieren")
    home.add_child(instance=page)
    page.save_revision().publish()
    post = make_post(blog, "Ein Text")
    for url in ["/", "/blog/", post.url, "/suche/", "/abonnieren/"]:
        assert 'class="site-nav__cta" href="/abonnieren/"' in html_of(client, url), url


def test_share_links_are_plain_links_and_first_party_buttons(client, blog):
    post = make_post(blog, "Teilen & Lesen", slug="teilen")
    html = html_of(client, post.url)
    share = html.split('class="share"')[1].split("</section>")[0]
    encoded = "http%3A%2F%2Ftestserver%2Fblog%2Fteilen%2F"
    for link in [
        f"mailto:?subject=Teilen%20%26%20Lesen&amp;body={encoded}",
        f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}",
        f"https://wa.me/?text=Teilen%20%26%20Lesen%20{encoded}",
        f"https://x.com/intent/post?text=Teilen%20%26%20Lesen&amp;url={encoded}",
        f"https://bsky.app/intent/compose?text=Teilen%20%26%20Lesen%20{encoded}",
    ]:
        assert f'href="{link}"' in share, link
    for button in ["data-share-native", "data-share-copy", "data-share-mastodon"]:
        assert f"{button} hidden" in share
    assert '<script src="/static/js/share.js" defer></script>' in html
    # Nothing is loaded from another site: no img, iframe or script from elsewhere.
    assert not re.search(r'<(img|iframe|script)[^>]+src="https?://', html)


def test_sent_post_links_its_email_version_without_a_personal_token(client, blog):
    post = make_post(blog, "Versendet", body=[("paragraph", "<p>Der Text.</p>")])
    assert "als E-Mail lesen" not in html_of(client, post.url)
    assert client.get(f"/e-mail/{post.pk}/").status_code == 404
    PostSend.objects.create(page=post, subject="Neu: Versendet")
    html = html_of(client, post.url)
    assert f'<a href="/e-mail/{post.pk}/">Diesen Artikel als E-Mail lesen</a>' in html
    response = client.get(f"/e-mail/{post.pk}/")
    assert response.status_code == 200
    email = response.content.decode()
    assert "Der Text." in email and "<title>Neu: Versendet</title>" in email
    assert "/abo/abmelden/" not in email and "Abmelden" not in email
    assert response["X-Robots-Tag"] == "noindex"
    # Its inline styles apply (the site's strict policy would block them); it
    # still loads nothing and runs nothing.
    policy = response["Content-Security-Policy"]
    assert "style-src 'unsafe-inline'" in policy and "default-src 'none'" in policy
    assert 'style="' in email and "<script" not in email


def test_email_version_only_for_live_sendable_pages(client, blog, home):
    draft = make_post(blog, "Entwurf", live=False)
    PostSend.objects.create(page=draft, subject="x")
    assert client.get(f"/e-mail/{draft.pk}/").status_code == 404
    assert client.get(f"/e-mail/{home.pk}/").status_code == 404


def test_favicon_ico_answers_with_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"
    assert "max-age" in response["Cache-Control"]


def test_sitemap_lastmod_is_the_last_publish_date(client, blog):
    post = make_post(blog, "Alt", slug="alt", post_date=date(2021, 3, 4))
    when = timezone.make_aware(datetime.combine(date(2021, 3, 4), time(8)))
    BlogPostPage.objects.filter(pk=post.pk).update(
        first_published_at=when, last_published_at=when
    )
    xml = html_of(client, "/sitemap.xml")
    assert "<loc>http://testserver/blog/alt/</loc><lastmod>2021-03-04</lastmod>" in xml
