"""The inbox: Follow/Undo/Delete, reactions, and signatures checked against
the sender's fetched and cached key (a real HTTP peer on loopback)."""

from datetime import UTC, datetime, timedelta

import pytest

from fediverse import signatures
from fediverse.models import (
    Delivery,
    Follower,
    Interaction,
    OutgoingActivity,
    RemoteKey,
)
from tests.factories import make_post

from .conftest import AP

pytestmark = pytest.mark.django_db

BLOG = "http://testserver/ap/actor"
INBOX = "http://testserver/ap/inbox"


def send(client, peer, name, activity, key=None, **header_overrides):
    body, headers = peer.sign_post(name, INBOX, activity, key=key)
    headers.update(header_overrides)
    return client.generic(
        "POST",
        "/ap/inbox",
        body,
        content_type=AP,
        headers={k: v for k, v in headers.items() if k != "content-type"},
    )


def follow(peer, name="anna", number=1):
    return {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": f"{peer.actor_url(name)}/follows/{number}",
        "type": "Follow",
        "actor": peer.actor_url(name),
        "object": BLOG,
    }


def test_follow_stores_the_follower_and_sends_a_signed_accept(
    client, peer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, peer, "anna", follow(peer))
    assert response.status_code == 202
    follower = Follower.objects.get()
    assert follower.actor_url == peer.actor_url("anna")
    assert follower.handle == f"@anna@127.0.0.1:{peer.port}"
    assert follower.inbox_url == peer.actor_url("anna") + "/inbox"
    assert follower.shared_inbox_url == f"{peer.base}/inbox"
    # The key was fetched with a signed GET (the peer refuses unsigned ones)
    # and cached.
    assert peer.gets == ["/users/anna"]
    assert RemoteKey.objects.get().key_id == peer.key_id("anna")
    # The Accept went to the follower's own inbox, signed (the peer checked).
    assert peer.refused == []
    ((path, accept),) = peer.received
    assert path == "/users/anna/inbox"
    assert accept["type"] == "Accept"
    assert accept["actor"] == BLOG
    assert accept["object"]["id"] == follow(peer)["id"]
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_a_second_request_uses_the_cached_key(
    client, peer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, peer, "anna", follow(peer))
        assert send(client, peer, "anna", follow(peer, number=2)).status_code == 202
    # One GET for the key (actor documents are cached for the follow as well).
    assert peer.gets == ["/users/anna"]
    assert Follower.objects.count() == 1


def test_undo_follow_removes_the_follower(
    client, peer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, peer, "anna", follow(peer))
    undo = {
        "id": f"{peer.actor_url('anna')}/undo/1",
        "type": "Undo",
        "actor": peer.actor_url("anna"),
        "object": follow(peer),
    }
    assert send(client, peer, "anna", undo).status_code == 202
    assert not Follower.objects.exists()


def test_deleting_the_actor_removes_the_follower(
    client, peer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, peer, "anna", follow(peer))
        send(client, peer, "ben", follow(peer, "ben"))
    delete = {
        "id": f"{peer.actor_url('anna')}#delete",
        "type": "Delete",
        "actor": peer.actor_url("anna"),
        "object": peer.actor_url("anna"),
    }
    assert send(client, peer, "anna", delete).status_code == 202
    assert list(Follower.objects.values_list("username", flat=True)) == ["ben"]


def test_other_activities_are_accepted_and_ignored(client, peer):
    activity = {
        "id": f"{peer.actor_url('anna')}/add/1",
        "type": "Add",
        "actor": peer.actor_url("anna"),
        "object": "https://elsewhere.example/x",
    }
    assert send(client, peer, "anna", activity).status_code == 202
    assert not Follower.objects.exists()
    assert not Interaction.objects.exists()


def assert_refused(response):
    assert response.status_code == 401
    assert "Signatur nicht akzeptiert" in response.json()["error"]
    assert not Follower.objects.exists()
    assert not OutgoingActivity.objects.exists()


def test_an_unsigned_post_gets_401_and_nothing_is_stored(client, peer):
    response = client.post("/ap/inbox", follow(peer), content_type=AP)
    assert_refused(response)


def test_a_post_signed_with_the_wrong_key_gets_401(client, peer):
    impostor = signatures.generate_private_key()
    assert_refused(send(client, peer, "anna", follow(peer), key=impostor))


def test_a_stale_date_gets_401(client, peer):
    old = signatures.http_date(datetime.now(UTC) - timedelta(hours=1))
    # Re-signing with the old date: the signature holds, the date does not.
    body, headers = peer.sign_post("anna", INBOX, follow(peer))
    headers = signatures.sign(
        "POST",
        INBOX,
        peer.keys["anna"],
        peer.key_id("anna"),
        body=body,
        headers={"content-type": AP, "date": old},
    )
    response = client.generic(
        "POST",
        "/ap/inbox",
        body,
        content_type=AP,
        headers={k: v for k, v in headers.items() if k != "content-type"},
    )
    assert_refused(response)
    assert "Zeitfenster" in response.json()["error"]


def test_a_body_that_does_not_match_its_digest_gets_401(client, peer):
    _body, headers = peer.sign_post("anna", INBOX, follow(peer))
    other = b'{"type": "Follow", "actor": "x", "object": "y"}'
    response = client.generic(
        "POST",
        "/ap/inbox",
        other,
        content_type=AP,
        headers={k: v for k, v in headers.items() if k != "content-type"},
    )
    assert_refused(response)


def test_an_activity_for_another_actor_than_the_signer_gets_401(client, peer):
    activity = follow(peer, "ben")
    assert_refused(send(client, peer, "anna", activity))


def test_a_key_that_cannot_be_fetched_gets_401(client, peer):
    peer.stop()
    assert_refused(send(client, peer, "anna", follow(peer)))


def test_a_rotated_key_is_fetched_again(
    client, peer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, peer, "anna", follow(peer))
    peer.keys["anna"] = signatures.generate_private_key()
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, peer, "anna", follow(peer, number=2)).status_code == 202
    assert peer.gets == ["/users/anna", "/users/anna"]


def test_a_get_of_the_inbox_is_not_allowed(client, db):
    assert client.get("/ap/inbox").status_code == 405


def test_replies_likes_and_boosts_are_stored_and_undone(client, peer, blog):
    post = make_post(blog, title="Führen mit Fragen")
    object_url = f"http://testserver/ap/objects/{post.pk}/"
    anna = peer.actor_url("anna")
    reply = {
        "id": f"{anna}/create/1",
        "type": "Create",
        "actor": anna,
        "object": {
            "id": f"{anna}/notes/1",
            "type": "Note",
            "inReplyTo": object_url,
            "content": "<p>Schöner Text, <b>danke</b>!</p>",
            "url": f"{peer.base}/@anna/1",
        },
    }
    like = {
        "id": f"{anna}/likes/1",
        "type": "Like",
        "actor": anna,
        "object": object_url,
    }
    boost = {
        "id": f"{anna}/announce/1",
        "type": "Announce",
        "actor": anna,
        "object": object_url,
    }
    unrelated = {
        "id": f"{anna}/likes/2",
        "type": "Like",
        "actor": anna,
        "object": "https://elsewhere.example/notes/9",
    }
    for activity in (reply, like, boost, unrelated, like):
        assert send(client, peer, "anna", activity).status_code == 202
    rows = {row.kind: row for row in Interaction.objects.all()}
    assert set(rows) == {"reply", "like", "announce"}
    assert rows["reply"].content == "Schöner Text, danke!"
    assert rows["reply"].page_id == post.pk
    assert rows["like"].page_id == post.pk

    undo = {"id": f"{anna}/undo/2", "type": "Undo", "actor": anna, "object": like}
    send(client, peer, "anna", undo)
    delete = {
        "id": f"{anna}/delete/1",
        "type": "Delete",
        "actor": anna,
        "object": {"id": f"{anna}/notes/1", "type": "Tombstone"},
    }
    send(client, peer, "anna", delete)
    assert list(Interaction.objects.values_list("kind", flat=True)) == ["announce"]


def test_bad_json_with_a_good_signature_gets_400(client, peer):
    body = b"not json"
    headers = signatures.sign(
        "POST",
        INBOX,
        peer.keys["anna"],
        peer.key_id("anna"),
        body=body,
        headers={"content-type": AP},
    )
    response = client.generic(
        "POST",
        "/ap/inbox",
        body,
        content_type=AP,
        headers={k: v for k, v in headers.items() if k != "content-type"},
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["error"]


def test_no_fetch_into_the_own_network_in_production(client, peer, settings):
    settings.FEDIVERSE_ALLOW_LOCAL_ADDRESSES = False
    assert_refused(send(client, peer, "anna", follow(peer)))
    assert peer.gets == []
