from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import cache_control, never_cache
from django.views.defaults import page_not_found as django_page_not_found

from .site import SiteContext
from .voice import Voice


def page_not_found(request, exception=None):
    return django_page_not_found(request, exception, template_name="404.html")


def server_error(request):
    # No context processors: the database may be what failed. The voice is
    # looked up if it can be, else the page speaks in the default voice.
    try:
        voice = SiteContext.for_request(request).voice
    except Exception:
        voice = Voice()
    return HttpResponseServerError(
        loader.get_template("500.html").render({"voice": voice})
    )


FAVICON = settings.BASE_DIR / "static" / "img" / "favicon.ico"


@cache_control(max_age=60 * 60 * 24 * 7, public=True)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page
    links: the same quill as the SVG icon, as a real ICO file."""
    return HttpResponse(FAVICON.read_bytes(), content_type="image/x-icon")


@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
