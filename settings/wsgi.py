import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

django_application = get_wsgi_application()

from core.pagecache import PageCacheMiddleware  # noqa: E402 (needs Django set up)
from stats.wsgi import BeaconMiddleware  # noqa: E402

# Anonymous readers of public pages are answered here, before Django runs;
# statistics beacons even before the page cache looks.
application = BeaconMiddleware(PageCacheMiddleware(django_application))
