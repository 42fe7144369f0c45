"""Slugs follow German rules everywhere: „Führung & Größe“ -> fuehrung-groesse.

Wagtail makes slugs in three places, and each gets the rule:
- in the browser, while the title is typed and when the slug field loses focus
  (Wagtail's `w-slug` controller): its `formatters` replace ä, ö, ü and ß before
  Wagtail's own transliteration, which would drop the dots (ö -> o);
- on the server, for a slug typed or pasted with umlauts (`GermanSlugField`);
- on the server, for a page saved without a slug (core.pages.GermanSlugMixin).
"""

from django import forms
from django.db import models

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

from .text import GERMAN_TRANSLITERATION

GERMAN_FORMATTERS = [(chr(code), text) for code, text in GERMAN_TRANSLITERATION.items()]


class GermanSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(
            attrs, formatters=[*GERMAN_FORMATTERS, *(formatters or [])], locale=locale
        )


class GermanSlugField(forms.SlugField):
    def to_python(self, value):
        value = super().to_python(value)
        return value.translate(GERMAN_TRANSLITERATION).lower() if value else value


def register():
    register_form_field_override(
        models.SlugField,
        override={"widget": GermanSlugInput, "form_class": GermanSlugField},
    )
