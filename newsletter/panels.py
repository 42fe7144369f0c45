"""The post's "An Abonnenten senden" panel: options plus the send's status.

Buttons that POST cannot live inside the page form, so the panel links to the
newsletter admin view for the test email, the send and the progress.
"""

from modelcluster.forms import BaseChildFormSet

from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import InlinePanel, MultiFieldPanel, Panel


class OptionalFormSet(BaseChildFormSet):
    """A post form submitted without this formset's fields (a script or test
    that knows nothing of the newsletter) counts as "no newsletter options"
    (and clears any) instead of failing the whole page form on a missing
    management form."""

    def __init__(self, data=None, *args, prefix=None, **kwargs):
        prefix = prefix or self.get_default_prefix()
        if data is not None and f"{prefix}-{TOTAL_FORM_COUNT}" not in data:
            data = data.copy()
            data[f"{prefix}-{TOTAL_FORM_COUNT}"] = "0"
            data[f"{prefix}-{INITIAL_FORM_COUNT}"] = "0"
        super().__init__(data, *args, prefix=prefix, **kwargs)


class OptionsPanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = OptionalFormSet
        return options


class SendStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletter/admin/panel.html"

        def get_context_data(self, parent_context=None):
            from .models import PostSend

            context = super().get_context_data(parent_context)
            page = self.instance
            send = None
            if page.pk:
                send = (
                    PostSend.objects.filter(page_id=page.pk)
                    .order_by("-generation")
                    .first()
                )
            context.update(
                {
                    "page": page,
                    "send": send,
                    "counts": send.counts() if send else None,
                }
            )
            return context


def newsletter_panel():
    return MultiFieldPanel(
        [
            OptionsPanel(
                "newsletter_options",
                max_num=1,
                label=_("Newsletter-Einstellungen"),
                help_text=_(
                    "Betreff und „beim Veröffentlichen senden“. Gilt ab der "
                    "nächsten Veröffentlichung."
                ),
            ),
            SendStatusPanel(),
        ],
        heading=_("An Abonnenten senden"),
        classname="collapsed",
    )
