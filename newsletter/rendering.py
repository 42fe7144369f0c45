"""What every reader's copy of a page's email has in common.

The body is the page's portable HTML (core.portable, shared with the feeds);
the plain-text part is derived from it.
"""

from django.utils.formats import date_format

from core import portable
from core.images import rendition
from core.site import absolute_url


def post_context(page, subject):
    url = absolute_url(page.url)
    image_url, image_alt = "", ""
    found = page.newsletter_image()
    if found:
        image, image_alt = found
        image_url = absolute_url(rendition(image, "portable_hero").url)
    body = page.newsletter_body()
    body_html = portable.render_body(page, body) if body else ""
    return {
        "page": page,
        "subject": subject,
        "teaser": page.newsletter_teaser(),
        "standfirst": page.newsletter_standfirst(),
        "post_url": url,
        "post_date": date_format(page.newsletter_date(), "j. F Y"),
        "feature_image_url": image_url,
        "feature_image_alt": image_alt,
        "body_html": body_html,
        "body_text": portable.to_text(body_html),
    }
