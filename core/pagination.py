from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, items, per_page):
    """The requested page of items (`?page=`): a bad number shows the first
    page, a number past the end is a dead link (404)."""
    paginator = Paginator(items, per_page)
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
