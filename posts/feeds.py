"""RSS 2.0 and Atom feeds of the newest posts, for the whole blog and per tag.

The feed instances are shared between requests, so everything request-bound
travels in a FeedSource object (Django passes only the item to item_* methods,
hence each item carries its source).
"""

from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.memo import memo
from core.models import SiteSettings
from core.site import SiteContext

from .feed_content import FeedContent
from .models import BlogIndexPage, BlogPostPage, BlogTag
from .seo import modified_at, published_at

FEED_LENGTH = 20


class RssWithContent(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


@dataclass
class FeedSource:
    request: object
    site: SiteContext
    blog: BlogIndexPage
    tag: BlogTag | None
    full_content: bool
    entries: list = field(default_factory=list)
    html: dict = field(default_factory=dict)


@dataclass
class Entry:
    post: BlogPostPage
    source: FeedSource

    @property
    def link(self):
        return self.post.get_full_url(self.source.request)


class PostsFeed(Feed):
    feed_type = RssWithContent
    language = "de"

    def get_object(self, request, tag_slug=None):
        site = SiteContext.for_request(request)
        blog = site.blog_index
        if blog is None:
            raise Http404
        tag = get_object_or_404(BlogTag, slug=tag_slug) if tag_slug else None
        full = SiteSettings.for_request(request).feed_full_content
        # The entries and their HTML are kept until the next content change
        # (core.memo): a feed reader polling every minute costs no render.
        posts, html = memo.get(
            ("feed", blog.pk, tag.pk if tag else None, full),
            lambda: self.entries(request, blog, tag, full),
            request,
        )
        if tag and not posts:
            raise Http404
        source = FeedSource(request, site, blog, tag, full)
        source.entries = [Entry(post, source) for post in posts]
        source.html = html
        return source

    @staticmethod
    def entries(request, blog, tag, full):
        """The newest posts and the HTML of each (as feed readers get it)."""
        posts = BlogPostPage.objects.descendant_of(blog).published()
        if tag:
            posts = posts.filter(tagged_items__tag=tag)
        if full:
            # The bodies are rendered: load them with the rows, not one query each.
            posts = posts.defer(None)
        posts = list(posts[:FEED_LENGTH])
        content = FeedContent(posts, full)
        html = {
            post.pk: content.html(post, post.get_full_url(request)) for post in posts
        }
        return posts, html

    def title(self, source):
        name = source.site.name
        if source.tag:
            return f"{name} – Schlagwort „{source.tag.name}“"
        return name

    def description(self, source):
        if source.tag:
            return f"Die neuesten Artikel zum Thema „{source.tag.name}“."
        return source.blog.intro or "Die neuesten Artikel."

    def subtitle(self, source):
        return self.description(source)

    def link(self, source):
        url = source.blog.get_full_url(source.request)
        if source.tag:
            url += source.blog.reverse_subpage("tag", args=[source.tag.slug])
        return url

    def author_name(self, source):
        return source.site.name

    def items(self, source):
        return source.entries

    def item_title(self, entry):
        return entry.post.title

    def item_description(self, entry):
        return entry.post.teaser

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return entry.link

    def item_pubdate(self, entry):
        return published_at(entry.post)

    def item_updateddate(self, entry):
        return modified_at(entry.post) or published_at(entry.post)

    def item_author_name(self, entry):
        return entry.post.author.name if entry.post.author else None

    def item_categories(self, entry):
        return [tag.name for tag in entry.post.tag_list()]

    def item_extra_kwargs(self, entry):
        return {"content": entry.source.html[entry.post.pk]}


class AtomPostsFeed(PostsFeed):
    feed_type = AtomWithContent
