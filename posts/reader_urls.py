"""Reader-facing routes outside the page tree: feeds, search, sitemap, authors."""

from django.urls import path

from core.sitemap import sitemap

from . import search
from .author_page import author_page
from .feeds import AtomPostsFeed, PostsFeed

urlpatterns = [
    path("feed/", PostsFeed(), name="feed"),
    path("feed/atom/", AtomPostsFeed(), name="feed_atom"),
    path("feed/tag/<slug:tag_slug>/", PostsFeed(), name="tag_feed"),
    path("feed/tag/<slug:tag_slug>/atom/", AtomPostsFeed(), name="tag_feed_atom"),
    path("suche/", search.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("autor/<slug:slug>/", author_page, name="author"),
]
