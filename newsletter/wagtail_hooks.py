from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import urls
from .models import NewsletterPageMixin


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [path("newsletter/", include(urls, namespace="newsletter"))]


class NewsletterMenuItem(PageMenuItem):
    label = _("An Abonnenten senden")
    icon_name = "mail"
    priority = 45

    @property
    def url(self):
        return reverse("newsletter:status", args=[self.page.pk])

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_publish()


@hooks.register("register_page_header_buttons")
def newsletter_header_button(page, user, view_name, next_url=None):
    if page.specific_class and issubclass(page.specific_class, NewsletterPageMixin):
        yield NewsletterMenuItem(page=page)
