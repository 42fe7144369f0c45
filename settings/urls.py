import re

from django.conf import settings
from django.urls import include, path, re_path, reverse_lazy
from django.views.decorators.cache import cache_control
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.seo import robots_view
from newsletter.archive import web_version
from previews import PREVIEW_PATH_PREFIX

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("healthz/", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path(
        "robots.txt",
        robots_view(["/admin/", PREVIEW_PATH_PREFIX, reverse_lazy("search")]),
        name="robots_txt",
    ),
    path("abo/", include("subscriptions.urls")),
    path("vorschau/", include("previews.urls")),
    path("statistik/", include("stats.urls")),
    path("e-mail/<int:page_id>/", web_version, name="newsletter_web"),
    path("", include("fediverse.urls")),
    path("", include("posts.reader_urls")),
]


def serve_media(request, path):
    # MEDIA_ROOT is read per request, not frozen at import: tests move it.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    # Small single-machine setups serve uploads from Django; larger ones put media
    # on S3-compatible storage or behind the web server and switch this off.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            cache_control(max_age=60 * 60 * 24 * 30, public=True)(serve_media),
        )
    ]

# Wagtail's page router catches everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
