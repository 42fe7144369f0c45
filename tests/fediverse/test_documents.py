"""The actor's JSON documents: WebFinger, NodeInfo, actor, Article, collections."""

import pytest

from fediverse import documents
from fediverse.models import ActorKey, FediverseSettings, Follower
from tests.factories import make_image, make_post

pytestmark = pytest.mark.django_db

AP = "application/activity+json"
LD = 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'


def test_webfinger_finds_the_handle_from_the_site_setting(client, site_tree):
    settings_row = FediverseSettings.for_site(site_tree["site"])
    settings_row.handle = "mesut"
    settings_row.save()
    response = client.get(
        "/.well-known/webfinger", {"resource": "acct:mesut@testserver"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jrd+json"
    data = response.json()
    assert data["subject"] == "acct:mesut@testserver"
    assert {"rel": "self", "type": AP, "href": "http://testserver/ap/actor"} in data[
        "links"
    ]
    # The old default name is no longer this blog.
    assert (
        client.get(
            "/.well-known/webfinger", {"resource": "acct:blog@testserver"}
        ).status_code
        == 404
    )


def test_webfinger_answers_bad_input_in_german(client, site_tree):
    response = client.get("/.well-known/webfinger")
    assert response.status_code == 400
    assert "fehlt" in response.json()["error"]
    response = client.get("/.well-known/webfinger", {"resource": "acct:x@elsewhere"})
    assert response.status_code == 404


def test_nodeinfo_links_to_the_2_1_document(client, blog):
    make_post(blog)
    links = client.get("/.well-known/nodeinfo").json()["links"]
    assert links == [
        {
            "rel": "http://nodeinfo.diaspora.software/ns/schema/2.1",
            "href": "http://testserver/nodeinfo/2.1",
        }
    ]
    info = client.get("/nodeinfo/2.1").json()
    assert info["version"] == "2.1"
    assert info["protocols"] == ["activitypub"]
    assert info["usage"]["localPosts"] == 1
    assert info["openRegistrations"] is False


@pytest.mark.parametrize("accept", [AP, LD])
def test_the_actor_document_by_content_negotiation(client, site_tree, accept):
    config = FediverseSettings.for_site(site_tree["site"])
    config.summary = "Notizen über Führung."
    config.icon = make_image(size=(400, 400))
    config.save()
    response = client.get("/ap/actor", headers={"Accept": accept})
    assert response.status_code == 200
    assert response["Content-Type"] == AP
    assert "Accept" in response["Vary"]
    actor = response.json()
    assert actor["id"] == "http://testserver/ap/actor"
    assert actor["preferredUsername"] == "blog"
    assert actor["name"] == "Mesuts Blog"
    assert actor["summary"] == "Notizen über Führung."
    assert actor["inbox"] == "http://testserver/ap/inbox"
    assert actor["endpoints"]["sharedInbox"] == "http://testserver/ap/inbox"
    assert actor["icon"]["url"].startswith("http://testserver/media/")
    key = actor["publicKey"]
    assert key["id"] == "http://testserver/ap/actor#main-key"
    assert key["owner"] == actor["id"]
    assert key["publicKeyPem"] == ActorKey.current().public_key_pem


def test_a_browser_asking_for_the_actor_gets_the_home_page(client, site_tree):
    response = client.get("/ap/actor", headers={"Accept": "text/html"})
    assert response.status_code == 302
    assert response["Location"] == "http://testserver/"


def test_the_key_pair_is_generated_once(db):
    first = ActorKey.current()
    assert "BEGIN PRIVATE KEY" in first.private_key_pem
    assert ActorKey.current().pk == first.pk
    assert ActorKey.objects.count() == 1


def test_a_post_as_an_article(client, blog):
    image = make_image(description="Ein Sonnenaufgang", size=(1200, 675))
    post = make_post(
        blog,
        title="Führen mit Fragen",
        teaser="Warum gute Fragen mehr bewirken.",
        tags=["Führung & Kultur", "Teams"],
        feature_image=image,
        body=[
            ("paragraph", '<p>Erster Absatz mit <a href="/blog/">Link</a>.</p>'),
            ("heading", {"text": "Zwischentitel", "level": "h2"}),
        ],
    )
    response = client.get(f"/ap/objects/{post.pk}/", headers={"Accept": AP})
    assert response.status_code == 200
    article = response.json()
    assert article["type"] == "Article"
    assert article["id"] == f"http://testserver/ap/objects/{post.pk}/"
    assert article["attributedTo"] == "http://testserver/ap/actor"
    assert article["name"] == "Führen mit Fragen"
    assert article["summary"] == "Warum gute Fragen mehr bewirken."
    assert article["url"] == f"http://testserver{post.url}"
    assert article["published"].startswith(post.date.isoformat())
    assert documents.AS_PUBLIC in article["to"]
    # Portable HTML: absolute links, no site CSS or scripts.
    assert 'href="http://testserver/blog/"' in article["content"]
    assert "Zwischentitel" in article["content"]
    assert "<script" not in article["content"]
    assert article["tag"] == [
        {
            "type": "Hashtag",
            "name": "#FührungKultur",
            "href": "http://testserver/blog/tag/fuehrung-kultur/",
        },
        {
            "type": "Hashtag",
            "name": "#Teams",
            "href": "http://testserver/blog/tag/teams/",
        },
    ]
    (attachment,) = article["attachment"]
    assert attachment["type"] == "Image"
    assert attachment["mediaType"] == "image/jpeg"
    assert attachment["name"] == "Ein Sonnenaufgang"
    assert attachment["url"].startswith("http://testserver/media/")


def test_the_post_page_links_its_activitypub_object(client, blog):
    post = make_post(blog)
    html = client.get(post.url).content.decode()
    assert (
        '<link rel="alternate" type="application/activity+json" '
        f'href="http://testserver/ap/objects/{post.pk}/">'
    ) in html


def test_drafts_and_unpublished_posts_have_no_object(client, blog):
    draft = make_post(blog, live=False)
    assert (
        client.get(f"/ap/objects/{draft.pk}/", headers={"Accept": AP}).status_code
        == 404
    )
    assert client.get("/ap/objects/999999/", headers={"Accept": AP}).status_code == 404


def test_outbox_is_paginated_newest_first(client, blog, settings):
    settings.FEDIVERSE_PAGE_SIZE = 2
    posts = [make_post(blog, title=f"Post {n}") for n in range(3)]
    outbox = client.get("/ap/outbox", headers={"Accept": AP}).json()
    assert outbox["type"] == "OrderedCollection"
    assert outbox["totalItems"] == 3
    first = client.get(outbox["first"], headers={"Accept": AP}).json()
    assert first["type"] == "OrderedCollectionPage"
    assert [item["object"]["name"] for item in first["orderedItems"]] == [
        "Post 2",
        "Post 1",
    ]
    assert all(item["type"] == "Create" for item in first["orderedItems"])
    second = client.get(first["next"], headers={"Accept": AP}).json()
    assert [item["object"]["name"] for item in second["orderedItems"]] == ["Post 0"]
    assert "next" not in second
    assert client.get("/ap/outbox?page=3").status_code == 404
    assert client.get("/ap/outbox?page=x").status_code == 404
    posts[0].unpublish()
    assert client.get("/ap/outbox").json()["totalItems"] == 2


def test_followers_collection_is_paginated(client, db, settings):
    settings.FEDIVERSE_PAGE_SIZE = 2
    for n in range(3):
        Follower.objects.create(
            actor_url=f"https://m{n}.example/users/u",
            domain=f"m{n}.example",
            inbox_url=f"https://m{n}.example/users/u/inbox",
        )
    collection = client.get("/ap/followers").json()
    assert collection["totalItems"] == 3
    page = client.get("/ap/followers?page=1").json()
    assert len(page["orderedItems"]) == 2
    assert client.get("/ap/followers?page=2").json()["orderedItems"] == [
        "https://m0.example/users/u"
    ]


def test_hashtag_names_are_single_words():
    assert documents.hashtag_name("Führung & Kultur") == "#FührungKultur"
    assert documents.hashtag_name("remote work") == "#RemoteWork"
