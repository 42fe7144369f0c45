"""The Redis the tests may use (TEST_REDIS_URL, default database 1 on
loopback), and whether it answers; tests that need it skip without it."""

import os

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/1")


def redis_reachable():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        return False
