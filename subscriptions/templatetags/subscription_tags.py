from django import template

from core.site import SiteContext
from subscriptions.forms import SubscribeForm
from subscriptions.models import SubscribePage

register = template.Library()


@register.simple_tag(takes_context=True)
def subscribe_texts(context):
    """The texts of the site's subscribe page (or the defaults)."""
    site_context = context.get("site_context")
    if site_context is None:
        site_context = SiteContext.for_request(context["request"])
    page = context.get("page")
    if isinstance(page, SubscribePage):
        return page.texts_in(site_context.voice)
    return SubscribePage.texts(site_context)


@register.simple_tag(takes_context=True)
def subscribe_form(context, id_prefix):
    """An empty sign-up form that records the page it sits on."""
    request = context.get("request")
    source = request.path if request is not None else ""
    return SubscribeForm(id_prefix=id_prefix, initial={"source": source})
