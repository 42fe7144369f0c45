from django import template

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
    if site_context is None:
        request = context.get("request")
        site_context = (
            SiteContext.for_request(request)
            if request is not None
            else SiteContext.for_default_site()
        )
    return site_context.voice


@register.simple_tag(takes_context=True)
def say(context, key, **values):
    """{% say "video_notice" provider=value.provider_name %}: the text in the
    site's form of address and sender (core.voice.TEXTS); escaped as usual."""
    return voice_in(context).text(key, **values)
