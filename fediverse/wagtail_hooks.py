from django.contrib import admin
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import DeleteView

from . import documents
from .delivery import remove_follower
from .models import Delivery, Follower, Interaction


def local_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class RemoveOnlyPermissionHelper(PermissionHelper):
    """Rows come from the fediverse: editors list and remove them, never add
    or edit them by hand."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class ReadOnlyPermissionHelper(RemoveOnlyPermissionHelper):
    def user_can_delete_obj(self, user, obj):
        return False


class RemoveFollowerView(DeleteView):
    def delete_instance(self):
        from .tasks import deliver_activity

        with transaction.atomic():
            delivery = remove_follower(self.instance)
            transaction.on_commit(lambda: deliver_activity.enqueue(delivery.pk))


class FollowerAdmin(ModelAdmin):
    model = Follower
    menu_label = "Follower"
    menu_icon = "group"
    list_display = ("handle", "display_name", "domain", "followed_since")
    list_filter = ("domain",)
    search_fields = ("username", "display_name", "domain", "actor_url")
    inspect_view_enabled = True
    inspect_view_fields = (
        "actor_url",
        "username",
        "display_name",
        "domain",
        "inbox_url",
        "shared_inbox_url",
        "profile_url",
        "followed_at",
    )
    permission_helper_class = RemoveOnlyPermissionHelper
    delete_view_class = RemoveFollowerView

    @admin.display(description="Konto")
    def handle(self, obj):
        return obj.handle

    @admin.display(description="folgt seit")
    def followed_since(self, obj):
        return local_time(obj.followed_at)


class DeliveryAdmin(ModelAdmin):
    model = Delivery
    menu_label = "Zustellungen"
    menu_icon = "upload"
    list_display = (
        "activity_kind",
        "article",
        "inbox_url",
        "status",
        "attempts",
        "last_error",
        "next_try",
    )
    list_filter = ("status", "activity__kind")
    search_fields = ("inbox_url", "last_error")
    inspect_view_enabled = True
    permission_helper_class = ReadOnlyPermissionHelper

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("activity__page")

    @admin.display(description="Art")
    def activity_kind(self, obj):
        return obj.activity.get_kind_display()

    @admin.display(description="Artikel")
    def article(self, obj):
        return obj.activity.page.title if obj.activity.page else ""

    @admin.display(description="nächster Versuch")
    def next_try(self, obj):
        return local_time(obj.next_attempt_at)


class InteractionAdmin(ModelAdmin):
    model = Interaction
    menu_label = "Reaktionen"
    menu_icon = "comment"
    list_display = ("kind", "article", "actor_url", "short_content", "received")
    list_filter = ("kind",)
    search_fields = ("content", "actor_url")
    inspect_view_enabled = True
    permission_helper_class = RemoveOnlyPermissionHelper

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page")

    @admin.display(description="Artikel")
    def article(self, obj):
        return obj.page.title if obj.page else ""

    @admin.display(description="Text")
    def short_content(self, obj):
        return obj.content[:120]

    @admin.display(description="erhalten am")
    def received(self, obj):
        return local_time(obj.received_at)


class FediverseGroup(ModelAdminGroup):
    menu_label = "Fediverse"
    menu_icon = "globe"
    menu_order = 260
    items = (FollowerAdmin, InteractionAdmin, DeliveryAdmin)


modeladmin_register(FediverseGroup)


class FediverseSummaryPanel(Component):
    name = "fediverse_summary"
    order = 160
    template_name = "fediverse/admin/summary_panel.html"

    def get_context_data(self, parent_context):
        kinds = dict(
            Interaction.objects.values_list("kind").annotate(n=Count("pk")).order_by()
        )
        return {
            "handle": f"@{documents.handle()}@{documents.host()}",
            "followers": Follower.objects.count(),
            "servers": Follower.objects.values("domain").distinct().count(),
            "replies": kinds.get(Interaction.Kind.REPLY, 0),
            "likes": kinds.get(Interaction.Kind.LIKE, 0),
            "failed": Delivery.objects.filter(status=Delivery.Status.FAILED).count(),
        }


@hooks.register("construct_homepage_panels")
def add_fediverse_panel(request, panels):
    if request.user.has_perm("fediverse.view_follower"):
        panels.append(FediverseSummaryPanel())
