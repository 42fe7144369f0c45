from django import template

from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def blog_index_for(context):
    """The site's blog index, looked up once per request (header, footer, cards)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_feder_blog_index"):
        from posts.models import BlogIndexPage

        site = Site.find_for_request(request)
        request._feder_blog_index = (
            BlogIndexPage.objects.live().descendant_of(site.root_page).first()
            if site
            else None
        )
    return request._feder_blog_index
