from django.urls import re_path

from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .admin_views import (
    ResendConfirmationView,
    SubscriberButtonHelper,
    SubscriberPermissionHelper,
    SubscriberSummaryPanel,
)
from .models import Subscriber


class SubscriberAdmin(ModelAdmin):
    model = Subscriber
    menu_label = "Abonnenten"
    menu_icon = "mail"
    menu_order = 250
    add_to_settings_menu = False
    list_display = ("email", "first_name", "status", "created_at", "confirmed_at")
    list_filter = ("status", "created_at", "confirmed_at")
    search_fields = ("email", "first_name")
    list_export = (
        "email",
        "first_name",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "signup_page",
        "consent_version",
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
