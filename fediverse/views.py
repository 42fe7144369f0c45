"""The actor's public documents and its inbox. Nothing here fetches from
other servers except the inbox (to check a sender's key): none of these is a
reader's request."""

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Page

from core.site import absolute_url

from . import documents, signatures
from .inbox import Refused, handle, id_of
from .models import Follower, OutgoingActivity
from .pages import FediversePageMixin
from .remote import FetchError, is_cached, remote_key

logger = logging.getLogger(__name__)

JSON_TYPES = ("application/activity+json", "application/ld+json", "application/json")


def wants_json(request):
    accept = request.headers.get("Accept", "")
    return any(kind in accept for kind in JSON_TYPES)


def activity_json(document, status=200, content_type=documents.ACTIVITY_JSON):
    response = JsonResponse(
        document,
        status=status,
        content_type=content_type,
        json_dumps_params={"ensure_ascii": False},
    )
    patch_vary_headers(response, ["Accept"])
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(message, status):
    return JsonResponse({"error": message}, status=status)


def negotiated(request, document_factory, html_url):
    """The JSON document for ActivityPub clients, the HTML page for browsers."""
    if not wants_json(request):
        response = HttpResponseRedirect(html_url)
        patch_vary_headers(response, ["Accept"])
        return response
    return activity_json(document_factory())


@require_GET
def actor(request):
    return negotiated(request, documents.actor_document, absolute_url("/"))


@require_GET
def webfinger(request):
    resource = request.GET.get("resource", "").strip()
    if not resource:
        return error("Der Parameter „resource“ fehlt.", 400)
    name = resource.removeprefix("acct:").lstrip("@")
    user, _, host = name.rpartition("@")
    own_host = documents.host()
    hosts = {own_host, own_host.partition(":")[0]}
    known = resource in {documents.actor_id(), absolute_url("/")} or (
        user == documents.handle() and host in hosts
    )
    if not known:
        return error("Dieses Konto gibt es hier nicht.", 404)
    return activity_json(documents.webfinger(), content_type="application/jrd+json")


@require_GET
def nodeinfo_links(request):
    return activity_json(documents.nodeinfo_links(), content_type="application/json")


def published_pages():
    return Page.objects.live().public()


@require_GET
def nodeinfo(request):
    posts = published_pages().filter(pk__in=_article_page_ids()).count()
    return activity_json(
        documents.nodeinfo(posts),
        content_type='application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.1#"',
    )


def _article_page_ids():
    return OutgoingActivity.objects.filter(kind=OutgoingActivity.Kind.CREATE).values(
        "page_id"
    )


def page_number(request):
    value = request.GET.get("page")
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise Http404 from None
    if number < 1:
        raise Http404
    return number


def paged(request, collection_id, queryset, to_item):
    number = page_number(request)
    total = queryset.count()
    if number is None:
        items, has_next = [], False
    else:
        size = documents.page_size()
        start = (number - 1) * size
        rows = list(queryset[start : start + size + 1])
        if number > 1 and not rows:
            raise Http404
        has_next = len(rows) > size
        items = [to_item(row) for row in rows[:size]]
    return activity_json(
        documents.collection(collection_id, total, items, number, has_next)
    )


@require_GET
def outbox(request):
    # The Create of every post that is still published, newest first.
    live = published_pages().values("pk")
    activities = OutgoingActivity.objects.filter(
        kind=OutgoingActivity.Kind.CREATE, page__in=live
    ).order_by("-created_at", "-pk")
    return paged(
        request,
        documents.url("outbox"),
        activities,
        lambda activity: {
            key: value for key, value in activity.payload.items() if key != "@context"
        },
    )


@require_GET
def followers(request):
    return paged(
        request,
        documents.url("followers"),
        Follower.objects.order_by("-followed_at", "-pk"),
        lambda follower: follower.actor_url,
    )


@require_GET
def following(request):
    return activity_json(
        documents.collection(documents.url("following"), 0, [], None, False)
    )


@require_GET
def page_object(request, page_id):
    page = get_object_or_404(published_pages(), pk=page_id).specific
    if not isinstance(page, FediversePageMixin):
        raise Http404
    return negotiated(
        request,
        lambda: {"@context": documents.CONTEXT, **documents.article(page)},
        page.full_url,
    )


@require_GET
def activity(request, uuid):
    sent = get_object_or_404(OutgoingActivity, uuid=uuid)
    return activity_json(sent.payload)


def request_headers(request):
    headers = {name.lower(): value for name, value in request.headers.items()}
    return headers


def verify_sender(request, body):
    """The key owner's actor URL, or SignatureError."""
    headers = request_headers(request)
    wanted = signatures.key_id_of(headers)
    owners = []
    cached = is_cached(wanted)

    def check(refresh):
        def public_key_for(key_id):
            try:
                key, owner = remote_key(key_id, refresh=refresh)
            except FetchError as error:
                raise signatures.SignatureError(
                    f"Der Schlüssel ist nicht abrufbar: {error}"
                ) from error
            owners.append(owner)
            return key

        signatures.verify(
            request.method,
            request.get_full_path(),
            headers,
            body,
            public_key_for,
            max_age=timedelta(seconds=settings.FEDIVERSE_SIGNATURE_MAX_AGE_SECONDS),
        )

    try:
        check(refresh=False)
    except signatures.SignatureError:
        if not cached:
            raise
        # The sender may have a new key since we cached it: fetch it once more.
        owners.clear()
        check(refresh=True)
    return owners[-1]


@csrf_exempt
@require_POST
def inbox(request):
    body = request.body
    try:
        owner = verify_sender(request, body)
    except signatures.SignatureError as problem:
        return error(f"Signatur nicht akzeptiert: {problem}", 401)
    try:
        activity_document = json.loads(body)
    except ValueError:
        return error("Der Inhalt ist kein gültiges JSON.", 400)
    if not isinstance(activity_document, dict):
        return error("Der Inhalt ist keine Aktivität.", 400)
    if id_of(activity_document.get("actor")) != owner:
        return error("Signatur nicht akzeptiert: Sie gehört nicht zum Absender.", 401)
    try:
        # Handlers take their own transactions, after any request elsewhere.
        handle(activity_document, owner)
    except Refused as problem:
        return error(str(problem), 400)
    return JsonResponse({}, status=202)
