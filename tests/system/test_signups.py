"""Sign-ups under concurrency, a database blip and an SMTP outage."""

import random
import time
import uuid
from collections import Counter

import pytest

from .harness import wait_until
from .helpers import Traffic, sign_up_all

pytestmark = pytest.mark.system


def subscriber_count(stack, domain):
    return stack.db.value(
        "SELECT count(*) FROM subscriptions_subscriber WHERE lower(email) LIKE %s",
        (f"%@{domain}",),
    )


def mailed(stack, domain):
    return Counter(r for r in stack.recipients() if r.endswith(f"@{domain}"))


def test_500_concurrent_sign_ups_with_duplicates_and_case_variants(stack):
    domain = f"viele-{uuid.uuid4().hex[:6]}.example.org"
    distinct = [f"leser{n}@{domain}" for n in range(400)]
    duplicates = distinct[:50] + [a.upper() for a in distinct[50:100]]
    addresses = distinct + duplicates
    random.Random(13).shuffle(addresses)

    statuses = sign_up_all(stack.servers, addresses, concurrency=50)

    assert len(statuses) == 500
    assert Counter(statuses) == {303: 500}
    assert subscriber_count(stack, domain) == 400
    wait_until(
        lambda: len(mailed(stack, domain)) == 400,
        timeout=180,
        message="400 confirmation emails",
    )
    time.sleep(2)  # nothing more may arrive
    assert set(mailed(stack, domain).values()) == {1}


def test_database_connections_terminated_three_times(stack):
    domain = f"blip-{uuid.uuid4().hex[:6]}.example.org"
    paths = ["/", "/blog/", "/feed/", "/healthz/"]
    traffic = Traffic(stack.servers, paths, domain)
    traffic.start()
    try:
        for _ in range(3):
            time.sleep(3)
            assert stack.db.terminate_connections() > 0
        time.sleep(3)
    finally:
        traffic.stop()

    print(
        f"blips: {len(traffic.statuses)} requests, {len(traffic.signed_up)} "
        f"sign-ups, statuses {dict(Counter(map(str, traffic.statuses)))}"
    )
    assert len(traffic.statuses) > 50
    assert traffic.server_errors() == []
    signed_up = set(traffic.signed_up)
    assert signed_up
    assert subscriber_count(stack, domain) == len(signed_up)
    # Every worker survived, and the mail worker still sends.
    assert all(worker.alive for worker in stack.workers.values())
    wait_until(
        lambda: set(mailed(stack, domain)) == signed_up,
        timeout=120,
        message="a confirmation email for every sign-up after the blips",
    )


def test_smtp_down_for_30_seconds_loses_no_sign_up(stack):
    domain = f"ausfall-{uuid.uuid4().hex[:6]}.example.org"
    addresses = [f"wartend{n}@{domain}" for n in range(20)]
    stack.smtp.stop()
    try:
        started = time.monotonic()
        assert set(sign_up_all(stack.servers, addresses, concurrency=10)) == {303}
        assert subscriber_count(stack, domain) == 20
        time.sleep(max(0, 30 - (time.monotonic() - started)))
        assert mailed(stack, domain) == {}
    finally:
        stack.smtp.start()
    wait_until(
        lambda: len(mailed(stack, domain)) == 20,
        timeout=90,
        message="all 20 confirmation emails after the outage",
    )
    assert set(mailed(stack, domain).values()) == {1}
