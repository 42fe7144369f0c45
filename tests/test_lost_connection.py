"""A database connection lost in the middle of a request: the request is
answered once more on a fresh connection, not with a 500."""

import pytest

from django.db import OperationalError
from django.http import HttpResponse
from django.urls import path

from core.middleware import retry_on_lost_connection

CALLS = []


def flaky_read(request):
    CALLS.append(request.method)
    if len(CALLS) == 1:
        raise OperationalError("server closed the connection unexpectedly")
    return HttpResponse("frisch")


@retry_on_lost_connection
def idempotent_post(request):
    return flaky_read(request)


def plain_post(request):
    return flaky_read(request)


def broken(request):
    CALLS.append(request.method)
    raise OperationalError("still down")


urlpatterns = [
    path("lesen/", flaky_read),
    path("anmelden/", idempotent_post),
    path("andere/", plain_post),
    path("kaputt/", broken),
]


@pytest.fixture(autouse=True)
def _urls(settings):
    settings.ROOT_URLCONF = __name__
    CALLS.clear()


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


def test_a_read_is_answered_again(client):
    response = client.get("/lesen/")
    assert response.status_code == 200
    assert response.content == b"frisch"
    assert CALLS == ["GET", "GET"]


def test_an_idempotent_post_is_answered_again(client):
    assert client.post("/anmelden/").status_code == 200
    assert CALLS == ["POST", "POST"]


def test_other_posts_are_not_repeated(client):
    assert client.post("/andere/").status_code == 500
    assert CALLS == ["POST"]


def test_only_once(client):
    assert client.get("/kaputt/").status_code == 500
    assert CALLS == ["GET", "GET"]
