from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.defaults import page_not_found as django_page_not_found

from .site import SiteContext
from .voice import Voice


def page_not_found(request, exception=None):
    return django_page_not_found(request, exception, template_name="404.html")


def server_error(request):
    # No context processors: the database may be what failed. Nor may a missing
    # static manifest break this page: then the unhashed file name is used.
    try:
        voice = SiteContext.for_request(request).voice
    except Exception:
        voice = Voice()
    try:
        stylesheet = static("css/error.css")
    except ValueError:
        stylesheet = f"{settings.STATIC_URL}css/error.css"
    return HttpResponseServerError(
        loader.get_template("500.html").render(
            {"stylesheet": stylesheet, "voice": voice}
        )
    )


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


FAVICON = settings.BASE_DIR / "static" / "img" / "favicon.ico"


@cache_control(max_age=60 * 60 * 24 * 7, public=True)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page
    links: the same quill as the SVG icon, as a real ICO file."""
    return HttpResponse(FAVICON.read_bytes(), content_type="image/x-icon")


@never_cache
def healthz(request):
    """Answers within milliseconds: one trivial query and one cache round trip.
    503 with the failing part named when either is down."""
    failures = []
    if not _database_answers():
        # A connection dropped by the server (restart, failover) is not an
        # outage: try once more on a fresh one before saying so.
        connection.close()
        if not _database_answers():
            failures.append("database")
    try:
        key = "healthz:probe"
        cache.set(key, "1", 10)
        if cache.get(key) != "1":
            failures.append("cache")
    except Exception:  # any backend's connection error
        failures.append("cache")
    if failures:
        return HttpResponse(
            "unavailable: " + ", ".join(failures),
            status=503,
            content_type="text/plain",
        )
    return HttpResponse("ok", content_type="text/plain")
