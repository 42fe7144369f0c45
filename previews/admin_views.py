from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Page

from .forms import PreviewLinkForm
from .models import PreviewLink


def user_can_share(user, page):
    return page.permissions_for_user(user).can_edit()


def _log_data(link):
    return {
        "link_id": link.pk,
        "label": link.label,
        "expires_at": link.expires_at.isoformat(),
    }


def preview_url(request, token):
    # The admin and the public site are served by the same deployment, so the host
    # the editor is using also answers the preview URL.
    return request.build_absolute_uri(reverse("previews:show", args=[token]))


class PageLinksView(WagtailAdminTemplateMixin, View):
    """A page's active links, with the form that creates a new one."""

    template_name = "previews/admin/page_links.html"
    page_title = gettext_lazy("Vorschau-Link teilen")
    header_icon = "link"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not user_can_share(request.user, self.page):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, page_id):
        return self.render_to_response(self.get_context_data(form=PreviewLinkForm()))

    def post(self, request, page_id):
        form = PreviewLinkForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        link, token = PreviewLink.create_for(
            self.page,
            request.user,
            days=form.cleaned_data["days"],
            label=form.cleaned_data["label"],
        )
        log(self.page, "previews.create", user=request.user, data=_log_data(link))
        # Rendered, not redirected: the token exists only in this response.
        return self.render_to_response(
            self.get_context_data(
                form=PreviewLinkForm(),
                new_link=link,
                new_url=preview_url(request, token),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["links"] = self.page.preview_links.active().select_related("created_by")
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        return context


@require_POST
def revoke(request, link_id):
    link = get_object_or_404(PreviewLink.objects.select_related("page"), pk=link_id)
    if not user_can_share(request.user, link.page.specific):
        raise PermissionDenied
    if link.revoked_at is None:
        link.revoke()
        log(link.page, "previews.revoke", user=request.user, data=_log_data(link))
    messages.success(
        request,
        _("Der Vorschau-Link wurde widerrufen. Er zeigt ab sofort nichts mehr an."),
    )
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect("previews_admin:page", link.page_id)


class ReportView(WagtailAdminTemplateMixin, View):
    """All active links of the site that the user may manage."""

    template_name = "previews/admin/report.html"
    page_title = gettext_lazy("Vorschau-Links")
    header_icon = "link"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": gettext_lazy("Berichte")},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request):
        links = (
            PreviewLink.objects.active()
            .select_related("page", "created_by")
            .order_by("expires_at")
        )
        # Few links are active at a time; checking each page keeps Wagtail's own
        # edit rules (owners, workflows) instead of approximating them in SQL.
        visible = [link for link in links if user_can_share(request.user, link.page)]
        return self.render_to_response(self.get_context_data(links=visible))
