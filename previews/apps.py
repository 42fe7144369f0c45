from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreviewsConfig(AppConfig):
    name = "previews"
    verbose_name = _("Vorschau-Links")
    default_auto_field = "django.db.models.BigAutoField"
