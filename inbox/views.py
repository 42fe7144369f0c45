"""The admin's „Demo-Postfach“: the emails the demo sent, newest first."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import InboxMessage

BACKEND = "inbox.backend.InboxBackend"


def is_active():
    return settings.EMAIL_BACKEND == BACKEND


def superusers_only(view):
    # The messages carry working confirmation and unsubscribe links.
    def wrapped(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@superusers_only
def message_list(request):
    return TemplateResponse(
        request,
        "inbox/list.html",
        {
            "header_title": _("Demo-Postfach"),
            "page_title": _("Demo-Postfach"),
            "messages_in_box": InboxMessage.objects.all()[:200],
            "active": is_active(),
        },
    )


def framed(html):
    """The email as the iframe's document: links open in a new tab."""
    base = '<base target="_blank">'
    if "<head>" in html:
        return html.replace("<head>", "<head>" + base, 1)
    return base + html


@superusers_only
def message_detail(request, pk):
    message = get_object_or_404(InboxMessage, pk=pk)
    return TemplateResponse(
        request,
        "inbox/detail.html",
        {
            "header_title": message.subject,
            "page_title": _("Demo-Postfach"),
            "message": message,
            "srcdoc": framed(message.html) if message.html else "",
        },
    )


@require_POST
@superusers_only
def clear(request):
    InboxMessage.objects.all().delete()
    messages.success(request, _("Das Demo-Postfach ist leer."))
    return redirect("inbox:list")
