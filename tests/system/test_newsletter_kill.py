"""A 2,000-recipient send survives its worker being SIGKILLed twice: while it
sets the send up, and in the middle of a batch."""

import uuid
from collections import Counter

import pytest

from .harness import wait_until

pytestmark = pytest.mark.system

RECIPIENTS = 2000


def test_send_survives_sigkill_during_setup_and_mid_batch(stack):
    domain = f"kill-{uuid.uuid4().hex[:6]}.example.org"
    subject = f"Durchhalten {uuid.uuid4().hex[:6]}"
    stack.shell(
        "from subscriptions.models import Subscriber\n"
        "Subscriber.objects.bulk_create([Subscriber(email=f'r{n}@"
        + domain
        + "', status=Subscriber.Status.CONFIRMED) for n in range("
        + str(RECIPIENTS)
        + ")])\n"
    )
    # Stop the newsletter worker, queue the send, start a fresh worker and
    # kill it as soon as it has begun to set the send up.
    stack.stop_worker("worker-newsletter")
    page_id = stack.shell(
        "from posts.models import BlogPostPage\n"
        "from newsletter import services\n"
        "post = BlogPostPage.objects.live().order_by('pk').last()\n"
        f"post.newsletter_subject = '{subject}'\n"
        "post.save_revision().publish()\n"
        "post.refresh_from_db()\n"
        "assert services.create_send(post) is not None\n"
        "print(post.pk)"
    ).strip()
    send_id = stack.db.value(
        "SELECT id FROM newsletter_postsend WHERE page_id = %s", (int(page_id),)
    )

    def state():
        return stack.db.query(
            "SELECT s.status, count(d.id) FROM newsletter_postsend s "
            "LEFT JOIN newsletter_delivery d ON d.send_id = s.id "
            "WHERE s.id = %s GROUP BY s.status",
            (send_id,),
        )[0]

    first = stack.start_worker("newsletter", name="worker-newsletter-1")
    wait_until(
        lambda: state()[0] == "sending",
        timeout=60,
        interval=0.01,
        message="the send's setup to begin",
    )
    stack.kill_worker(first.name)
    killed_setup_at = state()
    sent_before = len(stack.recipients(subject))

    # (b) A new worker resumes; kill it in the middle of a batch.
    second = stack.start_worker("newsletter", name="worker-newsletter-2")

    def ours():
        return Counter(r for r in stack.recipients() if r.endswith(f"@{domain}"))

    wait_until(
        lambda: sum(ours().values()) >= 300,
        timeout=120,
        interval=0.1,
        message="the resumed send to be under way",
    )
    stack.kill_worker(second.name)
    mid_batch = sum(ours().values())
    assert mid_batch < RECIPIENTS

    # (c) A third worker finishes it, without any admin action.
    stack.start_worker("newsletter", name="worker-newsletter-3")
    wait_until(
        lambda: (
            stack.db.value(
                "SELECT status FROM newsletter_postsend WHERE id = %s", (send_id,)
            )
            == "done"
        ),
        timeout=240,
        message="the send to finish",
    )
    statuses = dict(
        stack.db.query(
            "SELECT status, count(*) FROM newsletter_delivery WHERE send_id = %s "
            "GROUP BY status",
            (send_id,),
        )
    )
    uncertain = [
        row[0]
        for row in stack.db.query(
            "SELECT lower(s.email) FROM newsletter_delivery d "
            "JOIN subscriptions_subscriber s ON s.id = d.subscriber_id "
            "WHERE d.send_id = %s AND d.status = 'uncertain'",
            (send_id,),
        )
    ]
    received = ours()
    print(
        f"setup killed at {killed_setup_at} (mail before: {sent_before}), "
        f"mid-batch kill after {mid_batch} messages, deliveries: {statuses}"
    )
    assert max(received.values()) == 1, "nobody gets the post twice"
    # One worker process sends one batch at a time: at most one uncertain.
    assert len(uncertain) <= 1
    missing = {f"r{n}@{domain}" for n in range(RECIPIENTS)} - set(received)
    assert missing <= set(uncertain)
    assert statuses.get("sent", 0) + len(uncertain) == RECIPIENTS
    assert set(statuses) <= {"sent", "uncertain"}
