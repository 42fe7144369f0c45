from django.contrib import admin
from django.urls import re_path
from django.utils import timezone

from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import IndexView

from .admin_views import (
    ResendConfirmationView,
    SubscriberButtonHelper,
    SubscriberPermissionHelper,
    SubscriberSummaryPanel,
)
from .models import Subscriber


def local_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class SubscriberIndexView(IndexView):
    # The CSV/XLSX columns carry the list's own headings (modeladmin would
    # title-case every word: „Anmeldung Auf Seite“).
    export_headings = {
        "email": "E-Mail-Adresse",
        "first_name": "Vorname",
        "export_status": "Status",
        "export_signed_up": "Angemeldet am",
        "export_confirmed": "Bestätigt am",
        "export_unsubscribed": "Abgemeldet am",
        "signup_page": "Anmeldeseite",
        "export_consent_version": "Version des Einwilligungstexts",
    }


class SubscriberAdmin(ModelAdmin):
    model = Subscriber
    index_view_class = SubscriberIndexView
    menu_label = "Abonnenten"
    menu_icon = "mail"
    menu_order = 250
    add_to_settings_menu = False
    list_display = ("email", "first_name", "status", "created_at", "confirmed_at")
    list_filter = ("status", "created_at", "confirmed_at")
    search_fields = ("email", "first_name")
    # Export readable values (German status, local times) rather than raw ones.
    list_export = (
        "email",
        "first_name",
        "export_status",
        "export_signed_up",
        "export_confirmed",
        "export_unsubscribed",
        "signup_page",
        "export_consent_version",
    )
    export_filename = "abonnenten"
    inspect_view_enabled = True
    inspect_view_fields = (
        "email",
        "first_name",
        "status",
        "created_at",
        "signup_page",
        "consent_text",
        "confirmed_at",
        "unsubscribed_at",
        "email_attempts",
        "last_email_sent_at",
        "last_email_error",
    )
    permission_helper_class = SubscriberPermissionHelper
    button_helper_class = SubscriberButtonHelper

    @admin.display(description="Status")
    def export_status(self, obj):
        return obj.get_status_display()

    @admin.display(description="Angemeldet am")
    def export_signed_up(self, obj):
        return local_time(obj.created_at)

    @admin.display(description="Bestätigt am")
    def export_confirmed(self, obj):
        return local_time(obj.confirmed_at)

    @admin.display(description="Abgemeldet am")
    def export_unsubscribed(self, obj):
        return local_time(obj.unsubscribed_at)

    @admin.display(description="Version des Einwilligungstexts")
    def export_consent_version(self, obj):
        return obj.consent_version if obj.consent_text else ""

    def resend_view(self, request, instance_pk):
        return ResendConfirmationView.as_view(
            model_admin=self, instance_pk=instance_pk
        )(request)

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            re_path(
                self.url_helper.get_action_url_pattern("resend"),
                self.resend_view,
                name=self.url_helper.get_action_url_name("resend"),
            ),
        )


modeladmin_register(SubscriberAdmin)


@hooks.register("construct_homepage_panels")
def add_subscriber_panel(request, panels):
    if request.user.has_perm("subscriptions.view_subscriber") or request.user.has_perm(
        "subscriptions.change_subscriber"
    ):
        panels.append(SubscriberSummaryPanel())
