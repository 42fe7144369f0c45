"""Followers, reactions and deliveries in the admin (wagtail-modeladmin),
and the dashboard's counts."""

import pytest

from fediverse.models import Follower, Interaction
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def follower(n, domain="mastodon.example"):
    return Follower.objects.create(
        actor_url=f"https://{domain}/users/u{n}",
        username=f"u{n}",
        display_name=f"Leserin {n}",
        domain=domain,
        inbox_url=f"https://{domain}/users/u{n}/inbox",
        shared_inbox_url=f"https://{domain}/inbox",
    )


def test_followers_are_listed_and_removable(admin_client):
    anna = follower(1)
    follower(2, domain="social.example")
    page = admin_client.get("/admin/fediverse/follower/").content.decode()
    assert "@u1@mastodon.example" in page
    assert "@u2@social.example" in page
    assert "Leserin 1" in page
    assert "/admin/fediverse/follower/create/" not in page
    response = admin_client.post(f"/admin/fediverse/follower/delete/{anna.pk}/")
    assert response.status_code == 302
    assert list(Follower.objects.values_list("username", flat=True)) == ["u2"]


def test_removing_a_follower_tells_their_server(
    admin_client, peer, django_capture_on_commit_callbacks
):
    actor = peer.actor_url("anna")
    anna = Follower.objects.create(
        actor_url=actor,
        username="anna",
        domain=f"127.0.0.1:{peer.port}",
        inbox_url=actor + "/inbox",
        shared_inbox_url=f"{peer.base}/inbox",
        follow_activity_id=actor + "/follows/1",
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/fediverse/follower/delete/{anna.pk}/")
    assert not Follower.objects.exists()
    ((path, reject),) = peer.received
    assert path == "/users/anna/inbox"
    assert reject["type"] == "Reject"
    assert reject["object"] == {
        "id": actor + "/follows/1",
        "type": "Follow",
        "actor": actor,
        "object": "http://testserver/ap/actor",
    }


def test_followers_cannot_be_added_or_edited_by_hand(admin_client):
    anna = follower(1)
    assert admin_client.get("/admin/fediverse/follower/create/").status_code in {
        302,
        403,
    }
    assert admin_client.get(
        f"/admin/fediverse/follower/edit/{anna.pk}/"
    ).status_code in {302, 403}


def test_replies_and_likes_are_listed_and_counted(admin_client, blog):
    post = make_post(blog, title="Führen mit Fragen")
    Interaction.objects.create(
        kind="reply",
        activity_id="https://m.example/notes/1",
        actor_url="https://m.example/users/anna",
        page=post,
        content="Danke für den Text!",
    )
    for n in range(3):
        Interaction.objects.create(
            kind="like",
            activity_id=f"https://m.example/likes/{n}",
            actor_url="https://m.example/users/ben",
            page=post,
        )
    follower(1)
    page = admin_client.get("/admin/fediverse/interaction/").content.decode()
    assert "Danke für den Text!" in page
    assert "Führen mit Fragen" in page
    assert "Gefällt mir" in page
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Fediverse (@blog@testserver)" in dashboard
    assert '<span class="w-summary__count">1</span> Follower auf 1 Servern' in dashboard
    assert '<span class="w-summary__count">1</span> Antworten' in dashboard
    assert '<span class="w-summary__count">3</span> Gefällt-mir' in dashboard


def test_the_fediverse_name_is_a_site_setting(admin_client, site_tree):
    site = site_tree["site"]
    url = f"/admin/settings/fediverse/fediversesettings/{site.pk}/"
    response = admin_client.post(url, {"handle": "Mesut Blog!", "summary": ""})
    assert response.status_code == 200
    assert "Nur Kleinbuchstaben" in response.content.decode()
    response = admin_client.post(url, {"handle": "mesut", "summary": "Über Führung."})
    assert response.status_code == 302
    webfinger = admin_client.get(
        "/.well-known/webfinger", {"resource": "acct:mesut@testserver"}
    )
    assert webfinger.status_code == 200
