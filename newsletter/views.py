"""Admin views: status, test email, send (with a confirmation step), resend."""

import smtplib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from . import services
from .models import Delivery, NewsletterPageMixin, PostSend
from .sending import close_stale_claims, stale_claims

FAILURES_SHOWN = 200


def editable_post(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, NewsletterPageMixin):
        raise Http404
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return page


def status_url(page):
    return reverse("newsletter:status", args=[page.pk])


def send_rows(page):
    rows = []
    for send in PostSend.objects.filter(page=page).select_related("created_by"):
        failures = (
            send.deliveries.filter(status=Delivery.Status.FAILED)
            .select_related("subscriber")
            .order_by("pk")[:FAILURES_SHOWN]
        )
        rows.append(
            {
                "send": send,
                "counts": send.counts(),
                "failures": failures,
                "stale": stale_claims(send.pk).count()
                if send.status == PostSend.Status.SENDING
                else 0,
            }
        )
    return rows


def status(request, page_id):
    page = editable_post(request, page_id)
    sends = send_rows(page)
    latest = sends[0]["send"] if sends else None
    return TemplateResponse(
        request,
        "newsletter/admin/status.html",
        {
            "page": page,
            "sends": sends,
            "in_progress": latest is not None and latest.status != PostSend.Status.DONE,
            "can_send": page.live and latest is None,
            "can_resend": services.can_resend(request.user)
            and latest is not None
            and latest.status == PostSend.Status.DONE,
            "subject": services.subject_for(page),
            "recipients": services.recipient_count(),
        },
    )


@require_POST
def test_email(request, page_id):
    page = editable_post(request, page_id)
    if not request.user.email:
        messages.error(request, _("Ihr Konto hat keine E-Mail-Adresse."))
        return redirect(status_url(page))
    try:
        services.send_test(page, request.user)
    except (smtplib.SMTPException, OSError) as error:
        messages.error(
            request,
            _("Die Test-E-Mail konnte nicht gesendet werden: %(error)s")
            % {"error": error},
        )
    else:
        messages.success(
            request,
            _("Die Test-E-Mail ist an %(email)s unterwegs.")
            % {"email": request.user.email},
        )
    return redirect(status_url(page))


def send(request, page_id):
    page = editable_post(request, page_id)
    if not page.live:
        messages.error(
            request, _("Nur veröffentlichte Artikel können gesendet werden.")
        )
        return redirect(status_url(page))
    if request.method == "POST":
        if services.create_send(page, user=request.user) is None:
            messages.warning(
                request,
                _("Dieser Artikel wurde bereits gesendet oder wird gerade gesendet."),
            )
        else:
            messages.success(request, _("Der Versand an die Abonnenten hat begonnen."))
        return redirect(status_url(page))
    return TemplateResponse(
        request,
        "newsletter/admin/confirm.html",
        {
            "page": page,
            "resend": False,
            "subject": services.subject_for(page),
            "recipients": services.recipient_count(),
            "action_url": reverse("newsletter:send", args=[page.pk]),
        },
    )


def resend(request, page_id):
    page = editable_post(request, page_id)
    if not services.can_resend(request.user):
        raise PermissionDenied
    if not page.live:
        messages.error(
            request, _("Nur veröffentlichte Artikel können gesendet werden.")
        )
        return redirect(status_url(page))
    if request.method == "POST":
        if request.POST.get("confirm") != "erneut senden":
            messages.error(
                request, _("Bitte zur Bestätigung „erneut senden“ eingeben.")
            )
            return redirect(reverse("newsletter:resend", args=[page.pk]))
        only_missing = request.POST.get("only_missing") == "1"
        if services.create_resend(page, request.user, only_missing) is None:
            messages.warning(
                request,
                _(
                    "Erneut senden geht erst, wenn der letzte Versand abgeschlossen ist."
                ),
            )
        else:
            messages.success(request, _("Der erneute Versand hat begonnen."))
        return redirect(status_url(page))
    return TemplateResponse(
        request,
        "newsletter/admin/confirm.html",
        {
            "page": page,
            "resend": True,
            "subject": services.subject_for(page),
            "recipients": services.recipient_count(),
            "action_url": reverse("newsletter:resend", args=[page.pk]),
        },
    )


@require_POST
def close_stale(request, page_id):
    page = editable_post(request, page_id)
    closed = sum(
        close_stale_claims(send.pk)
        for send in PostSend.objects.filter(page=page, status=PostSend.Status.SENDING)
    )
    messages.success(
        request,
        _("%(count)s hängende Zustellungen als fehlgeschlagen abgeschlossen.")
        % {"count": closed},
    )
    return redirect(status_url(page))
