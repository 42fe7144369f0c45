"""Background tasks on the queue "fediverse": one fan-out per activity, then
one task per inbox. django-tasks has no retry of its own: a transient failure
enqueues the delivery again with a later `run_after`; backends that cannot
defer (the immediate backend of dev and tests) retry at once, and the attempt
limit still ends it."""

import logging

from django_tasks import task

from .delivery import close_stale_claims, deliver, fan_out
from .models import Delivery

logger = logging.getLogger(__name__)

QUEUE = "fediverse"


@task(queue_name=QUEUE)
def fan_out_activity(activity_pk):
    close_stale_claims()
    pending = fan_out(activity_pk)
    for delivery_pk in pending:
        deliver_activity.enqueue(delivery_pk)
    return len(pending)


@task(queue_name=QUEUE)
def deliver_activity(delivery_pk):
    retry_at = deliver(delivery_pk)
    if retry_at is None:
        return "done"
    if deliver_activity.get_backend().supports_defer:
        deliver_activity.using(run_after=retry_at).enqueue(delivery_pk)
        return "retry scheduled"
    Delivery.objects.filter(pk=delivery_pk).update(next_attempt_at=None)
    deliver_activity.enqueue(delivery_pk)
    return "retried"
