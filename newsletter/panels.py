"""The post's "An Abonnenten senden" panel: options plus the send's status.

Buttons that POST cannot live inside the page form, so the panel links to the
newsletter admin view for the test email, the send and the progress.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import InlinePanel, MultiFieldPanel, Panel


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
            InlinePanel(
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
