"""Print a post's newsletter email (HTML or plain text) as subscribers get it,
with a placeholder unsubscribe link. Sends nothing, stores nothing."""

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from wagtail.models import Page

from core.site import absolute_url
from subscriptions.emails import build_message
from subscriptions.models import Subscriber

from ...models import NewsletterPageMixin
from ...rendering import post_context
from ...sending import TEMPLATE
from ...services import subject_for


class Command(BaseCommand):
    help = "Gibt die Newsletter-E-Mail eines Artikels aus (ohne zu senden)."

    def add_arguments(self, parser):
        parser.add_argument("post", help="ID oder Slug des Artikels")
        parser.add_argument("--text", action="store_true", help="Nur-Text-Fassung")

    def handle(self, post, text, **options):
        lookup = {"pk": int(post)} if post.isdigit() else {"slug": post}
        page = Page.objects.filter(**lookup).first()
        page = page.specific if page else None
        if not isinstance(page, NewsletterPageMixin):
            raise CommandError(f"Kein Artikel gefunden: {post}")
        url = absolute_url(reverse("subscriptions:unsubscribe", args=["beispiel"]))
        subject = subject_for(page)
        message = build_message(
            Subscriber(email="leserin@example.org"),
            subject,
            TEMPLATE,
            post_context(page, subject),
            unsubscribe=(url, {}),
        )
        if text:
            self.stdout.write(message.body)
        else:
            self.stdout.write(message.alternatives[0][0])
