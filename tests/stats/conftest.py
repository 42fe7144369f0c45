import json

import pytest

from stats.buffer import flush
from tests.factories import make_post

UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
ENDPOINT = "/statistik/b/"


def body(page, kind="v", referrer="", query="", width=1280, **extra):
    data = {
        "p": page if isinstance(page, int) else page.pk,
        "k": kind,
        "r": referrer,
        "q": query,
        "w": width,
    }
    data.update(extra)
    return json.dumps(data)


def send(
    client,
    page=None,
    *,
    raw=None,
    ip="203.0.113.7",
    agent=UA,
    origin="http://testserver",
    **fields,
):
    headers = {"REMOTE_ADDR": ip}
    if agent is not None:
        headers["HTTP_USER_AGENT"] = agent
    if origin is not None:
        headers["HTTP_ORIGIN"] = origin
    extra = {k: v for k, v in fields.items() if k.startswith("HTTP_")}
    headers.update(extra)
    fields = {k: v for k, v in fields.items() if not k.startswith("HTTP_")}
    data = raw if raw is not None else body(page, **fields)
    return client.post(
        ENDPOINT, data=data, content_type="text/plain;charset=UTF-8", **headers
    )


@pytest.fixture
def post(blog):
    return make_post(blog, "Ein gezählter Artikel", slug="ein-gezaehlter-artikel")


@pytest.fixture
def flushed():
    return lambda: flush(wait=True)
