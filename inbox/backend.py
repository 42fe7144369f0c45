"""An email backend for the demo: every message lands in the database.

The admin lists them under „Demo-Postfach“, so the double opt-in and the
newsletter can be tried end to end on one machine, without an SMTP server and
without any email leaving it.
"""

from email.header import decode_header, make_header

from django.core.mail.backends.base import BaseEmailBackend

from .models import InboxMessage

SHOWN_HEADERS = (
    "From",
    "To",
    "Reply-To",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "Auto-Submitted",
)


def readable(value):
    return str(make_header(decode_header(str(value or ""))))


def body_of(mime, content_type):
    for part in mime.walk():
        if part.get_content_type() == content_type and not part.is_multipart():
            payload = part.get_payload(decode=True) or b""
            return payload.decode(part.get_content_charset() or "utf-8", "replace")
    return ""


class InboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            if not message.recipients():
                continue
            mime = message.message()
            InboxMessage.objects.create(
                from_email=readable(mime["From"]),
                to=", ".join(message.recipients()),
                subject=readable(mime["Subject"]),
                text=body_of(mime, "text/plain"),
                html=body_of(mime, "text/html"),
                headers={name: str(mime[name]) for name in SHOWN_HEADERS if mime[name]},
                raw=mime.as_string(),
            )
            sent += 1
        return sent
