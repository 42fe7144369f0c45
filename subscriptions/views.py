"""Sign-up, confirmation and unsubscribe endpoints.

CSRF, in short: the sign-up endpoint is reached from cached public pages, so it
is CSRF-exempt and checks the request's origin instead (guards.is_same_origin).
Confirm and unsubscribe pages are never cached and keep Django's CSRF token on
their buttons; only the RFC 8058 one-click POST, which mail clients send without
any token, is accepted without one (the secret link is the authorisation).
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from core.middleware import retry_on_lost_connection
from core.site import SiteContext

from . import guards, services
from .forms import SubscribeForm
from .models import SubscribePage, Subscriber, SubscriberToken


def private(response):
    """Token pages: never indexed, their URL never sent to other sites."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    # Not "no-referrer": Chromium then sends "Origin: null" with the button's POST
    # and Django's CSRF check refuses it. "same-origin" keeps the token URL in-site.
    response["Referrer-Policy"] = "same-origin"
    return response


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def subscribe_result(request, *, ok, texts, form=None, status=200, message=None):
    message = message or (texts.success_message if ok else texts.error_message)
    heading = texts.success_heading if ok else texts.error_heading
    if wants_json(request):
        errors = {}
        if form is not None and form.is_bound:
            errors = {
                name: [str(e) for e in errs] for name, errs in form.errors.items()
            }
        return JsonResponse(
            {"ok": ok, "heading": heading, "message": message, "errors": errors},
            status=status,
        )
    if ok:
        return HttpResponseRedirect(reverse("subscriptions:pending"), status=303)
    return render(
        request,
        "subscriptions/subscribe_error.html",
        {"texts": texts, "form": form or SubscribeForm(), "message": message},
        status=status,
    )


@retry_on_lost_connection  # sign_up is idempotent (get_or_create, one mail per limit)
@csrf_exempt  # see the module docstring and guards.is_same_origin
@never_cache
@require_POST
def subscribe(request):
    site_context = SiteContext.for_request(request)
    texts = SubscribePage.texts(site_context)
    if not guards.is_same_origin(request):
        return subscribe_result(
            request,
            ok=False,
            texts=texts,
            status=403,
            message=_(
                "Diese Anmeldung kam nicht über diese Website und wurde abgelehnt."
            ),
        )
    form = SubscribeForm(request.POST)
    if form.is_bot:
        return subscribe_result(request, ok=True, texts=texts)  # pretend; store nothing
    # Validation first: a typo does not count as an attempt, and a reader over
    # the limit still learns what is wrong with the input.
    if not form.is_valid():
        return subscribe_result(request, ok=False, texts=texts, form=form, status=400)
    email = form.cleaned_data["email"]
    if not guards.hit(
        "ip", guards.client_ip(request), settings.SUBSCRIBE_RATE_LIMIT_PER_IP
    ) or not guards.hit(
        "email", email.lower(), settings.SUBSCRIBE_RATE_LIMIT_PER_EMAIL
    ):
        # The re-shown form keeps what the reader typed.
        return subscribe_result(
            request,
            ok=False,
            texts=texts,
            form=form,
            status=429,
            message=site_context.voice.text("too_many"),
        )
    services.sign_up(
        email=email,
        first_name=form.cleaned_data["first_name"],
        signup_page=form.cleaned_data["source"],
        consent_text=texts.consent_text,
    )
    return subscribe_result(request, ok=True, texts=texts)


@never_cache
def pending(request):
    texts = SubscribePage.texts(SiteContext.for_request(request))
    return render(request, "subscriptions/pending.html", {"texts": texts})


def invalid_link(request):
    return private(render(request, "subscriptions/invalid_link.html", status=404))


def blog_url(request):
    blog = SiteContext.for_request(request).blog_index
    return (blog and blog.get_url(request)) or "/"


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    token_obj = SubscriberToken.lookup(token, SubscriberToken.Purpose.CONFIRM)
    if token_obj is None:
        return invalid_link(request)
    subscriber = token_obj.subscriber
    if token_obj.used_at is not None:
        if subscriber.status == Subscriber.Status.CONFIRMED:
            return private(render(request, "subscriptions/already_confirmed.html"))
        return invalid_link(request)
    if token_obj.is_expired:
        return private(
            render(
                request,
                "subscriptions/expired.html",
                {"token": token, "hours": settings.SUBSCRIBE_CONFIRM_TOKEN_HOURS},
                status=410,
            )
        )
    # Only a POST confirms: mail scanners open (GET) every link in a message.
    if request.method == "POST" and services.confirm(token_obj):
        return HttpResponseRedirect(f"{blog_url(request)}?angemeldet=1", status=303)
    if request.method == "POST":
        return invalid_link(request)
    return private(render(request, "subscriptions/confirm.html", {"token": token}))


@never_cache
@require_POST
def new_link(request, token):
    """Send a fresh confirmation link after the old one expired."""
    if not guards.hit(
        "ip", guards.client_ip(request), settings.SUBSCRIBE_RATE_LIMIT_PER_IP
    ):
        return private(
            render(
                request, "subscriptions/new_link.html", {"limited": True}, status=429
            )
        )
    token_obj = SubscriberToken.lookup(token, SubscriberToken.Purpose.CONFIRM)
    if token_obj is None:
        return invalid_link(request)
    services.request_new_link(token_obj.subscriber)
    # The same answer whether or not a mail goes out (limits, state).
    return private(render(request, "subscriptions/new_link.html"))


@csrf_exempt  # the RFC 8058 one-click POST carries no token; the form is checked below
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    token_obj = SubscriberToken.lookup(token, SubscriberToken.Purpose.UNSUBSCRIBE)
    if token_obj is None:
        return invalid_link(request)
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
        services.unsubscribe(token_obj)
        voice = SiteContext.for_request(request).voice
        return HttpResponse(
            voice.text("one_click_done"), content_type="text/plain; charset=utf-8"
        )
    return csrf_protect(unsubscribe_page)(request, token_obj)


def unsubscribe_page(request, token_obj):
    done = request.method == "POST"
    if done:
        services.unsubscribe(token_obj)
    context = {
        "done": done or token_obj.subscriber.status == Subscriber.Status.UNSUBSCRIBED,
        "subscribe_page": SiteContext.for_request(request).subscribe_page,
    }
    return private(render(request, "subscriptions/unsubscribe.html", context))
