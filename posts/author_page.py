"""The author page (/autor/<slug>/): who they are and what they wrote."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from core.pagination import paginate
from core.site import SiteContext, absolute_url

from .authors import Author
from .models import BlogPostPage

POSTS_PER_PAGE = 10


def author_page(request, slug):
    author = get_object_or_404(Author.objects.select_related("portrait"), slug=slug)
    posts = BlogPostPage.objects.published().filter(author=author)
    site = SiteContext.for_request(request).site
    if site:
        posts = posts.descendant_of(site.root_page)
    posts_page = paginate(request, posts, POSTS_PER_PAGE)
    canonical = absolute_url(author.get_absolute_url())
    if posts_page.number > 1:
        canonical += f"?page={posts_page.number}"
    return TemplateResponse(
        request,
        "posts/author_page.html",
        {
            "author": author,
            "posts": posts_page,
            "seo_title": f"Artikel von {author.name}",
            "meta_description": author.bio or f"Alle Artikel von {author.name}.",
            "canonical_url": canonical,
        },
    )
