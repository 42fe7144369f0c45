from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from posts.blocks import StandardBodyBlock


class HomePage(Page):
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

    def blog_index(self):
        from posts.models import BlogIndexPage

        return BlogIndexPage.objects.child_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        blog_index = self.blog_index()
        context["blog_index"] = blog_index
        if blog_index:
            context["posts"] = blog_index.posts()[: self.latest_posts_count]
            context["tags"] = blog_index.tags_with_counts()
        return context


class StandardPage(Page):
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


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    impressum_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Pflicht für deutsche Websites; wird in der Fußzeile verlinkt."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Pflicht für deutsche Websites; wird in der Fußzeile und im Anmeldeformular verlinkt."
        ),
    )
    footer_text = models.CharField(
        _("Fußzeilentext"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel „© 2026 Mesut“. Optional."),
    )
    mastodon_url = models.URLField(
        _("Mastodon"),
        blank=True,
        help_text=_("Adresse des Mastodon-Profils. Optional."),
    )
    linkedin_url = models.URLField(
        _("LinkedIn"),
        blank=True,
        help_text=_("Adresse des LinkedIn-Profils. Optional."),
    )
    feed_full_content = models.BooleanField(
        _("Ganze Artikel im Feed"),
        default=True,
        help_text=_(
            "An: RSS- und Atom-Feeds enthalten den vollständigen Artikel. "
            "Aus: nur Titelbild und Anreißer mit Link zum Artikel."
        ),
    )

    panels = [
        MultiFieldPanel(
            [PageChooserPanel("impressum_page"), PageChooserPanel("privacy_page")],
            heading=_("Rechtliches"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_text"),
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Fußzeile"),
        ),
        MultiFieldPanel([FieldPanel("feed_full_content")], heading=_("Feeds")),
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")
