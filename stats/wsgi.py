"""The beacon endpoint at the WSGI layer, in front of the page cache and
Django's middleware (settings/wsgi.py): a beacon needs none of them (no
session, no CSRF, no template), and answering it here keeps its cost next to
a cached page's. The Django view (stats.views.beacon) does the same for
servers without this wrapper (runserver, tests)."""

import logging

from django.core.handlers.wsgi import WSGIRequest
from django.db import close_old_connections

from .counting import MAX_BODY_BYTES, count

logger = logging.getLogger(__name__)

PATH = "/statistik/b/"
HEADERS = [
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Content-Length", "0"),
    ("X-Cache", "bypass"),
]


class BeaconRequest(WSGIRequest):
    """A beacon's body is read raw (stats.counting.parse): its Content-Type
    is not parsed (Django's parser is the dearest step in building a
    request)."""

    def _set_content_type_params(self, meta):
        self.content_type, self.content_params = meta.get("CONTENT_TYPE", ""), {}


class BeaconMiddleware:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != PATH:
            return self.app(environ, start_response)
        try:
            request = BeaconRequest(environ)
            length = environ.get("CONTENT_LENGTH") or "0"
            if (
                request.method == "POST"
                and length.isdigit()
                and int(length) <= MAX_BODY_BYTES
            ):
                count(request, request.read(MAX_BODY_BYTES + 1))
        except Exception:
            logger.exception("Statistik: Beacon nicht gezählt")
        finally:
            # As Django does after each request: a connection past its age
            # or broken is replaced (most beacons use none).
            close_old_connections()
        start_response("204 No Content", list(HEADERS))
        return [b""]
