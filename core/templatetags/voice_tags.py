from django import template
from django.db import DatabaseError

from core.site import SiteContext
from core.voice import Voice

register = template.Library()


def voice_in(context):
    """The voice of the page being rendered: given explicitly (emails, the 500
    page), else the request's site, else the default site's."""
    voice = context.get("voice")
    if isinstance(voice, Voice):
        return voice
    site_context = context.get("site_context")
    request = context.get("request")
    if site_context is None and request is not None:
        site_context = SiteContext.for_request(request)
    if site_context is not None:
        return site_context.voice
    # A block rendered on its own (block previews, tests): the default site's
    # voice, or the default voice where no database is at hand.
    try:
        return SiteContext.for_default_site().voice
    except (DatabaseError, RuntimeError):
        return Voice()


@register.simple_tag(takes_context=True)
def say(context, key, **values):
    """{% say "video_notice" provider=value.provider_name %}: the text in the
    site's form of address and sender (core.voice.TEXTS); escaped as usual."""
    return voice_in(context).text(key, **values)
