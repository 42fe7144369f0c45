"""The reader's search over published posts (title, teaser, body text, tags)."""

import re
from urllib.parse import urlencode

from django.db import connection
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from core.pagination import paginate
from core.site import SiteContext
from core.text import german_stems

from .models import BlogPostPage

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
RESULTS_PER_PAGE = 10
# Only words reach the search backend: quotes, operators and markup are dropped,
# so no input can break the full-text syntax of SQLite or PostgreSQL.
WORD = re.compile(r"\w+")


def search_terms(query):
    return " ".join(WORD.findall(query)[:MAX_TERMS])


def backend_terms(terms):
    """What the backend is asked: on SQLite the German stems that
    BlogPostPage.search_stems indexed; PostgreSQL stems the words itself."""
    if connection.vendor == "sqlite":
        return " ".join(dict.fromkeys(german_stems(terms)))
    return terms


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    results = None
    if terms:
        posts = BlogPostPage.objects.published_for_search()
        site = SiteContext.for_request(request).site
        if site:
            posts = posts.descendant_of(site.root_page)
        results = paginate(
            request,
            posts.search(backend_terms(terms), operator="and"),
            RESULTS_PER_PAGE,
        )
    response = TemplateResponse(
        request,
        "posts/search.html",
        {
            "query": query,
            "results": results,
            "query_string": urlencode({"q": query}),
            "highlight": german_stems(terms),
            "noindex": True,
        },
    )
    if query:
        # Results are not shared: no cache, ours or a CDN's, keeps them.
        add_never_cache_headers(response)
    return response
