"""/healthz/: database and cache, one query, 503 naming what is down."""

import socket

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_healthz_checks_database_and_cache_with_one_query(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz/")
    assert response.status_code == 200 and response.content == b"ok"
    assert len(queries) == 1
    assert "no-store" in response["Cache-Control"]


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_healthz_reports_a_cache_that_does_not_answer(client, settings):
    # A real Redis client against a port nobody listens on.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/4",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.content == b"unavailable: cache"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_healthz_survives_a_connection_the_server_dropped(client):
    """Like a database restart: the open connection is dead, the database is not."""
    assert client.get("/healthz/").status_code == 200
    connection.ensure_connection()
    connection.connection.close()  # behind Django's back
    response = client.get("/healthz/")
    assert response.status_code == 200 and response.content == b"ok"
