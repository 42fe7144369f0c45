"""A database connection that dies in the middle of a request (the server
restarted, an operator terminated backends) must not reach a reader as a 500.

Health checks (CONN_HEALTH_CHECKS) catch a dead connection before a request
uses it; this catches the one that dies while a request runs: the request is
answered once more on a fresh connection. Only safe methods, and views marked
`retry_on_lost_connection` (idempotent ones such as the sign-up), are repeated.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections

logger = logging.getLogger(__name__)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
FLAG = "_feder_connection_lost"


def retry_on_lost_connection(view):
    """Mark an idempotent unsafe view as safe to run again after a lost connection."""
    view.retry_on_lost_connection = True
    return view


def note_lost_connection(sender, request=None, **kwargs):
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, (OperationalError, InterfaceError)):
        setattr(request, FLAG, True)


got_request_exception.connect(note_lost_connection, dispatch_uid="feder_lost_db")


class RetryOnLostConnectionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, FLAG, False) or not self.may_repeat(request):
            return response
        logger.warning(
            "Database connection lost during %s; answering again", request.path
        )
        setattr(request, FLAG, False)
        for conn in connections.all(initialized_only=True):
            conn.close()
        return self.get_response(request)

    @staticmethod
    def may_repeat(request):
        if request.method in SAFE_METHODS:
            return True
        match = getattr(request, "resolver_match", None)
        return bool(match and getattr(match.func, "retry_on_lost_connection", False))
