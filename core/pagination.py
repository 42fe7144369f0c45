from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, items, per_page, load=None):
    """The requested page of items (`?page=`): a bad number shows the first
    page, a number past the end is a dead link (404).

    With `load`, `items` are the ordered ids only and `load(ids of the page)`
    fetches the page's rows (a deferred join: the database sorts narrow rows
    and reads whole rows only for the page shown)."""
    page = _page(request, Paginator(items, per_page))
    if load is not None:
        page.object_list = load(page.object_list)
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
