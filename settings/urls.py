import re

from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("healthz/", home_views.healthz, name="healthz"),
    path("abo/", include("subscriptions.urls")),
    path("vorschau/", include("previews.urls")),
    path("", include("posts.reader_urls")),
]

if settings.SERVE_MEDIA:
    # Small single-machine setups serve uploads from Django; larger ones put media
    # on S3-compatible storage or behind the web server and switch this off.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            cache_control(max_age=60 * 60 * 24 * 30, public=True)(serve),
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Wagtail's page router catches everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
