"""The author snippet: who wrote a post (shown under it and in its JSON-LD)."""

from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.tasks import enqueue_image_sizes_on_commit
from core.text import german_slugify


def unique_slug(name, others):
    base = german_slugify(name) or "autor"
    slug, number = base, 1
    while others.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@register_snippet
class Author(index.Indexed, models.Model):
    name = models.CharField(
        _("Name"),
        max_length=100,
        help_text=_("Wie der Name unter Artikeln erscheinen soll."),
    )
    bio = models.TextField(
        _("Kurzbiografie"),
        max_length=500,
        blank=True,
        help_text=_("Zwei, drei Sätze über die Person (max. 500 Zeichen)."),
    )
    slug = models.SlugField(
        _("Kurzname in der Adresse"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        blank=True,
        help_text=_(
            "Die Autorenseite liegt unter /autor/<Kurzname>/. Leer lassen, um ihn "
            "aus dem Namen zu bilden."
        ),
    )
    portrait = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Porträt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Quadratisch, mindestens 200 × 200 Pixel."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("bio"),
        FieldPanel("portrait"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("Autor/in")
        verbose_name_plural = _("Autorinnen und Autoren")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, Author.objects.exclude(pk=self.pk))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("author", args=[self.slug])


@receiver(post_save, sender=Author)
def prepare_portrait(sender, instance, raw=False, **kwargs):
    # The portrait appears under every post of this author: render it now.
    if instance.portrait_id and not raw:
        enqueue_image_sizes_on_commit(instance.portrait_id, ["portrait"])
