from django import template

from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from core.images import filters, rendition

register = template.Library()


@register.simple_tag
def picture_of(image, size, **attrs):
    """A <picture> of `image` in one of the named sizes of core.images.SPECS:
    {% picture_of post.feature_image "teaser" alt="" loading="lazy" %}."""
    if not image:
        return ""
    return Picture(get_renditions_or_not_found(image, filters(size)), attrs).__html__()


@register.simple_tag
def rendition_of(image, size):
    """{% rendition_of value.image "portable_body" as photo %}: one rendition."""
    return rendition(image, size) if image else None


@register.filter
def highlight(text, stems):
    """{{ post.title|highlight:stems }}: matched words in <mark>, the rest escaped."""
    from core.text import highlight as mark

    return mark(str(text or ""), stems or ())
