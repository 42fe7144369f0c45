import re

import pytest

from django.core.management import call_command

from subscriptions.models import Subscriber
from tests.factories import make_image, make_post
from tests.smtp import Inbox

UNSUBSCRIBE = re.compile(r"http://testserver(/abo/abmelden/[A-Za-z0-9_-]+/)")


class FlakyInbox(Inbox):
    """Refuses some recipients at RCPT: 451 (transient) the first `times`
    times, 550 (permanent) always."""

    def __init__(self, transient=(), permanent=(), times=1):
        super().__init__()
        self.transient = dict.fromkeys(transient, times)
        self.permanent = set(permanent)
        self.refused = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.permanent:
            self.refused.append(address)
            return "550 5.1.1 Mailbox unavailable"
        if self.transient.get(address, 0) > 0:
            self.transient[address] -= 1
            self.refused.append(address)
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def recipients(inbox):
    return sorted(address for e in inbox.envelopes for address in e.rcpt_tos)


def unsubscribe_path(message):
    text = message.get_body(("plain",)).get_content()
    return UNSUBSCRIBE.search(text)[1]


def subscribers(*emails, status=Subscriber.Status.CONFIRMED):
    return [Subscriber.objects.create(email=email, status=status) for email in emails]


def newsletter_post(blog, send_on_publish=False, subject="", **fields):
    fields.setdefault(
        "body",
        [
            (
                "paragraph",
                '<p>Erster Absatz mit <a href="https://example.com/">Link</a>.</p>',
            ),
            ("heading", {"text": "Zwischentitel", "level": "h2"}),
            ("image", {"image": make_image(), "alt_text": "Ein Bild", "caption": ""}),
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "title": "Das Video",
                },
            ),
            ("quote", {"text": "Zuhören ist Führung.", "attribution": "Mesut"}),
        ],
    )
    return make_post(
        blog,
        newsletter_send_on_publish=send_on_publish,
        newsletter_subject=subject,
        **fields,
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what the code inside queues for after the commit
    (sends start then), without a real transaction around the test."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }


def run_worker():
    call_command(
        "run_worker",
        "--queue-name=*",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )
