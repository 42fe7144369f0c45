"""The send's status inside the page editor's "An Abonnenten senden" panel.

Buttons that POST cannot live inside the page form, so the panel links to the
newsletter admin views for the test email, the send and the progress.
"""

from wagtail.admin.panels import Panel


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
