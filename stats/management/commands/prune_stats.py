from django.conf import settings
from django.core.management.base import BaseCommand

from stats.buffer import prune


class Command(BaseCommand):
    help = "Löscht Statistik-Tageszahlen, die älter sind als die angegebene Zahl Tage."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-days",
            type=int,
            default=None,
            help="Standard: settings.STATS_RETENTION_DAYS.",
        )

    def handle(self, *args, older_than_days=None, **options):
        days = (
            older_than_days
            if older_than_days is not None
            else settings.STATS_RETENTION_DAYS
        )
        if days < 1:
            self.stderr.write("--older-than-days muss mindestens 1 sein.")
            return
        deleted = prune(days)
        self.stdout.write(f"{deleted} Zeilen gelöscht (älter als {days} Tage).")
