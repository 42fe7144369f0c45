from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from .memo import memo


def paginate(request, items, per_page, load=None, remember=None):
    """The requested page of items (`?page=`): a bad number shows the first
    page, a number past the end is a dead link (404).

    With `load`, `items` are the ordered ids only and `load(ids of the page)`
    fetches the page's rows (a deferred join: the database sorts narrow rows
    and reads whole rows only for the page shown).

    With `remember` (a key naming the listing, e.g. ("blog", pk, tag)), the
    count and each page's rows are kept until the next content change
    (core.memo): the rows must then be a list, read-only."""
    paginator = Paginator(items, per_page)
    if remember is not None:
        # Paginator.count is a cached property: the remembered count takes its place.
        paginator.count = memo.get(
            ("listing-count", *remember),
            lambda: Paginator(items, per_page).count,
            request,
        )
    page = _page(request, paginator)
    if load is not None:
        ids = page.object_list
        if remember is None:
            page.object_list = load(ids)
        else:
            page.object_list = memo.get(
                ("listing-rows", *remember, page.number, per_page),
                lambda: list(load(ids)),
                request,
            )
    return page


def _page(request, paginator):
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        try:
            if int(raw) > paginator.num_pages:
                raise Http404 from None
        except (ValueError, OverflowError):
            pass
        return paginator.page(1)
