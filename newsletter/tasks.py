"""Background tasks of a newsletter send.

start_send fans out and enqueues one send_batch per batch of pending
deliveries. django-tasks 0.12 has no retry of its own: a batch with transient
failures enqueues send_batch again with a later `run_after`. Backends that cannot
defer (the immediate backend of dev and tests) retry at once; the attempt limit
still ends it.
"""

import logging

from django_tasks import task

from .models import Delivery
from .sending import fan_out, send_batch

logger = logging.getLogger(__name__)


@task()
def start_send(send_id):
    batches = fan_out(send_id)
    for _ in range(batches):
        deliver_batch.enqueue(send_id)
    return batches


@task()
def deliver_batch(send_id):
    retry_at = send_batch(send_id)
    if retry_at is None:
        return "done"
    if deliver_batch.get_backend().supports_defer:
        deliver_batch.using(run_after=retry_at).enqueue(send_id)
        logger.warning("Newsletter send %s: retry scheduled at %s", send_id, retry_at)
        return "retry scheduled"
    Delivery.objects.filter(send_id=send_id, status=Delivery.Status.PENDING).update(
        next_attempt_at=None
    )
    deliver_batch.enqueue(send_id)
    return "retried"
