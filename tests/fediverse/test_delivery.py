"""Publishing delivers Create, editing Update, unpublishing Delete: signed,
one request per shared inbox, retried with backoff, given up visibly."""

from datetime import timedelta

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.utils import timezone

from fediverse.delivery import retry_delay
from fediverse.models import Delivery, Follower, OutgoingActivity
from tests.factories import make_image, make_post
from tests.smtp import free_port

pytestmark = pytest.mark.django_db


def add_follower(peer, name, shared=True):
    actor = peer.actor_url(name)
    return Follower.objects.create(
        actor_url=actor,
        username=name,
        domain=f"127.0.0.1:{peer.port}",
        inbox_url=actor + "/inbox",
        shared_inbox_url=f"{peer.base}/inbox" if shared else "",
    )


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def test_publishing_sends_a_create_once_per_shared_inbox(peer, blog, publish):
    add_follower(peer, "anna")
    add_follower(peer, "ben")
    post = publish(
        make_post,
        blog,
        title="Neu im Blog",
        tags=["Teams"],
        feature_image=make_image(description="Ein Bild"),
    )
    assert peer.refused == []
    ((path, create),) = peer.received
    assert path == "/inbox"
    assert create["type"] == "Create"
    assert create["actor"] == "http://testserver/ap/actor"
    article = create["object"]
    assert article["type"] == "Article"
    assert article["name"] == "Neu im Blog"
    assert article["tag"][0]["name"] == "#Teams"
    assert article["attachment"][0]["name"] == "Ein Bild"
    # The activity is public at its id.
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.SENT
    assert delivery.activity.page_id == post.pk


def test_editing_sends_update_and_unpublishing_sends_delete(peer, blog, publish):
    add_follower(peer, "anna", shared=False)
    post = publish(make_post, blog, title="Erste Fassung")
    post.title = "Zweite Fassung"
    publish(post.save_revision().publish)
    publish(post.unpublish)
    kinds = [activity["type"] for _path, activity in peer.received]
    assert kinds == ["Create", "Update", "Delete"]
    update = peer.received[1][1]
    assert update["object"]["name"] == "Zweite Fassung"
    assert "updated" in update["object"]
    delete = peer.received[2][1]
    assert delete["object"] == {
        "id": f"http://testserver/ap/objects/{post.pk}/",
        "type": "Tombstone",
    }
    assert {path for path, _activity in peer.received} == {"/users/anna/inbox"}
    # Publishing again after a withdrawal is new to the followers.
    publish(post.save_revision().publish)
    assert peer.received[3][1]["type"] == "Create"


def test_deleting_a_published_post_sends_delete(peer, blog, publish):
    add_follower(peer, "anna")
    post = publish(make_post, blog)
    object_id = f"http://testserver/ap/objects/{post.pk}/"
    publish(post.delete)
    kinds = [activity["type"] for _path, activity in peer.received]
    assert kinds == ["Create", "Delete"]
    assert peer.received[1][1]["object"] == {"id": object_id, "type": "Tombstone"}


def test_a_draft_sends_nothing(peer, blog, publish):
    add_follower(peer, "anna")
    post = publish(make_post, blog, live=False)
    publish(post.save_revision)
    assert peer.received == []
    assert not OutgoingActivity.objects.exists()


def test_the_activity_is_served_at_its_id(client, peer, blog, publish):
    add_follower(peer, "anna")
    publish(make_post, blog, title="Neu")
    create = peer.received[0][1]
    path = create["id"].removeprefix("http://testserver")
    assert client.get(path).json() == create


def test_1000_followers_on_50_servers_get_50_deliveries(peer, blog, publish):
    followers = []
    for server in range(50):
        base = f"{peer.base}/instances/{server}"
        for user in range(20):
            followers.append(
                Follower(
                    actor_url=f"{base}/users/{user}",
                    username=f"u{user}",
                    domain=f"instance{server}.example",
                    inbox_url=f"{base}/users/{user}/inbox",
                    shared_inbox_url=f"{base}/inbox",
                )
            )
    Follower.objects.bulk_create(followers)
    assert Follower.objects.count() == 1000
    started = timezone.now()
    publish(make_post, blog, title="An alle")
    took = timezone.now() - started
    paths = [path for path, _activity in peer.received]
    assert len(paths) == 50
    assert sorted(paths) == sorted(f"/instances/{n}/inbox" for n in range(50))
    assert Delivery.objects.count() == 50
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    print(
        f"\n1000 followers on 50 servers: 50 deliveries in {took.total_seconds():.2f} s"
    )


def test_fan_out_twice_creates_no_second_delivery(peer, blog, publish):
    from fediverse.delivery import deliver, fan_out

    add_follower(peer, "anna")
    publish(make_post, blog)
    activity = OutgoingActivity.objects.get()
    assert fan_out(activity.pk) == []
    delivery = Delivery.objects.get()
    assert deliver(delivery.pk) is None  # already sent: not claimed again
    assert len(peer.received) == 1


def test_a_refusing_inbox_is_not_retried(peer, blog, publish):
    add_follower(peer, "anna")
    peer.status = 403
    publish(make_post, blog)
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.attempts == 1
    assert "HTTP 403" in delivery.last_error
    assert len(peer.received) == 1


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }


def run_worker():
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--queue-name",
        "fediverse",
        verbosity=0,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_inbox_that_is_down_is_retried_with_backoff_then_given_up(
    blog, db_queue, settings, admin_client
):
    down = f"http://127.0.0.1:{free_port()}"
    Follower.objects.create(
        actor_url=f"{down}/users/weg",
        username="weg",
        domain="weg.example",
        inbox_url=f"{down}/users/weg/inbox",
    )
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        make_post(blog, title="Niemand da")
        run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts == 1
    assert "ConnectionError" in delivery.last_error
    assert delivery.next_attempt_at - start == retry_delay(1) == timedelta(minutes=1)

    moment = start
    for attempt in range(2, settings.FEDIVERSE_MAX_ATTEMPTS + 1):
        retry = DBTaskResult.objects.filter(
            status="READY", task_path="fediverse.tasks.deliver_activity"
        ).get()
        assert retry.run_after - moment == retry_delay(attempt - 1)
        assert retry.queue_name == "fediverse"
        # Not due yet: nothing happens.
        with time_machine.travel(retry.run_after - timedelta(seconds=5), tick=False):
            run_worker()
        assert Delivery.objects.get().attempts == attempt - 1
        moment = retry.run_after + timedelta(seconds=1)
        with time_machine.travel(moment, tick=False):
            run_worker()
        assert Delivery.objects.get().attempts == attempt

    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.attempts == settings.FEDIVERSE_MAX_ATTEMPTS == 6
    assert "Aufgegeben nach 6 Versuchen" in delivery.last_error
    assert not DBTaskResult.objects.filter(
        status="READY", queue_name="fediverse"
    ).exists()

    # The admin says so.
    page = admin_client.get("/admin/fediverse/delivery/").content.decode()
    assert "aufgegeben" in page
    assert "Aufgegeben nach 6 Versuchen" in page
    assert down in page
    dashboard = admin_client.get("/admin/").content.decode()
    assert "aufgegebene Zustellungen" in dashboard
