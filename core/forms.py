"""The admin form every page type of the site uses (SeoMixin.base_form_class)."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm


class FederPageForm(WagtailAdminPageForm):
    def _post_clean(self):
        # After the model's own validation, which reports a taken slug a second
        # time: both of Wagtail's messages give way to one that names the page.
        slug = self.data.get(self.add_prefix("slug"), "")
        super()._post_clean()
        if self.has_error("slug") and slug:
            try:
                slug = self.fields["slug"].clean(slug)
            except forms.ValidationError:
                return  # not a taken slug but a bad one: Wagtail's message fits
            self.explain_taken_slug(slug)

    def explain_taken_slug(self, slug):
        """Say which page holds the slug and what to do about it.

        Wagtail's autosave stores a draft as soon as a new page has a title; an
        editor who leaves and starts again with the same title then meets only
        „Der Kurztitel … wird bereits verwendet“ on a hidden tab.
        """
        if not slug or self.parent_page is None:
            return
        other = (
            self.parent_page.get_children()
            .filter(slug=slug)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if other is None:
            return
        where = {
            "parent": self.parent_page.title,
            "slug": slug,
            "title": other.draft_title or other.title,
        }
        if other.live or other.first_published_at:
            message = _(
                "Unter „%(parent)s“ gibt es schon die Seite „%(title)s“ mit der "
                "Adresse „%(slug)s“. Geben Sie dieser Seite im Reiter "
                "„Veröffentlichung“ einen anderen Slug."
            )
        else:
            saved = other.latest_revision_created_at or other.last_published_at
            where["saved"] = (
                formats.date_format(timezone.localtime(saved), "j. F Y, H:i")
                if saved
                else _("unbekannt")
            )
            message = _(
                "Unter „%(parent)s“ gibt es schon einen nie veröffentlichten Entwurf "
                "mit der Adresse „%(slug)s“: „%(title)s“, zuletzt gespeichert am "
                "%(saved)s. Die automatische Speicherung legt einen Entwurf an, "
                "sobald ein Titel eingetragen ist. Schreiben Sie in diesem Entwurf "
                "weiter (Seiten → „%(parent)s“ → „%(title)s“) oder löschen Sie ihn, "
                "wenn Sie ihn nicht mehr brauchen – oder geben Sie dieser Seite im "
                "Reiter „Veröffentlichung“ einen anderen Slug."
            )
        self.errors.pop("slug", None)
        self.add_error(
            "slug", forms.ValidationError(_("Diese Adresse ist schon vergeben."))
        )
        self.add_error(None, forms.ValidationError(message % where))
