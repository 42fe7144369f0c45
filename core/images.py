"""Every image size the site renders, in one place.

Templates name a size ({% picture_of image "teaser" %}), listings prefetch the
renditions of that size, and publishing creates them ahead of the first reader.
"""

import contextvars
from functools import cache

from wagtail.images.models import Filter

FORMATS = "format-{avif,webp,jpeg}"

SPECS = {
    # On the site: a <picture> with AVIF, WebP and JPEG sources.
    "body": f"width-{{480,800,1200}}|{FORMATS}",
    "teaser": f"fill-{{400x225,800x450}}|{FORMATS}",
    "hero": f"fill-{{800x450,1200x675}}|{FORMATS}",
    "portrait": "fill-96x96|format-jpeg",
    # Link previews (OpenGraph), in the aspect ratio they expect.
    "share": "fill-1200x630|format-jpeg",
    # Feeds and emails (one JPEG each): sizes the site's own sets already contain.
    "portable_hero": "fill-1200x675|format-jpeg",
    "portable_body": "width-1200|format-jpeg",
}


def filter_specs(name):
    """The single rendition specs behind a size name."""
    return Filter.expand_spec(SPECS[name])


@cache
def filters(name):
    """The Filter objects of a size, parsed once per process (a Filter holds
    nothing per image, and parsing the spec is a good part of rendering a
    <picture>)."""
    return tuple(Filter(spec=spec) for spec in filter_specs(name))


# Images already loaded for the bodies being rendered (id -> image), set by
# core.portable while it renders many bodies; the body image block uses them
# instead of querying once per body.
prefetched_images = contextvars.ContextVar("prefetched_images", default=None)


def prepare_renditions(pairs):
    """Create the renditions of (image, size name) pairs that do not exist yet,
    one call per image (Wagtail creates the missing ones in one go)."""
    sizes = {}
    images = {}
    for image, size in pairs:
        if image is None:
            continue
        images[image.pk] = image
        sizes.setdefault(image.pk, set()).update(filter_specs(size))
    for pk, specs in sizes.items():
        images[pk].get_renditions(*sorted(specs))
    return sum(len(specs) for specs in sizes.values())


def rendition(image, size):
    """The one rendition of a single-spec size (feeds, emails, link previews)."""
    (spec,) = filters(size)
    return image.get_rendition(spec)
