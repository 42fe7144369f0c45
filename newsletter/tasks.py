"""Background tasks of a newsletter send, on the "newsletter" queue.

start_send fans out and enqueues one deliver_batch per batch of pending
deliveries. Both are idempotent and retried with backoff when they raise
(core.retry); a task whose worker died runs again elsewhere (core.worker), and
claims of a dead batch are released by the reaper (sending.reap_expired_leases).
Transient SMTP failures of single deliveries enqueue deliver_batch again with
a later `run_after`. Backends that cannot defer (the immediate backend of dev
and tests) retry at once; the attempt limit still ends it.
"""

import logging

from core.retry import retried_task

from .models import Delivery
from .sending import fan_out, send_batch

logger = logging.getLogger(__name__)
QUEUE = "newsletter"


@retried_task(queue_name=QUEUE)
def start_send(send_id):
    batches = fan_out(send_id)
    for _ in range(batches):
        deliver_batch.enqueue(send_id)
    return batches


@retried_task(queue_name=QUEUE)
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
