import xml.etree.ElementTree as ET

from tests.factories import make_post, make_standard_page
from tests.posts.helpers import make_private

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_exactly_the_live_public_pages(client, home, blog):
    live = make_post(blog, "Öffentlich")
    make_post(blog, "Entwurf", live=False)
    hidden = make_post(blog, "Nur mit Passwort")
    make_private(hidden)
    impressum = make_standard_page(home, "Impressum", "impressum")
    home.save_revision().publish()
    blog.save_revision().publish()

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = ET.fromstring(response.content).findall("sm:url", NS)
    listed = {url.find("sm:loc", NS).text for url in urls}
    assert listed == {
        "http://testserver/",
        "http://testserver/blog/",
        live.get_full_url(),
        impressum.get_full_url(),
    }
    for url in urls:
        assert url.find("sm:lastmod", NS) is not None


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for path in ("/admin/", "/vorschau/", "/suche/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not response.cookies
