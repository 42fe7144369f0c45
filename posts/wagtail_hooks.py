from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BlogTag


class BlogTagViewSet(SnippetViewSet):
    """Tags get a description and an image for their page on the blog."""

    model = BlogTag
    icon = "tag"
    menu_label = _("Schlagwörter")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    add_to_admin_menu = False


register_snippet(BlogTagViewSet)
