from django import template

from subscriptions.forms import SubscribeForm

register = template.Library()


@register.simple_tag(takes_context=True)
def subscribe_texts(context):
    """The SubscribePage's texts (or defaults), looked up once per request."""
    from subscriptions.models import SubscribePage

    page = context.get("page")
    if isinstance(page, SubscribePage):
        return page
    request = context.get("request")
    if request is None:
        return SubscribePage.texts()
    if not hasattr(request, "_feder_subscribe_texts"):
        request._feder_subscribe_texts = SubscribePage.texts()
    return request._feder_subscribe_texts


@register.simple_tag
def empty_subscribe_form():
    return SubscribeForm()


@register.simple_tag(takes_context=True)
def subscribe_page_for(context):
    """The live SubscribePage for the header link, or None."""
    texts = subscribe_texts(context)
    return texts if texts.pk else None
