from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.blocks import StandardBodyBlock
from core.pages import SeoMixin, first_text
from core.seo import website
from core.site import SiteContext, absolute_url


class HomePage(SeoMixin, Page):
    tagline = models.CharField(
        _("Untertitel"),
        max_length=120,
        blank=True,
        help_text=_("Ein kurzer Satz unter dem Namen des Blogs."),
    )
    intro = models.TextField(
        _("Einleitung"),
        max_length=500,
        blank=True,
        help_text=_("Ein, zwei Sätze, die Leserinnen und Leser begrüßen."),
    )

    latest_posts_count = 6

    content_panels = [*Page.content_panels, FieldPanel("tagline"), FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "posts.BlogIndexPage",
        "home.StandardPage",
        "subscriptions.SubscribePage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")

    def seo_title_for(self, context):
        return self.seo_title or context["site_context"].name

    def seo_description_for(self, context):
        return first_text(self.search_description, self.intro, self.tagline)

    def structured_data(self, context, canonical, image):
        search_url = absolute_url(reverse("search"))
        return website(context["site_context"].name, search_url)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site_context = SiteContext.for_request(request)
        blog_index = site_context.blog_index
        full = site_context.settings.shows_full_posts
        context["blog_index"] = blog_index
        context["full_posts"] = full
        if blog_index:
            context["posts"] = blog_index.remembered_front_page_posts(
                request, self.latest_posts_count, full=full
            )
            context["tags"] = blog_index.tags_with_counts()
        return context


class StandardPage(SeoMixin, Page):
    """Plain content pages such as Impressum and Datenschutz."""

    intro = models.TextField(
        _("Einleitung"),
        max_length=500,
        blank=True,
        help_text=_("Optional: ein Satz über dem Inhalt."),
    )
    body = StreamField(
        StandardBodyBlock(),
        blank=True,
        verbose_name=_("Inhalt"),
        help_text=_("Text, Überschriften und Hinweiskästen."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")

    def seo_description_for(self, context):
        return first_text(self.search_description, self.intro)


class DemoItem(models.Model):
    """A piece of demo content that `load_demo_content` created once.

    The loader never creates a remembered item again, so what an editor deleted
    stays deleted on the next `make run`.
    """

    key = models.CharField(_("Schlüssel"), max_length=255, unique=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)

    class Meta:
        verbose_name = _("Demo-Inhalt")
        verbose_name_plural = _("Demo-Inhalte")

    def __str__(self):
        return self.key
