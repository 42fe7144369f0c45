"""The beacon endpoint: always 204, never a cookie, never cached, never a 500."""

import logging

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from .counting import MAX_BODY_BYTES, count

logger = logging.getLogger(__name__)


def no_content():
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt
def beacon(request):
    """Same-site only (stats.counting.same_site) instead of a CSRF token: the
    pages that send beacons are cached for everyone and carry no token."""
    try:
        if request.method == "POST":
            length = request.META.get("CONTENT_LENGTH") or "0"
            if length.isdigit() and int(length) <= MAX_BODY_BYTES:
                count(request, request.read(MAX_BODY_BYTES + 1))
    except Exception:
        logger.exception("Statistik: Beacon nicht gezählt")
    return no_content()
