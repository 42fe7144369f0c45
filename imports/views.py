"""The admin's "Importieren" screens: upload, dry-run preview, confirm."""

import logging
from datetime import date
from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .forms import UploadForm
from .models import ImportRun
from .tasks import run_import_task
from .uploads import UploadError, discard, source_of, store
from .writer import SetupError, find_index

logger = logging.getLogger(__name__)
SESSION_KEY = "imports_pending"
BLOCK_LABELS = {
    "paragraph": gettext_lazy("Text"),
    "heading": gettext_lazy("Überschrift"),
    "image": gettext_lazy("Bild"),
    "quote": gettext_lazy("Zitat"),
    "video": gettext_lazy("Video"),
    "callout": gettext_lazy("Hinweiskasten"),
    "divider": gettext_lazy("Trennlinie"),
    "table": gettext_lazy("Tabelle"),
    "code": gettext_lazy("Code"),
}
STATUS_LABELS = {
    "created": gettext_lazy("Neu"),
    "updated": gettext_lazy("Wird aktualisiert"),
    "unchanged": gettext_lazy("Unverändert"),
}


def blog_index_for(user):
    """The blog index this user may add posts to, or None."""
    try:
        index = find_index()
    except SetupError:
        return None
    return index if index.permissions_for_user(user).can_add_subpage() else None


def render(request, template, **context):
    context.setdefault("header_title", _("Importieren"))
    context.setdefault("page_title", _("Beiträge importieren"))
    context.setdefault("header_icon", "upload")
    return TemplateResponse(request, f"imports/{template}", context)


def upload(request):
    index = blog_index_for(request.user)
    if index is None:
        raise PermissionDenied
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
    else:
        form = UploadForm()
    if form.is_bound and form.is_valid():
        discard((request.session.get(SESSION_KEY) or {}).get("token"))
        try:
            token = store(form.cleaned_data["file"])
        except UploadError as error:
            form.add_error("file", str(error))
        else:
            pending = {
                "token": token,
                "format": form.cleaned_data["format"],
                "publish": form.cleaned_data["publish"],
                "name": form.cleaned_data["file"].name,
            }
            request.session[SESSION_KEY] = pending
            return start_run(request, pending, dry_run=True)
    return render(request, "upload.html", form=form, index=index)


@require_POST
def confirm(request):
    """Queue the import itself as a task and show its progress."""
    index = blog_index_for(request.user)
    if index is None:
        raise PermissionDenied
    pending = request.session.pop(SESSION_KEY, None) or {}
    source = source_of(pending.get("token"))
    if "cancel" in request.POST or source is None:
        discard(pending.get("token"))
        if source is None:
            messages.error(
                request,
                _("Die hochgeladene Datei ist nicht mehr da. Bitte erneut hochladen."),
            )
        return redirect("imports:upload")
    return start_run(request, pending, dry_run=False)


def start_run(request, pending, dry_run):
    run = ImportRun.objects.create(
        user=request.user,
        name=pending["name"][:255],
        token=pending["token"],
        format=pending["format"],
        publish=pending["publish"],
        dry_run=dry_run,
    )
    try:
        run_import_task.enqueue(run.pk)
    except Exception:
        logger.exception("Could not enqueue import run %s", run.pk)
        run.status = ImportRun.Status.FAILED
        run.error = _(
            "Der Import konnte nicht gestartet werden. Bitte erneut versuchen."
        )
        run.save(update_fields=["status", "error"])
    return redirect("imports:run", run.pk)


def run_status(request, run_id):
    index = blog_index_for(request.user)
    run = ImportRun.objects.filter(pk=run_id).first()
    if index is None or run is None:
        raise PermissionDenied if index is None else Http404
    if run.user_id != request.user.pk and not request.user.is_superuser:
        raise PermissionDenied
    context = {"run": run, "name": run.name, "publish": run.publish, "index": index}
    if run.status == ImportRun.Status.DONE:
        report = SimpleNamespace(**run.report)
        for row in report.rows:
            if row.get("date"):
                row["date"] = date.fromisoformat(row["date"])
        template = "preview.html" if run.dry_run else "result.html"
        return render(request, template, report=report, rows=rows(report), **context)
    percent = int(100 * run.done / run.total) if run.total else 0
    return render(request, "progress.html", percent=percent, **context)


def rows(report):
    for row in report.rows:
        counts = row["counts"]
        # Reports written before counts became pairs hold a dict.
        pairs = counts.items() if isinstance(counts, dict) else counts
        row["blocks"] = ", ".join(
            f"{count} × {BLOCK_LABELS.get(kind, kind)}" for kind, count in pairs
        )
        row["status_label"] = STATUS_LABELS[row["status"]]
    return report.rows
