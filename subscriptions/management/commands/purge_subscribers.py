from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from subscriptions.models import Subscriber, SubscriberToken


class Command(BaseCommand):
    help = (
        "Löscht Anmeldungen, die nicht innerhalb der gesetzten Frist bestätigt wurden, "
        "und abgelaufene Bestätigungslinks. Für einen täglichen Cronjob gedacht."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SUBSCRIBE_PURGE_PENDING_AFTER_DAYS,
            help="Unbestätigte Anmeldungen löschen, die älter als so viele Tage sind "
            "(Standard: %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur zählen, nichts löschen."
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            self.stderr.write("--days muss mindestens 1 sein.")
            return
        now = timezone.now()
        pending = Subscriber.objects.filter(
            status=Subscriber.Status.PENDING, created_at__lt=now - timedelta(days=days)
        )
        # Used confirmation links serve no purpose once they would have expired;
        # unused ones stay so an expired link can still offer a new one.
        used_links = SubscriberToken.objects.filter(
            purpose=SubscriberToken.Purpose.CONFIRM,
            used_at__isnull=False,
            created_at__lt=now
            - timedelta(hours=settings.SUBSCRIBE_CONFIRM_TOKEN_HOURS),
        )
        count = pending.count()
        if not dry_run:
            pending.delete()  # their tokens go with them
            used_links.delete()
        verb = "würden gelöscht" if dry_run else "gelöscht"
        self.stdout.write(
            f"{count} unbestätigte Anmeldungen (älter als {days} Tage) {verb}."
        )
