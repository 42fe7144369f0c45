"""Editor-side pieces: the resend view and the dashboard panel."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.views import InstanceSpecificView

from . import services
from .models import Subscriber


class SubscriberPermissionHelper(PermissionHelper):
    # Subscribers come in only through double opt-in; nobody adds or edits them
    # by hand. Deleting (erasure on request) stays possible.
    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_resend(self, user, obj):
        return (
            obj.status == Subscriber.Status.PENDING
            and self.user_has_specific_permission(user, "change")
        )


class SubscriberButtonHelper(ButtonHelper):
    def get_buttons_for_obj(
        self, obj, exclude=None, classnames_add=None, classnames_exclude=None
    ):
        buttons = super().get_buttons_for_obj(
            obj, exclude, classnames_add, classnames_exclude
        )
        if self.permission_helper.user_can_resend(self.request.user, obj):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url("resend", obj.pk),
                    "label": _("Bestätigung erneut senden"),
                    "classname": self.finalise_classname(["button-secondary"]),
                    "title": _("Die Bestätigungs-E-Mail noch einmal senden"),
                }
            )
        return buttons


class ResendConfirmationView(InstanceSpecificView):
    page_title = gettext_lazy("Bestätigung erneut senden")
    template_name = "subscriptions/admin/resend.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_has_specific_permission(user, "change")

    def dispatch(self, request, *args, **kwargs):
        if not self.check_action_permitted(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if services.resend_by_editor(self.instance):
            messages.success(
                request,
                _("Die Bestätigungs-E-Mail an %(email)s ist unterwegs.")
                % {"email": self.instance.email},
            )
        else:
            messages.error(
                request,
                _("Nur ausstehende Anmeldungen bekommen eine Bestätigungs-E-Mail."),
            )
        return redirect(self.index_url)


class SubscriberSummaryPanel(Component):
    name = "subscriber_summary"
    order = 150
    template_name = "subscriptions/admin/summary_panel.html"

    def get_context_data(self, parent_context):
        counts = dict(
            Subscriber.objects.values_list("status").annotate(n=Count("pk")).order_by()
        )
        since = timezone.now() - timedelta(days=30)
        return {
            "rows": [
                (label, counts.get(value, 0))
                for value, label in Subscriber.Status.choices
            ],
            "recent": Subscriber.objects.filter(created_at__gte=since).count(),
        }
