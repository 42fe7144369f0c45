from django import template

from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from core.images import filters, rendition
from core.memo import memo

register = template.Library()

REMEMBERED_TYPES = (str, int, bool, type(None))


@register.tag
def remember(parser, token):
    """{% remember "card" post.pk eager %}…{% endremember %}: the enclosed
    output, rendered once per content change and site (core.memo) for the
    values named. Only for output that is the same for every reader: nothing
    from the user, the session or the query string. Previews always render
    in full, and so does a value that is not a plain string, number or flag
    (search terms, say), so a visitor cannot fill the memo."""
    vary = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(nodelist, vary)


class RememberNode(template.Node):
    def __init__(self, nodelist, vary):
        self.nodelist = nodelist
        self.vary = vary

    def render(self, context):
        request = context.get("request")
        values = tuple(value.resolve(context) for value in self.vary)
        if (
            request is None
            or getattr(request, "is_preview", False)
            or not all(isinstance(value, REMEMBERED_TYPES) for value in values)
        ):
            return self.nodelist.render(context)
        site = getattr(request, "_wagtail_site", None)
        key = ("fragment", site.pk if site else None, *values)
        return memo.get(key, lambda: self.nodelist.render(context), request)


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
