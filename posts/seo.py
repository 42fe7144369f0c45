"""What search engines and link previews read about posts."""

from datetime import datetime, time

from django.utils import timezone


def published_at(post):
    """When a post appeared: its date, at the time it first went live if that
    was the same (local) day, otherwise at midnight local time."""
    first = post.first_published_at and timezone.localtime(post.first_published_at)
    if first and first.date() == post.date:
        return first.replace(microsecond=0)
    return timezone.make_aware(datetime.combine(post.date, time.min))


def modified_at(post):
    updated = post.last_published_at
    if not updated:
        return None
    updated = timezone.localtime(updated).replace(microsecond=0)
    return max(published_at(post), updated)


def blog_posting(post, canonical, image, site_name):
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": post.teaser,
        "datePublished": published_at(post).isoformat(),
        "dateModified": (modified_at(post) or published_at(post)).isoformat(),
        "inLanguage": "de",
        "url": canonical,
        "mainEntityOfPage": canonical,
        "publisher": {"@type": "Organization", "name": site_name},
    }
    if post.author:
        data["author"] = {"@type": "Person", "name": post.author.name}
    if image:
        data["image"] = image["url"]
    keywords = [tag.name for tag in post.tag_list()]
    if keywords:
        data["keywords"] = keywords
    return {key: value for key, value in data.items() if value}
