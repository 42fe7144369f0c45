from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel every app may import; it imports none of them."""

    name = "core"
    verbose_name = _("Grundlagen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import slugs
        from .site import sync_default_site

        slugs.register()
        # Wagtail's own links (admin "live ansehen", sitemap) come from the
        # default Site: it takes the public address after every migrate.
        post_migrate.connect(sync_default_site, sender=self)
