"""Admin views: status, test email, send (with a confirmation step), resend."""

import smtplib
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Min
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.models import Page

from core.models import WorkerHeartbeat

from . import services
from .models import Delivery, NewsletterPageMixin, PostSend
from .sending import decide_uncertain, expired_claims, lease, release_expired
from .tasks import QUEUE, start_send

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


def newsletter_workers(now):
    """Workers seen recently that take the newsletter queue; None when the
    task backend has no separate workers (dev and tests run tasks at once)."""
    if not settings.TASKS["default"]["BACKEND"].endswith("DatabaseBackend"):
        return None
    recent = WorkerHeartbeat.objects.filter(
        seen_at__gte=now - timedelta(seconds=settings.TASK_LEASE_SECONDS)
    )
    return [worker for worker in recent if {QUEUE, "*"} & set(worker.queues.split(","))]


def last_worker_seen():
    worker = WorkerHeartbeat.objects.order_by("-seen_at").first()
    return worker.seen_at if worker else None


def send_state(send, now):
    """What the status page says about one send: running, waiting, stalled."""
    deliveries = send.deliveries.all()
    sending = deliveries.filter(status=Delivery.Status.SENDING)
    waiting = deliveries.filter(
        status=Delivery.Status.PENDING, next_attempt_at__gt=now
    ).aggregate(count=Count("pk"), next=Min("next_attempt_at"))
    stalled = expired_claims(send.pk, now).aggregate(
        count=Count("pk"), since=Min("lease_until")
    )
    not_prepared = (
        send.status != PostSend.Status.DONE
        and send.prepared_at is None
        and send.created_at < now - lease()
    )
    return {
        "running": sending.filter(lease_until__gte=now).count(),
        "waiting": waiting,
        "stalled": stalled,
        "not_prepared": not_prepared,
    }


def send_rows(page):
    now = timezone.now()
    rows = []
    for send in PostSend.objects.filter(page=page).select_related("created_by"):
        failures = (
            send.deliveries.filter(status=Delivery.Status.FAILED)
            .select_related("subscriber")
            .order_by("pk")[:FAILURES_SHOWN]
        )
        uncertain = (
            send.deliveries.filter(status=Delivery.Status.UNCERTAIN)
            .select_related("subscriber")
            .order_by("pk")[:FAILURES_SHOWN]
        )
        rows.append(
            {
                "send": send,
                "counts": send.counts(),
                "failures": failures,
                "uncertain": uncertain,
                "state": send_state(send, now)
                if send.status != PostSend.Status.DONE
                else None,
            }
        )
    return rows


def status(request, page_id):
    page = editable_post(request, page_id)
    sends = send_rows(page)
    latest = sends[0]["send"] if sends else None
    workers = newsletter_workers(timezone.now())
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
            "no_worker": workers == [],
            "last_worker_seen": last_worker_seen() if workers == [] else None,
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
def resume(request, page_id):
    """The way out of a stalled send: release dead claims now and queue the
    (idempotent) setup again; nothing already handed to SMTP is resent."""
    page = editable_post(request, page_id)
    resumed = 0
    for send in PostSend.objects.filter(page=page).exclude(status=PostSend.Status.DONE):
        release_expired(send.pk)
        transaction.on_commit(lambda pk=send.pk: start_send.enqueue(pk))
        resumed += 1
    if resumed:
        messages.success(request, _("Der Versand wird fortgesetzt."))
    else:
        messages.info(request, _("Es gibt keinen offenen Versand."))
    return redirect(status_url(page))


@require_POST
def uncertain(request, page_id, send_id):
    """The admin's one-click decision on "unklar" deliveries."""
    page = editable_post(request, page_id)
    send = get_object_or_404(PostSend, pk=send_id, page=page)
    decision = request.POST.get("decision")
    if decision not in {"sent", "resend"}:
        messages.error(
            request, _("Bitte „als gesendet werten“ oder „erneut senden“ wählen.")
        )
        return redirect(status_url(page))
    ids = request.POST.getlist("delivery")
    if not ids:
        ids = send.deliveries.filter(status=Delivery.Status.UNCERTAIN).values_list(
            "pk", flat=True
        )
    else:
        ids = [value for value in ids if value.isdigit()]
    changed = decide_uncertain(send.pk, list(ids), sent=decision == "sent")
    if decision == "sent":
        messages.success(
            request,
            ngettext(
                "%(count)s Zustellung als gesendet gewertet.",
                "%(count)s Zustellungen als gesendet gewertet.",
                changed,
            )
            % {"count": changed},
        )
    else:
        if changed:
            transaction.on_commit(lambda: start_send.enqueue(send.pk))
        messages.success(
            request,
            ngettext(
                "%(count)s E-Mail wird erneut gesendet.",
                "%(count)s E-Mails werden erneut gesendet.",
                changed,
            )
            % {"count": changed},
        )
    return redirect(status_url(page))
