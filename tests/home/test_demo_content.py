import pytest
from PIL import Image as PILImage
from PIL import ImageFilter

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from core.models import SiteSettings
from home import demo_data, demo_more
from home.models import HomePage, StandardPage
from posts.models import Author, BlogIndexPage, BlogPostPage, BlogTag
from subscriptions.models import SubscribePage

# Every test reads the demo site that conftest.py loads once for this module
# (with --with-admin); what a test changes is rolled back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def counts():
    return {
        "pages": Page.objects.count(),
        "posts": BlogPostPage.objects.count(),
        "images": get_image_model().objects.count(),
        "tags": BlogTag.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_content_loads_twice_without_duplicates_and_every_live_page_answers(
    client,
):
    first = counts()
    call_command("load_demo_content", "--with-admin", verbosity=0)
    assert counts() == first

    assert first["posts"] >= 8
    assert HomePage.objects.count() == 1 and BlogIndexPage.objects.count() == 1
    site = Site.objects.get(is_default_site=True)
    assert site.site_name == "Mesuts Blog"
    assert isinstance(site.root_page.specific, HomePage)
    assert {tag.name for tag in BlogTag.objects.all()} >= {
        "Leadership",
        "Marketing",
        "Branding",
        "Purpose",
    }

    live_pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert live_pages.count() == first["pages"] - 1
    for page in live_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    for tag in BlogTag.objects.all():
        assert client.get(f"/blog/tag/{tag.slug}/").status_code == 200


def test_demo_content_uses_every_block_type_and_a_single_video():
    block_types = [
        block.block_type for post in BlogPostPage.objects.all() for block in post.body
    ]
    assert set(block_types) == set(BlogPostPage.body.field.stream_block.child_blocks)
    assert block_types.count("video") == 1
    for post in BlogPostPage.objects.all():
        paragraphs = [block for block in post.body if block.block_type == "paragraph"]
        assert 3 <= len(paragraphs) <= 8, post.title
        assert post.tag_list(), post.title


def test_demo_images_are_generated_locally_and_credited():
    posts_with_images = BlogPostPage.objects.exclude(feature_image=None)
    assert posts_with_images.count() >= 7
    for post in posts_with_images:
        assert post.feature_image_credit.startswith("Bild:")
        assert post.feature_image_alt
        assert post.feature_image.file.name.startswith("original_images/demo-")
    credits = [
        block.value.credit()
        for post in BlogPostPage.objects.all()
        for block in post.body
        if block.block_type == "image"
    ]
    assert credits and all(credit.startswith("Bild:") for credit in credits)


def test_demo_site_links_impressum_and_datenschutz_and_creates_the_admin(client):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.impressum_page.title == "Impressum"
    assert settings.privacy_page.title == "Datenschutz"
    assert StandardPage.objects.count() == 2
    html = client.get("/").content.decode()
    assert demo_data.TAGLINE in html
    assert 'href="/impressum/"' in html and 'href="/datenschutz/"' in html
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("feder-demo")
    assert client.login(username="admin", password="feder-demo")
    assert client.get("/admin/").status_code == 200


def test_demo_content_keeps_an_editors_changes():
    post = BlogPostPage.objects.get(slug=demo_data.POSTS[0]["slug"])
    post.title = "Vom Autor geändert"
    post.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    assert BlogPostPage.objects.get(pk=post.pk).title == "Vom Autor geändert"


def test_no_demo_admin_when_an_admin_exists(django_user_model):
    django_user_model.objects.filter(username="admin").delete()
    django_user_model.objects.create_superuser(
        "chefin", "c@example.org", "lang-und-geheim"
    )
    call_command("load_demo_content", "--with-admin", verbosity=0)
    assert not django_user_model.objects.filter(username="admin").exists()


def test_demo_site_takes_its_public_address_from_the_base_url(client, settings):
    settings.PUBLIC_BASE_URL = "http://127.0.0.1:8000"
    call_command("load_demo_content", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    html = client.get("/", HTTP_HOST="127.0.0.1:8000").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/">' in html
    # One source: the Site follows the setting, whatever was typed in the admin.
    site.hostname, site.port = "blog.example.org", 443
    site.save()
    call_command("load_demo_content", verbosity=0)
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)


def test_demo_content_creates_the_subscribe_page_once(client, mailoutbox):
    call_command("load_demo_content", verbosity=0)
    page = SubscribePage.objects.get()
    assert page.slug == "abonnieren" and page.live
    response = client.get(page.url)
    assert response.status_code == 200
    assert 'href="/datenschutz/"' in response.content.decode()
    assert mailoutbox == []


def test_demo_loader_creates_two_authors_and_assigns_them(client):
    call_command("load_demo_content", verbosity=0)
    assert sorted(Author.objects.values_list("name", flat=True)) == sorted(
        [demo_data.AUTHOR_NAME, demo_more.SECOND_AUTHOR_NAME]
    )
    author = Author.objects.get(name=demo_data.AUTHOR_NAME)
    assert author.bio == demo_data.AUTHOR_BIO
    assert not BlogPostPage.objects.filter(author__isnull=True).exists()
    for each in Author.objects.all():
        assert each.portrait is not None
        assert each.posts.count() >= 5
        html = client.get(f"/autor/{each.slug}/").content.decode()
        assert each.name in html and each.bio in html
    post = BlogPostPage.objects.filter(author=author).first()
    assert post.latest_revision.as_object().author_id == author.pk
    assert demo_data.AUTHOR_NAME in client.get(post.url).content.decode()


def run_loader():
    import io

    out = io.StringIO()
    call_command("load_demo_content", stdout=out, no_color=True)
    return out.getvalue()


def test_a_deleted_demo_post_stays_deleted_and_edits_stay():
    first, second = demo_data.POSTS[0]["slug"], demo_data.POSTS[1]["slug"]
    BlogPostPage.objects.get(slug=first).delete()
    edited = BlogPostPage.objects.get(slug=second)
    edited.title = "Geändert"
    edited.save_revision().publish()
    before = BlogPostPage.objects.count()

    output = run_loader()
    assert not BlogPostPage.objects.filter(slug=first).exists()
    assert BlogPostPage.objects.count() == before
    assert BlogPostPage.objects.get(slug=second).title == "Geändert"
    assert "Demo-Inhalte bereit (0 Seiten neu angelegt)." in output
    assert "1 gelöschte Demo-Seite bleibt gelöscht." in output

    StandardPage.objects.get(slug="impressum").delete()
    output = run_loader()
    assert not StandardPage.objects.filter(slug="impressum").exists()
    assert "2 gelöschte Demo-Seiten bleiben gelöscht." in output


def test_the_loader_counts_in_german_plurals():
    assert "(0 Seiten neu angelegt)" in run_loader()
    from home.models import DemoItem

    # A post that is neither remembered nor present is created: one page.
    slug = demo_data.POSTS[2]["slug"]
    BlogPostPage.objects.get(slug=slug).delete()
    DemoItem.objects.filter(key=f"post:{slug}").delete()
    output = run_loader()
    assert "(1 Seite neu angelegt)." in output and "gelöscht" not in output
    assert BlogPostPage.objects.filter(slug=slug).exists()


def edge_share(image):
    """Share of pixels on a clear edge: drawn shapes have many, blurred blobs few."""
    with image.open_file() as handle:
        picture = PILImage.open(handle).convert("L").resize((400, 225))
    histogram = picture.filter(ImageFilter.FIND_EDGES).histogram()
    return sum(histogram[40:]) / sum(histogram)


def test_demo_shows_the_product(client):
    posts = BlogPostPage.objects.live()
    assert posts.count() >= 25
    assert "Seite 1 von 3" in client.get("/blog/").content.decode()
    featured = posts.filter(featured=True)
    assert [post.slug for post in featured] == [demo_more.FEATURED_SLUG]
    described = BlogTag.objects.exclude(description="")
    assert described.count() == 1
    tag = described.get()
    assert tag.description in client.get(f"/blog/tag/{tag.slug}/").content.decode()
    # Pictures that read as landscapes or a city, with credit lines of people.
    for post in posts.exclude(feature_image=None):
        assert edge_share(post.feature_image) > 0.03, post.title
        assert "Pillow" not in post.feature_image.credit
    # The demo blog speaks like its model: du and ich, whole posts on the home page.
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert (site_settings.address, site_settings.sender) == ("du", "ich")
    assert site_settings.home_layout == SiteSettings.HomeLayout.FULL
    home = client.get("/").content.decode()
    assert home.count('<article class="post-full') == 6
    assert home.index(featured.get().title) < home.index(
        posts.exclude(featured=True).order_by("-date").first().title
    )
    page = SubscribePage.objects.get()
    assert "🎉" in page.success_heading and page.error_heading == "Ups."
    assert "Spam-Ordner" in page.success_message


def test_demo_sitemap_dates_are_the_posts_own(client):
    xml = client.get("/sitemap.xml").content.decode()
    for post in BlogPostPage.objects.live():
        assert f"{post.url}</loc><lastmod>{post.date.isoformat()}</lastmod>" in xml
